// Safety test 5: the tracer counts exactly the processes a program creates, from its exec on.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include <csignal>

#include "lab_test_support.h"
#include "proclab/real/lab.h"

namespace proclab::real {
namespace {

std::vector<std::string> output_lines(const LabResult& r) {
  std::vector<std::string> out;
  for (const Event& e : r.trace.events())
    if (e.kind == EventKind::Output) out.emplace_back(r.trace.text(e.detail));
  return out;
}

LabResult trace(std::vector<std::string> argv) {
  LabOptions o = testing::test_options();
  o.argv = std::move(argv);
  auto r = run_traced(o);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? std::move(r.value()) : LabResult{};
}

class ForkKTimes : public ::testing::TestWithParam<int> {};

TEST_P(ForkKTimes, YieldsTwoToTheKProcesses) {
  const int k = GetParam();
  const LabResult r = trace({PROCLAB_FORK_HELPER, std::to_string(k)});
  EXPECT_EQ(r.report.target_processes, 1 << k);
  EXPECT_EQ(output_lines(r), std::vector<std::string>(static_cast<size_t>(1) << k, "1"));
  EXPECT_EQ(r.report.survivors, 0);
}

TEST_P(ForkKTimes, YieldsTwoToTheKProcessesThroughAShellWrapper) {
  const int k = GetParam();
  // The helper's path goes in as $0, an argument of its own: the lab makes visible the files named
  // in the command's arguments, not paths inside a shell string (a clone under /tmp, whose /tmp
  // is private in the lab, would not find it).
  const LabResult r = trace({"/bin/sh", "-c", "\"$0\" " + std::to_string(k), PROCLAB_FORK_HELPER});
  EXPECT_EQ(r.report.target_processes, 1 << k);
}

INSTANTIATE_TEST_SUITE_P(RealTracer, ForkKTimes, ::testing::Range(1, 6));

TEST(RealTracer, PythonForkingThreeTimesYieldsEightProcessesPrintingOne) {
  const auto python = testing::system_python3();
  if (!python) GTEST_SKIP() << "python3 is not installed: the Python tracer test needs it";
  const LabResult r = trace({*python, "-c", "import os\nos.fork()\nos.fork()\nos.fork()\nprint('1')"});
  EXPECT_EQ(r.report.target_processes, 8);
  EXPECT_EQ(output_lines(r), std::vector<std::string>(8, "1"));
}

TEST(RealTracer, ThreadsAreShownAsThreadsNotProcesses) {
  const LabResult r = trace({PROCLAB_FORK_HELPER, "0", "3"});
  EXPECT_EQ(r.report.target_processes, 1);
  ASSERT_GE(r.report.processes.size(), 2U);
  EXPECT_EQ(r.report.processes[1].threads, 4);
}

TEST(RealTracer, ChildrenPastTheCapAreKilledAndCountedAsForkFailures) {
  // The helper and its 6 children all stay alive until the last fork: with cap 4, the 4th child
  // is killed at birth. (Its zombie then fills the kernel caps' one spare slot, so the kernel may
  // refuse the later forks itself with EAGAIN, which the tracer does not see.)
  LabOptions o = testing::test_options(4);
  o.argv = {PROCLAB_FORK_HELPER, "--fan", "6"};
  auto r = run_traced(o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->report.peak_processes, 4);
  EXPECT_GE(r->report.fork_failures, 1);
  EXPECT_EQ(r->report.survivors, 0);
}

TEST(RealTracer, CommandThatIsNotFoundIsAnErrorBeforeTheLabStarts) {
  LabOptions o = testing::test_options();
  o.argv = {"/nonexistent/program"};
  auto r = run_traced(o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "/nonexistent/program: command not found");
}

// Found, but exec fails inside the lab (its interpreter does not exist): exit 127, as a shell says.
TEST(RealTracer, CommandWhoseExecFailsExitsWith127) {
  char dir[] = "/tmp/proclab-exec-XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  const std::string script = std::string(dir) + "/bad-interpreter";
  {
    std::ofstream(script) << "#!/nonexistent/interpreter\n";
  }
  chmod(script.c_str(), 0700);
  const LabResult r = trace({script});
  EXPECT_EQ(r.report.exit_code, 127);
  unlink(script.c_str());
  rmdir(dir);
}

// SIGKILL of the tracer (the lab init) kills its tracees: the inherited pipe, held by the CLI,
// its jailer and the traced sleepers, reaches EOF soon after.
TEST(RealTracer, SigkillOfTheTracerKillsTheTracees) {
  testing::WatchedCli cli =
      testing::start_watched_cli({"trace", "--timeout", "30", "--", "/bin/sh", "-c", "sleep 30 & sleep 30 & wait"});
  ASSERT_GT(cli.pid, 0);
  std::vector<pid_t> lab;
  for (int i = 0; i < 5000 && (lab = testing::descendants(cli.pid)).size() < 5; ++i) usleep(1000);
  ASSERT_GE(lab.size(), 5U) << "cli -> jailer -> init (tracer) -> sh -> 2 sleeps";
  const pid_t tracer = lab[1];  // the jailer's only child
  kill(tracer, SIGKILL);
  EXPECT_TRUE(testing::watch_reaches_eof(cli, 1000)) << "a tracee outlived its tracer";
  testing::finish_watched_cli(cli);
}

}  // namespace
}  // namespace proclab::real
