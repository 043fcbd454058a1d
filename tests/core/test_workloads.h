// Small helpers the core tests share: build a kernel for a burst workload and run it.
#pragma once

#include <memory>
#include <string>

#include "proclab/metrics.h"
#include "proclab/scenario.h"

namespace proclab::test {

// `jobs` in the --jobs short form.
inline Scenario scenario(const char* jobs, const char* policy = "fcfs", Tick quantum = 4) {
  Scenario s;
  s.jobs = parse_jobs_spec(jobs).value();
  s.policy.name = policy;
  s.policy.quantum = quantum;
  return s;
}

inline std::unique_ptr<Kernel> run_to_end(const Scenario& s) {
  auto k = build_kernel(s).value();
  k->run(1000000);
  return k;
}

inline Metrics metrics_of(const Scenario& s) {
  const auto k = run_to_end(s);
  return compute_metrics(k->trace(), s.kernel.cpus, k->now());
}

}  // namespace proclab::test
