// Test helpers: build a scenario in a line, run it to the end, read its metrics by name.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "proclab/metrics.h"
#include "proclab/scenario.h"

namespace proclab::test {

inline JobSpec job(std::string name, Tick arrival, std::string_view bursts, int priority = 0, int tickets = 100,
                   int nice = 0) {
  JobSpec j;
  j.name = std::move(name);
  j.arrival = arrival;
  j.priority = priority;
  j.tickets = tickets;
  j.nice = nice;
  j.bursts = parse_bursts(bursts).value();
  return j;
}

inline Scenario scenario(std::string policy, std::vector<JobSpec> jobs, Tick quantum = 4) {
  Scenario s;
  s.policy.name = std::move(policy);
  s.policy.quantum = quantum;
  s.jobs = std::move(jobs);
  return s;
}

// A scenario from the --jobs short form ("P1:0:24,P2:0:3" or "24,3,3").
inline Scenario jobs_scenario(const char* jobs, const char* policy = "fcfs", Tick quantum = 4) {
  Scenario s;
  s.jobs = parse_jobs_spec(jobs).value();
  s.policy.name = policy;
  s.policy.quantum = quantum;
  return s;
}

struct SimRun {
  std::unique_ptr<Kernel> kernel;
  Metrics metrics;

  const ProcessMetrics& proc(std::string_view name) const {
    for (const ProcessMetrics& p : metrics.processes)
      if (p.name == name) return p;
    ADD_FAILURE() << "no process named " << name;
    return metrics.processes.front();
  }
  // Who ran in each tick on `cpu` ("-" idle, "cs" switching), from the Gantt slices.
  std::vector<std::string> ticks(int cpu = 0) const {
    std::vector<std::string> out;
    for (const GanttSlice& s : metrics.gantt) {
      if (s.cpu != cpu) continue;
      while (static_cast<Tick>(out.size()) < s.start) out.push_back("-");
      for (Tick t = s.start; t < s.end; ++t)
        out.push_back(s.context_switch ? "cs" : std::string(kernel->trace().name(s.pid)));
    }
    return out;
  }
  // The names of the Gantt slices on `cpu`, in order (context switches left out).
  std::vector<std::string> order(int cpu = 0) const {
    std::vector<std::string> out;
    for (const GanttSlice& s : metrics.gantt)
      if (s.cpu == cpu && !s.context_switch) out.emplace_back(kernel->trace().name(s.pid));
    return out;
  }
};

// Runs `s` until every process exits (or max_ticks); fails the test if it cannot be built.
inline SimRun run(const Scenario& s, Tick max_ticks = 1000000) {
  auto built = build_kernel(s);
  if (!built) {
    ADD_FAILURE() << built.error().message;
    return {};
  }
  SimRun r{std::move(built.value()), {}};
  r.kernel->run(max_ticks);
  r.metrics = compute_metrics(r.kernel->trace(), s.kernel.cpus, r.kernel->now());
  return r;
}

inline Metrics run_metrics(const Scenario& s) { return run(s).metrics; }

// A kernel with the scenario's processes spawned, not yet stepped.
inline std::unique_ptr<Kernel> start(const Scenario& s) {
  auto built = build_kernel(s);
  if (!built) {
    ADD_FAILURE() << built.error().message;
    return nullptr;
  }
  return std::move(built.value());
}

inline void step(Kernel& k, int ticks) {
  for (int i = 0; i < ticks; ++i) k.step();
}

// The process named `name`; fails the test when there is none.
inline const Process& named(const Kernel& k, std::string_view name) {
  for (const Process* p : k.processes())
    if (k.trace().name(p->pid) == name) return *p;
  ADD_FAILURE() << "no process named " << name;
  return *k.processes().front();
}

}  // namespace proclab::test
