#include <gtest/gtest.h>

#include "proclab/metrics.h"
#include "proclab/scenario.h"

namespace proclab {
namespace {

Metrics run_jobs(const char* jobs, const char* policy, Tick quantum = 4) {
  Scenario s;
  s.jobs = parse_jobs_spec(jobs).value();
  s.policy.name = policy;
  s.policy.quantum = quantum;
  auto k = build_kernel(s);
  EXPECT_TRUE(k.ok());
  (*k)->run(1000000);
  return compute_metrics((*k)->trace(), 1, (*k)->now());
}

// Silberschatz, Operating System Concepts 9e, 6.3.4: P1 24, P2 3, P3 3, RR q=4.
TEST(RoundRobin, SilberschatzAverageWaitingIs17Over3) {
  const Metrics m = run_jobs("24,3,3", "rr", 4);
  EXPECT_NEAR(m.avg_waiting, 17.0 / 3, 1e-9);
}

}  // namespace
}  // namespace proclab
