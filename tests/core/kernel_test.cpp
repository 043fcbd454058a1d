// The kernel's mechanism on burst workloads: time, I/O, CPUs, context switches, ties, signals.
#include <gtest/gtest.h>

#include "sim_run.h"

namespace proclab::test {
namespace {

std::vector<Event> events_of(const Kernel& k, EventKind kind) {
  std::vector<Event> out;
  for (const Event& e : k.trace().events())
    if (e.kind == kind) out.push_back(e);
  return out;
}

TEST(Kernel, EveryRecordedTransitionIsLegal) {
  Scenario s = jobs_scenario("P1:0:5,P2:1:3,P3:2:4", "rr", 2);
  s.jobs[0].bursts = parse_bursts("cpu 2, io 3, cpu 3").value();
  const auto k = run(s).kernel;
  for (const Event& e : k->trace().events()) {
    if (e.from != e.to) {
      EXPECT_TRUE(is_legal_transition(e.from, e.to)) << to_string(e.kind) << " at " << e.time;
    }
  }
}

TEST(Kernel, FirstProcessGetsPid100AndPidsAscend) {
  const auto k = run(jobs_scenario("3,3,3")).kernel;
  EXPECT_NE(k->trace().process(100), nullptr);
  EXPECT_EQ(k->trace().name(102), "P3");
}

TEST(Kernel, CompletionIsTheEndOfTheLastTick) {
  // One process of 5 ticks runs during ticks 0..4 and exits at time 5.
  EXPECT_EQ(run_metrics(jobs_scenario("5")).processes[0].completion, 5);
}

TEST(Kernel, IoBlocksTheProcessForItsLength) {
  Scenario s = jobs_scenario("P1:0:1");
  s.jobs[0].bursts = parse_bursts("cpu 2, io 3, cpu 1").value();
  const auto k = run(s).kernel;
  const auto blocks = events_of(*k, EventKind::Block);
  const auto wakes = events_of(*k, EventKind::Wake);
  ASSERT_EQ(blocks.size(), 1u);
  ASSERT_EQ(wakes.size(), 1u);
  EXPECT_EQ(blocks[0].time, 2);
  EXPECT_EQ(wakes[0].time, 5);
}

TEST(Kernel, IoOfOneProcessOverlapsTheCpuOfAnother) {
  // P1 does I/O 2..5 while P2 runs 2..6: every process has its own device.
  Scenario s = jobs_scenario("P1:0:1,P2:0:4");
  s.jobs[0].bursts = parse_bursts("cpu 2, io 3, cpu 1").value();
  const Metrics m = run_metrics(s);
  EXPECT_EQ(m.makespan, 7);
  EXPECT_EQ(m.processes[1].completion, 6);
}

TEST(Kernel, TwoCpusRunTwoProcessesAtOnce) {
  Scenario s = jobs_scenario("4,4");
  s.kernel.cpus = 2;
  EXPECT_EQ(run_metrics(s).makespan, 4);
}

TEST(Kernel, ContextSwitchCostDelaysTheNextProcess) {
  Scenario s = jobs_scenario("3,3");
  s.kernel.context_switch = 2;
  // P1 0..3, switch 3..5, P2 5..8.
  EXPECT_EQ(run_metrics(s).processes[1].first_run, 5);
}

TEST(Kernel, ContextSwitchIsVisibleInTheTrace) {
  Scenario s = jobs_scenario("3,3");
  s.kernel.context_switch = 2;
  const auto k = run(s).kernel;
  const auto switches = events_of(*k, EventKind::ContextSwitch);
  ASSERT_EQ(switches.size(), 1u);
  EXPECT_EQ(switches[0].time, 3);
  EXPECT_EQ(switches[0].detail, 2);
}

TEST(Kernel, FirstDispatchOnAnIdleCpuCostsNoSwitch) {
  Scenario s = jobs_scenario("3");
  s.kernel.context_switch = 2;
  EXPECT_EQ(run_metrics(s).processes[0].first_run, 0);
}

TEST(Kernel, ProcessArrivingAtQuantumExpiryRunsBeforeThePreemptedOne) {
  // RR q=2: P1 runs 0..2; P2 arrives at 2, the tick P1's quantum expires. Default: P2 runs next.
  const Metrics m = run_metrics(jobs_scenario("P1:0:4,P2:2:2", "rr", 2));
  EXPECT_EQ(m.processes[1].first_run, 2);
}

TEST(Kernel, PreemptedFirstTieRuleQueuesThePreemptedProcessAheadOfAnArrival) {
  // RR q=2, P1 4 ticks at 0, P3 2 ticks at 0, P2 2 ticks at 2. At tick 2 P1's quantum expires
  // as P2 arrives: the queue becomes [P3, P1, P2], so P1 runs 4..6 and P2 starts at 6.
  Scenario s = jobs_scenario("P1:0:4,P2:2:2,P3:0:2", "rr", 2);
  s.kernel.preempted_first = true;
  EXPECT_EQ(run_metrics(s).processes[1].first_run, 6);
}

TEST(Kernel, ArrivalFirstTieRuleIsTheDefault) {
  // Same workload, default rule: the queue at tick 2 is [P3, P2, P1], so P2 starts at 4.
  EXPECT_EQ(run_metrics(jobs_scenario("P1:0:4,P2:2:2,P3:0:2", "rr", 2)).processes[1].first_run, 4);
}

TEST(Kernel, AloneProcessKeepsItsCpuWhenItsQuantumExpires) {
  const auto k = run(jobs_scenario("10", "rr", 2)).kernel;
  EXPECT_TRUE(events_of(*k, EventKind::Preempt).empty());
}

TEST(Kernel, IdleCpuWaitsForALateArrival) {
  const Metrics m = run_metrics(jobs_scenario("P1:5:2"));
  EXPECT_EQ(m.processes[0].first_run, 5);
  EXPECT_EQ(m.processes[0].completion, 7);
}

TEST(Kernel, SigkillEndsAReadyProcessWithTheSignalAsStatus) {
  auto k = build_kernel(jobs_scenario("5,5")).value();
  k->step();
  ASSERT_EQ(k->send_signal(101, kSIGKILL), 0);
  EXPECT_EQ(k->process(101)->state, ProcState::Terminated);  // init reaps its child at once
  EXPECT_EQ(k->process(101)->exit_status, -kSIGKILL);
}

TEST(Kernel, SigstopFreesTheCpuForTheNextProcess) {
  auto k = build_kernel(jobs_scenario("5,5")).value();
  k->step();
  ASSERT_EQ(k->send_signal(100, kSIGSTOP), 0);
  k->step();
  EXPECT_EQ(k->process(100)->state, ProcState::Stopped);
  EXPECT_EQ(k->process(101)->state, ProcState::Running);
}

TEST(Kernel, SigcontReturnsAStoppedProcessToReady) {
  auto k = build_kernel(jobs_scenario("5,5")).value();
  k->step();
  k->send_signal(100, kSIGSTOP);
  k->step();
  k->send_signal(100, kSIGCONT);
  EXPECT_EQ(k->process(100)->state, ProcState::Ready);
}

TEST(Kernel, OnlyStoppedProcessesLeftIsADeadlock) {
  auto k = build_kernel(jobs_scenario("5")).value();
  k->step();
  k->send_signal(100, kSIGSTOP);
  EXPECT_EQ(k->run(1000), StopReason::Deadlock);
}

TEST(Kernel, SignalToAnUnknownPidIsEsrch) {
  auto k = build_kernel(jobs_scenario("5")).value();
  EXPECT_EQ(k->send_signal(4242, kSIGKILL), kESRCH);
}

TEST(Kernel, RunStopsAtMaxTicks) {
  auto k = build_kernel(jobs_scenario("50")).value();
  EXPECT_EQ(k->run(10), StopReason::MaxTicks);
  EXPECT_EQ(k->now(), 10);
}

TEST(Kernel, SameScenarioTwiceGivesTheSameTrace) {
  Scenario s = jobs_scenario("P1:0:7,P2:1:3,P3:2:9", "rr", 2);
  s.kernel.cpus = 2;
  s.kernel.context_switch = 1;
  const auto a = run(s).kernel, b = run(s).kernel;
  EXPECT_TRUE(std::equal(a->trace().events().begin(), a->trace().events().end(), b->trace().events().begin(),
                         b->trace().events().end()));
}

}  // namespace
}  // namespace proclab::test
