// The process lifecycle (docs/lifecycle.md), one rule per test, mostly through small Python
// programs as the notes write them. Rules follow Unix (xv6 proc.c; OSTEP fork.py for -R).
#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "../lang/run_program.h"

namespace proclab {
namespace {

using ::testing::ElementsAre;
using testing::run_program;
using testing::start_program;

// Steps until pred() holds (at most `limit` ticks); false if it never did.
template <class Pred>
bool step_until(Kernel& k, Pred pred, int limit = 10000) {
  for (int i = 0; i < limit && !pred(); ++i)
    if (!k.step()) break;
  return pred();
}

int count_events(const Kernel& k, EventKind kind) {
  const auto e = k.trace().events();
  return static_cast<int>(std::count_if(e.begin(), e.end(), [&](const Event& ev) { return ev.kind == kind; }));
}

TEST(Lifecycle, FirstProcessIsPid100AndForkedPidsAscend) {
  const auto r = run_program("import os\nos.fork()\nos.fork()\n");
  const auto all = r.kernel->processes();
  ASSERT_EQ(all.size(), 4u);
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i]->pid, 100 + static_cast<Pid>(i));
}

TEST(Lifecycle, ZombieKeepsItsExitCodeUntilItsParentWaits) {
  auto k = start_program("import os, time\nif os.fork() == 0:\n    os._exit(5)\ntime.sleep(2)\npid, status = os.wait()\n"
                         "print(pid, status >> 8)");
  ASSERT_TRUE(k);
  ASSERT_TRUE(step_until(*k, [&] { return k->process(101) && k->process(101)->state == ProcState::Zombie; }));
  EXPECT_EQ(k->process(101)->exit_status, 5);
  EXPECT_EQ(k->process(100)->state, ProcState::Blocked);  // still asleep: nobody has waited yet
  k->run(100000);
  EXPECT_EQ(k->process(101)->state, ProcState::Terminated);
  EXPECT_THAT(testing::outputs(*k), ElementsAre(std::pair<Pid, std::string>{100, "101 5"}));
}

TEST(Lifecycle, WaitBlocksTheParentUntilAChildExits) {
  auto k = start_program("import os\nif os.fork() == 0:\n    cpu(20)\nelse:\n    os.wait()\n");
  ASSERT_TRUE(k);
  ASSERT_TRUE(step_until(*k, [&] { return k->process(100)->state == ProcState::Blocked; }));
  EXPECT_TRUE(k->process(100)->waiting_child);
  EXPECT_TRUE(k->process(101)->alive());
}

TEST(Lifecycle, WaitWithNoChildrenRaisesChildProcessError) {
  const auto r = run_program("import os\nos.wait()\n");
  ASSERT_FALSE(r.lines.empty());
  EXPECT_EQ(r.lines.back(), "ChildProcessError: [Errno 10] No child processes");
  EXPECT_EQ(r.kernel->process(100)->exit_status, 1);
}

TEST(Lifecycle, OrphanIsAdoptedByInitAndReapedWhenItExits) {
  const auto r = run_program("import os, time\nif os.fork() == 0:\n    time.sleep(1)\n    print('orphan', os.getppid())\n");
  EXPECT_THAT(r.lines, ElementsAre("orphan 1"));
  const Process* child = r.kernel->process(101);
  EXPECT_EQ(child->ppid, kInitPid);
  EXPECT_EQ(child->original_ppid, 100);
  EXPECT_EQ(child->state, ProcState::Terminated);
}

TEST(Lifecycle, InitReapsAZombieItAdopts) {
  // The child exits first and stays a zombie while its parent sleeps; when the parent exits,
  // init adopts the zombie and reaps it at once.
  auto k = start_program("import os, time\nif os.fork() == 0:\n    os._exit(0)\ntime.sleep(1)\n");
  ASSERT_TRUE(k);
  ASSERT_TRUE(step_until(*k, [&] { return k->process(101) && k->process(101)->state == ProcState::Zombie; }));
  k->run(100000);
  EXPECT_EQ(k->process(101)->state, ProcState::Terminated);
  const auto events = k->trace().events();
  const auto reap = std::find_if(events.begin(), events.end(),
                                 [](const Event& e) { return e.kind == EventKind::Reap && e.pid == 101; });
  ASSERT_NE(reap, events.end());
  EXPECT_EQ(reap->detail, kInitPid);
}

// 100 -> 101 -> 102 -> 103; 102 exits while the others live.
constexpr const char* kChainProgram =
    "import os, time\n"
    "if os.fork() == 0:\n"            // 101
    "    if os.fork() == 0:\n"        // 102
    "        if os.fork() == 0:\n"    // 103
    "            time.sleep(2)\n"
    "            print(os.getppid())\n"
    "            os._exit(0)\n"
    "        os._exit(0)\n"           // 102 exits first
    "    time.sleep(3)\n"
    "    os.wait()\n"
    "    os._exit(0)\n"
    "time.sleep(4)\n"
    "os.wait()\n";

TEST(Lifecycle, ByDefaultOrphansGoToInit) {
  EXPECT_THAT(run_program(kChainProgram).lines, ElementsAre("1"));
}

// OSTEP fork.py -R: an orphan is re-parented to its grandparent.
TEST(Lifecycle, GrandparentRuleGivesAnOrphanToItsGrandparent) {
  KernelConfig config;
  config.reparent = ReparentRule::Grandparent;
  EXPECT_THAT(run_program(kChainProgram, config).lines, ElementsAre("101"));
}

// PR_SET_CHILD_SUBREAPER: the program's first process is the subreaper; orphans deeper in its
// tree go to it rather than to their grandparent.
TEST(Lifecycle, SubreaperRuleGivesAnOrphanToTheNearestSubreaper) {
  KernelConfig config;
  config.reparent = ReparentRule::Subreaper;
  EXPECT_THAT(run_program(kChainProgram, config).lines, ElementsAre("100"));
}

TEST(Lifecycle, SigkillEndsAProcessAndWaitReportsTheSignal) {
  const auto r = run_program("import os, signal\npid = os.fork()\nif pid == 0:\n    while True:\n        pass\n"
                             "os.kill(pid, signal.SIGKILL)\np, status = os.wait()\nprint(status)");
  EXPECT_THAT(r.lines, ElementsAre("9"));
  EXPECT_EQ(r.kernel->process(101)->exit_status, -kSIGKILL);
}

TEST(Lifecycle, SigtermEndsAProcessWithStatusMinus15) {
  const auto r = run_program("import os, signal\npid = os.fork()\nif pid == 0:\n    while True:\n        pass\n"
                             "os.kill(pid, signal.SIGTERM)\nos.wait()");
  EXPECT_EQ(r.kernel->process(101)->exit_status, -kSIGTERM);
  EXPECT_EQ(r.kernel->process(101)->state, ProcState::Terminated);
}

TEST(Lifecycle, SigstopStopsAProcessAndSigcontResumesIt) {
  auto k = start_program("while True:\n    pass\n");
  ASSERT_TRUE(k);
  k->step();
  ASSERT_EQ(k->send_signal(100, kSIGSTOP), 0);
  EXPECT_EQ(k->process(100)->state, ProcState::Stopped);
  EXPECT_EQ(linux_letter(k->process(100)->state), 'T');
  const Tick cpu_before = k->process(100)->cpu_time;
  for (int i = 0; i < 5; ++i) k->step();
  EXPECT_EQ(k->process(100)->cpu_time, cpu_before);  // a stopped process does not run
  ASSERT_EQ(k->send_signal(100, kSIGCONT), 0);
  k->step();
  EXPECT_EQ(k->process(100)->state, ProcState::Running);
}

TEST(Lifecycle, KillOfAMissingProcessRaisesProcessLookupError) {
  const auto r = run_program("import os\nos.kill(4242, 9)\n");
  ASSERT_FALSE(r.lines.empty());
  EXPECT_EQ(r.lines.back(), "ProcessLookupError: [Errno 3] No such process");
}

TEST(Lifecycle, ProcessLimitMakesForkFailWithEagain) {
  KernelConfig config;
  config.max_procs = 3;
  const auto r = run_program("import os\nfor i in range(5):\n    try:\n        if os.fork() == 0:\n            while True:\n"
                             "                pass\n    except OSError as e:\n        print(i, e.errno)\n",
                             config, {}, 200);
  EXPECT_THAT(r.lines, ElementsAre("2 11", "3 11", "4 11"));
  EXPECT_EQ(r.kernel->processes().size(), 3u);  // the parent and its two children
  EXPECT_EQ(count_events(*r.kernel, EventKind::ForkFailed), 3);
}

TEST(Lifecycle, ParentRunsOnAfterForkByDefault) {
  const auto r = run_program("import os\nif os.fork() == 0:\n    print('child')\nelse:\n    print('parent')\n");
  EXPECT_THAT(r.lines, ElementsAre("parent", "child"));
}

TEST(Lifecycle, ChildFirstLetsTheChildRunBeforeItsParent) {
  KernelConfig config;
  config.child_first = true;
  const auto r = run_program("import os\nif os.fork() == 0:\n    print('child')\nelse:\n    print('parent')\n", config);
  EXPECT_THAT(r.lines, ElementsAre("child", "parent"));
}

TEST(Lifecycle, DeadlockIsDetectedWhenNoProcessCanEverRunAgain) {
  // The parent stops its child, then waits for it: nothing can ever happen again.
  const auto r = run_program("import os, signal\npid = os.fork()\nif pid == 0:\n    while True:\n        pass\n"
                             "os.kill(pid, signal.SIGSTOP)\nos.wait()\n");
  EXPECT_EQ(r.stopped, StopReason::Deadlock);
  EXPECT_EQ(r.kernel->process(101)->state, ProcState::Stopped);
  EXPECT_EQ(r.kernel->process(100)->state, ProcState::Blocked);
}

}  // namespace
}  // namespace proclab
