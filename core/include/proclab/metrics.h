// Scheduling metrics: pure functions of a Trace (DESIGN.md). Definitions (docs/semantics.md):
// turnaround = completion - arrival; waiting = ticks spent Ready; response = first run - arrival.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "proclab/trace.h"

namespace proclab {

struct ProcessMetrics {
  Pid pid = kNoPid;
  std::string name;
  int priority = 0;
  Tick arrival = 0;
  Tick cpu_time = 0;                 // ticks Running (the burst, once complete)
  std::optional<Tick> first_run;     // first Dispatch
  std::optional<Tick> completion;    // Exit
  std::optional<Tick> turnaround;
  Tick waiting = 0;                  // ticks in Ready (so far, if not complete)
  std::optional<Tick> response;
};

// Consecutive ticks of one process on one CPU are one slice. A context switch is a slice too.
struct GanttSlice {
  int cpu = 0;
  Pid pid = kNoPid;
  Tick start = 0;
  Tick end = 0;
  bool context_switch = false;
  bool operator==(const GanttSlice&) const = default;
};

struct Metrics {
  std::vector<ProcessMetrics> processes;  // pid order, init excluded
  double avg_turnaround = 0, avg_waiting = 0, avg_response = 0;  // over completed processes
  Tick makespan = 0;            // last completion - first arrival
  std::vector<double> cpu_utilization;  // per CPU: running ticks / makespan
  double utilization = 0;       // all CPUs together
  double throughput = 0;        // completed processes per tick
  int context_switches = 0;     // a CPU dispatching a different process than it last ran
  std::vector<GanttSlice> gantt;
};

// `end` is the time the run reached (open slices and Ready spans close there).
std::vector<GanttSlice> gantt_slices(const Trace& trace, Tick end);
Metrics compute_metrics(const Trace& trace, int cpus, Tick end);

}  // namespace proclab
