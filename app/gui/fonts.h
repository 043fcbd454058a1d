// Fonts: the UI font with the Chinese glyphs the labels and lessons use, and a monospaced code
// font, from Debian's fonts-wqy-microhei found at run time. Pure ImGui (the caller uploads the
// atlas texture).
#pragma once

#include <imgui.h>

#include <string>

namespace proclab::gui {

struct FontSet {
  ImFont* ui = nullptr;
  ImFont* code = nullptr;
  bool chinese = false;  // false: the CJK font was not found; Chinese shows as '?'
};

// Where the CJK font is, or "" when none of the known paths exists.
std::string find_cjk_font();

// Clears io.Fonts and adds the fonts at `pixels`: GetGlyphRangesChineseSimplifiedCommon plus
// every character of `extra_text` (labels, lesson texts). Falls back to ImGui's default font
// (chinese = false) when no CJK font is found.
FontSet build_fonts(float pixels, const std::string& extra_text);

}  // namespace proclab::gui
