// Metrics are functions of the trace: the definitions the docs give, on small workloads.
#include <gtest/gtest.h>

#include "sim_run.h"

namespace proclab::test {
namespace {

// Silberschatz, Operating System Concepts (9e), 6.3.1: FCFS with P1 24, P2 3, P3 3.
TEST(Metrics, SilberschatzFcfsAverageWaitingIs17) {
  EXPECT_DOUBLE_EQ(run_metrics(jobs_scenario("24,3,3")).avg_waiting, 17.0);
}

// Same section: arriving in the order P2, P3, P1 the average waiting time drops to 3.
TEST(Metrics, SilberschatzFcfsShortFirstAverageWaitingIs3) {
  EXPECT_DOUBLE_EQ(run_metrics(jobs_scenario("3,3,24")).avg_waiting, 3.0);
}

// Silberschatz (9e), 6.3.4: RR quantum 4 on the same workload waits 17/3 on average.
TEST(Metrics, SilberschatzRoundRobinAverageWaitingIs17Over3) {
  EXPECT_NEAR(run_metrics(jobs_scenario("24,3,3", "rr", 4)).avg_waiting, 17.0 / 3, 1e-12);
}

TEST(Metrics, WaitingCountsOnlyTimeInReadyNotInIo) {
  Scenario s = jobs_scenario("P1:0:1");
  s.jobs[0].bursts = parse_bursts("cpu 2, io 3, cpu 1").value();
  EXPECT_EQ(run_metrics(s).processes[0].waiting, 0);
}

TEST(Metrics, TurnaroundIsCompletionMinusArrival) {
  const Metrics m = run_metrics(jobs_scenario("P1:0:4,P2:2:3"));
  EXPECT_EQ(m.processes[1].turnaround, 7 - 2);
}

TEST(Metrics, ResponseIsFirstRunMinusArrival) {
  const Metrics m = run_metrics(jobs_scenario("P1:0:4,P2:2:3"));
  EXPECT_EQ(m.processes[1].response, 4 - 2);
}

TEST(Metrics, ContextSwitchesCountDispatchesOfADifferentProcess) {
  // RR q=4 on 24,3,3: P1 -> P2 -> P3 -> P1 is three switches; P1's later quanta are not.
  EXPECT_EQ(run_metrics(jobs_scenario("24,3,3", "rr", 4)).context_switches, 3);
}

TEST(Metrics, UtilizationCountsIdleTicks) {
  // P1 runs 0..2, the CPU idles 2..4, P2 runs 4..6: 4 busy ticks of 6.
  EXPECT_DOUBLE_EQ(run_metrics(jobs_scenario("P1:0:2,P2:4:2")).utilization, 4.0 / 6.0);
}

TEST(Metrics, UtilizationIsPerCpu) {
  Scenario s = jobs_scenario("4,2");
  s.kernel.cpus = 2;
  const Metrics m = run_metrics(s);
  EXPECT_DOUBLE_EQ(m.cpu_utilization[0], 1.0);
  EXPECT_DOUBLE_EQ(m.cpu_utilization[1], 0.5);
}

TEST(Metrics, ThroughputIsCompletedPerTick) {
  EXPECT_DOUBLE_EQ(run_metrics(jobs_scenario("5,5")).throughput, 2.0 / 10.0);
}

TEST(Metrics, ContextSwitchTimeIsAGanttSliceOfItsOwn) {
  Scenario s = jobs_scenario("3,3");
  s.kernel.context_switch = 2;
  const Metrics m = run_metrics(s);
  ASSERT_EQ(m.gantt.size(), 3u);
  EXPECT_EQ(m.gantt[1], (GanttSlice{0, 101, 3, 5, true}));
}

TEST(Metrics, UnfinishedProcessHasNoTurnaround) {
  auto k = build_kernel(jobs_scenario("50")).value();
  k->run(10);
  const Metrics m = compute_metrics(k->trace(), 1, k->now());
  EXPECT_FALSE(m.processes[0].turnaround.has_value());
  EXPECT_EQ(m.processes[0].cpu_time, 10);
}

}  // namespace
}  // namespace proclab::test
