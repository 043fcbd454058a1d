// Line breaking that works for Chinese: Dear ImGui 1.86's TextWrapped breaks only at spaces, so a
// Chinese paragraph (which has none) came out as ragged lines broken at the odd Latin word.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace proclab::gui {

// Splits `text` into lines no wider than `width` as `measure` reports widths. A line may break at
// a space (which is dropped) or next to a CJK character, but never before closing punctuation
// (，。、）：；！？」…) or after opening punctuation (（「“). A word wider than `width` stays whole.
// '\n' always breaks.
std::vector<std::string_view> wrap_lines(std::string_view text, float width,
                                         const std::function<float(std::string_view)>& measure);

// Draws `text` wrapped at the right edge of the current window's content region.
void text_wrapped(std::string_view text);
// The height text_wrapped(text) takes when the region is `width` wide.
float text_wrapped_height(std::string_view text, float width);

}  // namespace proclab::gui
