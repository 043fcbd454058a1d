// The real backend's speed (issue 4): tracing costs at most 3x the untraced run of a program that
// forks and reaps 1,000 children; a fork bomb to cap 1,000 plus full cleanup takes under 2 s.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "proclab/real/lab.h"

namespace {

constexpr const char* kChildren = "1000";

// CPU time (user + system) of all reaped descendants so far, in ms: on a shared machine this
// shows the cost better than wall time, which mostly measures other people's load.
double children_cpu_ms() {
  rusage u{};
  getrusage(RUSAGE_CHILDREN, &u);
  return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

// The workload alone: fork+exec of the helper, which forks and reaps 1,000 children.
void BM_ForkReap1000Untraced(benchmark::State& state) {
  const double cpu_before = children_cpu_ms();
  for (auto _ : state) {
    const pid_t pid = fork();
    if (pid == 0) {
      execl(PROCLAB_FORK_HELPER, PROCLAB_FORK_HELPER, "--serial", kChildren, nullptr);
      _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) state.SkipWithError("helper failed");
  }
  state.counters["children_cpu_ms"] = (children_cpu_ms() - cpu_before) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ForkReap1000Untraced)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same workload under `proclab-cli trace`: lab setup, ptrace of every fork, /proc sampling
// every 1 ms and cleanup included.
void BM_ForkReap1000Traced(benchmark::State& state) {
  proclab::real::LabOptions o;
  o.cap = 16;
  o.timeout_s = 60;
  o.argv = {PROCLAB_FORK_HELPER, "--serial", kChildren};
  const double cpu_before = children_cpu_ms();
  for (auto _ : state) {
    auto r = proclab::real::run_traced(o);
    if (!r.ok() || r->report.exit_code != 0 || r->report.target_processes != 1001) {
      state.SkipWithError(r.ok() ? "wrong process count" : r.error().message.c_str());
      break;
    }
  }
  // The jailer, the lab init (the tracer), the helper and its children.
  state.counters["children_cpu_ms"] = (children_cpu_ms() - cpu_before) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ForkReap1000Traced)->Unit(benchmark::kMillisecond)->UseRealTime();

// The fork-bomb demo to cap 1,000 (it holds 100 ms after its first EAGAIN), then the cleanup:
// kill the lab init, sweep and remove the cgroup.
void BM_ForkBombToCap1000WithCleanup(benchmark::State& state) {
  proclab::real::LabOptions o;
  o.cap = 1000;
  o.timeout_s = 30;
  for (auto _ : state) {
    auto r = proclab::real::run_demo("fork-bomb", o);
    if (!r.ok() || r->report.survivors != 0 || r->report.peak_processes > 1000) {
      state.SkipWithError(r.ok() ? "bomb not contained" : r.error().message.c_str());
      break;
    }
    state.counters["peak"] = r->report.peak_processes;
    state.counters["fork_failures"] = r->report.fork_failures;
  }
}
BENCHMARK(BM_ForkBombToCap1000WithCleanup)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace
