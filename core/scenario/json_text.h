// Parsing a user's JSON text (scenarios, lessons) with limits nlohmann does not have: a nesting
// depth (its values are copied, compared and printed recursively, so a 100,000-deep value would
// overflow the stack) and numbers within double range (nlohmann throws out_of_range for 1e309).
// Private to core/scenario: nlohmann stays out of public headers.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "proclab/error.h"

namespace proclab {

inline constexpr int kMaxJsonDepth = 64;  // objects and arrays inside each other; no flag raises it

// The parsed document, or one line: "origin:line:col: malformed JSON: ...", "origin:line:col:
// JSON nested deeper than 64 levels ...", "origin:line:col: number out of range ...".
Expected<nlohmann::json> parse_json_text(std::string_view text, const std::string& origin);

// v.dump(), cut to about 40 characters, for quoting a user's value in a one-line message.
std::string short_dump(const nlohmann::json& v);

}  // namespace proclab
