// The monkey test (issue 5): random clicks, drags, wheels, keys and commands for 10,000 frames
// of the whole app in a headless ImGui context, without an assertion or a crash.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "headless.h"
#include "proclab/program.h"

namespace proclab::gui {
namespace {

TEST(Monkey, TenThousandRandomFramesDoNotCrash) {
  // Menus may save or export: keep whatever the monkey writes out of the source tree.
  const auto dir = std::filesystem::temp_directory_path() / "proclab_monkey";
  std::filesystem::create_directories(dir);
  const auto old_cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir);

  testing::HeadlessImGui imgui;
  App app({});
  std::mt19937 rng(20261122);
  const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  ImGuiIO& io = ImGui::GetIO();
  const int keys[] = {32, 262, 263, kKeyR, 256, 257};
  int frames = 0;
  for (; frames < 10000; ++frames) {
    io.MousePos = {static_cast<float>(pick(1280)), static_cast<float>(pick(800))};
    io.MouseDown[0] = pick(3) == 0;
    io.MouseDown[1] = pick(20) == 0;
    io.MouseWheel = pick(8) == 0 ? static_cast<float>(pick(5) - 2) : 0;
    for (int k : keys) io.KeysDown[k] = pick(40) == 0;
    switch (pick(60)) {
      case 0: app.control().step(); break;
      case 1: app.control().step_back(); break;
      case 2: app.control().toggle_play(); break;
      case 3: app.control().send_signal(100 + pick(12), std::array{kSIGKILL, kSIGTERM, kSIGSTOP, kSIGCONT}[static_cast<size_t>(pick(4))]); break;
      case 4: app.control().set_cpus(1 + pick(4)); break;
      case 5: {
        PolicyParams p;
        p.name = std::string(policy_catalog()[static_cast<size_t>(pick(static_cast<int>(policy_catalog().size())))].name);
        p.quantum = 1 + pick(6);
        app.control().set_policy(p);
        break;
      }
      case 6: app.load_lesson(app.catalog().entries[static_cast<size_t>(pick(static_cast<int>(app.catalog().entries.size())))].name); break;
      case 7: set_language(pick(2) ? Lang::Zh : Lang::En); break;
      case 8: app.set_dark(pick(2) == 0); break;
      case 9: app.ui().selected = 100 + pick(12); break;
      case 10: app.control().set_max_procs(1 + pick(100)); break;
      case 11: app.control().set_priority(100 + pick(8), pick(10)); break;
      case 12: {
        auto& v = app.views()[static_cast<size_t>(pick(static_cast<int>(app.views().size())))];
        v->open() = !v->open();
        break;
      }
      case 13:
        if (pick(50) == 0) app.set_scale(std::array{1.0f, 1.5f, 2.0f}[static_cast<size_t>(pick(3))]);
        break;
      default: break;
    }
    imgui.frame(app, pick(4) == 0 ? 0.5 : 1.0 / 60);
  }
  std::filesystem::current_path(old_cwd);
  EXPECT_EQ(frames, 10000);
  EXPECT_NE(ImGui::GetDrawData(), nullptr);
}

}  // namespace
}  // namespace proclab::gui
