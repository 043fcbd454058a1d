// View framing and the small drawing helpers every view shares.
#include "view.h"
#include "text_wrap.h"

#include <cstdio>

#include "proclab/view_records.h"

namespace proclab::gui {

void View::draw(ViewContext& c, ImVec2 area_min, ImVec2 area_size, bool force_layout) {
  if (!open_) return;
  const ImGuiCond cond = force_layout ? ImGuiCond_Always : ImGuiCond_FirstUseEver;
  ImGui::SetNextWindowPos({area_min.x + rect_.x * area_size.x, area_min.y + rect_.y * area_size.y}, cond);
  ImGui::SetNextWindowSize({rect_.w * area_size.x, rect_.h * area_size.y}, cond);
  std::string name = std::string(tr(title_)) + "###" + id_;
  if (ImGui::Begin(name.c_str(), &open_, flags())) {
    rect_min_ = ImGui::GetWindowPos();
    rect_max_ = {rect_min_.x + ImGui::GetWindowWidth(), rect_min_.y + ImGui::GetWindowHeight()};
    draw_content(c);
  }
  ImGui::End();
}

ImU32 with_alpha(ImU32 color, float alpha) {
  const auto a = static_cast<ImU32>(static_cast<float>((color >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
  return (color & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

ImU32 pid_text(Pid pid) {
  const ImU32 c = pid_color(pid);
  const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
  if (bg.x + bg.y + bg.z < 1.5f) return c;  // dark background: the color as is
  const auto dim = [&](int shift) { return static_cast<ImU32>(static_cast<float>((c >> shift) & 0xFF) * 0.55f) << shift; };
  return (c & IM_COL32_A_MASK) | dim(0) | dim(8) | dim(16);
}

ImU32 text_on(ImU32 bg) {
  const float r = static_cast<float>(bg & 0xFF), g = static_cast<float>((bg >> 8) & 0xFF),
              b = static_cast<float>((bg >> 16) & 0xFF);
  return (0.299f * r + 0.587f * g + 0.114f * b) > 150 ? IM_COL32(20, 20, 24, 255) : IM_COL32(255, 255, 255, 255);
}

bool pid_chip(Pid pid, bool selected) {
  char label[16];
  std::snprintf(label, sizeof label, "%d", pid);
  const ImVec2 text = ImGui::CalcTextSize(label);
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  const ImVec2 size{text.x + pad.x * 2, text.y + pad.y * 2};
  ImGui::PushID(pid);
  const bool clicked = ImGui::InvisibleButton("chip", size);
  ImGui::PopID();
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 col = pid_color(pid);
  dl->AddRectFilled(a, b, col, 4);
  if (selected) dl->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_Text), 4, 0, 2.5f);
  dl->AddText({a.x + pad.x, a.y + pad.y}, text_on(col), label);
  return clicked;
}

void error_text(const std::string& message) {
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(230, 70, 60, 255));
  text_wrapped(message);
  ImGui::PopStyleColor();
}

}  // namespace proclab::gui
