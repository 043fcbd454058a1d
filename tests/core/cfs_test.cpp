// cfs (docs/scheduling.md, "CFS").
#include <algorithm>

#include <fmt/format.h>

#include "sim_run.h"

namespace proclab {
namespace {

using test::job;

Scenario cfs(std::vector<JobSpec> jobs, Tick latency = 12, Tick min_granularity = 1) {
  Scenario s = test::scenario("cfs", std::move(jobs));
  s.policy.cfs_latency = latency;
  s.policy.cfs_min_granularity = min_granularity;
  return s;
}

TEST(Cfs, CpuShareFollowsNiceWeights) {
  // Weights 1024 (nice 0) and 335 (nice 5): A's share is 1024/1359, about 75%.
  const auto r = test::run(cfs({job("A", 0, "cpu 2000", 0, 100, 0), job("B", 0, "cpu 2000", 0, 100, 5)}));
  const auto ticks = r.ticks();
  const double a = static_cast<double>(std::count(ticks.begin(), ticks.begin() + 1359, "A")) / 1359;
  EXPECT_NEAR(a, 1024.0 / 1359, 0.01);
}

TEST(Cfs, SliceIsTheLatencyDividedAmongRunnableProcesses) {
  const auto r = test::run(cfs({job("A", 0, "cpu 20"), job("B", 0, "cpu 20"), job("C", 0, "cpu 20")}));
  EXPECT_EQ(r.metrics.gantt.front(), (GanttSlice{0, r.proc("A").pid, 0, 4, false}));
}

TEST(Cfs, SliceIsAtLeastTheMinimumGranularity) {
  std::vector<JobSpec> jobs;
  for (int i = 0; i < 20; ++i) jobs.push_back(job(fmt::format("P{}", i), 0, "cpu 5"));
  const auto r = test::run(cfs(jobs, 12, 2));
  EXPECT_EQ(r.metrics.gantt.front().end, 2);
}

TEST(Cfs, NewcomerStartsAtMinVruntimeInsteadOfZero) {
  // With vruntime 0, B would run its 50 ticks in a row from tick 100.
  const auto r = test::run(cfs({job("A", 0, "cpu 200"), job("B", 100, "cpu 50")}));
  const auto ticks = r.ticks();
  EXPECT_EQ(std::count(ticks.begin() + 100, ticks.begin() + 124, "A"), 12);
}

TEST(Cfs, MinGranularityAboveTheLatencyIsRejected) {
  PolicyParams p;
  p.name = "cfs";
  p.cfs_latency = 6;
  p.cfs_min_granularity = 8;
  const auto made = make_policy(p);
  ASSERT_FALSE(made.ok());
  EXPECT_EQ(made.error().message, "cfs: min_granularity must be from 1 to the latency (6), got 8");
}

}  // namespace
}  // namespace proclab
