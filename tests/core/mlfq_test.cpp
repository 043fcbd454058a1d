// mlfq (docs/scheduling.md, "MLFQ"): OSTEP chapter 8's rules.
#include "sim_run.h"

namespace proclab {
namespace {

using test::job;
using Names = std::vector<std::string>;

Scenario mlfq(std::vector<JobSpec> jobs, int levels = 3, std::vector<Tick> quanta = {}, Tick allotment = 0,
              Tick boost = 0) {
  Scenario s = test::scenario("mlfq", std::move(jobs), 4);
  s.policy.mlfq = {levels, std::move(quanta), allotment, boost};
  return s;
}

TEST(Mlfq, NewProcessStartsAtTheTopLevel) {
  auto k = test::start(mlfq({job("A", 0, "cpu 30")}));
  test::step(*k, 3);
  EXPECT_EQ(test::named(*k, "A").sched.level, 0);
}

TEST(Mlfq, UsingTheAllotmentMovesAProcessDownOneLevel) {
  auto k = test::start(mlfq({job("A", 0, "cpu 30")}));  // quanta 4, 8, 16
  test::step(*k, 4 + 8);
  EXPECT_EQ(test::named(*k, "A").sched.level, 2);
}

TEST(Mlfq, AllotmentCountsAcrossGivingUpTheCpu) {
  // A runs 3 ticks, blocks 1, runs 1 more: 4 ticks at the top, its allotment.
  auto k = test::start(mlfq({job("A", 0, "cpu 3, io 1, cpu 5")}));
  test::step(*k, 5);
  EXPECT_EQ(test::named(*k, "A").sched.level, 1);
}

TEST(Mlfq, HigherLevelPreemptsALowerOne) {
  const auto r = test::run(mlfq({job("A", 0, "cpu 20"), job("B", 6, "cpu 2")}));
  EXPECT_EQ(r.ticks()[6], "B");
}

TEST(Mlfq, ASliceNeverCrossesTheEndOfTheAllotment) {
  // Quantum 4, allotment 6: after one full slice each has 2 ticks left at the top.
  const auto r = test::run(mlfq({job("A", 0, "cpu 12"), job("B", 0, "cpu 12")}, 2, {4, 4}, 6));
  const std::vector<std::string> ticks = r.ticks();
  const std::vector<std::string> first_12(ticks.begin(), ticks.begin() + 12);
  EXPECT_EQ(first_12, (Names{"A", "A", "A", "A", "B", "B", "B", "B", "A", "A", "B", "B"}));
}

TEST(Mlfq, BoostReturnsTheRunningProcessToTheTop) {
  auto k = test::start(mlfq({job("A", 0, "cpu 100")}, 3, {}, 0, 50));
  test::step(*k, 50);
  ASSERT_EQ(test::named(*k, "A").sched.level, 2);
  test::step(*k, 1);
  EXPECT_EQ(test::named(*k, "A").sched.level, 0);
}

TEST(Mlfq, BoostMovesQueuedProcessesToTheTopQueue) {
  auto k = test::start(mlfq({job("A", 0, "cpu 100"), job("B", 0, "cpu 100")}, 2, {4, 8}, 0, 30));
  test::step(*k, 31);
  const auto rows = k->policy().ready_rows();
  EXPECT_EQ(rows[0].pids.size(), 1u);
}

TEST(Mlfq, QuantaCountMustMatchLevels) {
  PolicyParams p;
  p.name = "mlfq";
  p.mlfq.levels = 3;
  p.mlfq.quanta = {4, 8};
  const auto made = make_policy(p);
  ASSERT_FALSE(made.ok());
  EXPECT_EQ(made.error().message, "mlfq: quanta lists 2 quanta but there are 3 levels (give one per level, top first)");
}

TEST(Mlfq, LevelsOutOfRangeAreRejected) {
  PolicyParams p;
  p.name = "mlfq";
  p.mlfq.levels = 0;
  const auto made = make_policy(p);
  ASSERT_FALSE(made.ok());
  EXPECT_EQ(made.error().message, "mlfq: levels must be from 1 to 16, got 0");
}

}  // namespace
}  // namespace proclab
