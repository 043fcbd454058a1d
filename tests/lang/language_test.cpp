// The Python subset the notes use: each test one feature, checked by what the program prints
// (the output Python 3 prints for the same program).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "run_program.h"

namespace proclab {
namespace {

using ::testing::ElementsAre;
using testing::run_program;

std::vector<std::string> lines_of(const std::string& source) { return run_program(source).lines; }

TEST(Language, ArithmeticFollowsPythonPrecedenceAndFloorDivision) {
  EXPECT_THAT(lines_of("print(2 + 3 * 4, 2 ** 3 ** 2, -7 // 2, -7 % 3, 7 / 2, (1 + 2) * 3)"),
              ElementsAre("14 512 -4 2 3.5 9"));
}

TEST(Language, ComparisonsChainAndBooleansShortCircuit) {
  EXPECT_THAT(lines_of("x = 5\nprint(1 < x < 10, 1 < x > 10, x == 5 and 'yes', 0 or 'fallback', not x)"),
              ElementsAre("True False yes fallback False"));
}

TEST(Language, PercentFormatFormatAndFStrings) {
  EXPECT_THAT(lines_of("n = 7\nprint('%d-%s-%5.2f' % (n, 'a', 3.14159))\nprint('{} {:>4}|{x}'.format(1, 2, x='k'))\n"
                       "print(f'{n * 2} {n!r:>3} {3.5:.1f}')"),
              ElementsAre("7-a- 3.14", "1    2|k", "14   7 3.5"));
}

TEST(Language, ChineseTextPrintsAndCountsCharacters) {
  EXPECT_THAT(lines_of("s = '父进程'\nprint(s, len(s), s[0])"), ElementsAre("父进程 3 父"));
}

TEST(Language, ListsTuplesAndDicts) {
  EXPECT_THAT(lines_of("a = [3, 1, 2]\na.append(0)\na.sort()\nt = (1, 'x')\nd = {'k': 1}\nd['j'] = 2\n"
                       "print(a, a[-1], a[1:3], t, d, len(d), 'k' in d, sum(a), max(a), min(3, 4))"),
              ElementsAre("[0, 1, 2, 3] 3 [1, 2] (1, 'x') {'k': 1, 'j': 2} 2 True 6 3 3"));
}

TEST(Language, LoopsWithBreakContinueAndTupleTargets) {
  EXPECT_THAT(lines_of("out = []\nfor i in range(10):\n    if i % 2:\n        continue\n    if i > 6:\n        break\n"
                       "    out.append(i)\nfor k, v in [(1, 'a'), (2, 'b')]:\n    out.append(v)\n"
                       "n = 0\nwhile n < 3:\n    n += 1\nprint(out, n)"),
              ElementsAre("[0, 2, 4, 6, 'a', 'b'] 3"));
}

TEST(Language, FunctionsWithDefaultsKeywordsAndRecursion) {
  EXPECT_THAT(lines_of("def f(a, b=10, c='c'):\n    return a + b\n"
                       "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
                       "print(f(1), f(1, 2), f(1, c='x', b=5), fib(15))"),
              ElementsAre("11 3 6 610"));
}

TEST(Language, GlobalStatementRebindsAModuleVariable) {
  EXPECT_THAT(lines_of("count = 0\ndef bump():\n    global count\n    count += 1\nbump()\nbump()\nprint(count)"),
              ElementsAre("2"));
}

TEST(Language, TryExceptFinallyCatchesByClassAndRunsFinally) {
  EXPECT_THAT(lines_of("try:\n    x = [1][5]\nexcept (KeyError, IndexError) as e:\n    print('caught', e)\n"
                       "finally:\n    print('finally')\n"
                       "try:\n    1 / 0\nexcept ArithmeticError:\n    print('arith')\n"
                       "for i in range(3):\n    try:\n        break\n    finally:\n        print('left loop')\n"),
              ElementsAre("caught list index out of range", "finally", "arith", "left loop"));
}

TEST(Language, RaiseAndAReRaisedExceptionReachTheOuterHandler) {
  EXPECT_THAT(lines_of("try:\n    try:\n        raise ValueError('bad')\n    except ValueError:\n        raise\n"
                       "except Exception as e:\n    print('outer', e)"),
              ElementsAre("outer bad"));
}

TEST(Language, MainGuardRunsTheMainBlock) {
  EXPECT_THAT(lines_of("if __name__ == \"__main__\":\n    print('main')"), ElementsAre("main"));
}

TEST(Language, PrintHonoursSepAndEnd) {
  EXPECT_THAT(lines_of("print(1, 2, 3, sep='-')\nprint('a', end='!')"), ElementsAre("1-2-3", "a!"));
}

TEST(Language, RandomIsSeededSoRunsRepeat) {
  const std::string src = "import random\nprint(random.randint(1, 1000), random.random() < 1)";
  EXPECT_EQ(lines_of(src), lines_of(src));
}

TEST(Language, TimeTimeIsTheSimulatedClockInSeconds) {
  EXPECT_THAT(lines_of("import time\ntime.sleep(2)\nprint(time.time() >= 2.0, time.time() < 2.5)"),
              ElementsAre("True True"));
}

TEST(Language, StringMethodsAndSlices) {
  EXPECT_THAT(lines_of("s = ' a,b,c '\nprint(s.strip().split(','), '-'.join(['x', 'y']), 'abc'[::-1], 'hello'[1:3], "
                       "'Ab'.upper(), 'a-b'.replace('-', '+'), 'abc'.startswith('ab'), 'abc'.find('c'))"),
              ElementsAre("['a', 'b', 'c'] x-y cba el AB a+b True 2"));
}

TEST(Language, WindowsLineEndingsAndAByteOrderMarkAreAccepted) {
  EXPECT_THAT(lines_of("\xEF\xBB\xBFif True:\r\n    print('ok')\r\n"), ElementsAre("ok"));
}

TEST(Language, ASelfContainingListPrintsWithEllipsis) {
  EXPECT_THAT(lines_of("a = [1]\na.append(a)\nprint(a)"), ElementsAre("[1, [...]]"));
}

// ---- errors ------------------------------------------------------------------------------

TEST(LanguageErrors, DeeplyNestedExpressionsAreRejectedNotCrashing) {
  const std::string deep = "x = " + std::string(5000, '(') + "1" + std::string(5000, ')') + "\n";
  EXPECT_THAT(testing::compile_error(deep), ::testing::HasSubstr("SyntaxError: too many nested parentheses"));
}

TEST(LanguageErrors, SyntaxErrorGivesFileLineColumnTheLineAndACaret) {
  LangOptions lang;
  lang.file_name = "bad.py";
  EXPECT_EQ(testing::compile_error("x = 1\nif x = 2:\n    pass\n", lang),
            "bad.py:2:6: SyntaxError: expected ':', found '='\n    if x = 2:\n         ^");
}

// CPython 3.11 (/usr/bin/python3) on the same program: line 2, the caret just after `1`,
// "SyntaxError: expected ':'".
TEST(LanguageErrors, MissingColonIsReportedAtTheEndOfItsOwnLine) {
  EXPECT_EQ(testing::compile_error("x = 1\nif x == 1\n    print(x)\n"),
            "program.py:2:10: SyntaxError: expected ':'\n    if x == 1\n             ^");
}

TEST(LanguageErrors, TwentyThousandChainedCallsAreRejectedNotACrash) {
  std::string source = "x = 'abc'";
  for (int i = 0; i < 20000; ++i) source += ".upper()";
  EXPECT_THAT(testing::compile_error(source + "\n"), ::testing::HasSubstr("SyntaxError: too many nested parentheses, blocks or operators"));
}

TEST(LanguageErrors, ThousandElifsAreRejectedNotACrash) {
  std::string source = "x = 1\nif x == 0:\n    pass\n";
  for (int i = 1; i < 1000; ++i) source += "elif x == " + std::to_string(i) + ":\n    pass\n";
  EXPECT_THAT(testing::compile_error(source), ::testing::HasSubstr("SyntaxError: too many nested parentheses, blocks or operators"));
}

// CPython: '' * (2**63 - 1) == '' at once.
TEST(LanguageValues, EmptyStringTimesHugeCountIsEmptyAtOnce) {
  EXPECT_THAT(lines_of("print(len('' * 9223372036854775807), [] * 9223372036854775807)\n"), ElementsAre("0 []"));
}

TEST(LanguageErrors, BadIndentationIsASyntaxError) {
  EXPECT_THAT(testing::compile_error("if True:\nprint(1)\n"), ::testing::HasSubstr("2:1: SyntaxError: expected an indented block"));
}

TEST(LanguageErrors, ConstructsOutsideTheSubsetAreRejectedBeforeRunning) {
  EXPECT_THAT(testing::compile_error("with open(\"f\") as f:\n    pass\n"), ::testing::HasSubstr("program.py:1:1: not supported in proclab: with statements"));
  EXPECT_THAT(testing::compile_error("f = lambda x: x\n"), ::testing::HasSubstr("not supported in proclab: lambda"));
}

TEST(LanguageErrors, UnknownModulesAreNamed) {
  EXPECT_THAT(testing::compile_error("from multiprocessing import Process\n"),
              ::testing::HasSubstr("program.py:1:1: module multiprocessing is not simulated in proclab"));
}

TEST(LanguageErrors, RuntimeErrorEndsOnlyThatProcessWithATraceback) {
  const auto r = run_program("import os\nif os.fork() == 0:\n    print(undefined_name)\nelse:\n    os.wait()\n    print('parent fine')\n");
  EXPECT_THAT(r.lines, ElementsAre("Traceback (most recent call last):", "  File \"program.py\", line 3, in <module>",
                                   "NameError: name 'undefined_name' is not defined", "parent fine"));
  EXPECT_EQ(r.kernel->process(101)->exit_status, 1);
  EXPECT_EQ(r.kernel->process(100)->exit_status, 0);
}

TEST(LanguageErrors, TracebackNamesEveryFunctionOnTheStack) {
  const auto r = run_program("def inner():\n    return 1 / 0\ndef outer():\n    inner()\nouter()\n");
  EXPECT_THAT(r.lines, ElementsAre("Traceback (most recent call last):", "  File \"program.py\", line 5, in <module>",
                                   "  File \"program.py\", line 4, in outer", "  File \"program.py\", line 2, in inner",
                                   "ZeroDivisionError: division by zero"));
}

TEST(LanguageErrors, SysExitSetsTheExitCode) {
  const auto r = run_program("import sys\nsys.exit(4)\nprint('never')");
  EXPECT_TRUE(r.lines.empty());
  EXPECT_EQ(r.kernel->process(100)->exit_status, 4);
}

TEST(LanguageErrors, EndlessLoopIsStoppedByMaxTicks) {
  const auto r = run_program("while True:\n    pass\n", {}, {}, 500);
  EXPECT_EQ(r.stopped, StopReason::MaxTicks);
  EXPECT_EQ(r.kernel->now(), 500);
}

TEST(LanguageErrors, RunawayRecursionRaisesRecursionError) {
  const auto r = run_program("def f():\n    f()\nf()\n");
  ASSERT_FALSE(r.lines.empty());
  EXPECT_EQ(r.lines.back(), "RecursionError: maximum recursion depth exceeded");
}

TEST(LanguageErrors, HugeStringsRaiseMemoryErrorInsteadOfExhaustingMemory) {
  const auto r = run_program("s = 'ab' * 1000000000\n");
  ASSERT_FALSE(r.lines.empty());
  EXPECT_EQ(r.lines.back(), "MemoryError: string too long for proclab");
}

}  // namespace
}  // namespace proclab
