// The CJK font covers every Chinese label (no '?' boxes on a projector).
#include <gtest/gtest.h>

#include "fonts.h"
#include "headless.h"
#include <imgui_internal.h>  // ImTextCharFromUtf8

namespace proclab::gui {
namespace {

TEST(Fonts, EveryChineseLabelHasAGlyph) {
  if (find_cjk_font().empty()) GTEST_SKIP() << "fonts-wqy-microhei is not installed";
  testing::HeadlessImGui imgui;
  App app({});
  imgui.frame(app);
  ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  const std::string text = all_chinese_text();
  int missing = 0;
  for (const char* p = text.c_str(); *p;) {
    unsigned int c = 0;
    p += ImTextCharFromUtf8(&c, p, nullptr);
    if (c >= 0x80 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) ++missing;
  }
  EXPECT_EQ(missing, 0);
}

TEST(Fonts, ScaleTwoDoublesTheFontSize) {
  testing::HeadlessImGui imgui;
  App app({});
  imgui.frame(app);
  const float one = ImGui::GetFontSize();
  app.set_scale(2.0f);
  imgui.frame(app);
  EXPECT_FLOAT_EQ(ImGui::GetFontSize(), std::round(one * 2));
}

}  // namespace
}  // namespace proclab::gui
