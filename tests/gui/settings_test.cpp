// Language, scale and theme survive a restart through imgui.ini; command-line flags win.
#include <gtest/gtest.h>

#include <string>

#include "headless.h"

namespace proclab::gui {
namespace {

constexpr const char* kSaved = "[Proclab][Prefs]\nlang=zh\nscale=1.5\ndark=0\n";

TEST(Settings, SavedPreferencesAreRestored) {
  testing::HeadlessImGui imgui;
  App app({});
  ImGui::LoadIniSettingsFromMemory(kSaved);
  EXPECT_EQ(language(), Lang::Zh);
  EXPECT_FLOAT_EQ(app.ui().scale, 1.5f);
  EXPECT_FALSE(app.ui().dark);
  set_language(Lang::En);
}

TEST(Settings, CommandLineLanguageWinsOverTheSavedOne) {
  testing::HeadlessImGui imgui;
  AppOptions o;
  o.lang_given = true;
  App app(o);
  ImGui::LoadIniSettingsFromMemory(kSaved);
  EXPECT_EQ(language(), Lang::En);
}

TEST(Settings, PreferencesAreWritten) {
  testing::HeadlessImGui imgui;
  App app({});
  app.set_dark(false);
  imgui.frame(app);
  const std::string ini = ImGui::SaveIniSettingsToMemory();
  EXPECT_NE(ini.find("[Proclab][Prefs]\nlang=en\nscale=1.0\ndark=0"), std::string::npos) << ini;
}

}  // namespace
}  // namespace proclab::gui
