// The snippet language's lexer: Python tokens, with INDENT/DEDENT from leading whitespace.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "proclab/error.h"

namespace proclab::lang {

enum class Tok : std::uint8_t { Name, Int, Float, Str, Op, Newline, Indent, Dedent, End };

struct Token {
  Tok kind = Tok::End;
  std::string text;  // Name, Op; Str: the decoded value; Int/Float: the spelling
  int line = 1;
  int col = 1;       // 1-based, in characters (UTF-8 code points)
  bool fstring = false;  // Str: an f-string (text is the raw body, braces undecoded)
  int end_line = 1;      // where the token ends (just after its last character)
  int end_col = 1;
};

// A position-tagged failure: the caller formats "file:line:col: SyntaxError: message".
struct LexError {
  int line = 0;
  int col = 0;
  std::string message;
};

// Tokenizes `source`. On failure returns false and fills *error.
bool tokenize(std::string_view source, std::vector<Token>& out, LexError* error);

// Decodes the backslash escapes of a string literal body (not for raw strings).
std::string decode_escapes(std::string_view body);

}  // namespace proclab::lang
