// The kernel's tie and context-switch rules (docs/scheduling.md, "Same-tick queue order" and
// "Context switches").
#include "sim_run.h"

namespace proclab {
namespace {

using test::job;
using Names = std::vector<std::string>;

// A's quantum (2) expires at tick 2, the tick B arrives.
std::vector<JobSpec> expiry_meets_arrival() { return {job("A", 0, "cpu 4"), job("B", 2, "cpu 2")}; }

TEST(TieRules, ArrivalEntersTheQueueBeforeThePreemptedProcessByDefault) {
  const auto r = test::run(test::scenario("rr", expiry_meets_arrival(), 2));
  EXPECT_EQ(r.order(), (Names{"A", "B", "A"}));
}

TEST(TieRules, PreemptedFirstPutsThePreemptedProcessAhead) {
  Scenario s = test::scenario("rr", expiry_meets_arrival(), 2);
  s.kernel.preempted_first = true;
  EXPECT_EQ(test::run(s).order(), (Names{"A", "B"}));
}

TEST(ContextSwitch, CostDelaysTheNextProcessAndShowsInTheGantt) {
  Scenario s = test::scenario("fcfs", {job("A", 0, "cpu 2"), job("B", 0, "cpu 2")});
  s.kernel.context_switch = 1;
  const auto r = test::run(s);
  EXPECT_EQ(r.ticks(), (Names{"A", "A", "cs", "B", "B"}));
}

TEST(ContextSwitch, SwitchTimeCountsAsWaiting) {
  Scenario s = test::scenario("fcfs", {job("A", 0, "cpu 2"), job("B", 0, "cpu 2")});
  s.kernel.context_switch = 1;
  EXPECT_EQ(test::run(s).proc("B").waiting, 3);
}

TEST(ContextSwitch, KeepingTheSameProcessCostsNothing) {
  Scenario s = test::scenario("rr", {job("A", 0, "cpu 5")}, 1);
  s.kernel.context_switch = 2;
  EXPECT_EQ(test::run(s).proc("A").completion, 5);
}

TEST(ContextSwitch, CountIsDispatchesOfADifferentProcessThanTheCpuLastRan) {
  // A B A B on one CPU: the first dispatch is not a switch.
  const auto r = test::run(test::scenario("rr", {job("A", 0, "cpu 4"), job("B", 0, "cpu 4")}, 2));
  EXPECT_EQ(r.metrics.context_switches, 3);
}

}  // namespace
}  // namespace proclab
