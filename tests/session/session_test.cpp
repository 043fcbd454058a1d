// Session: commands, step back by replay, settings that replay to the same tick.
#include <gtest/gtest.h>

#include "proclab/export.h"
#include "proclab/session.h"

namespace proclab {
namespace {

// Silberschatz, Operating System Concepts, RR example: P1 24, P2 3, P3 3 at 0, quantum 4.
Document textbook_rr() {
  Document d;
  d.title = "rr";
  d.settings.policy.name = "rr";
  d.settings.policy.quantum = 4;
  d.settings.jobs = parse_jobs_spec("P1:0:24,P2:0:3,P3:0:3").value();
  return d;
}

TEST(Session, LoadsAJobDocumentAtTickZero) {
  Session s;
  s.load(textbook_rr());
  ASSERT_NE(s.kernel(), nullptr);
  EXPECT_EQ(s.now(), 0);
}

TEST(Session, StepsAndStepBackLeaveTheDocumentRevision) {
  Session s;
  s.load(textbook_rr());
  const auto before = s.document_revision();
  s.step();
  s.step_back();
  EXPECT_EQ(s.document_revision(), before);
}

TEST(Session, EditingTheJobsChangesTheDocumentRevision) {
  Session s;
  s.load(textbook_rr());
  const auto before = s.document_revision();
  s.edit_jobs(parse_jobs_spec("5,5").value());
  EXPECT_NE(s.document_revision(), before);
}

TEST(Session, StepAdvancesOneTick) {
  Session s;
  s.load(textbook_rr());
  s.step();
  s.step();
  EXPECT_EQ(s.now(), 2);
}

TEST(Session, StepBackGivesTheSameTraceAsStoppingThere) {
  Session a, b;
  a.load(textbook_rr());
  b.load(textbook_rr());
  for (int i = 0; i < 9; ++i) a.step();
  a.step_back();
  for (int i = 0; i < 8; ++i) b.step();
  EXPECT_EQ(a.now(), 8);
  EXPECT_EQ(events_json(a.kernel()->trace()), events_json(b.kernel()->trace()));
}

TEST(Session, StepBackAtTickZeroDoesNothing) {
  Session s;
  s.load(textbook_rr());
  EXPECT_FALSE(s.step_back());
  EXPECT_EQ(s.now(), 0);
}

TEST(Session, StepBackReplaysASignalGivenEarlier) {
  Session s;
  s.load(textbook_rr());
  for (int i = 0; i < 2; ++i) s.step();
  ASSERT_EQ(s.send_signal(102, kSIGKILL), 0);  // P3 killed at tick 2
  for (int i = 0; i < 3; ++i) s.step();
  s.step_back();
  EXPECT_EQ(s.kernel()->process(102)->exit_status, -kSIGKILL);
}

TEST(Session, StepBackBeforeASignalForgetsIt) {
  Session s;
  s.load(textbook_rr());
  for (int i = 0; i < 2; ++i) s.step();
  ASSERT_EQ(s.send_signal(102, kSIGKILL), 0);
  s.step_back();
  EXPECT_TRUE(s.commands().empty());
  EXPECT_TRUE(s.kernel()->process(102)->alive());
}

TEST(Session, SignalToAnUnknownPidIsESRCH) {
  Session s;
  s.load(textbook_rr());
  EXPECT_EQ(s.send_signal(999, kSIGKILL), kESRCH);
  EXPECT_TRUE(s.commands().empty());
}

TEST(Session, ChangingCpusReplaysToTheSameTick) {
  Session s;
  s.load(textbook_rr());
  for (int i = 0; i < 5; ++i) s.step();
  s.set_cpus(2);
  EXPECT_EQ(s.now(), 5);
  EXPECT_EQ(s.kernel()->config().cpus, 2);
}

TEST(Session, ChangingThePolicyChangesWhoRuns) {
  Session s;
  s.load(textbook_rr());
  PolicyParams fcfs;
  fcfs.name = "fcfs";
  s.set_policy(fcfs);
  for (int i = 0; i < 6; ++i) s.step();
  EXPECT_EQ(s.kernel()->process(100)->cpu_time, 6);  // FCFS: P1 keeps the CPU past one quantum
}

TEST(Session, ResetReturnsToTickZeroAndForgetsCommands) {
  Session s;
  s.load(textbook_rr());
  s.step();
  s.send_signal(101, kSIGSTOP);
  s.reset();
  EXPECT_EQ(s.now(), 0);
  EXPECT_TRUE(s.commands().empty());
}

TEST(Session, PlayingAdvancesBySpeedTimesSeconds) {
  Session s;
  s.load(textbook_rr());
  s.set_speed(10);
  s.play();
  EXPECT_EQ(s.advance(0.2), 2);
}

TEST(Session, PausedSessionDoesNotAdvance) {
  Session s;
  s.load(textbook_rr());
  EXPECT_EQ(s.advance(1.0), 0);
}

TEST(Session, PlayStopsWhenTheRunEnds) {
  Session s;
  s.load(textbook_rr());
  s.set_speed(1000);
  s.play();
  for (int i = 0; i < 10; ++i) s.advance(1.0);
  EXPECT_EQ(s.now(), 30);  // 24 + 3 + 3 ticks of work on one CPU
  EXPECT_FALSE(s.playing());
}

TEST(Session, ProgramWithoutInterpreterReportsAnError) {
  Session s;
  Document d;
  d.kind = DocumentKind::Program;
  d.source = "print(1)";
  s.load(d);
  EXPECT_EQ(s.kernel(), nullptr);
  EXPECT_FALSE(s.error().empty());
}

TEST(Session, BadSettingsKeepTheDocumentAndReportAnError) {
  Session s;
  Document d = textbook_rr();
  d.settings.jobs.clear();
  s.load(d);
  EXPECT_EQ(s.kernel(), nullptr);
  EXPECT_NE(s.error().find("processes"), std::string::npos);
}

TEST(Session, SameDocumentAndCommandsGiveByteIdenticalTraces) {
  Session a, b;
  for (Session* s : {&a, &b}) {
    s->load(textbook_rr());
    for (int i = 0; i < 3; ++i) s->step();
    s->set_priority(101, 5);
    s->send_signal(100, kSIGSTOP);
    for (int i = 0; i < 10; ++i) s->step();
  }
  EXPECT_EQ(events_json(a.kernel()->trace()), events_json(b.kernel()->trace()));
}

}  // namespace
}  // namespace proclab

namespace proclab {
namespace {

// Silberschatz: FCFS average waiting 17, RR (q = 4) 5.66 on P1 24, P2 3, P3 3.
TEST(ComparePolicies, RoundRobinWaitsLessThanFcfsOnTheTextbookWorkload) {
  auto results = compare_policies(textbook_rr(), {}, 1000);
  double fcfs = -1, rr = -1;
  for (const auto& r : results) {
    if (r.policy == "fcfs") fcfs = r.avg_waiting;
    if (r.policy == "rr") rr = r.avg_waiting;
  }
  EXPECT_DOUBLE_EQ(fcfs, 17.0);
  EXPECT_NEAR(rr, 17.0 / 3, 0.01);
}

}  // namespace
}  // namespace proclab

#include "proclab/lesson.h"
#include "proclab/view_records.h"

namespace proclab {
namespace {

Document three_forks() {
  Document d;
  d.kind = DocumentKind::Program;
  d.title = "fork-three";
  d.source = "import os\nos.fork()\nos.fork()\nos.fork()\nprint('1')\n";
  d.settings.policy.name = "rr";
  return d;
}

Expected<std::unique_ptr<Kernel>> interpreter(const Document& d) {
  return build_program_kernel(d.source, d.settings.kernel, d.settings.policy, d.lang);
}

// The notes' first demo: fork(); fork(); fork(); print('1') prints eight 1s.
TEST(SessionProgram, ThreeForksPrintEightOnes) {
  Session s(interpreter);
  s.load(three_forks());
  s.set_speed(1000);
  s.play();
  for (int i = 0; i < 20 && s.playing(); ++i) s.advance(1.0);
  EXPECT_EQ(console_lines(s.model()).size(), 8u);
}

TEST(SessionProgram, StepBackThroughForksReplaysTheSameTree) {
  Session a(interpreter), b(interpreter);
  a.load(three_forks());
  b.load(three_forks());
  for (int i = 0; i < 7; ++i) a.step();
  a.step_back();
  for (int i = 0; i < 6; ++i) b.step();
  EXPECT_EQ(events_json(a.kernel()->trace()), events_json(b.kernel()->trace()));
}

TEST(SessionProgram, SyntaxErrorIsReportedWithLineAndColumn) {
  Session s(interpreter);
  Document d = three_forks();
  d.source = "import os\nos.fork(\n";
  s.load(d);
  EXPECT_EQ(s.kernel(), nullptr);
  EXPECT_NE(s.error().find("program.py:"), std::string::npos) << s.error();
}

TEST(SessionProgram, EditingTheSourceRestartsAtTickZero) {
  Session s(interpreter);
  s.load(three_forks());
  s.step();
  s.edit_source("print('hi')\n");
  EXPECT_EQ(s.now(), 0);
  EXPECT_EQ(s.document().source, "print('hi')\n");
}

}  // namespace
}  // namespace proclab
