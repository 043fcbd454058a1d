// Bounded JSON parsing (see json_text.h).
#include "json_text.h"

#include <fmt/format.h>

namespace proclab {

namespace {

using nlohmann::json;

// Turns a byte offset into "line:column" (both 1-based, columns in UTF-8 characters).
std::string line_col(std::string_view text, size_t byte) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return fmt::format("{}:{}", line, col);
}

// s cut to about max bytes (whole UTF-8 characters), with "..." when cut.
std::string cut(std::string s, size_t max = 40) {
  const size_t kMax = max;
  if (s.size() <= kMax) return s;
  size_t end = kMax;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;  // whole UTF-8 characters
  return s.substr(0, end) + "...";
}

// The byte where nesting first exceeds kMaxJsonDepth, or npos. One pass, no recursion; it
// skips strings and ignores everything else, so malformed text is left to the parser.
size_t too_deep_at(std::string_view text) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::string short_dump(const json& v) { return cut(v.dump()); }

Expected<json> parse_json_text(std::string_view text, const std::string& origin) {
  if (const size_t at = too_deep_at(text); at != std::string_view::npos)
    return Error{fmt::format("{}:{}: JSON nested deeper than {} levels (the limit for proclab's files)", origin,
                             line_col(text, at), kMaxJsonDepth)};
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    // nlohmann's message repeats its own position; keep only what it expected.
    std::string what = e.what();
    if (auto colon = what.rfind(": "); colon != std::string::npos) what = what.substr(colon + 2);
    return Error{fmt::format("{}:{}: malformed JSON: {}", origin, line_col(text, e.byte == 0 ? 0 : e.byte - 1),
                             cut(what, 200))};
  } catch (const json::out_of_range& e) {
    // 406 "number overflow parsing '1e309'": the only out_of_range the parser throws.
    const std::string what = e.what();
    const size_t open = what.find('\''), close = what.rfind('\'');
    const std::string token = open < close ? what.substr(open + 1, close - open - 1) : "";
    const size_t at = token.empty() ? std::string_view::npos : text.find(token);
    return Error{fmt::format("{}{}: number out of range: {} (numbers must fit in a double)", origin,
                             at == std::string_view::npos ? "" : ":" + line_col(text, at), cut(token))};
  } catch (const json::exception& e) {
    return Error{fmt::format("{}: malformed JSON: {}", origin, cut(e.what(), 200))};
  }
}

}  // namespace proclab
