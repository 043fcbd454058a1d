// The keyboard shortcuts of issue 5, pressed in a headless ImGui context.
#include <gtest/gtest.h>

#include "headless.h"

namespace proclab::gui {
namespace {

class Shortcuts : public ::testing::Test {
 protected:
  void press(int key, bool ctrl = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeysDown[key] = true;
    imgui_.frame(app_, 0);
    io.KeysDown[key] = false;
    io.KeyCtrl = false;
    imgui_.frame(app_, 0);
  }
  testing::HeadlessImGui imgui_;
  App app_{AppOptions{"fork-three"}};
};

TEST_F(Shortcuts, SpaceStartsPlaying) {
  press(32);
  EXPECT_TRUE(app_.session().playing());
}

TEST_F(Shortcuts, SpaceAgainPauses) {
  press(32);
  press(32);
  EXPECT_FALSE(app_.session().playing());
}

TEST_F(Shortcuts, RightStepsOneTick) {
  press(262);
  EXPECT_EQ(app_.session().now(), 1);
}

TEST_F(Shortcuts, LeftStepsBackOneTick) {
  press(262);
  press(262);
  press(263);
  EXPECT_EQ(app_.session().now(), 1);
}

TEST_F(Shortcuts, RResetsToTickZero) {
  press(262);
  press(kKeyR);
  EXPECT_EQ(app_.session().now(), 0);
}

TEST_F(Shortcuts, CtrlSOpensTheSaveDialog) {
  press(kKeyS, true);
  EXPECT_TRUE(ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId));  // the path dialog
}

TEST_F(Shortcuts, KeysGoToATextFieldWhileTyping) {
  press(kKeyO, true);  // the open dialog's path field has the keyboard
  press(262);
  EXPECT_EQ(app_.session().now(), 0);
}

TEST_F(Shortcuts, DefaultLessonIsThreeForks) { EXPECT_EQ(app_.session().document().title, "fork-three"); }

}  // namespace
}  // namespace proclab::gui
