#include "text_wrap.h"

#include <imgui.h>

namespace proclab::gui {

namespace {

// The code point starting at text[i] and its length in bytes (invalid bytes count as one).
std::pair<char32_t, size_t> decode(std::string_view text, size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  const size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
  if (len == 1 || i + len > text.size()) return {b, 1};
  char32_t cp = b & (0xFF >> (len + 1));
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return {cp, len};
}

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

bool no_line_start(char32_t c) {
  return std::u32string_view(U"，。、）：；！？」』”’…,.;:!?)%").find(c) != std::u32string_view::npos;
}

bool no_line_end(char32_t c) { return std::u32string_view(U"（「『“‘(").find(c) != std::u32string_view::npos; }

void wrap_paragraph(std::string_view text, float width, const std::function<float(std::string_view)>& measure,
                    std::vector<std::string_view>& lines) {
  size_t start = 0;
  while (start < text.size()) {
    size_t break_end = std::string_view::npos, break_next = 0;  // the last place this line may end
    char32_t prev = 0;
    size_t i = start;
    while (i < text.size()) {
      const auto [c, len] = decode(text, i);
      if (c == U' ') {
        break_end = i;
        break_next = i + 1;
      } else if (i > start && prev != U' ' && (is_cjk(c) || is_cjk(prev)) && !no_line_start(c) && !no_line_end(prev)) {
        break_end = i;
        break_next = i;
      }
      if (measure(text.substr(start, i + len - start)) > width && break_end != std::string_view::npos &&
          break_end > start) {
        break;
      }
      prev = c;
      i += len;
    }
    if (i >= text.size()) {
      lines.push_back(text.substr(start));
      return;
    }
    lines.push_back(text.substr(start, break_end - start));
    start = break_next;
    while (start < text.size() && text[start] == ' ') ++start;
  }
}

}  // namespace

std::vector<std::string_view> wrap_lines(std::string_view text, float width,
                                         const std::function<float(std::string_view)>& measure) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (true) {
    const size_t nl = text.find('\n', start);
    const std::string_view para = text.substr(start, nl == std::string_view::npos ? text.npos : nl - start);
    if (para.empty())
      lines.push_back(para);
    else
      wrap_paragraph(para, width, measure, lines);
    if (nl == std::string_view::npos) return lines;
    start = nl + 1;
  }
}

namespace {
float text_width(std::string_view s) { return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x; }
}  // namespace

void text_wrapped(std::string_view text) {
  for (std::string_view line : wrap_lines(text, ImGui::GetContentRegionAvail().x, text_width))
    ImGui::TextUnformatted(line.data(), line.data() + line.size());
}

float text_wrapped_height(std::string_view text, float width) {
  return static_cast<float>(wrap_lines(text, width, text_width).size()) * ImGui::GetTextLineHeightWithSpacing();
}

}  // namespace proclab::gui
