// The --jobs short form and building a kernel from a scenario.
#include <charconv>

#include <fmt/format.h>

#include "proclab/scenario.h"

namespace proclab {

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t end = s.find(sep, start);
    parts.push_back(s.substr(start, end == std::string_view::npos ? s.npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

bool parse_int(std::string_view text, int min, int max, int& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && ec == std::errc{} && end == text.data() + text.size() && out >= min && out <= max;
}

const std::string kBurstRange =
    fmt::format("the burst must be a whole number of ticks from 1 to {}", kMaxScenarioTicks);
const std::string kArrivalRange = fmt::format("the arrival must be a whole number from 0 to {}", kMaxScenarioTicks);

// "" or the first policy time (from a file or a flag) above kMaxScenarioTicks; the policy
// checks the lower bounds.
std::string check_time_ranges(const PolicyParams& p) {
  const std::pair<const char*, Tick> times[] = {{"quantum", p.quantum},       {"aging", p.aging},
                                                {"allotment", p.mlfq.allotment}, {"boost", p.mlfq.boost},
                                                {"latency", p.cfs_latency}, {"min granularity", p.cfs_min_granularity}};
  for (const auto& [name, value] : times)
    if (value > kMaxScenarioTicks) return fmt::format("{}: expected at most {} ticks, got {}", name, kMaxScenarioTicks, value);
  for (const Tick q : p.mlfq.quanta)
    if (q > kMaxScenarioTicks) return fmt::format("quanta: expected at most {} ticks, got {}", kMaxScenarioTicks, q);
  return "";
}

}  // namespace

Expected<std::vector<JobSpec>> parse_jobs_spec(std::string_view spec) {
  std::vector<JobSpec> jobs;
  const auto items = split(spec, ',');
  for (size_t i = 0; i < items.size(); ++i) {
    const auto fields = split(items[i], ':');
    JobSpec job;
    job.name = fmt::format("P{}", i + 1);
    int burst = 0;
    const auto bad = [&](std::string_view what) {
      return Error{fmt::format("--jobs: job {} '{}': {} (expected name:arrival:burst[:priority] or a burst, "
                               "like \"P1:0:24,P2:0:3\" or \"24,3,3\")", i + 1, items[i], what)};
    };
    if (fields.size() == 1) {
      if (!parse_int(fields[0], 1, kMaxScenarioTicks, burst)) return bad(kBurstRange);
    } else if (fields.size() == 3 || fields.size() == 4) {
      if (fields[0].empty()) return bad("the name is empty");
      job.name = std::string(fields[0]);
      if (!parse_int(fields[1], 0, kMaxScenarioTicks, job.arrival)) return bad(kArrivalRange);
      if (!parse_int(fields[2], 1, kMaxScenarioTicks, burst)) return bad(kBurstRange);
      if (fields.size() == 4 && !parse_int(fields[3], -1000000, 1000000, job.priority))
        return bad("the priority must be a whole number from -1000000 to 1000000");
    } else {
      return bad(fmt::format("{} fields", fields.size()));
    }
    job.bursts = {{Burst::Kind::Cpu, burst}};
    jobs.push_back(std::move(job));
  }
  return jobs;
}

Expected<std::unique_ptr<Kernel>> build_kernel(const Scenario& s) {
  if (s.kernel.cpus < 1 || s.kernel.cpus > kMaxCpus)
    return Error{fmt::format("cpus: expected 1 to {}, got {}", kMaxCpus, s.kernel.cpus)};
  if (s.kernel.context_switch < 0 || s.kernel.context_switch > kMaxScenarioTicks)
    return Error{fmt::format("context switch: expected 0 to {} ticks, got {}", kMaxScenarioTicks,
                             s.kernel.context_switch)};
  if (auto range = check_time_ranges(s.policy); !range.empty()) return Error{range};
  if (s.jobs.empty()) return Error{"processes: expected at least one process"};
  PolicyParams params = s.policy;
  params.seed = s.kernel.seed;
  auto policy = make_policy(params);
  if (!policy) return policy.error();
  auto kernel = std::make_unique<Kernel>(s.kernel, std::move(policy.value()));
  for (const JobSpec& j : s.jobs)
    kernel->spawn({j.name, j.arrival, j.priority, j.tickets, j.nice, make_burst_program(j.bursts)});
  return kernel;
}

}  // namespace proclab
