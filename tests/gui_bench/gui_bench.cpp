// Building one frame (NewFrame to Render, CPU time) of the whole app with 10,000 live
// processes in the tree, the timeline, the queues and the table (issue 5: at most 8 ms).
#include <benchmark/benchmark.h>

#include "headless.h"
#include "proclab/scenario.h"

namespace proclab::gui {
namespace {

Document ten_thousand() {
  Document d;
  d.title = "bench";
  d.settings.policy.name = "rr";
  d.settings.policy.quantum = 2;
  d.settings.kernel.cpus = 4;
  d.settings.kernel.max_procs = 20000;
  for (int i = 0; i < 10000; ++i)
    d.settings.jobs.push_back({std::string("P").append(std::to_string(i)), i % 50, 0, 100, 0, {{Burst::Kind::Cpu, 1000}}});
  return d;
}

void BM_FrameWith10000Processes(benchmark::State& state) {
  testing::HeadlessImGui imgui({1920, 1080});
  App app({});
  app.control().load(ten_thousand());
  for (int i = 0; i < 60; ++i) app.control().step();
  imgui.frame(app, 0);  // fonts, first layout
  imgui.frame(app, 0);
  for (auto _ : state) imgui.frame(app, 0);
  state.counters["processes"] = app.session().kernel()->process_count();
}
BENCHMARK(BM_FrameWith10000Processes)->Unit(benchmark::kMillisecond);

// The same while playing: every frame steps the kernel, so every record is rebuilt.
void BM_PlayingFrameWith10000Processes(benchmark::State& state) {
  testing::HeadlessImGui imgui({1920, 1080});
  App app({});
  app.control().load(ten_thousand());
  for (int i = 0; i < 60; ++i) app.control().step();
  imgui.frame(app, 0);
  for (auto _ : state) {
    app.control().step();
    imgui.frame(app, 0);
  }
}
BENCHMARK(BM_PlayingFrameWith10000Processes)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace proclab::gui
