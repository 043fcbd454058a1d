#include "lexer.h"

#include <cctype>
#include <cstring>

namespace proclab::lang {

namespace {

bool is_name_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool is_name_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

class Lexer {
 public:
  Lexer(std::string_view src, std::vector<Token>& out, LexError* err) : s_(src), out_(out), err_(err) {}

  bool run() {
    indents_.push_back(0);
    bool line_start = true;
    while (i_ < s_.size()) {
      if (line_start && open_.empty()) {
        if (!indentation()) return false;
        line_start = false;
        continue;
      }
      const char c = s_[i_];
      if (c == '\n') {
        advance();
        if (open_.empty() && !out_.empty() && out_.back().kind != Tok::Newline) add(Tok::Newline, "");
        line_start = true;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        advance();
      } else if (c == '#') {
        while (i_ < s_.size() && s_[i_] != '\n') advance();
      } else if (c == '\\' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') {
        advance();
        advance();
      } else if (std::isdigit(static_cast<unsigned char>(c)) ||
                 (c == '.' && i_ + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_ + 1])))) {
        if (!number()) return false;
      } else if (is_name_start(static_cast<unsigned char>(c))) {
        if (!name_or_string()) return false;
      } else if (c == '"' || c == '\'') {
        if (!string(false, false)) return false;
      } else {
        if (!op()) return false;
      }
    }
    if (!open_.empty())
      return fail(open_.back().line, open_.back().col, std::string("'") + open_.back().bracket + "' was never closed");
    if (!out_.empty() && out_.back().kind != Tok::Newline) add(Tok::Newline, "");
    while (indents_.size() > 1) {
      indents_.pop_back();
      add(Tok::Dedent, "");
    }
    add(Tok::End, "");
    return true;
  }

 private:
  void advance() {
    const auto c = static_cast<unsigned char>(s_[i_++]);
    if (c == '\n') {
      ++line_;
      col_ = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col_;
    }
  }
  void add(Tok kind, std::string text, int line = 0, int col = 0) {
    out_.push_back({kind, std::move(text), line ? line : line_, col ? col : col_, false, line_, col_});
  }
  bool fail(int line, int col, std::string message) {
    *err_ = {line, col, std::move(message)};
    return false;
  }

  // Measures the indentation of a new logical line; blank and comment-only lines are skipped.
  bool indentation() {
    int width = 0;
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\f')) {
      width = s_[i_] == '\t' ? (width / 8 + 1) * 8 : width + 1;
      advance();
    }
    if (i_ >= s_.size()) return true;
    if (s_[i_] == '\n' || s_[i_] == '#' || s_[i_] == '\r') {
      while (i_ < s_.size() && s_[i_] != '\n') advance();
      if (i_ < s_.size()) advance();
      return indentation();
    }
    if (width > indents_.back()) {
      indents_.push_back(width);
      add(Tok::Indent, "");
    } else {
      while (width < indents_.back()) {
        indents_.pop_back();
        add(Tok::Dedent, "");
      }
      if (width != indents_.back())
        return fail(line_, col_, "unindent does not match any outer indentation level");
    }
    return true;
  }

  bool number() {
    const int line = line_, col = col_;
    const size_t start = i_;
    bool is_float = false;
    if (s_[i_] == '0' && i_ + 1 < s_.size() && std::strchr("xXoObB", s_[i_ + 1])) {
      advance();
      advance();
      while (i_ < s_.size() && (std::isxdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_')) advance();
    } else {
      while (i_ < s_.size()) {
        const char c = s_[i_];
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '_') {
          advance();
        } else if (c == '.' && !is_float) {
          is_float = true;
          advance();
        } else if ((c == 'e' || c == 'E') && i_ + 1 < s_.size()) {
          is_float = true;
          advance();
          if (s_[i_] == '+' || s_[i_] == '-') advance();
        } else {
          break;
        }
      }
    }
    if (i_ < s_.size() && is_name_char(static_cast<unsigned char>(s_[i_])))
      return fail(line_, col_, "invalid decimal literal");
    add(is_float ? Tok::Float : Tok::Int, std::string(s_.substr(start, i_ - start)), line, col);
    return true;
  }

  bool name_or_string() {
    const int line = line_, col = col_;
    const size_t start = i_;
    while (i_ < s_.size() && is_name_char(static_cast<unsigned char>(s_[i_]))) advance();
    std::string word(s_.substr(start, i_ - start));
    if (i_ < s_.size() && (s_[i_] == '"' || s_[i_] == '\'') && word.size() <= 2) {
      std::string prefix;
      for (char c : word) prefix += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (prefix == "f" || prefix == "r" || prefix == "fr" || prefix == "rf" || prefix == "u") {
        return string(prefix.find('r') != std::string::npos, prefix.find('f') != std::string::npos, col);
      }
      if (prefix == "b" || prefix == "br" || prefix == "rb")
        return fail(line, col, "not supported in proclab: bytes literals");
    }
    add(Tok::Name, std::move(word), line, col);
    return true;
  }

  bool string(bool raw, bool fstring, int col0 = 0) {
    const int line = line_, col = col0 ? col0 : col_;
    const char q = s_[i_];
    const bool triple = s_.substr(i_, 3) == std::string(3, q);
    for (int k = 0; k < (triple ? 3 : 1); ++k) advance();
    std::string body;
    while (true) {
      if (i_ >= s_.size()) return fail(line, col, "unterminated string literal");
      const char c = s_[i_];
      if (c == '\n' && !triple) return fail(line, col, "unterminated string literal");
      if (c == '\\' && i_ + 1 < s_.size()) {
        body += c;
        advance();
        body += s_[i_];
        advance();
        continue;
      }
      if (c == q && (!triple || s_.substr(i_, 3) == std::string(3, q))) {
        for (int k = 0; k < (triple ? 3 : 1); ++k) advance();
        break;
      }
      body += c;
      advance();
    }
    // f-string bodies are decoded piecewise by the parser, around their {fields}.
    Token t{Tok::Str, fstring || raw ? body : decode_escapes(body), line, col, fstring};
    // Adjacent literals concatenate ("a" "b"); f-strings stay separate tokens.
    if (!fstring && !out_.empty() && out_.back().kind == Tok::Str && !out_.back().fstring)
      out_.back().text += t.text;
    else
      out_.push_back(std::move(t));
    return true;
  }

  bool op() {
    static constexpr std::string_view three[] = {"**=", "//=", ">>=", "<<=", "..."};
    static constexpr std::string_view two[] = {"==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=",
                                               "**", "//", "->", "&=", "|=", "^=", "<<", ">>", ":="};
    const int line = line_, col = col_;
    for (auto t : three)
      if (s_.substr(i_, 3) == t) return emit_op(t, line, col);
    for (auto t : two)
      if (s_.substr(i_, 2) == t) return emit_op(t, line, col);
    const char c = s_[i_];
    if (std::string_view("+-*/%<>=()[]{},:.;@&|^~").find(c) == std::string_view::npos)
      return fail(line, col, std::string("invalid character '") + std::string(1, c) + "'");
    if (c == '(' || c == '[' || c == '{') open_.push_back({c, line, col});
    if (c == ')' || c == ']' || c == '}') {
      if (open_.empty()) return fail(line, col, std::string("unmatched '") + c + "'");
      const char want = open_.back().bracket == '(' ? ')' : open_.back().bracket == '[' ? ']' : '}';
      if (c != want)
        return fail(line, col, std::string("closing parenthesis '") + c + "' does not match opening parenthesis '" +
                                   open_.back().bracket + "'");
      open_.pop_back();
    }
    return emit_op(std::string_view(&s_[i_], 1), line, col);
  }
  bool emit_op(std::string_view t, int line, int col) {
    for (size_t k = 0; k < t.size(); ++k) advance();
    add(Tok::Op, std::string(t), line, col);
    return true;
  }

  std::string_view s_;
  std::vector<Token>& out_;
  LexError* err_;
  size_t i_ = 0;
  int line_ = 1, col_ = 1;
  struct Open {
    char bracket;
    int line, col;
  };
  std::vector<Open> open_;  // brackets not yet closed: newlines inside them are ignored
  std::vector<int> indents_;
};

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::string decode_escapes(std::string_view b) {
  std::string out;
  for (size_t i = 0; i < b.size(); ++i) {
    if (b[i] != '\\' || i + 1 >= b.size()) {
      out += b[i];
      continue;
    }
    const char e = b[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case '0': out += '\0'; break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case '\n': break;
      case 'x':
      case 'u': {
        const size_t n = e == 'x' ? 2 : 4;
        unsigned cp = 0;
        size_t k = 0;
        for (; k < n && i + 1 < b.size() && std::isxdigit(static_cast<unsigned char>(b[i + 1])); ++k) {
          const char h = b[++i];
          cp = cp * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
        }
        append_utf8(out, cp);
        break;
      }
      default:
        out += '\\';
        out += e;
    }
  }
  return out;
}

bool tokenize(std::string_view source, std::vector<Token>& out, LexError* error) {
  if (source.starts_with("\xEF\xBB\xBF")) source.remove_prefix(3);  // a UTF-8 byte order mark
  return Lexer(source, out, error).run();
}

}  // namespace proclab::lang
