// proclab-cli run and lessons, as a user runs them (through the binary).
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_cli.h"

namespace {

using ::testing::HasSubstr;

// `args` split on spaces (no argument here contains one).
proclab::test::CliResult cli(const std::string& args) {
  std::vector<std::string> argv;
  std::istringstream in(args);
  for (std::string a; in >> a;) argv.push_back(a);
  return proclab::test::run_cli(PROCLAB_CLI, argv);
}

std::string write(const std::string& name, const std::string& text) {
  return proclab::test::write_temp_file(name, text);
}

TEST(RunCommand, TextPrefixesEachOutputLineWithTimeAndPid) {
  const auto r = cli("run " + write("p.py", "import os\nos.fork()\nprint('hi')\n"));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("[t=2 pid 100] hi\n"));
  EXPECT_THAT(r.out, HasSubstr("pid 101] hi\n"));
}

TEST(RunCommand, TextShowsAPsTableWithLinuxStateLetters) {
  const auto r = cli("run --max-ticks 50 " +
                       write("z.py", "import os, time\nif os.fork() == 0:\n    os._exit(0)\nwhile True:\n    time.sleep(1)\n"));
  EXPECT_THAT(r.out, HasSubstr("    PID    PPID STAT   TIME CMD\n"));
  EXPECT_THAT(r.out, HasSubstr("    101     100 Z         1 python3 "));
  EXPECT_THAT(r.out, HasSubstr(" <defunct>"));
}

TEST(RunCommand, TreeMarksZombiesDefunct) {
  const auto r = cli("run --format tree --max-ticks 50 " +
                       write("z.py", "import os, time\nif os.fork() == 0:\n    os._exit(0)\nwhile True:\n    time.sleep(1)\n"));
  EXPECT_THAT(r.out, HasSubstr("init(1)\n└─ python3 "));
  EXPECT_THAT(r.out, HasSubstr("   └─ python3 "));
  EXPECT_THAT(r.out, HasSubstr("(101) <defunct>"));
}

TEST(RunCommand, JsonHasTheFixedNames) {
  const auto r = cli("run --format json " + write("p.py", "import os\nif os.fork() == 0:\n    print('c')\nelse:\n    os.wait()\n"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["stopped_by"], "exit");
  EXPECT_EQ(doc["output"][0]["text"], "c");
  EXPECT_EQ(doc["output"][0]["pid"], 101);
  EXPECT_TRUE(doc["output"][0].contains("time"));
  const auto& child = doc["processes"][1];
  EXPECT_EQ(child["pid"], 101);
  EXPECT_EQ(child["ppid"], 100);
  EXPECT_EQ(child["original_ppid"], 100);
  EXPECT_EQ(child["state"], "terminated");
  EXPECT_EQ(child["exit_code"], 0);
  EXPECT_TRUE(doc["ticks"].is_number());
  bool saw_fork = false, saw_reap = false;
  for (const auto& e : doc["events"]) {
    saw_fork = saw_fork || e["type"] == "fork";
    saw_reap = saw_reap || e["type"] == "reap";
  }
  EXPECT_TRUE(saw_fork);
  EXPECT_TRUE(saw_reap);
}

TEST(RunCommand, MaxTicksStopsAnEndlessProgram) {
  const auto r = cli("run --format json --max-ticks 30 " + write("loop.py", "while True:\n    pass\n"));
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["stopped_by"], "max_ticks");
  EXPECT_EQ(doc["ticks"], 30);
}

TEST(RunCommand, ForkBombStopsAtTheProcessLimit) {
  const auto r = cli("run --format json --max-procs 16 --max-ticks 300 " + write("bomb.py", "import os\nwhile True:\n    os.fork()\n"));
  const auto doc = nlohmann::json::parse(r.out);
  int failed = 0;
  for (const auto& e : doc["events"])
    if (e["type"] == "fork_failed") ++failed;
  EXPECT_GT(failed, 0);
}

TEST(RunCommand, SyntaxErrorPrintsPositionLineAndCaretAndExits2) {
  const std::string path = write("bad.py", "print('a'\n");
  const auto r = cli("run " + path);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(path + ":1:6: SyntaxError:"));
  EXPECT_THAT(r.err, HasSubstr("\n    print('a'\n"));
}

TEST(RunCommand, UnknownModuleIsABadProgram) {
  const auto r = cli("run " + write("mp.py", "from multiprocessing import Process\n"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("mp.py:1:1: module multiprocessing is not simulated in proclab"));
}

TEST(RunCommand, MissingFileIsBadInput) {
  const auto r = cli("run /nonexistent/x.py");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("/nonexistent/x.py: cannot open file"));
}

TEST(RunCommand, LessonRunsByName) {
  const auto r = cli("run --lesson globals-after-fork");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("] process-c - 101\n"));
  EXPECT_THAT(r.out, HasSubstr("] process-p - 100\n"));
}

TEST(RunCommand, UnknownLessonIsBadInput) {
  const auto r = cli("run --lesson no-such-lesson");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no lesson named 'no-such-lesson'"));
}

TEST(RunCommand, ChildFirstFlagLetsTheChildPrintFirst) {
  const auto r = cli("run --child-first --format json " +
                       write("p.py", "import os\nif os.fork() == 0:\n    print('child')\nelse:\n    print('parent')\n"));
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["output"][0]["text"], "child");
}

TEST(RunCommand, LessonsListsEveryLessonAndMarksTheDefault) {
  const auto r = cli("lessons");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("fork-three"));
  EXPECT_THAT(r.out, HasSubstr("(default)"));
  EXPECT_THAT(r.out, HasSubstr("zombie"));
}

}  // namespace
