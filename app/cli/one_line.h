// Error messages quote what the user gave (a name, a path, a policy); this keeps them one line.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace proclab::cli {

// `text` with control characters (newlines included) shown as '?', cut to 500 bytes.
inline std::string one_line(std::string_view text) {
  size_t keep = std::min<size_t>(text.size(), 500);
  while (keep < text.size() && keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;  // whole UTF-8 characters
  std::string out;
  for (const char c : text.substr(0, keep)) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  if (keep < text.size()) out += "...";
  return out;
}

}  // namespace proclab::cli
