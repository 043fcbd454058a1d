// proclab-cli compare: for every terminating fork lesson the simulation and the real run
// (python3 in the lab) agree on the tree, the output lines and the exit codes.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_cli.h"

namespace proclab {
namespace {

class CompareLesson : public ::testing::TestWithParam<const char*> {};

nlohmann::json compare(const char* lesson) {
  const auto r = test::run_cli(PROCLAB_CLI, {"compare", "--lesson", lesson, "--format", "json", "--cap", "32", "--timeout", "5"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out, nullptr, false);
}

TEST_P(CompareLesson, SimulationAndRealRunGiveTheSameTree) { EXPECT_TRUE(compare(GetParam())["tree"]["same"].get<bool>()); }
TEST_P(CompareLesson, SimulationAndRealRunPrintTheSameLines) { EXPECT_TRUE(compare(GetParam())["output"]["same"].get<bool>()); }
TEST_P(CompareLesson, SimulationAndRealRunExitAlike) { EXPECT_TRUE(compare(GetParam())["exit_codes"]["same"].get<bool>()); }

// The fork lessons that end by themselves; waitpid is left out (how often it polls is timing),
// orphan and parent-first sleep past a fast timeout, zombie waits until proclab's tick limit.
INSTANTIATE_TEST_SUITE_P(ForkLessons, CompareLesson,
                         ::testing::Values("fork-getpid", "fork-nested", "fork-ppid", "fork-side-by-side", "fork-three",
                                           "fork-twice", "globals-after-fork", "wait"));

TEST(Compare, MissingLessonIsBadInput) {
  const auto r = test::run_cli(PROCLAB_CLI, {"compare", "--lesson", "no-such-lesson"});
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace proclab
