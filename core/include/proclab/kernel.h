// The simulated kernel: the process table, the CPUs, the clock and the system calls.
// It is the only code that changes a simulated process's state (transition() below), and it
// records every change in the Trace. Lifecycle rules follow Unix (cf. xv6 kernel/proc.c);
// each is written once here and in docs/semantics.md.
#pragma once

#include <cstdint>
#include <memory>
#include <queue>
#include <random>
#include <string>
#include <vector>

#include "proclab/policy.h"
#include "proclab/process.h"
#include "proclab/trace.h"

namespace proclab {

// Who adopts the live children of a process that exits.
enum class ReparentRule : std::uint8_t { Init, Subreaper, Grandparent };
std::string_view to_string(ReparentRule r);
std::optional<ReparentRule> reparent_rule_from_string(std::string_view name);

struct KernelConfig {
  int cpus = 1;                 // 1..kMaxCpus
  Tick context_switch = 0;      // ticks a CPU spends switching to a different process
  bool preempted_first = false; // tie rule: a preempted process re-enters the ready queue
                                // before processes arriving or waking at the same tick
  Pid first_pid = 100;
  int max_procs = 64;           // live + zombie processes (init excluded); fork fails beyond it
  ReparentRule reparent = ReparentRule::Init;
  bool child_first = false;     // after fork the child takes the parent's CPU
  std::uint64_t seed = 1;
};
inline constexpr int kMaxCpus = 64;

struct SpawnSpec {
  std::string name;
  Tick arrival = 0;
  int priority = 0;
  int tickets = 100;
  int nice = 0;
  std::unique_ptr<Program> program;
};

enum class StopReason : std::uint8_t { Running, Exit, MaxTicks, Deadlock };
std::string_view to_string(StopReason r);

struct CpuState {
  Process* running = nullptr;
  Process* switching_to = nullptr;  // context switch in progress
  Tick switch_left = 0;
  Pid last_pid = kNoPid;            // last process this CPU ran (context-switch count)
  Pid handoff = kNoPid;             // child-first fork: the child takes this CPU next
};

class Kernel {
 public:
  Kernel(KernelConfig config, std::unique_ptr<Policy> policy);
  Kernel(const Kernel&) = delete;
  Kernel& operator=(const Kernel&) = delete;

  // Adds a process that arrives (New -> Ready) at spec.arrival, as a child of init.
  // Returns its pid. Call before the clock passes spec.arrival.
  Pid spawn(SpawnSpec spec);

  // Advances the clock by one tick. Returns false (and does nothing) once stopped().
  bool step();
  // Steps until every process has exited, a deadlock, or the clock reaches max_ticks.
  StopReason run(Tick max_ticks);
  // Running while there is work; Exit when no process is left; Deadlock when live processes
  // remain but none can ever run again (all wait on each other or are stopped).
  StopReason status() const { return status_; }

  // Commands from the user (GUI, CLI). Each returns 0 or an errno (kESRCH).
  int send_signal(Pid pid, int signal);
  int set_priority(Pid pid, int priority);
  int set_nice(Pid pid, int nice);

  Tick now() const { return now_; }
  const KernelConfig& config() const { return config_; }
  const Trace& trace() const { return trace_; }
  const Policy& policy() const { return *policy_; }
  const std::vector<CpuState>& cpus() const { return cpus_; }
  // nullptr when pid was never created. kInitPid is the init process.
  const Process* process(Pid pid) const;
  // Every process ever created (init excluded), in pid order.
  std::vector<const Process*> processes() const;
  // Live and zombie processes (what ps would list), init excluded.
  int process_count() const { return counted_procs_; }

 private:
  class Syscalls;
  friend class Syscalls;

  Process* find(Pid pid);
  Process& create(Pid parent, std::int32_t name, int priority, int tickets, int nice,
                  std::unique_ptr<Program> program, Tick arrival);
  void transition(Process& p, ProcState to, EventKind kind, std::int32_t detail = 0);
  void record(EventKind kind, Pid pid, std::int32_t detail, int cpu = -1);

  void wake_due();
  void admit_arrivals();
  void make_ready(Process& p, EventKind kind, EnqueueReason why);
  void expire_quanta();
  void preempt_for_better();
  void preempt(CpuState& cpu);
  void dispatch_idle_cpus();
  void run_cpus();
  void apply(Process& p, const StepResult& r);
  void do_exit(Process& p, int status);
  void reparent_children(Process& dying);
  Pid adopter_for(const Process& dying) const;
  Process* zombie_child(const Process& parent, Pid which);
  bool has_child(const Process& parent, Pid which) const;
  void reap(Process& zombie, Pid reaper);
  void wake_waiting_parent(Process& child);
  void release_cpu(Process& p);
  void leave_current_state(Process& p);
  void deliver_signal(Process& p, int signal);
  void deliver_pending_signals();
  void update_status();

  KernelConfig config_;
  std::unique_ptr<Policy> policy_;
  Trace trace_;
  Tick now_ = 0;
  StopReason status_ = StopReason::Running;
  std::unique_ptr<Process> init_;
  std::vector<std::unique_ptr<Process>> procs_;  // index: pid - first_pid
  std::vector<CpuState> cpus_;
  int counted_procs_ = 0;
  int live_procs_ = 0;  // not yet Zombie/Terminated (New included)
  std::uint64_t enqueue_seq_ = 0;

  using TimedPid = std::pair<Tick, Pid>;
  std::priority_queue<TimedPid, std::vector<TimedPid>, std::greater<>> wakeups_;
  std::priority_queue<TimedPid, std::vector<TimedPid>, std::greater<>> arrivals_;
  struct Ran {
    Process* process;
    StepResult result;
  };
  std::vector<Ran> ran_;                    // this tick's results, in CPU order (reused)
  std::vector<Process*> forked_;            // this tick: children to admit after the run phase
  std::vector<std::pair<Pid, int>> pending_signals_;  // sent by programs during the run phase
  std::mt19937 rng_;
};

}  // namespace proclab
