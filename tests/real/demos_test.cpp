// The built-in demos, run with real processes: what the notes print and what /proc shows.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "lab_test_support.h"
#include "proclab/real/lab.h"

namespace proclab::real {
namespace {

using ::testing::UnorderedElementsAre;

std::vector<std::string> output_lines(const LabResult& r) {
  std::vector<std::string> out;
  for (const Event& e : r.trace.events())
    if (e.kind == EventKind::Output) out.emplace_back(r.trace.text(e.detail));
  return out;
}

const ProcessReport* process(const LabResult& r, Pid pid) {
  for (const ProcessReport& p : r.report.processes)
    if (p.pid == pid) return &p;
  return nullptr;
}

LabResult run(const std::string& demo) {
  auto r = run_demo(demo, testing::test_options());
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? std::move(r.value()) : LabResult{};
}

// Source: seeds/000 ("two os.fork(): prints 1, 2 once and 11, 22 twice").
TEST(RealDemos, ForkTwicePrintsOneTwoAndElevenTwentyTwoTwice) {
  const LabResult r = run("fork-twice");
  EXPECT_THAT(output_lines(r), UnorderedElementsAre("1", "2", "11", "11", "22", "22"));
  EXPECT_EQ(r.report.target_processes, 4);
}

// Source: seeds/000 (three os.fork() then print('1'): eight 1s).
TEST(RealDemos, ForkThreePrintsEightOnes) {
  const LabResult r = run("fork-three");
  EXPECT_EQ(output_lines(r), std::vector<std::string>(8, "1"));
  EXPECT_EQ(r.report.target_processes, 8);
}

// Source: seeds/003 (process-c - 101, process-p - 100).
TEST(RealDemos, GlobalsAfterForkChildSees101ParentStill100) {
  EXPECT_THAT(output_lines(run("globals-after-fork")), UnorderedElementsAre("process-c - 101", "process-p - 100"));
}

TEST(RealDemos, ForkOnceChildsPpidIsTheParentsPid) {
  const LabResult r = run("fork-once");
  ASSERT_EQ(r.report.target_processes, 2);
  const ProcessReport* child = process(r, 3);
  ASSERT_NE(child, nullptr);
  EXPECT_EQ(child->original_ppid, 2);
  EXPECT_THAT(output_lines(r), ::testing::Contains("child: pid=3 ppid=2"));
}

TEST(RealDemos, WaitReapsChildrenInTheOrderTheyEnd) {
  // The children sleep 120, 40 and 80 ms: wait() returns the second, the third, then the first.
  EXPECT_EQ(output_lines(run("wait")),
            (std::vector<std::string>{"wait reaped pid 4 (exit code 2)", "wait reaped pid 5 (exit code 3)",
                                      "wait reaped pid 3 (exit code 1)"}));
}

TEST(RealDemos, WaitpidReapsChildrenInTheOrderAsked) {
  EXPECT_EQ(output_lines(run("waitpid")),
            (std::vector<std::string>{"waitpid reaped pid 3 (exit code 1)", "waitpid reaped pid 4 (exit code 2)",
                                      "waitpid reaped pid 5 (exit code 3)"}));
}

// Safety test 4 (zombie): /proc shows Z for the child before its parent reaps it.
TEST(RealDemos, ZombieChildIsSeenAsZThenReapedByItsParent) {
  const LabResult r = run("zombie");
  const ProcessReport* child = process(r, 3);
  ASSERT_NE(child, nullptr);
  const std::string& states = child->observed_states;
  const size_t z = states.find('Z');
  ASSERT_NE(z, std::string::npos) << states;
  // After Z nothing runs again: at most X (being released) is seen before it is gone.
  EXPECT_TRUE(states.substr(z + 1).empty() || states.substr(z + 1) == "X") << states;
  const auto events = r.trace.events();
  const auto reap = std::find_if(events.begin(), events.end(),
                                 [](const Event& e) { return e.kind == EventKind::Reap && e.pid == 3; });
  ASSERT_NE(reap, events.end());
  EXPECT_EQ(reap->detail, 2) << "the parent reaps it";
}

// Safety test 4 (orphan): the child's ppid becomes the lab init, which reaps it.
TEST(RealDemos, OrphanIsAdoptedAndReapedByTheLabInit) {
  const LabResult r = run("orphan");
  const ProcessReport* child = process(r, 3);
  ASSERT_NE(child, nullptr);
  EXPECT_EQ(child->original_ppid, 2);
  EXPECT_EQ(child->ppid, 1);
  EXPECT_THAT(output_lines(r), ::testing::Contains("child: my parent was 2, now it is 1"));
  const auto events = r.trace.events();
  EXPECT_TRUE(std::any_of(events.begin(), events.end(), [](const Event& e) {
    return e.kind == EventKind::Reap && e.pid == 3 && e.detail == 1;
  }));
  EXPECT_TRUE(std::any_of(events.begin(), events.end(), [](const Event& e) {
    return e.kind == EventKind::Reparent && e.pid == 3 && e.detail == 1;
  }));
}

TEST(RealDemos, CpuBurnersRunWithTheirNiceValuesAsProcShowsThem) {
  const LabResult r = run("cpu-burners");
  std::vector<int> nices;
  for (const ProcessReport& p : r.report.processes)
    if (p.original_ppid == 2) {
      nices.push_back(p.nice);
      EXPECT_FALSE(p.cpus.empty()) << "pid " << p.pid << " was never seen on a CPU";
    }
  std::sort(nices.begin(), nices.end());
  EXPECT_EQ(nices, (std::vector<int>{0, 5, 10, 19}));
  EXPECT_EQ(output_lines(r).size(), 4U);
}

}  // namespace
}  // namespace proclab::real
