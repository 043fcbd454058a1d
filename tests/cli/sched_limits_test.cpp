// `proclab-cli sched` bounds every run: by --max-ticks (default 10,000,000) and by wall-clock
// time (--timeout). Each limit ends the run with one line naming it and exit code 1.
#include <gtest/gtest.h>

#include "run_cli.h"

namespace proclab::test {
namespace {

TEST(SchedLimits, TimeoutEndsARunWithOneLineNamingTheFlagAndExitOne) {
  // An arrival at the largest allowed tick: the simulated clock has a billion idle ticks to
  // step, far more than 0.2 s of wall time.
  const CliResult r = run_cli(PROCLAB_CLI, {"sched", "--jobs", "P1:1000000000:1", "--max-ticks", "1000000000",
                                            "--timeout", "0.2"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "proclab-cli: sched: timeout of 0.2 s reached (raise it with --timeout)\n");
  EXPECT_EQ(r.out, "");
}

TEST(SchedLimits, TimeoutCoversEveryPolicyOfACompare) {
  const CliResult r = run_cli(PROCLAB_CLI, {"sched", "--jobs", "P1:1000000000:1", "--max-ticks", "1000000000",
                                            "--compare", "--timeout", "0.2"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "proclab-cli: sched: timeout of 0.2 s reached (raise it with --timeout)\n");
}

TEST(SchedLimits, DefaultMaxTicksStopsAFarArrivalWithExitOne) {
  const CliResult r = run_cli(PROCLAB_CLI, {"sched", "--jobs", "P1:999999999:1"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "proclab-cli sched: stopped at --max-ticks 10000000 before every process finished\n");
}

}  // namespace
}  // namespace proclab::test
