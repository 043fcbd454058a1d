// Speed of the scheduling engine (figures quoted in the README).
#include <fstream>

#include <benchmark/benchmark.h>

#include "proclab/export.h"
#include "proclab/metrics.h"
#include "proclab/scenario.h"

namespace proclab {
namespace {

Scenario equal_jobs(int count, Tick burst, const char* policy, Tick quantum) {
  Scenario s;
  s.policy.name = policy;
  s.policy.quantum = quantum;
  for (int i = 0; i < count; ++i) s.jobs.push_back({"P" + std::to_string(i + 1), 0, i % 8, 100, 0, {{Burst::Kind::Cpu, burst}}});
  return s;
}

// The reference workload: RR q=1, one CPU, 1,000 processes of 1,000 ticks (1,000,000
// ticks, trace recorded). OSTEP's scheduler.py takes about 5.5 s for it.
void BM_RoundRobinMillionTicks(benchmark::State& state) {
  const Scenario s = equal_jobs(1000, 1000, "rr", 1);
  std::int64_t ticks = 0, events = 0;
  for (auto _ : state) {
    auto k = build_kernel(s).value();
    k->run(std::numeric_limits<Tick>::max() - 1);
    ticks += k->now();
    events += static_cast<std::int64_t>(k->trace().events().size());
    benchmark::DoNotOptimize(k->trace().events().data());
  }
  state.counters["ticks/s"] = benchmark::Counter(static_cast<double>(ticks), benchmark::Counter::kIsRate);
  state.counters["events"] = static_cast<double>(events) / static_cast<double>(state.iterations());
  state.counters["bytes/event"] = sizeof(Event);
}
BENCHMARK(BM_RoundRobinMillionTicks)->Unit(benchmark::kMillisecond);

// Everything `proclab-cli sched --format json` does after parsing: run, metrics, JSON text.
void BM_RoundRobinMillionTicksToJson(benchmark::State& state) {
  const Scenario s = equal_jobs(1000, 1000, "rr", 1);
  std::ofstream null_sink("/dev/null");
  for (auto _ : state) {
    auto k = build_kernel(s).value();
    k->run(std::numeric_limits<Tick>::max() - 1);
    const Metrics m = compute_metrics(k->trace(), 1, k->now());
    write_sched_report_json(null_sink, s.policy, 1, m, k->trace());
  }
}
BENCHMARK(BM_RoundRobinMillionTicksToJson)->Unit(benchmark::kMillisecond);

void BM_Metrics(benchmark::State& state) {
  const Scenario s = equal_jobs(1000, 1000, "rr", 1);
  auto k = build_kernel(s).value();
  k->run(std::numeric_limits<Tick>::max() - 1);
  for (auto _ : state) benchmark::DoNotOptimize(compute_metrics(k->trace(), 1, k->now()));
}
BENCHMARK(BM_Metrics)->Unit(benchmark::kMillisecond);

// Cost of one dispatch as the ready queue grows: with N ready processes, run N ticks of RR q=1
// (every tick preempts and dispatches once). Reported per dispatch.
void BM_DispatchCost(benchmark::State& state) {
  const auto n = static_cast<int>(state.range(0));
  const char* policy = state.range(1) == 0 ? "rr" : "fcfs";
  const Scenario s = equal_jobs(n, 2, policy, 1);
  for (auto _ : state) {
    state.PauseTiming();
    auto k = build_kernel(s).value();
    state.ResumeTiming();
    for (int i = 0; i < n; ++i) k->step();
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_DispatchCost)->ArgsProduct({{1000, 100000}, {0}})->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace proclab
