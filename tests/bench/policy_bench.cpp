// Dispatch cost of each policy against the number of Ready processes (issue 2: it must grow at
// most logarithmically). One iteration = what the kernel does for one dispatch: pick, fix the
// quantum, run one tick, put the process back in the ready queue.
// Compare the 1000 and 100000 rows of one policy: log2 grows from about 10 to 17.
#include <benchmark/benchmark.h>

#include "proclab/policy.h"
#include "proclab/workload.h"

namespace proclab {
namespace {

void dispatch_cost(benchmark::State& state, const char* policy) {
  const auto n = static_cast<int>(state.range(0));
  PolicyParams params;
  params.name = policy;
  auto made = make_policy(params);
  if (!made) {
    state.SkipWithError(made.error().message.c_str());
    return;
  }
  Policy& pol = *made.value();
  std::vector<Process> procs(static_cast<size_t>(n));
  std::uint64_t seq = 0;
  for (int i = 0; i < n; ++i) {
    Process& p = procs[static_cast<size_t>(i)];
    p.pid = 100 + i;
    p.arrival = i % 13;
    p.priority = p.base_priority = i % 40;
    p.tickets = 1 + i % 200;
    p.nice = i % 40 - 20;
    p.program = make_burst_program({{Burst::Kind::Cpu, 1000000}});
    p.sched.seq = ++seq;
    pol.enqueue(p, EnqueueReason::Arrive, 0);
  }
  Tick now = 0;
  for (auto _ : state) {
    pol.on_tick(now);
    Process* p = pol.pick(0, now);
    benchmark::DoNotOptimize(pol.quantum(*p));
    pol.on_ran(*p, now);
    ++now;
    p->sched.seq = ++seq;
    p->sched.ready_since = now;
    pol.enqueue(*p, EnqueueReason::Preempt, now);
  }
  state.counters["ready"] = n;
  state.SetItemsProcessed(state.iterations());
}

#define PROCLAB_DISPATCH_BENCH(name, policy)                                        \
  void name(benchmark::State& state) { dispatch_cost(state, policy); }             \
  BENCHMARK(name)->Arg(1000)->Arg(100000)

PROCLAB_DISPATCH_BENCH(BM_Dispatch_sjf, "sjf");
PROCLAB_DISPATCH_BENCH(BM_Dispatch_srtf, "srtf");
PROCLAB_DISPATCH_BENCH(BM_Dispatch_priority, "priority");
PROCLAB_DISPATCH_BENCH(BM_Dispatch_priority_preemptive, "priority-preemptive");
PROCLAB_DISPATCH_BENCH(BM_Dispatch_mlfq, "mlfq");
PROCLAB_DISPATCH_BENCH(BM_Dispatch_lottery, "lottery");
PROCLAB_DISPATCH_BENCH(BM_Dispatch_stride, "stride");
PROCLAB_DISPATCH_BENCH(BM_Dispatch_cfs, "cfs");

}  // namespace
}  // namespace proclab
