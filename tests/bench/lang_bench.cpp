// Speed and memory of the snippet language (issue 3):
//   - the fork bomb `while True: os.fork()` with the process limit at 1,000,000 reaches it in
//     under 2 s, using at most 512 bytes per process (kernel Process, trace and VM state);
//   - `i += 1` in a loop runs at least 10 million statements per second.
// Memory is measured by counting every heap allocation of this binary (operator new below),
// with glibc's usable size plus its 8-byte chunk header, so the figure is what malloc holds.
#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <new>

#include <benchmark/benchmark.h>

#include "proclab/lesson.h"

namespace {

std::atomic<long long> g_live_bytes{0};
std::atomic<long long> g_peak_bytes{0};

void* counted_alloc(std::size_t n) {
  void* p = std::malloc(n == 0 ? 1 : n);
  if (!p) throw std::bad_alloc();
  const long long now = g_live_bytes += static_cast<long long>(malloc_usable_size(p) + 8);
  long long peak = g_peak_bytes.load();
  while (now > peak && !g_peak_bytes.compare_exchange_weak(peak, now)) {}
  return p;
}

void counted_free(void* p) {
  if (!p) return;
  g_live_bytes -= static_cast<long long>(malloc_usable_size(p) + 8);
  std::free(p);
}

}  // namespace

void* operator new(std::size_t n) { return counted_alloc(n); }
void* operator new[](std::size_t n) { return counted_alloc(n); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }

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
  double bytes_per_process = 0, peak_per_process = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const long long before = g_live_bytes.load();
    g_peak_bytes = before;
    auto k = make_kernel("import os\nwhile True:\n    os.fork()\n", kLimit);
    state.ResumeTiming();
    while (k->process_count() < kLimit && k->step()) {}
    state.PauseTiming();
    bytes_per_process = static_cast<double>(g_live_bytes.load() - before) / k->process_count();
    peak_per_process = static_cast<double>(g_peak_bytes.load() - before) / k->process_count();
    if (k->process_count() != kLimit) state.SkipWithError("the bomb did not reach the limit");
    k.reset();
    state.ResumeTiming();
  }
  state.counters["bytes_per_process"] = bytes_per_process;
  state.counters["peak_bytes_per_process"] = peak_per_process;
}
BENCHMARK(BM_ForkBombToOneMillion)->Unit(benchmark::kMillisecond)->Iterations(1);

// One process counting: each `i += 1` and each loop test is one statement (one tick).
void BM_IncrementLoopOnKernel(benchmark::State& state) {
  auto k = make_kernel("i = 0\nwhile True:\n    i += 1\n", 64);
  for (auto _ : state) k->step();
  state.SetItemsProcessed(state.iterations());  // statements
}
BENCHMARK(BM_IncrementLoopOnKernel);

}  // namespace
}  // namespace proclab
