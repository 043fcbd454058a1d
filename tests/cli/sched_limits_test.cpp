// `proclab-cli sched` bounds every run: by --max-ticks (default 10,000,000), by wall-clock time
// (--timeout) and by the trace's size (--max-events). Each limit ends the run with one line
// naming it and exit code 1.
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

TEST(SchedLimits, MaxEventsEndsARunWhoseTraceOutgrowsItWithExitOne) {
  // Round-robin with quantum 1 switches every tick: the trace grows by several events a tick.
  const CliResult r = run_cli(PROCLAB_CLI, {"sched", "--jobs", "100000,100000", "--policy", "rr", "--quantum", "1",
                                            "--max-events", "1000"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "proclab-cli: sched: trace limit of 1000 events reached (raise it with --max-events)\n");
}

TEST(SchedLimits, AWorkloadWithinEveryLimitStillRunsToTheEnd) {
  const CliResult r = run_cli(PROCLAB_CLI, {"sched", "--jobs", "24,3,3", "--policy", "rr", "--quantum", "4",
                                            "--max-events", "1000", "--timeout", "60", "--max-input-size", "1KiB"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Average"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace proclab::test
