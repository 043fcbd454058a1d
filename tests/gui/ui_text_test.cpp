// Every label exists in both languages, and switching changes what is shown.
#include <gtest/gtest.h>

#include <string>

#include "ui_text.h"

namespace proclab::gui {
namespace {

TEST(UiText, EveryLabelHasEnglishAndChinese) {
  for (int i = 0; i < static_cast<int>(S::Count_); ++i) {
    set_language(Lang::En);
    EXPECT_STRNE(tr(static_cast<S>(i)), "") << i;
    set_language(Lang::Zh);
    EXPECT_STRNE(tr(static_cast<S>(i)), "") << i;
  }
  set_language(Lang::En);
}

TEST(UiText, SwitchingLanguageChangesTheLabel) {
  set_language(Lang::Zh);
  const std::string zh = tr(S::Play);
  set_language(Lang::En);
  EXPECT_EQ(std::string(tr(S::Play)), "Play");
  EXPECT_EQ(zh, "播放");
}

TEST(UiText, ChineseStateNamesAreTheTextbookOnes) {
  set_language(Lang::Zh);
  EXPECT_STREQ(state_name(ProcState::Ready), "就绪态");
  EXPECT_STREQ(state_name(ProcState::Running), "执行态");
  EXPECT_STREQ(state_name(ProcState::Blocked), "等待态");
  set_language(Lang::En);
}

TEST(UiText, FontRangesCoverEveryChineseLabel) {
  const std::string all = all_chinese_text();
  EXPECT_NE(all.find("就绪队列"), std::string::npos);
  EXPECT_NE(all.find("僵尸态"), std::string::npos);
}

}  // namespace
}  // namespace proclab::gui
