// The policy conformance suite (DESIGN.md, as ns-3's scheduler tests): every policy of the
// catalog runs the same workloads and must show the same properties. A new policy joins the
// suite by being in policy_catalog().
#include <algorithm>
#include <map>

#include "proclab/export.h"
#include "sim_run.h"

namespace proclab {
namespace {

using test::job;

struct Workload {
  const char* name;
  int cpus;
  Tick context_switch;
  std::vector<JobSpec> jobs;
};

const std::vector<Workload>& workloads() {
  static const std::vector<Workload> all = {
      {"CpuOnly", 1, 0,
       {job("A", 0, "cpu 7", 3, 50, 0), job("B", 0, "cpu 3", 1, 100, 5), job("C", 2, "cpu 5", 2, 200, -5),
        job("D", 5, "cpu 1", 1, 10, 0), job("E", 9, "cpu 4", 0, 100, 10)}},
      {"IoBursts", 1, 0,
       {job("A", 0, "cpu 3, io 4, cpu 2", 2), job("B", 0, "cpu 6", 1, 300), job("C", 1, "cpu 1, io 2, cpu 1, io 2, cpu 1", 0, 20),
        job("D", 4, "cpu 2, io 8, cpu 5", 3, 100, -10)}},
      {"ThreeCpus", 3, 0,
       {job("A", 0, "cpu 9", 4), job("B", 0, "cpu 2, io 3, cpu 4", 1), job("C", 0, "cpu 5, io 1, cpu 1", 2, 400),
        job("D", 1, "cpu 3", 0, 10, 19), job("E", 1, "cpu 12", 3, 100, -20), job("F", 3, "cpu 1, io 6, cpu 2", 5),
        job("G", 8, "cpu 4", 1, 75)}},
      {"ContextSwitchCost", 2, 2,
       {job("A", 0, "cpu 6, io 2, cpu 3", 1), job("B", 0, "cpu 4", 2), job("C", 1, "cpu 2, io 2, cpu 2", 0, 250),
        job("D", 2, "cpu 8", 3, 50, 4), job("E", 6, "cpu 3", 1)}},
  };
  return all;
}

using Case = std::tuple<std::string, size_t>;  // policy name, workload index

class PolicyConformance : public ::testing::TestWithParam<Case> {
 protected:
  const Workload& workload() const { return workloads()[std::get<1>(GetParam())]; }
  Scenario make() const {
    Scenario s = test::scenario(std::get<0>(GetParam()), workload().jobs, 3);
    s.kernel.cpus = workload().cpus;
    s.kernel.context_switch = workload().context_switch;
    s.kernel.seed = 7;
    s.policy.aging = 4;        // exercised by the priority policies
    s.policy.mlfq.boost = 25;  // and boosts by mlfq
    return s;
  }
};

TEST_P(PolicyConformance, EveryProcessCompletes) {
  const test::SimRun r = test::run(make(), 100000);
  EXPECT_EQ(r.kernel->status(), StopReason::Exit);
  for (const ProcessMetrics& p : r.metrics.processes) EXPECT_TRUE(p.completion.has_value()) << p.name;
}

TEST_P(PolicyConformance, EachProcessCpuTimeEqualsItsBursts) {
  const test::SimRun r = test::run(make(), 100000);
  for (const JobSpec& j : workload().jobs) EXPECT_EQ(r.proc(j.name).cpu_time, total_cpu(j.bursts)) << j.name;
}

TEST_P(PolicyConformance, NoCpuRunsTwoProcessesAndNoProcessRunsOnTwoCpus) {
  const test::SimRun r = test::run(make(), 100000);
  std::vector<Pid> on_cpu(static_cast<size_t>(workload().cpus), kNoPid);
  std::map<Pid, int> cpu_of;
  for (const Event& e : r.kernel->trace().events()) {
    if (e.kind == EventKind::Dispatch) {
      ASSERT_GE(e.cpu, 0);
      ASSERT_LT(e.cpu, workload().cpus);
      EXPECT_EQ(on_cpu[static_cast<size_t>(e.cpu)], kNoPid) << "cpu " << e.cpu << " at " << e.time;
      EXPECT_FALSE(cpu_of.contains(e.pid)) << "pid " << e.pid << " at " << e.time;
      on_cpu[static_cast<size_t>(e.cpu)] = e.pid;
      cpu_of[e.pid] = e.cpu;
    } else if (e.from == ProcState::Running && e.to != ProcState::Running) {
      ASSERT_TRUE(cpu_of.contains(e.pid));
      on_cpu[static_cast<size_t>(cpu_of[e.pid])] = kNoPid;
      cpu_of.erase(e.pid);
    }
  }
}

// Work conservation. A CPU paying a context switch is busy, and the process it switches to,
// though still Ready, is taken; with no switch cost this is "no idle CPU while one is Ready".
TEST_P(PolicyConformance, NoCpuIdlesWhileAProcessIsReady) {
  const test::SimRun r = test::run(make(), 100000);
  std::map<Pid, ProcState> state;
  std::vector<bool> switching(static_cast<size_t>(workload().cpus), false);
  const auto events = r.kernel->trace().events();
  for (size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    if (e.from != e.to) state[e.pid] = e.to;
    if (e.kind == EventKind::ContextSwitch || e.kind == EventKind::Dispatch)
      switching[static_cast<size_t>(e.cpu)] = e.kind == EventKind::ContextSwitch;
    if (i + 1 < events.size() && events[i + 1].time == e.time) continue;
    // The states after every event of this tick hold until the next event.
    const auto count = [&](ProcState s) {
      return std::count_if(state.begin(), state.end(), [&](const auto& kv) { return kv.second == s; });
    };
    const auto switches = std::count(switching.begin(), switching.end(), true);
    if (count(ProcState::Ready) > switches) {
      EXPECT_EQ(count(ProcState::Running) + switches, workload().cpus) << "at " << e.time;
    }
  }
}

TEST_P(PolicyConformance, EveryTraceTransitionIsLegal) {
  const test::SimRun r = test::run(make(), 100000);
  std::map<Pid, ProcState> state;
  for (const Event& e : r.kernel->trace().events()) {
    if (e.from == e.to) continue;
    const ProcState before = state.contains(e.pid) ? state[e.pid] : ProcState::New;
    EXPECT_EQ(e.from, before) << "pid " << e.pid << " " << to_string(e.kind) << " at " << e.time;
    EXPECT_TRUE(is_legal_transition(e.from, e.to))
        << to_string(e.from) << " -> " << to_string(e.to) << " at " << e.time;
    state[e.pid] = e.to;
  }
}

TEST_P(PolicyConformance, SameScenarioAndSeedGiveAByteIdenticalTrace) {
  const test::SimRun first = test::run(make(), 100000);
  const test::SimRun second = test::run(make(), 100000);
  const auto a = first.kernel->trace().events();
  const auto b = second.kernel->trace().events();
  EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin(), b.end()));
  EXPECT_EQ(events_json(first.kernel->trace()), events_json(second.kernel->trace()));
}

// Exercises remove() and re-enqueue (Continue): every Ready process at tick 3 is stopped, one
// is given a new priority, and all are continued two ticks later.
TEST_P(PolicyConformance, StoppingAndContinuingReadyProcessesLosesNone) {
  auto k = test::start(make());
  test::step(*k, 3);
  std::vector<Pid> stopped;
  for (const Process* p : k->processes())
    if (p->state == ProcState::Ready) stopped.push_back(p->pid);
  ASSERT_FALSE(stopped.empty());
  for (Pid pid : stopped) EXPECT_EQ(k->send_signal(pid, kSIGSTOP), 0);
  test::step(*k, 2);
  EXPECT_EQ(k->set_priority(stopped.front(), 7), 0);
  for (Pid pid : stopped) EXPECT_EQ(k->send_signal(pid, kSIGCONT), 0);
  if (const Process* p = k->process(stopped.back()); p->state == ProcState::Ready) k->set_priority(p->pid, -3);
  EXPECT_EQ(k->run(100000), StopReason::Exit);
}

TEST_P(PolicyConformance, ExplainsItsLastPick) {
  const test::SimRun r = test::run(make(), 100000);
  EXPECT_NE(r.kernel->policy().last_reason().find("pid "), std::string::npos) << r.kernel->policy().last_reason();
}

TEST_P(PolicyConformance, ExplainsItsLastPickInChinese) {
  const test::SimRun r = test::run(make(), 100000);
  const std::string zh = r.kernel->policy().last_reason(Locale::Zh);
  EXPECT_NE(zh.find("pid "), std::string::npos) << zh;
  EXPECT_NE(zh, r.kernel->policy().last_reason(Locale::En));
}

std::vector<std::string> catalog_names() {
  std::vector<std::string> names;
  for (const PolicyInfo& p : policy_catalog()) names.emplace_back(p.name);
  return names;
}

INSTANTIATE_TEST_SUITE_P(EveryPolicy, PolicyConformance,
                         ::testing::Combine(::testing::ValuesIn(catalog_names()),
                                            ::testing::Range<size_t>(0, workloads().size())),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string name = std::get<0>(info.param);
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name + "_" + workloads()[std::get<1>(info.param)].name;
                         });

}  // namespace
}  // namespace proclab
