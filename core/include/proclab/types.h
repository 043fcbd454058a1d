// Basic vocabulary of the simulator: ticks, pids and process states.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace proclab {

using Tick = std::int32_t;  // simulated time; the real backend stores microseconds here
using Pid = std::int32_t;

inline constexpr Pid kNoPid = -1;
inline constexpr Pid kInitPid = 1;

// The language of sentences the core writes for people (pick explanations, row labels).
enum class Locale : std::uint8_t { En, Zh };

enum class ProcState : std::uint8_t { New, Ready, Running, Blocked, Stopped, Zombie, Terminated };
inline constexpr int kProcStateCount = 7;

// "ready", "running", ... (the names the JSON formats use).
std::string_view to_string(ProcState s);
// The letter Linux's ps shows: R (ready or running), S (blocked), T, Z, X; '-' for New.
char linux_letter(ProcState s);
// Textbook names in Chinese: 就绪态 Ready, 执行态 Running, 等待态 Blocked, ...
std::string_view chinese_name(ProcState s);
std::optional<ProcState> proc_state_from_string(std::string_view name);

// The legal-transition table (DESIGN.md): the only transitions Kernel may make.
bool is_legal_transition(ProcState from, ProcState to);

}  // namespace proclab
