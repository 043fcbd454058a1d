// Every lesson runs and prints what its note says (assets/lessons/*.json "expect").
#include <algorithm>
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "proclab/metrics.h"
#include "run_program.h"

namespace proclab {
namespace {

using ::testing::UnorderedElementsAreArray;

const std::vector<Lesson>& lessons() {
  static const std::vector<Lesson> all = [] {
    auto loaded = load_lessons(default_lessons_dir());
    EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().message);
    return loaded.ok() ? std::move(loaded.value()) : std::vector<Lesson>{};
  }();
  return all;
}

struct LessonRun {
  std::unique_ptr<Kernel> kernel;
  std::vector<std::string> lines;
};

LessonRun run_lesson(const std::string& name) {
  const Lesson* l = find_lesson(lessons(), name);
  EXPECT_NE(l, nullptr) << name;
  if (!l) return {};
  auto k = build_lesson_kernel(*l, l->kernel, l->policy, l->lang);
  EXPECT_TRUE(k.ok()) << (k.ok() ? "" : k.error().message);
  if (!k) return {};
  LessonRun r{std::move(k.value()), {}};
  r.kernel->run(l->max_ticks);
  for (const auto& [pid, text] : testing::outputs(*r.kernel)) r.lines.push_back(text);
  return r;
}

TEST(Lessons, EveryLessonPrintsWhatItsNoteSays) {
  ASSERT_GE(lessons().size(), 15u);
  for (const Lesson& l : lessons()) {
    SCOPED_TRACE(l.name);
    const LessonRun r = run_lesson(l.name);
    ASSERT_TRUE(r.kernel);
    if (!l.expect.output.empty()) {
      if (l.expect.ordered) {
        EXPECT_EQ(r.lines, l.expect.output);
      } else {
        EXPECT_THAT(r.lines, UnorderedElementsAreArray(l.expect.output));
      }
    }
    for (const std::string& line : l.expect.includes) {
      EXPECT_NE(std::find(r.lines.begin(), r.lines.end(), line), r.lines.end()) << line;
    }
    if (!l.expect.stopped_by.empty()) {
      EXPECT_EQ(to_string(r.kernel->status()), l.expect.stopped_by);
    }
  }
}

TEST(Lessons, EachLessonExplainsItselfInEnglishAndChineseAndNamesItsNote) {
  for (const Lesson& l : lessons()) {
    SCOPED_TRACE(l.name);
    EXPECT_FALSE(l.title_en.empty());
    EXPECT_FALSE(l.title_zh.empty());
    EXPECT_FALSE(l.explain_en.empty());
    EXPECT_FALSE(l.explain_zh.empty());
    EXPECT_THAT(l.seed, ::testing::EndsWith(".txt"));
  }
}

TEST(Lessons, RealDemoNamesAreTheRealBackendsDemos) {
  const std::set<std::string> demos = {"fork-once", "fork-twice", "fork-three", "globals-after-fork", "zombie",
                                       "orphan", "wait", "waitpid", "fork-bomb", "cpu-burners"};
  for (const Lesson& l : lessons()) {
    if (!l.real_demo.empty()) {
      EXPECT_TRUE(demos.contains(l.real_demo)) << l.name << ": " << l.real_demo;
    }
  }
}

TEST(Lessons, TheDefaultLessonIsThreeForks) {
  const Lesson* l = find_lesson(lessons(), kDefaultLesson);
  ASSERT_NE(l, nullptr);
  EXPECT_NE(l->source.find("os.fork()\nos.fork()\nos.fork()"), std::string::npos);
}

TEST(Lessons, ThreeForksMakeAForkTreeOfEightProcesses) {
  const LessonRun r = run_lesson("fork-three");
  ASSERT_TRUE(r.kernel);
  EXPECT_EQ(r.kernel->processes().size(), 8u);
  // First process forks three times, its first child twice, ... (2^3 - 1 fork events).
  const auto events = r.kernel->trace().events();
  EXPECT_EQ(std::count_if(events.begin(), events.end(), [](const Event& e) { return e.kind == EventKind::Fork; }), 7);
}

TEST(Lessons, ZombieLessonLeavesTheChildAZombieWithItsExitCode) {
  const LessonRun r = run_lesson("zombie");
  ASSERT_TRUE(r.kernel);
  const Process* child = r.kernel->process(101);
  ASSERT_NE(child, nullptr);
  EXPECT_EQ(child->state, ProcState::Zombie);
  EXPECT_EQ(child->ppid, 100);
  EXPECT_EQ(child->exit_status, 0);
}

TEST(Lessons, OrphanLessonChildIsAdoptedByInitAndReaped) {
  const LessonRun r = run_lesson("orphan");
  ASSERT_TRUE(r.kernel);
  const Process* child = r.kernel->process(101);
  ASSERT_NE(child, nullptr);
  EXPECT_EQ(child->original_ppid, 100);
  EXPECT_EQ(child->ppid, kInitPid);
  EXPECT_EQ(child->state, ProcState::Terminated);
}

TEST(Lessons, ForkBombHitsTheProcessLimitWithEagain) {
  const LessonRun r = run_lesson("fork-bomb");
  ASSERT_TRUE(r.kernel);
  const auto events = r.kernel->trace().events();
  const auto failed = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.kind == EventKind::ForkFailed; });
  ASSERT_NE(failed, events.end());
  EXPECT_EQ(failed->detail, kEAGAIN);
}

// Silberschatz 9e 6.3.4: RR quantum 4 on P1 24, P2 3, P3 3: average waiting 17/3.
TEST(Lessons, RoundRobinLessonGivesTheTextbookAverageWaitingTime) {
  const LessonRun r = run_lesson("round-robin");
  ASSERT_TRUE(r.kernel);
  EXPECT_NEAR(compute_metrics(r.kernel->trace(), 1, r.kernel->now()).avg_waiting, 17.0 / 3, 1e-9);
}

// Silberschatz 9e 6.3.3: non-preemptive priority on five processes: average waiting 8.2.
TEST(Lessons, PriorityLessonGivesTheTextbookAverageWaitingTime) {
  const LessonRun r = run_lesson("priority");
  ASSERT_TRUE(r.kernel);
  EXPECT_NEAR(compute_metrics(r.kernel->trace(), 1, r.kernel->now()).avg_waiting, 8.2, 1e-9);
}

TEST(Lessons, PastedSourceRunsLikeTheLesson) {
  const Lesson* l = find_lesson(lessons(), "fork-twice");
  ASSERT_NE(l, nullptr);
  const auto r = testing::run_program(l->source);
  EXPECT_THAT(r.lines, UnorderedElementsAreArray(l->expect.output));
}

TEST(Lessons, LoadingAMissingFolderFailsWithItsName) {
  auto loaded = load_lessons("/nonexistent/lessons");
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.error().message, ::testing::HasSubstr("/nonexistent/lessons"));
}

}  // namespace
}  // namespace proclab
