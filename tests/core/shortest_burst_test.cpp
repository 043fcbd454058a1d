// sjf and srtf (docs/scheduling.md, "Shortest job first"): the key is the next CPU burst; equal
// keys break by arrival, then pid; srtf preempts only for a strictly shorter burst.
#include "sim_run.h"

namespace proclab {
namespace {

using test::job;
using Names = std::vector<std::string>;

TEST(Sjf, EqualBurstsBreakByArrivalBeforePid) {
  // B is listed (and numbered) before A, but A arrived earlier.
  const auto r = test::run(test::scenario("sjf", {job("L", 0, "cpu 5"), job("B", 2, "cpu 3"), job("A", 1, "cpu 3")}));
  EXPECT_EQ(r.order(), (Names{"L", "A", "B"}));
}

TEST(Sjf, EqualBurstsAndArrivalsBreakByPid) {
  const auto r = test::run(test::scenario("sjf", {job("L", 0, "cpu 5"), job("Q", 1, "cpu 3"), job("P", 1, "cpu 3")}));
  EXPECT_EQ(r.order(), (Names{"L", "Q", "P"}));
}

TEST(Sjf, ShorterArrivalDoesNotPreempt) {
  const auto r = test::run(test::scenario("sjf", {job("A", 0, "cpu 10"), job("B", 1, "cpu 1")}));
  EXPECT_EQ(r.order(), (Names{"A", "B"}));
}

TEST(Sjf, KeyIsTheNextCpuBurstNotTheTotal) {
  // A needs 6 ticks in all but its next burst is 3; B needs 5 in one burst.
  const auto r = test::run(test::scenario("sjf", {job("B", 0, "cpu 5"), job("A", 0, "cpu 3, io 10, cpu 3")}));
  EXPECT_EQ(r.order().front(), "A");
}

TEST(Sjf, ExplainsAPickByTheBurstLength) {
  auto k = test::start(test::scenario("sjf", {job("A", 0, "cpu 5"), job("B", 0, "cpu 3")}));
  test::step(*k, 1);
  EXPECT_EQ(k->policy().last_reason(), "pid 101 has the shortest next CPU burst (3 ticks)");
}

TEST(Sjf, ExplainsAPickInChinese) {
  auto k = test::start(test::scenario("sjf", {job("A", 0, "cpu 5"), job("B", 0, "cpu 3")}));
  test::step(*k, 1);
  EXPECT_EQ(k->policy().last_reason(Locale::Zh), "pid 101 的下一个 CPU 突发最短（3 个时钟周期）");
}

TEST(Srtf, StrictlyShorterBurstPreempts) {
  const auto r = test::run(test::scenario("srtf", {job("A", 0, "cpu 5"), job("B", 1, "cpu 3")}));
  EXPECT_EQ(r.order(), (Names{"A", "B", "A"}));
}

TEST(Srtf, EqualRemainingTimeDoesNotPreempt) {
  // At tick 1 A has 4 ticks left, exactly B's burst.
  const auto r = test::run(test::scenario("srtf", {job("A", 0, "cpu 5"), job("B", 1, "cpu 4")}));
  EXPECT_EQ(r.order(), (Names{"A", "B"}));
}

TEST(Srtf, PsjfIsTheSamePolicy) {
  const std::vector<JobSpec> jobs = {job("A", 0, "cpu 8"), job("B", 1, "cpu 4"), job("C", 2, "cpu 9"), job("D", 3, "cpu 5")};
  const auto srtf = test::run(test::scenario("srtf", jobs));
  const auto psjf = test::run(test::scenario("psjf", jobs));
  EXPECT_EQ(srtf.metrics.gantt, psjf.metrics.gantt);
}

}  // namespace
}  // namespace proclab
