// lottery and stride (docs/scheduling.md, "Lottery" and "Stride").
#include <algorithm>

#include "sim_run.h"

namespace proclab {
namespace {

using test::job;

long ticks_of(const std::vector<std::string>& ticks, const std::string& name, size_t from, size_t to) {
  return std::count(ticks.begin() + static_cast<long>(from), ticks.begin() + static_cast<long>(to), name);
}

Scenario share(std::string policy, std::vector<JobSpec> jobs, std::uint64_t seed = 1) {
  Scenario s = test::scenario(std::move(policy), std::move(jobs), 1);
  s.kernel.seed = seed;
  return s;
}

TEST(Lottery, CpuShareFollowsTickets) {
  const auto r = test::run(share("lottery", {job("A", 0, "cpu 4000", 0, 300), job("B", 0, "cpu 4000", 0, 100)}));
  const double a = static_cast<double>(ticks_of(r.ticks(), "A", 0, 4000)) / 4000;
  EXPECT_NEAR(a, 0.75, 0.03);
}

TEST(Lottery, TheSeedChoosesTheDraws) {
  const std::vector<JobSpec> jobs = {job("A", 0, "cpu 50"), job("B", 0, "cpu 50"), job("C", 0, "cpu 50")};
  EXPECT_NE(test::run(share("lottery", jobs, 1)).ticks(), test::run(share("lottery", jobs, 2)).ticks());
}

TEST(Stride, CpuShareIsExactOverEveryFullCycle) {
  // Strides 100, 200, 40 (OSTEP's example): per cycle A runs 2 ticks, B 1, C 5.
  const auto r = test::run(share("stride", {job("A", 0, "cpu 100", 0, 100), job("B", 0, "cpu 100", 0, 50),
                                            job("C", 0, "cpu 100", 0, 250)}));
  const auto ticks = r.ticks();
  EXPECT_EQ((std::vector<long>{ticks_of(ticks, "A", 0, 80), ticks_of(ticks, "B", 0, 80), ticks_of(ticks, "C", 0, 80)}),
            (std::vector<long>{20, 10, 50}));
}

TEST(Stride, NewcomerStartsAtTheLowestRunnablePassInsteadOfZero) {
  // With pass 0, B would run its 50 ticks in a row from tick 50.
  const auto r = test::run(share("stride", {job("A", 0, "cpu 100"), job("B", 50, "cpu 50")}));
  EXPECT_EQ(ticks_of(r.ticks(), "A", 50, 70), 10);
}

}  // namespace
}  // namespace proclab
