// A run source (DESIGN.md): what produces a trace (the simulated kernel, the real lab) and says
// what it can do. Views draw the source's RunModel and hide what the source cannot do.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "proclab/policy.h"
#include "proclab/run_model.h"

namespace proclab {

struct RunCapabilities {
  bool step_back = false;  // time can move backwards (replay)
  bool signals = false;    // the user can signal processes and change priority or nice
  bool live = false;       // the trace may still grow (a run under way)
};

// What only a scheduler that proclab runs itself can tell (the simulated kernel).
class SchedulerInfo {
 public:
  virtual ~SchedulerInfo() = default;
  // The policy's ready rows in pick order, labelled in `locale`.
  virtual std::vector<ReadyRow> ready_rows(Locale locale) const = 0;
  // Why the policy picked its latest choice; "" before the first pick.
  virtual std::string last_reason(Locale locale) const = 0;
  // Current priority and nice (aging and the user's commands change them); nullopt for an
  // unknown pid.
  virtual std::optional<int> priority(Pid pid) const = 0;
  virtual std::optional<int> nice(Pid pid) const = 0;
  // The source line pid executes next, or 0 when it runs no program or is not alive.
  virtual int current_line(Pid pid) const = 0;
};

class RunSource {
 public:
  virtual ~RunSource() = default;
  virtual const RunModel& model() const = 0;
  // nullptr when the source has no scheduler of its own (real runs) or nothing is loaded.
  virtual const SchedulerInfo* scheduler() const = 0;
  virtual RunCapabilities capabilities() const = 0;
  // Changes whenever the model does (front ends cache records on it).
  virtual std::uint64_t revision() const = 0;
};

}  // namespace proclab
