// fork copies the whole interpreter state: the child continues after the call with 0, the
// parent gets the child's pid, and nothing is shared afterwards.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "run_program.h"

namespace proclab {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;
using testing::run_program;

TEST(ForkSemantics, ChildGetsZeroAndParentGetsTheChildsPid) {
  // The parent waits, so the child's parent is still 100 when it asks.
  const auto r = run_program("import os\nret = os.fork()\nprint(ret, os.getpid(), os.getppid())\nif ret:\n    os.wait()");
  EXPECT_THAT(r.by_pid, UnorderedElementsAre(std::pair<Pid, std::string>{100, "101 100 1"},
                                             std::pair<Pid, std::string>{101, "0 101 100"}));
}

TEST(ForkSemantics, ForkInsideAnExpressionContinuesTheExpressionInTheChild) {
  const auto r = run_program("import os\nx = 1000 + (os.fork() == 0) * 1\nprint(x)");
  EXPECT_THAT(r.lines, UnorderedElementsAre("1000", "1001"));
}

TEST(ForkSemantics, ForkInsideAForLoopCopiesTheLoopPosition) {
  // Iteration 0: two processes print 0; iteration 1: each forks again, four print 1.
  const auto r = run_program("import os\nfor i in range(2):\n    os.fork()\n    print(i)");
  EXPECT_THAT(r.lines, UnorderedElementsAre("0", "0", "1", "1", "1", "1"));
}

TEST(ForkSemantics, ForkInsideAFunctionReturnsInBothProcesses) {
  const auto r = run_program("import os\ndef spawn(tag):\n    pid = os.fork()\n    return tag + ('-child' if pid == 0 else '-parent')\n"
                             "print(spawn('p'))");
  EXPECT_THAT(r.lines, UnorderedElementsAre("p-parent", "p-child"));
}

TEST(ForkSemantics, ListsAreNotSharedAfterFork) {
  const auto r = run_program("import os, time\nitems = [1]\nalias = items\nif os.fork() == 0:\n    alias.append(2)\n"
                             "    print('child', items)\nelse:\n    time.sleep(1)\n    print('parent', items)");
  EXPECT_THAT(r.lines, ElementsAre("child [1, 2]", "parent [1]"));
}

// 003 note: g_num is 101 in the child and 100 in the parent.
TEST(ForkSemantics, GlobalsArePerProcessAfterFork) {
  const auto r = run_program("import os, time\ng_num = 100\nif os.fork() == 0:\n    g_num += 1\n    print(g_num)\n"
                             "else:\n    time.sleep(1)\n    print(g_num)");
  EXPECT_THAT(r.lines, ElementsAre("101", "100"));
}

TEST(ForkSemantics, ForkBeyondTheLimitRaisesOSErrorEagainInsideTheProgram) {
  KernelConfig config;
  config.max_procs = 1;
  const auto r = run_program("import os\ntry:\n    os.fork()\nexcept OSError as e:\n    print(e.errno, e)", config);
  EXPECT_THAT(r.lines, ElementsAre("11 [Errno 11] Resource temporarily unavailable"));
}

TEST(ForkSemantics, ForkedChildCloneContinuesLikeTheOriginal) {
  auto k = testing::start_program("import os\nx = 5\nprint(x)");
  ASSERT_TRUE(k);
  const Process* p = k->process(100);
  auto copy = p->program->clone();
  EXPECT_EQ(copy->current_line(), p->program->current_line());
}

// ---- cost model --------------------------------------------------------------------------

TEST(CostModel, EachStatementCostsOneTickByDefault) {
  const auto r = run_program("a = 1\nb = 2\nc = 3\n");
  EXPECT_EQ(r.kernel->process(100)->cpu_time, 3);
}

TEST(CostModel, StatementCostIsConfigurable) {
  LangOptions lang;
  lang.statement_cost = 3;
  const auto r = run_program("a = 1\nb = 2\n", {}, {}, 100000, lang);
  EXPECT_EQ(r.kernel->process(100)->cpu_time, 6);
}

TEST(CostModel, CpuBurnsItsTicks) {
  const auto r = run_program("cpu(7)\n");
  EXPECT_EQ(r.kernel->process(100)->cpu_time, 7);
}

TEST(CostModel, SleepBlocksForSecondsTimesTicksPerSecond) {
  const auto r = run_program("import time\ntime.sleep(2)\nprint('awake')");
  // t=0 import, t=1 the sleep: blocked 20 ticks (2 s x 10), the print runs at t=22.
  const auto events = r.kernel->trace().events();
  const auto out = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.kind == EventKind::Output; });
  ASSERT_NE(out, events.end());
  EXPECT_EQ(out->time, 22);
}

TEST(CostModel, IoBlocksTheProcessWithoutUsingTheCpu) {
  const auto r = run_program("io(5)\n");
  EXPECT_EQ(r.kernel->process(100)->cpu_time, 2);  // the io statement, then the exit after waking
  EXPECT_EQ(r.kernel->now(), 7);
}

TEST(CostModel, CurrentLineIsTheLineAboutToRun) {
  auto k = testing::start_program("a = 1\n\nb = 2\nc = 3\n");
  ASSERT_TRUE(k);
  const Program& prog = *k->process(100)->program;
  EXPECT_EQ(prog.current_line(), 1);
  k->step();
  EXPECT_EQ(prog.current_line(), 3);
  k->step();
  EXPECT_EQ(prog.current_line(), 4);
}

}  // namespace
}  // namespace proclab
