// Speed and memory of the snippet language (issue 3):
//   - the fork bomb `while True: os.fork()` with the process limit at 1,000,000 reaches it in
//     under 2 s, using at most 512 bytes per process (kernel Process, trace and VM state);
//   - `i += 1` in a loop runs at least 10 million statements per second;
//   - `c.bump()` on an instance runs at least 5 million calls per second.
// Memory is what glibc's malloc holds for the kernel (mallinfo2: bytes in use, chunk headers
// included, plus mmapped blocks), measured before and after.
#include <malloc.h>

#include <benchmark/benchmark.h>

#include "proclab/lesson.h"

namespace {

long long heap_in_use() {
  const struct mallinfo2 m = mallinfo2();
  return static_cast<long long>(m.uordblks + m.hblkhd);
}

}  // namespace

namespace proclab {
namespace {

std::unique_ptr<Kernel> make_kernel(const char* source, int max_procs) {
  KernelConfig config;
  config.max_procs = max_procs;
  auto k = build_program_kernel(source, config, PolicyParams{}, LangOptions{});
  return k ? std::move(k.value()) : nullptr;
}

// Steps the fork bomb until the process table is full (the next fork fails with EAGAIN).
void BM_ForkBombToOneMillion(benchmark::State& state) {
  constexpr int kLimit = 1'000'000;
  double bytes_per_process = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const long long before = heap_in_use();
    auto k = make_kernel("import os\nwhile True:\n    os.fork()\n", kLimit);
    state.ResumeTiming();
    while (k->process_count() < kLimit && k->step()) {}
    state.PauseTiming();
    bytes_per_process = static_cast<double>(heap_in_use() - before) / k->process_count();
    if (k->process_count() != kLimit) state.SkipWithError("the bomb did not reach the limit");
    k.reset();
    state.ResumeTiming();
  }
  state.counters["bytes_per_process"] = bytes_per_process;
}
BENCHMARK(BM_ForkBombToOneMillion)->Unit(benchmark::kMillisecond)->Iterations(1);

// One process counting: each `i += 1` and each loop test is one statement (one tick).
void BM_IncrementLoopOnKernel(benchmark::State& state) {
  auto k = make_kernel("i = 0\nwhile True:\n    i += 1\n", 64);
  for (auto _ : state) k->step();
  state.SetItemsProcessed(state.iterations());  // statements
}
BENCHMARK(BM_IncrementLoopOnKernel);

// One process calling a method: each `c.bump()` (a call, an attribute += and a return) is one
// statement, the loop test another.
void BM_MethodCallLoopOnKernel(benchmark::State& state) {
  auto k = make_kernel("class Counter:\n    def __init__(self):\n        self.n = 0\n    def bump(self):\n"
                       "        self.n += 1\nc = Counter()\nwhile True:\n    c.bump()\n", 64);
  for (auto _ : state) k->step();
  state.SetItemsProcessed(state.iterations());  // statements
}
BENCHMARK(BM_MethodCallLoopOnKernel);

}  // namespace
}  // namespace proclab
