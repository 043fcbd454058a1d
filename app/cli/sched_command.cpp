// proclab-cli sched: run a burst workload under one policy (or all, with --compare).
#include <iostream>

#include <fmt/format.h>

#include "commands.h"
#include "one_line.h"
#include "proclab/export.h"
#include "proclab/scenario.h"
#include "sched_table.h"
#include "wall_clock_limit.h"

namespace proclab::cli {

namespace {

// Far more than any textbook workload needs; 10,000,000 idle ticks take about 0.3 s.
constexpr Tick kDefaultMaxTicks = 10'000'000;
// The trace is the run's memory (about 20 bytes an event): 64 CPUs switching every tick would
// otherwise fill gigabytes well within --max-ticks.
constexpr std::size_t kDefaultMaxEvents = 20'000'000;

[[noreturn]] void bad_input(std::string_view message) { throw Exit{kExitBadInput, one_line(message)}; }

struct SchedOptions {
  std::string scenario_file;
  std::string jobs;
  std::string policy;
  Tick quantum = 4;
  int cpus = 1;
  std::uint64_t seed = 1;
  Tick aging = 0;
  MlfqParams mlfq;
  Tick cfs_latency = 12;
  Tick cfs_min_granularity = 1;
  Tick context_switch = 0;
  std::string tie;
  std::string format = "table";
  bool compare = false;
  Tick max_ticks = kDefaultMaxTicks;
  double timeout = 0;  // seconds; 0: default_timeout_seconds(max_ticks)
  std::size_t max_input_size = kDefaultMaxInputBytes;
  std::size_t max_events = kDefaultMaxEvents;
};

std::string policy_help() {
  std::string out = "Policies (--policy NAME):\n";
  for (const PolicyInfo& p : policy_catalog()) out += fmt::format("  {:<20} {}\n", p.name, p.summary);
  return out;
}

// The scenario from the file or --jobs, with every flag the user gave applied on top.
Scenario make_scenario(const SchedOptions& o, const CLI::App& cmd) {
  Scenario s;
  if (!o.scenario_file.empty()) {
    auto loaded = load_scenario_file(o.scenario_file, {o.max_input_size, "--max-input-size"});
    if (!loaded) bad_input("proclab-cli: " + loaded.error().message);
    s = std::move(loaded.value());
  }
  if (!o.jobs.empty()) {
    auto jobs = parse_jobs_spec(o.jobs);
    if (!jobs) bad_input("proclab-cli: " + jobs.error().message);
    s.jobs = std::move(jobs.value());
  }
  if (s.jobs.empty())
    bad_input("proclab-cli sched: expected a SCENARIO.json file or --jobs \"P1:0:24,P2:0:3\"");
  const auto given = [&](const char* flag) { return cmd.count(flag) > 0; };
  if (given("--policy")) s.policy.name = o.policy;
  if (given("--quantum")) s.policy.quantum = o.quantum;
  if (given("--aging")) s.policy.aging = o.aging;
  if (given("--levels")) s.policy.mlfq.levels = o.mlfq.levels;
  if (given("--quanta")) s.policy.mlfq.quanta = o.mlfq.quanta;
  if (given("--allotment")) s.policy.mlfq.allotment = o.mlfq.allotment;
  if (given("--boost")) s.policy.mlfq.boost = o.mlfq.boost;
  if (given("--latency")) s.policy.cfs_latency = o.cfs_latency;
  if (given("--min-granularity")) s.policy.cfs_min_granularity = o.cfs_min_granularity;
  if (given("--cpus")) s.kernel.cpus = o.cpus;
  if (given("--seed")) s.kernel.seed = s.policy.seed = o.seed;
  if (given("--context-switch")) s.kernel.context_switch = o.context_switch;
  if (given("--tie")) s.kernel.preempted_first = o.tie == "preempted-first";
  return s;
}

struct Outcome {
  std::unique_ptr<Kernel> kernel;
  Metrics metrics;
};

Outcome run(const Scenario& s, Tick max_ticks, std::size_t max_events, WallClockLimit& limit) {
  auto kernel = build_kernel(s);
  if (!kernel) bad_input("proclab-cli sched: " + kernel.error().message);
  Kernel& k = *kernel.value();
  switch (limit.run(k, max_ticks, max_events)) {
    case WallClockLimit::Stop::Timeout: throw Exit{1, limit.message()};
    case WallClockLimit::Stop::MaxEvents:
      throw Exit{1, fmt::format("proclab-cli: sched: trace limit of {} events reached (raise it with --max-events)",
                                max_events)};
    case WallClockLimit::Stop::Ended: break;
  }
  Metrics m = compute_metrics(k.trace(), s.kernel.cpus, k.now());
  return {std::move(kernel.value()), std::move(m)};
}

void print_compare(const Scenario& base, const SchedOptions& o, WallClockLimit& limit) {
  const bool json = o.format == "json";
  std::string out = json ? "{\"compare\": [" : fmt::format("{:<20}  {:>10}  {:>8}  {:>8}  {:>16}  {:>11}\n", "Policy",
                                                           "Turnaround", "Waiting", "Response", "Context switches",
                                                           "Utilization");
  bool first = true;
  for (const PolicyInfo& p : policy_catalog()) {
    Scenario s = base;
    s.policy.name = std::string(p.name);
    const Metrics m = run(s, o.max_ticks, o.max_events, limit).metrics;
    if (json)
      out += fmt::format("{}\n  {{\"policy\": \"{}\", \"average\": {{\"turnaround\": {:.4f}, \"waiting\": {:.4f}, "
                         "\"response\": {:.4f}}}, \"context_switches\": {}, \"utilization\": {:.4f}, \"makespan\": {}}}",
                         first ? "" : ",", p.name, m.avg_turnaround, m.avg_waiting, m.avg_response, m.context_switches,
                         m.utilization, m.makespan);
    else
      out += fmt::format("{:<20}  {:>10.2f}  {:>8.2f}  {:>8.2f}  {:>16}  {:>10.1f}%\n", p.name, m.avg_turnaround,
                         m.avg_waiting, m.avg_response, m.context_switches, m.utilization * 100);
    first = false;
  }
  if (json) out += "\n]}\n";
  std::cout << out;
}

void run_sched(const SchedOptions& o, const CLI::App& cmd) {
  if (o.policy == "help") {
    std::cout << policy_help();
    return;
  }
  WallClockLimit limit("sched", o.timeout > 0 ? o.timeout : default_timeout_seconds(o.max_ticks));
  const Scenario s = make_scenario(o, cmd);
  if (o.compare) return print_compare(s, o, limit);
  const Outcome r = run(s, o.max_ticks, o.max_events, limit);
  const Kernel& k = *r.kernel;
  if (o.format == "json") {
    write_sched_report_json(std::cout, s.policy, s.kernel.cpus, r.metrics, k.trace());
  } else if (o.format == "chrome-trace") {
    std::cout << chrome_trace_json(k.trace(), k.now());
  } else if (o.format == "gantt") {
    std::cout << gantt_chart(r.metrics, k.trace(), s.kernel.cpus);
  } else {
    const PolicyInfo& policy = *find_policy(s.policy.name);  // build_kernel checked the name
    std::cout << fmt::format("{}{}, {} CPU{}, {} processes{}\n\n", policy.name,
                             policy.uses_quantum ? fmt::format(" (quantum {})", s.policy.quantum) : "",
                             s.kernel.cpus, s.kernel.cpus == 1 ? "" : "s", s.jobs.size(),
                             s.name.empty() ? "" : " - " + s.name);
    std::cout << metrics_table(r.metrics) << "\n" << gantt_chart(r.metrics, k.trace(), s.kernel.cpus);
  }
  if (k.status() == StopReason::MaxTicks)
    throw Exit{1, fmt::format("proclab-cli sched: stopped at --max-ticks {} before every process finished", o.max_ticks)};
}

}  // namespace

void add_sched_command(CLI::App& app) {
  auto o = std::make_shared<SchedOptions>();
  CLI::App* cmd = app.add_subcommand("sched", "Schedule a burst workload and print its metrics and Gantt chart");
  cmd->add_option("scenario", o->scenario_file, "Scenario JSON file (see docs/scenario-format.md)");
  cmd->add_option("--jobs", o->jobs, "Jobs: \"P1:0:24,P2:0:3\" (name:arrival:burst[:priority]) or \"24,3,3\"");
  cmd->add_option("--policy", o->policy, "Policy name, or 'help' to list them (default fcfs)");
  cmd->add_option("--quantum", o->quantum, "Time slice in ticks (rr, mlfq top level, lottery, stride)");
  cmd->add_option("--cpus", o->cpus, "Number of CPUs sharing one ready queue (1-64)");
  cmd->add_option("--seed", o->seed, "Seed for the random choices (lottery)");
  cmd->add_option("--aging", o->aging, "Priority policies: every A ticks in Ready improves priority by 1 (0: off)");
  cmd->add_option("--levels", o->mlfq.levels, "mlfq: number of queues (1-16)");
  cmd->add_option("--quanta", o->mlfq.quanta, "mlfq: quantum of each level, top first, e.g. 2,4,8")->delimiter(',');
  cmd->add_option("--allotment", o->mlfq.allotment, "mlfq: ticks a job may use at a level before it moves down");
  cmd->add_option("--boost", o->mlfq.boost, "mlfq: every BOOST ticks all jobs return to the top level (0: never)");
  cmd->add_option("--latency", o->cfs_latency, "cfs: target period in which every runnable process runs once");
  cmd->add_option("--min-granularity", o->cfs_min_granularity, "cfs: shortest slice in ticks");
  cmd->add_option("--context-switch", o->context_switch, "Ticks a CPU spends switching between processes");
  cmd->add_option("--tie", o->tie, "Same-tick order: arrival-first (default) or preempted-first")
      ->check(CLI::IsMember({"arrival-first", "preempted-first"}));
  cmd->add_option("--format", o->format, "Output: table, json, gantt or chrome-trace")
      ->check(CLI::IsMember({"table", "json", "gantt", "chrome-trace"}));
  cmd->add_flag("--compare", o->compare, "Run the workload under every policy, one row each");
  cmd->add_option("--max-ticks", o->max_ticks, fmt::format("Stop after this many ticks (default {})", kDefaultMaxTicks))
      ->check(CLI::Range(Tick{1}, kMaxScenarioTicks));
  cmd->add_option("--timeout", o->timeout, "Wall-clock limit in seconds (default 10 + 2 per million --max-ticks)")
      ->check(CLI::Range(0.001, 1e6));
  cmd->add_option("--max-events", o->max_events,
                  fmt::format("Stop when the trace holds this many events (default {}, about 20 bytes each)",
                              kDefaultMaxEvents))
      ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000'000}));
  cmd->add_option("--max-input-size", o->max_input_size,
                  fmt::format("Largest scenario file read, in bytes; 8MiB or 500KiB also work (default {})",
                              format_bytes(kDefaultMaxInputBytes)))
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30));
  cmd->callback([o, cmd] { run_sched(*o, *cmd); });
}

}  // namespace proclab::cli
