// Scenarios: a workload plus the machine and policy to run it on, from a JSON file
// (format in docs/scenario-format.md) or the command line's --jobs short form.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "proclab/error.h"
#include "proclab/input_file.h"
#include "proclab/kernel.h"
#include "proclab/workload.h"

namespace proclab {

// The largest time (in ticks) a scenario, --jobs or a flag may give: an arrival, a burst, the sum
// of a process's bursts, a quantum, --max-ticks. The clock never passes --max-ticks, so the
// clock plus any one of these stays below 2^31 and no Tick arithmetic can overflow.
inline constexpr Tick kMaxScenarioTicks = 1'000'000'000;

struct JobSpec {
  std::string name;
  Tick arrival = 0;
  int priority = 0;
  int tickets = 100;
  int nice = 0;
  std::vector<Burst> bursts;
};

struct Scenario {
  std::string name;
  std::string source;       // where the workload and its numbers come from (textbook, page)
  std::string description;
  KernelConfig kernel;
  PolicyParams policy;
  std::vector<JobSpec> jobs;
  nlohmann::json expect;    // the numbers the source prints (tests compare them); may be null
};

// `origin` names the input in messages ("rr.json", "--jobs"). Errors are one line:
// "origin:line:column: ..." for malformed JSON, "origin: field.path: expected ..." otherwise.
Expected<Scenario> parse_scenario(std::string_view json_text, const std::string& origin);
// Reads the file through read_input_file (regular files only, at most limits.max_bytes).
Expected<Scenario> load_scenario_file(const std::string& path, const InputLimits& limits = {});

// "P1:0:24,P2:0:3" (name:arrival:burst[:priority]) or "24,3,3" (P1..Pn arriving at 0).
// Arrivals and bursts are at most kMaxScenarioTicks.
Expected<std::vector<JobSpec>> parse_jobs_spec(std::string_view spec);

// Checks the machine and policy settings (cpus, quantum, ...) and builds a kernel with every
// job spawned, ready to step.
Expected<std::unique_ptr<Kernel>> build_kernel(const Scenario& scenario);

// The scenario as JSON, in the same format parse_scenario reads.
nlohmann::json scenario_to_json(const Scenario& scenario);

}  // namespace proclab
