// RunModel: the fold of a trace, whoever produced it.
#include <gtest/gtest.h>

#include "../session/fork_program.h"
#include "proclab/run_model.h"
#include "proclab/scenario.h"

namespace proclab {
namespace {

// Silberschatz RR example (P1 24, P2 3, P3 3, quantum 4) run to the end.
std::unique_ptr<Kernel> rr_textbook_run() {
  Scenario s;
  s.policy.name = "rr";
  s.policy.quantum = 4;
  s.jobs = parse_jobs_spec("P1:0:24,P2:0:3,P3:0:3").value();
  auto k = std::move(build_kernel(s).value());
  k->run(100);
  return k;
}

TEST(RunModel, CpuTimeIsTheBurstOfEachFinishedProcess) {
  auto k = rr_textbook_run();
  const RunModel m = RunModel::of(k->trace(), 1, k->now());
  EXPECT_EQ(m.cpu_time(*m.process(100)), 24);
  EXPECT_EQ(m.cpu_time(*m.process(101)), 3);
}

TEST(RunModel, FoldingTickByTickGivesTheSameTableAsFoldingAtOnce) {
  auto k = rr_textbook_run();
  RunModel step(k->trace(), 1);
  for (Tick t = 0; t <= k->now(); ++t) step.advance(t);
  const RunModel once = RunModel::of(k->trace(), 1, k->now());
  ASSERT_EQ(step.processes().size(), once.processes().size());
  for (size_t i = 0; i < once.processes().size(); ++i) {
    EXPECT_EQ(step.processes()[i].state, once.processes()[i].state);
    EXPECT_EQ(step.cpu_time(step.processes()[i]), once.cpu_time(once.processes()[i]));
    EXPECT_EQ(step.states(i).size(), once.states(i).size());
  }
}

TEST(RunModel, MidRunShowsWhoHoldsTheCpu) {
  auto k = rr_textbook_run();
  const RunModel m = RunModel::of(k->trace(), 1, 5);  // P2 runs 4..7
  EXPECT_EQ(m.cpu_rows()[0].running, 101);
  EXPECT_EQ(m.process(100)->state, ProcState::Ready);
}

TEST(RunModel, OrphanKeepsItsOriginalParentAndShowsItsAdopter) {
  auto k = testing::fork_kernel(1);
  k->step();  // main forks 101
  k->send_signal(100, kSIGKILL);
  const RunModel m = RunModel::of(k->trace(), 1, k->now());
  EXPECT_EQ(m.process(101)->ppid, kInitPid);
  EXPECT_EQ(m.process(101)->original_ppid, 100);
}

TEST(RunModel, ExitStatusOfAKilledProcessIsMinusTheSignal) {
  auto k = testing::fork_kernel(1);
  k->step();
  k->send_signal(100, kSIGKILL);
  const RunModel m = RunModel::of(k->trace(), 1, k->now());
  EXPECT_EQ(m.process(100)->exit_status, -kSIGKILL);
}

// A trace as the real lab writes it: microseconds, /proc samples instead of dispatches.
Trace sampled_trace() {
  Trace t(TimeUnit::Microsecond);
  t.add_process({1, 0, t.add_text("init"), 0, 0, 5000});
  t.add_process({2, 1, t.add_text("python3"), 10, 0, 5001});
  t.add({10, 2, 0, -1, EventKind::Arrive, ProcState::New, ProcState::Ready});
  t.add({20, 2, 1, 1, EventKind::Sample, ProcState::Ready, ProcState::Running});
  t.add({50, 2, t.add_text("hello"), -1, EventKind::Output, ProcState::Running, ProcState::Running});
  t.add({70, 2, 1, 1, EventKind::Sample, ProcState::Running, ProcState::Blocked});
  t.add({90, 2, 0, -1, EventKind::Exit, ProcState::Blocked, ProcState::Zombie});
  return t;
}

TEST(RunModel, SampledRunningStateOccupiesTheCpuTheSampleSaw) {
  const Trace t = sampled_trace();
  const RunModel m = RunModel::of(t, 2, 30);
  EXPECT_EQ(m.cpu_rows()[1].running, 2);
  EXPECT_EQ(m.cpu_rows()[0].running, kNoPid);
}

TEST(RunModel, SampledStatesBecomeStateSpans) {
  const Trace t = sampled_trace();
  const RunModel m = RunModel::of(t, 2, 100);
  const auto& spans = m.states(1);
  ASSERT_EQ(spans.size(), 4u);  // Ready, Running, Blocked, Zombie
  EXPECT_EQ(spans[1].state, ProcState::Running);
  EXPECT_EQ(spans[1].end, 70);
  EXPECT_EQ(m.cpu_time(*m.process(2)), 50);
}

TEST(RunModel, OutputAfterNowIsNotShownYet) {
  const Trace t = sampled_trace();
  EXPECT_TRUE(RunModel::of(t, 2, 40).output().empty());
  EXPECT_EQ(RunModel::of(t, 2, 60).output().size(), 1u);
}

}  // namespace
}  // namespace proclab
