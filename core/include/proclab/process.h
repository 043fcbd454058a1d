// A simulated process: identity, state, and the bookkeeping the kernel and policies keep.
#pragma once

#include <memory>
#include <string>

#include "proclab/program.h"
#include "proclab/types.h"

namespace proclab {

// Per-process scratch space the policies use (one struct, so a process stays one allocation).
struct SchedData {
  int level = 0;            // MLFQ queue level (0 = highest)
  Tick level_used = 0;      // MLFQ: ticks used at the current level (allotment)
  std::uint64_t pass = 0;   // stride: pass value
  std::uint64_t vruntime = 0;  // CFS: weighted virtual runtime (in 1/1024 ticks)
  Tick ready_since = 0;     // when it last entered Ready (aging)
  std::uint64_t seq = 0;    // order of entering the ready queue (FIFO tie-break)
  std::uint32_t boosts_seen = 0;  // MLFQ: priority boosts already applied to it (lazy boost)
};

struct Process {
  Pid pid = kNoPid;
  Pid ppid = kNoPid;
  Pid original_ppid = kNoPid;
  std::string name;
  ProcState state = ProcState::New;
  Tick arrival = 0;
  int priority = 0;       // current (aging may improve it); lower number = higher priority
  int base_priority = 0;
  int tickets = 100;
  int nice = 0;
  bool subreaper = false;
  std::unique_ptr<Program> program;

  int cpu = -1;             // CPU it runs on, or -1
  Tick slice_used = 0;      // ticks run in the current quantum
  Tick slice_len = 0;       // that quantum's length, fixed at dispatch (0: no limit)
  Tick cpu_time = 0;        // total ticks run
  Tick wake_at = 0;         // Blocked on I/O or sleep: when it becomes Ready
  bool waiting_child = false;  // Blocked in wait()
  Pid wait_for = -1;        // the child wait() waits for; -1: any
  ProcState state_before_stop = ProcState::Ready;
  int exit_status = 0;      // code, or -signal
  int children = 0;         // live or zombie children (saves scanning the table on exit)
  SchedData sched;

  bool alive() const {
    return state != ProcState::Zombie && state != ProcState::Terminated && state != ProcState::New;
  }
};

}  // namespace proclab
