// priority and priority-preemptive (docs/scheduling.md, "Priority" and "Aging"): lower number
// first; equal priorities break by arrival, then pid; preemption only for a strictly better
// priority; aging improves a waiting process by 1 every A ticks, down to 0, and the process
// returns to its base priority when it next enters the ready queue.
#include "sim_run.h"

namespace proclab {
namespace {

using test::job;
using Names = std::vector<std::string>;

Scenario aging_scenario(std::string policy, std::vector<JobSpec> jobs, Tick aging) {
  Scenario s = test::scenario(std::move(policy), std::move(jobs));
  s.policy.aging = aging;
  return s;
}

TEST(Priority, LowerNumberRunsFirst) {
  const auto r = test::run(test::scenario("priority", {job("A", 0, "cpu 2", 2), job("B", 0, "cpu 2", 1)}));
  EXPECT_EQ(r.order(), (Names{"B", "A"}));
}

TEST(Priority, EqualPrioritiesBreakByArrivalBeforePid) {
  const auto r = test::run(test::scenario(
      "priority", {job("L", 0, "cpu 5", 0), job("B", 2, "cpu 1", 1), job("A", 1, "cpu 1", 1)}));
  EXPECT_EQ(r.order(), (Names{"L", "A", "B"}));
}

TEST(Priority, NonPreemptiveLetsTheRunningProcessFinish) {
  const auto r = test::run(test::scenario("priority", {job("A", 0, "cpu 5", 5), job("B", 1, "cpu 1", 0)}));
  EXPECT_EQ(r.order(), (Names{"A", "B"}));
}

TEST(PriorityPreemptive, StrictlyBetterPriorityPreempts) {
  const auto r = test::run(test::scenario("priority-preemptive", {job("A", 0, "cpu 5", 5), job("B", 1, "cpu 1", 0)}));
  EXPECT_EQ(r.order(), (Names{"A", "B", "A"}));
}

TEST(PriorityPreemptive, EqualPriorityDoesNotPreempt) {
  const auto r = test::run(test::scenario("priority-preemptive", {job("A", 0, "cpu 5", 1), job("B", 1, "cpu 1", 1)}));
  EXPECT_EQ(r.order(), (Names{"A", "B"}));
}

TEST(Aging, WaitingImprovesPriorityByOneEveryAgingTicks) {
  auto k = test::start(aging_scenario("priority", {job("A", 0, "cpu 20", 0), job("B", 0, "cpu 1", 5)}, 3));
  test::step(*k, 7);  // B has waited ticks 0..6: improved at 3 and 6
  EXPECT_EQ(test::named(*k, "B").priority, 3);
}

TEST(Aging, StopsAtPriorityZero) {
  auto k = test::start(aging_scenario("priority", {job("A", 0, "cpu 20", 0), job("B", 0, "cpu 1", 2)}, 1));
  test::step(*k, 10);
  EXPECT_EQ(test::named(*k, "B").priority, 0);
}

TEST(Aging, LetsAStarvingProcessOvertakeNewerBetterOnes) {
  // Without aging C (priority 1) arriving at 4 would run before B (priority 3).
  const auto r = test::run(aging_scenario(
      "priority", {job("A", 0, "cpu 6", 0), job("B", 0, "cpu 1", 3), job("C", 4, "cpu 1", 1)}, 2));
  EXPECT_EQ(r.order(), (Names{"A", "B", "C"}));
}

TEST(Aging, PriorityReturnsToBaseWhenTheProcessReentersTheReadyQueue) {
  auto k = test::start(aging_scenario(
      "priority", {job("A", 0, "cpu 6", 1), job("B", 0, "cpu 1, io 1, cpu 1", 3), job("C", 0, "cpu 6", 2)}, 2));
  test::step(*k, 7);  // B aged 3 -> 0 while A ran, ran tick 6 with that priority, then blocked
  ASSERT_EQ(test::named(*k, "B").state, ProcState::Blocked);
  ASSERT_EQ(test::named(*k, "B").priority, 0);
  test::step(*k, 2);  // B woke at 8
  EXPECT_EQ(test::named(*k, "B").priority, 3);
}

}  // namespace
}  // namespace proclab
