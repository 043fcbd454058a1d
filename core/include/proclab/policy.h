// A scheduling policy decides only which Ready process runs next and when to preempt (DESIGN.md).
// It owns the ready queue; the kernel owns the processes and makes every state change.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "proclab/error.h"
#include "proclab/process.h"

namespace proclab {

enum class EnqueueReason : std::uint8_t { Arrive, Wake, Preempt, Continue };

struct MlfqParams {
  int levels = 3;
  std::vector<Tick> quanta;  // per level, top first; empty: 2^level * quantum
  Tick allotment = 0;        // ticks a job may use at a level before it moves down; 0: its quantum
  Tick boost = 0;            // every `boost` ticks all jobs return to the top level; 0: never
};

struct PolicyParams {
  std::string name = "fcfs";
  Tick quantum = 4;         // rr, lottery, stride, mlfq (top level)
  Tick aging = 0;           // priority: every `aging` ticks in Ready improves priority by 1; 0: off
  MlfqParams mlfq;
  Tick cfs_latency = 12;    // cfs: target period in which every runnable process runs once
  Tick cfs_min_granularity = 1;  // cfs: shortest slice
  std::uint64_t seed = 1;   // lottery
};

// One row of the ready queue as views show it (MLFQ levels and priority bands are rows).
struct ReadyRow {
  std::string label;
  std::vector<Pid> pids;  // in the order the policy would pick them
};

class Policy {
 public:
  virtual ~Policy() = default;
  virtual std::string_view name() const = 0;

  // p has just become Ready.
  virtual void enqueue(Process& p, EnqueueReason why, Tick now) = 0;
  // Removes and returns the process to run on `cpu`, or nullptr when none is ready.
  virtual Process* pick(int cpu, Tick now) = 0;
  // p left Ready without being picked (stopped or killed). p must be queued.
  virtual void remove(Process& p) = 0;
  virtual size_t ready_count() const = 0;

  // Length of p's time slice; 0 means it runs until it blocks or exits.
  virtual Tick quantum(const Process&) const { return 0; }
  // True when a Ready process should take running's CPU now (preemptive policies).
  virtual bool should_preempt(const Process& /*running*/, Tick /*now*/) const { return false; }
  // Called at the start of every tick, before arrivals (aging, priority boosts).
  virtual void on_tick(Tick /*now*/) {}
  // Called after p ran one tick.
  virtual void on_ran(Process& /*p*/, Tick /*now*/) {}

  // Labels are written in `locale`.
  virtual std::vector<ReadyRow> ready_rows(Locale locale = Locale::En) const = 0;
  // One sentence, in `locale`, on why the last pick was made ("pid 101 has the shortest next CPU
  // burst (3 ticks)"),
  // or "" before the first pick.
  std::string last_reason(Locale locale = Locale::En) const {
    return last_reason_ ? last_reason_(locale) : std::string();
  }

 protected:
  // Set by pick(). A closure, so the sentence is only formatted when a view asks for it:
  // picks are on the hot path. Capture values (pids, keys), not references.
  std::function<std::string(Locale)> last_reason_;
};

struct PolicyInfo {
  std::string_view name;
  std::string_view summary;
  bool preemptive;
  bool uses_quantum;  // PolicyParams::quantum matters (reports show it)
};

// Every policy, in the order `--policy help` and --compare list them.
const std::vector<PolicyInfo>& policy_catalog();
// Accepts the names of policy_catalog() and the aliases fifo (fcfs) and psjf (srtf).
std::optional<std::string> canonical_policy_name(std::string_view name);
// The catalog entry of `name` (aliases accepted), or nullptr when there is none.
const PolicyInfo* find_policy(std::string_view name);
// Fails with a message naming the expected values.
Expected<std::unique_ptr<Policy>> make_policy(const PolicyParams& params);

}  // namespace proclab
