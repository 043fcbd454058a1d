// One entry of the trace: every change any producer (simulated kernel or real lab) records.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "proclab/types.h"

namespace proclab {

enum class EventKind : std::uint8_t {
  Arrive,         // New -> Ready: a workload process enters the system
  Dispatch,       // Ready -> Running on `cpu`
  Preempt,        // Running -> Ready (quantum expired or a better process is ready)
  Block,          // Running -> Blocked; detail: BlockReason
  Wake,           // Blocked -> Ready
  Exit,           // -> Zombie; detail: exit status (code >= 0, or -signal when killed)
  Reap,           // Zombie -> Terminated; detail: pid of the reaper
  Fork,           // pid created child `detail`
  ForkFailed,     // pid's fork failed; detail: errno (EAGAIN)
  Reparent,       // pid's parent became `detail`
  Signal,         // pid received signal `detail` (from/to show its effect, if any)
  Output,         // pid printed trace.text(detail)
  ContextSwitch,  // `cpu` starts switching to pid; detail: cost in ticks
  Exec,           // pid replaced its program; detail: text index of the command
  Sample,         // real backend: a /proc sample saw pid move from/to (detail: cpu it was on)
};
inline constexpr int kEventKindCount = 15;

enum class BlockReason : std::int32_t { Io = 0, Sleep = 1, Wait = 2 };

std::string_view to_string(EventKind k);
std::optional<EventKind> event_kind_from_string(std::string_view name);
std::string_view to_string(BlockReason r);

// 20 bytes. Fields a kind does not use are -1 (cpu) or 0 (detail), from == to.
struct Event {
  Tick time = 0;
  Pid pid = kNoPid;
  std::int32_t detail = 0;
  std::int16_t cpu = -1;
  EventKind kind = EventKind::Arrive;
  ProcState from = ProcState::New;
  ProcState to = ProcState::New;

  bool operator==(const Event&) const = default;
};

}  // namespace proclab
