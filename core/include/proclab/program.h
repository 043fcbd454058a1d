// What a simulated process executes. The kernel runs a process one tick at a time by calling
// Program::step; the program talks back through ProcessContext (its system calls).
// Burst workloads (cpu 5, io 3, ...) and interpreted Python snippets are both Programs.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "proclab/types.h"

namespace proclab {

inline constexpr int kSIGKILL = 9;
inline constexpr int kSIGTERM = 15;
inline constexpr int kSIGSTOP = 19;
inline constexpr int kSIGCONT = 18;
inline constexpr int kEAGAIN = 11;
inline constexpr int kECHILD = 10;
inline constexpr int kESRCH = 3;

struct ForkReply {
  Pid child = kNoPid;  // > 0 in the parent on success
  int error = 0;       // kEAGAIN when the process limit is reached
};

struct WaitReply {
  enum class Kind { Reaped, WouldBlock, NoChild, NothingYet };  // NothingYet: WNOHANG found no zombie
  Kind kind = Kind::NoChild;
  Pid pid = kNoPid;
  int status = 0;  // exit code, or -signal
};

// The system calls a running program may make during its step. Valid only inside step().
class ProcessContext {
 public:
  virtual ~ProcessContext() = default;
  virtual Pid pid() const = 0;
  virtual Pid ppid() const = 0;
  virtual Tick now() const = 0;
  // Creates a child whose program is the parent's Program::fork_child().
  virtual ForkReply fork() = 0;
  // Reaps a zombie child (any child when pid == -1) or reports why it cannot.
  // WouldBlock means: return StepResult::wait() and the kernel retries when a child exits.
  virtual WaitReply wait(Pid pid, bool no_hang) = 0;
  // Returns 0, or kESRCH when no such live process.
  virtual int kill(Pid pid, int signal) = 0;
  virtual void output(std::string text) = 0;
  // Changes this process's nice value by `increment`; returns the new value.
  virtual int nice(int increment) = 0;
  // A number from the run's seeded generator in [0, 2^32).
  virtual std::uint32_t random() = 0;
};

// What the process does after this tick.
struct StepResult {
  enum class Kind { Run, Block, Wait, Exit };
  Kind kind = Kind::Run;
  Tick block_for = 0;  // Block: ticks to stay Blocked
  int exit_status = 0;  // Exit: code
  bool sleeping = false;  // Block: time.sleep rather than I/O

  static StepResult run() { return {}; }
  static StepResult io(Tick ticks) { return {Kind::Block, ticks, 0, false}; }
  static StepResult sleep(Tick ticks) { return {Kind::Block, ticks, 0, true}; }
  static StepResult wait() { return {Kind::Wait, 0, 0, false}; }
  static StepResult exit(int status) { return {Kind::Exit, 0, status, false}; }
};

class Program {
 public:
  virtual ~Program() = default;
  // Executes one tick of CPU.
  virtual StepResult step(ProcessContext& ctx) = 0;
  // The child's copy, made inside ctx.fork(): when stepped it continues as if fork returned 0.
  virtual std::unique_ptr<Program> fork_child() const = 0;
  // A deep copy (for snapshots / step back).
  virtual std::unique_ptr<Program> clone() const = 0;
  // Ticks left in the current CPU burst, when known (SJF, SRTF use it).
  virtual std::optional<Tick> remaining_burst() const { return std::nullopt; }
  // Total CPU ticks the program still needs, when known.
  virtual std::optional<Tick> remaining_total() const { return std::nullopt; }
  // 1-based source line about to run, when the program has source (the GUI's code view).
  virtual int current_line() const { return 0; }
};

}  // namespace proclab
