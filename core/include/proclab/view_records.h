// Build records, then draw (DESIGN.md): pure functions turning a RunModel (and, when the source
// has one, its SchedulerInfo) into flat records the GUI views draw. They never see a Kernel, so a
// real run draws exactly as a simulated one. No ImGui here; every function is unit-tested.
// Sections: 1. colors  2. fork tree  3. timeline  4. state diagram  5. queues
//           6. process table  7. console  8. process count over time
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "proclab/run_source.h"

namespace proclab {

// ---- 1. colors ----
// Packed 0xAABBGGRR (Dear ImGui's ImU32 layout). Distinct hues for neighbouring pids; the same
// pid always gets the same color, in every view.
std::uint32_t pid_color(Pid pid);
// A fixed color per state (running green, ready amber, blocked blue, ...).
std::uint32_t state_color(ProcState s);

// ---- 2. fork tree ----
struct TreeNode {
  Pid pid = kNoPid;            // kNoPid for a "+N" badge
  Pid parent = kNoPid;         // current parent (after reparenting); kNoPid for the root
  int parent_index = -1;       // index of the parent's node in TreeLayout::nodes, -1 for the root
  Pid previous_parent = kNoPid;  // parent before the latest reparent, or kNoPid
  Tick reparented_at = -1;     // tick of the latest reparent, or -1
  Pid adopted_by = kNoPid;     // by_fork layouts: the current parent when it is not `parent`
  int folded = 0;              // badge: processes hidden under it
  float x = 0, y = 0;          // layout units: x in leaf slots, y = depth
  ProcState state = ProcState::New;
};

struct TreeOptions {
  int budget = 400;         // at most this many process nodes are shown; the rest fold into badges
  int max_children = 16;    // children shown per node before the rest fold into one badge
  bool show_terminated = true;  // reaped processes stay in the tree (drawn faded)
  // Place each process under the process that forked it while that one is in the tree
  // (the shape of the fork() calls); otherwise under its current parent.
  bool by_fork = false;
  Pid selected = kNoPid;    // never folded away: its ancestors are always shown
};

struct TreeLayout {
  std::vector<TreeNode> nodes;  // parents before children; nodes[0] is init
  float width = 0;              // in leaf slots
  int depth = 0;                // deepest y
  int hidden = 0;               // processes folded into badges
  // Index in nodes of pid, or -1.
  int find(Pid pid) const;
};

// Every process, New ones included (a workload's later arrivals show before they arrive).
TreeLayout layout_fork_tree(const RunModel& model, const TreeOptions& options);

// ---- 3. timeline ----
struct Band {
  int lane = 0;            // CPU number, or the process's row
  Pid pid = kNoPid;
  Tick start = 0, end = 0; // [start, end)
  ProcState state = ProcState::Running;
  bool context_switch = false;
};

// One band per run of one process on one CPU (context switches are bands too), up to now.
std::vector<Band> cpu_bands(const RunModel& model);
// State bands of every process (lane = index in model.processes(), init excluded so lanes
// start at 0), up to now. New is not drawn; Terminated ends the last band.
std::vector<std::vector<Band>> process_bands(const RunModel& model);

// ---- 4. state diagram ----
struct StateCounts {
  std::array<int, kProcStateCount> count{};  // indexed by ProcState; init excluded
  // Transitions recorded from trace event `since` on, indexed [from][to].
  std::array<std::array<int, kProcStateCount>, kProcStateCount> moved{};
};
// `since`: first event of the latest tick (Session::last_tick_events()); moves are counted
// among the events the model has folded.
StateCounts state_counts(const RunModel& model, size_t since);

// ---- 5. queues ----
struct QueueRow {
  enum class Kind : std::uint8_t { Cpu, Ready, Blocked, Stopped, Zombie };
  Kind kind = Kind::Ready;
  std::string label;       // CPU number or the policy's row label ("level 0", "prio 2")
  std::vector<Pid> pids;
};
// CPUs (running pid, if any), the policy's ready rows in pick order (without a scheduler: one
// row of Ready processes in pid order), then blocked, stopped and zombie processes in pid order.
std::vector<QueueRow> queue_rows(const RunModel& model, const SchedulerInfo* scheduler,
                                 Locale locale = Locale::En);

// ---- 6. process table ----
enum class TableColumn : std::uint8_t { Pid, Ppid, Name, State, Priority, Nice, CpuTime, Arrival };
inline constexpr int kTableColumnCount = 8;
// Processes ps would list (live and zombie; reaped ones too when `include_reaped`), sorted by
// `column`, ties by pid. Priority and Nice sort by the scheduler's current values when given.
std::vector<const ProcessRow*> table_rows(const RunModel& model, const SchedulerInfo* scheduler, TableColumn column,
                                          bool descending, bool include_reaped);

// ---- 7. console ----
struct ConsoleLine {
  Tick time = 0;
  Pid pid = kNoPid;
  std::string_view text;  // points into the trace
};
// Every line printed up to now, in order; only `pid`'s when pid != kNoPid.
std::vector<ConsoleLine> console_lines(const RunModel& model, Pid pid = kNoPid);

// ---- 8. process count over time ----
// Processes created and not yet reaped (as ps counts them, init excluded) at each tick 0..now,
// or at `max_points` evenly spaced times when the run is longer (real runs count microseconds).
std::vector<int> process_count_series(const RunModel& model, int max_points = 4096);

}  // namespace proclab
