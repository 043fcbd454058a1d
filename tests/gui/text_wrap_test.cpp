// Line breaking for Chinese and English labels, measured in columns (a CJK character is two).
#include <gtest/gtest.h>

#include "text_wrap.h"

namespace proclab::gui {
namespace {

float columns(std::string_view s) {
  float w = 0;
  for (unsigned char b : s)
    if ((b & 0xC0) != 0x80) w += b >= 0xE0 ? 2 : 1;
  return w;
}

std::vector<std::string> wrap(std::string_view text, float width) {
  std::vector<std::string> out;
  for (std::string_view line : wrap_lines(text, width, columns)) out.emplace_back(line);
  return out;
}

TEST(TextWrap, ChineseBreaksBetweenCharactersToFillTheLine) {
  EXPECT_EQ(wrap("每个已存在的进程都会执行", 10), (std::vector<std::string>{"每个已存在", "的进程都会", "执行"}));
}

TEST(TextWrap, ClosingPunctuationNeverStartsALine) {
  // "进程翻倍" fills 8 columns; the comma may not start the next line, so 倍 moves down with it.
  EXPECT_EQ(wrap("进程翻倍，然后", 8), (std::vector<std::string>{"进程翻", "倍，然后"}));
}

TEST(TextWrap, LatinWordsBreakOnlyAtSpaces) {
  EXPECT_EQ(wrap("hello world again", 11), (std::vector<std::string>{"hello world", "again"}));
}

TEST(TextWrap, MixedTextBreaksBeforeAChineseCharacterAfterALatinWord) {
  EXPECT_EQ(wrap("pid 100 最先进入就绪队列", 12), (std::vector<std::string>{"pid 100 最先", "进入就绪队列"}));
}

TEST(TextWrap, AWordWiderThanTheLineStaysWhole) {
  EXPECT_EQ(wrap("multiprocessing x", 5), (std::vector<std::string>{"multiprocessing", "x"}));
}

TEST(TextWrap, NewlineAlwaysBreaks) {
  EXPECT_EQ(wrap("a\n\nb", 80), (std::vector<std::string>{"a", "", "b"}));
}

}  // namespace
}  // namespace proclab::gui
