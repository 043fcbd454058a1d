// A Dear ImGui context without a window or GPU (io.DisplaySize set, fonts built, frames
// rendered to draw lists only): enough to run the whole App in tests and benchmarks.
#pragma once

#include <imgui.h>

#include "app.h"

namespace proclab::gui::testing {

class HeadlessImGui {
 public:
  explicit HeadlessImGui(ImVec2 size = {1280, 800}) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = size;
    io.DeltaTime = 1.0f / 60;
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    // The GLFW backend's key map: io.KeysDown is indexed by GLFW key codes.
    io.KeyMap[ImGuiKey_Space] = 32;
    io.KeyMap[ImGuiKey_RightArrow] = 262;
    io.KeyMap[ImGuiKey_LeftArrow] = 263;
    io.KeyMap[ImGuiKey_Escape] = 256;
    io.KeyMap[ImGuiKey_Enter] = 257;
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;

  // Builds fonts when the app asks (and marks the atlas uploaded), then one frame.
  void frame(App& app, double seconds = 1.0 / 60) {
    if (app.fonts_dirty()) {
      app.rebuild_fonts();
      unsigned char* pixels = nullptr;
      int w = 0, h = 0;
      ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
      ImGui::GetIO().Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
    }
    ImGui::NewFrame();
    app.frame(seconds);
    ImGui::Render();
  }
};

}  // namespace proclab::gui::testing
