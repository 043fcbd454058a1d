// Recursive-descent parser for the snippet language. Sections:
//   1. token helpers   2. statements   3. expressions (by precedence)   4. f-strings
// Failures are thrown as ParseError inside this file and returned as a value by parse_program.
#include <charconv>
#include <cstdlib>
#include <string_view>

#include "ast.h"
#include "lexer.h"

namespace proclab::lang {

namespace {

// ---- 1. token helpers -------------------------------------------------------------------

bool is_keyword(std::string_view w) {
  static constexpr std::string_view kws[] = {
      "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
      "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
      "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
      "try", "while", "with", "yield"};
  for (auto k : kws)
    if (k == w) return true;
  return false;
}

// Bounds on nesting, so that no program can exhaust the C++ stack of the parser, compiler or
// tree destructor (Python has similar limits).
constexpr int kMaxNesting = 200;     // brackets, unary operators, blocks
constexpr int kMaxChain = 10000;     // operands of one chain like 1 + 1 + ... + 1

class Parser {
 public:
  explicit Parser(std::vector<Token> toks) : t_(std::move(toks)) {}

  std::vector<NodePtr> program() {
    std::vector<NodePtr> out;
    while (peek().kind != Tok::End) {
      if (peek().kind == Tok::Newline) {
        next();
        continue;
      }
      if (peek().kind == Tok::Indent) fail(peek(), "unexpected indent");
      statement(out);
    }
    return out;
  }

 private:
  const Token& peek(size_t ahead = 0) const { return t_[std::min(i_ + ahead, t_.size() - 1)]; }
  const Token& next() { return t_[i_ < t_.size() - 1 ? i_++ : i_]; }
  bool is_op(std::string_view op, size_t ahead = 0) const {
    return peek(ahead).kind == Tok::Op && peek(ahead).text == op;
  }
  bool is_kw(std::string_view kw, size_t ahead = 0) const {
    return peek(ahead).kind == Tok::Name && peek(ahead).text == kw;
  }
  bool accept_op(std::string_view op) {
    if (!is_op(op)) return false;
    next();
    return true;
  }
  bool accept_kw(std::string_view kw) {
    if (!is_kw(kw)) return false;
    next();
    return true;
  }
  [[noreturn]] static void fail(const Token& at, std::string message) {
    throw ParseError{at.line, at.col, std::move(message), false};
  }
  [[noreturn]] static void unsupported(const Token& at, std::string what) {
    throw ParseError{at.line, at.col, std::move(what), true};
  }
  static std::string describe(const Token& t) {
    switch (t.kind) {
      case Tok::Newline: return "end of line";
      case Tok::Indent: return "an indent";
      case Tok::Dedent: return "a dedent";
      case Tok::End: return "end of file";
      case Tok::Str: return "a string";
      default: return "'" + t.text + "'";
    }
  }
  void expect_op(std::string_view op) {
    if (accept_op(op)) return;
    // At the end of a line CPython points just after the line's last token (if x == 1|).
    if ((peek().kind == Tok::Newline || peek().kind == Tok::End || peek().kind == Tok::Indent) && i_ > 0) {
      const Token& last = t_[i_ - 1];
      throw ParseError{last.end_line, last.end_col, "expected '" + std::string(op) + "'", false};
    }
    fail(peek(), "expected '" + std::string(op) + "', found " + describe(peek()));
  }
  void expect_kw(std::string_view kw) {
    if (!accept_kw(kw)) fail(peek(), "expected '" + std::string(kw) + "', found " + describe(peek()));
  }
  std::string expect_name() {
    if (peek().kind != Tok::Name || is_keyword(peek().text))
      fail(peek(), "expected a name, found " + describe(peek()));
    return next().text;
  }
  static NodePtr node(NodeKind k, const Token& at) {
    auto n = std::make_unique<Node>();
    n->kind = k;
    n->line = at.line;
    n->col = at.col;
    return n;
  }
  void end_of_statement() {
    if (peek().kind == Tok::End) return;
    if (peek().kind != Tok::Newline) fail(peek(), "invalid syntax: expected end of line, found " + describe(peek()));
    next();
  }

  // ---- 2. statements --------------------------------------------------------------------

  void statement(std::vector<NodePtr>& out) {
    const Token& t = peek();
    if (is_op("@")) return decorated(out);
    if (t.kind == Tok::Name) {
      const std::string& w = t.text;
      if (w == "if") return out.push_back(if_statement());
      if (w == "while") return out.push_back(while_statement());
      if (w == "for") return out.push_back(for_statement());
      if (w == "def") return out.push_back(def_statement());
      if (w == "try") return out.push_back(try_statement());
      if (w == "class") return out.push_back(class_statement());
      if (w == "with") unsupported(t, "with statements");
      if (w == "async" || w == "await") unsupported(t, "async code");
      if (w == "else" || w == "elif" || w == "except" || w == "finally")
        fail(t, "invalid syntax: '" + w + "' without a matching block");
    }
    simple_statements(out);
  }

  // @decorator lines, then the def or class they apply to (innermost last).
  void decorated(std::vector<NodePtr>& out) {
    std::vector<NodePtr> decorators;
    while (accept_op("@")) {
      decorators.push_back(expr());
      if (peek().kind != Tok::Newline) fail(peek(), "invalid syntax");
      next();
    }
    if (is_kw("def")) out.push_back(def_statement());
    else if (is_kw("class")) out.push_back(class_statement());
    else fail(peek(), "invalid syntax");
    out.back()->decorators = std::move(decorators);
  }

  NodePtr class_statement() {
    auto n = node(NodeKind::Class, next());
    n->text = expect_name();
    if (accept_op("(")) {
      while (!is_op(")")) {
        if (peek().kind == Tok::Name && is_op("=", 1)) unsupported(peek(), "class keywords (metaclass=...)");
        n->kids.push_back(expr());
        if (!accept_op(",")) break;
      }
      expect_op(")");
    }
    n->body = block();
    return n;
  }

  void simple_statements(std::vector<NodePtr>& out) {
    out.push_back(simple_statement());
    while (accept_op(";")) {
      if (peek().kind == Tok::Newline || peek().kind == Tok::End) break;
      out.push_back(simple_statement());
    }
    end_of_statement();
  }

  NodePtr simple_statement() {
    const Token& t = peek();
    if (t.kind == Tok::Name) {
      const std::string w = t.text;
      if (w == "pass" || w == "break" || w == "continue") {
        next();
        return node(w == "pass" ? NodeKind::Pass : w == "break" ? NodeKind::Break : NodeKind::Continue, t);
      }
      if (w == "return") {
        auto n = node(NodeKind::Return, next());
        if (peek().kind != Tok::Newline && peek().kind != Tok::End && !is_op(";")) n->kids.push_back(expr_list());
        return n;
      }
      if (w == "raise") {
        auto n = node(NodeKind::Raise, next());
        if (peek().kind != Tok::Newline && peek().kind != Tok::End && !is_op(";")) n->kids.push_back(expr());
        if (!n->kids.empty() && accept_kw("from")) n->kids.push_back(expr());
        return n;
      }
      if (w == "global") {
        auto n = node(NodeKind::Global, next());
        do n->names.push_back(expect_name());
        while (accept_op(","));
        return n;
      }
      if (w == "import") return import_statement();
      if (w == "from") return from_import();
      if (w == "assert") {
        auto n = node(NodeKind::Assert, next());
        n->kids.push_back(expr());
        if (accept_op(",")) n->kids.push_back(expr());
        return n;
      }
      if (w == "del") unsupported(t, "del statements");
      if (w == "nonlocal") unsupported(t, "nonlocal");
      if (w == "yield") unsupported(t, "generators (yield)");
    }
    auto first = expr_list();
    if (is_op("=")) {
      auto n = node(NodeKind::Assign, t);
      check_target(*first);
      n->kids.push_back(std::move(first));
      while (accept_op("=")) {
        auto value = expr_list();
        if (is_op("=")) check_target(*value);
        n->kids.push_back(std::move(value));
      }
      return n;
    }
    static constexpr std::string_view aug[] = {"+=", "-=", "*=", "/=", "//=", "%=", "**=",
                                               "&=", "|=", "^=", "<<=", ">>="};
    for (auto op : aug)
      if (is_op(op)) {
        const Token& at = next();
        if (first->kind != NodeKind::Name && first->kind != NodeKind::Subscript && first->kind != NodeKind::Attr)
          fail(at, "'" + std::string(op) + "' needs a single name or item on its left");
        check_target(*first);
        auto n = node(NodeKind::AugAssign, t);
        n->text = std::string(op.substr(0, op.size() - 1));
        n->kids.push_back(std::move(first));
        n->kids.push_back(expr_list());
        return n;
      }
    if (is_op(":")) unsupported(peek(), "variable annotations");
    auto n = node(NodeKind::ExprStmt, t);
    n->kids.push_back(std::move(first));
    return n;
  }

  void check_target(const Node& n) {
    switch (n.kind) {
      case NodeKind::Name:
      case NodeKind::Subscript:
      case NodeKind::Attr: return;
      case NodeKind::Tuple:
      case NodeKind::List:
        for (const auto& k : n.kids) check_target(*k);
        return;
      default: throw ParseError{n.line, n.col, "cannot assign to this expression", false};
    }
  }

  NodePtr import_statement() {
    auto n = node(NodeKind::Import, next());
    do {
      std::string module = expect_name();
      while (accept_op(".")) {
        module += '.';
        module.append(expect_name());
      }
      std::string alias = accept_kw("as") ? expect_name() : module;
      n->names.push_back(module);
      n->names.push_back(alias);
    } while (accept_op(","));
    return n;
  }

  NodePtr from_import() {
    auto n = node(NodeKind::FromImport, next());
    n->text = expect_name();
    while (accept_op(".")) {
      n->text += '.';
      n->text.append(expect_name());
    }
    expect_kw("import");
    const bool paren = accept_op("(");
    if (is_op("*")) unsupported(peek(), "from ... import *");
    do {
      if (paren && is_op(")")) break;
      std::string name = expect_name();
      n->names.push_back(name);
      n->names.push_back(accept_kw("as") ? expect_name() : name);
    } while (accept_op(","));
    if (paren) expect_op(")");
    return n;
  }

  std::vector<NodePtr> block() {
    Nest nest(*this, peek());
    expect_op(":");
    std::vector<NodePtr> body;
    if (peek().kind != Tok::Newline) {
      simple_statements(body);
      return body;
    }
    next();
    if (peek().kind != Tok::Indent) fail(peek(), "expected an indented block");
    next();
    while (peek().kind != Tok::Dedent && peek().kind != Tok::End) statement(body);
    if (peek().kind == Tok::Dedent) next();
    return body;
  }

  NodePtr if_statement() {
    Nest nest(*this, peek());  // each elif is an if nested in the else: bounded like any nesting
    auto n = node(NodeKind::If, next());
    n->kids.push_back(expr());
    n->body = block();
    if (is_kw("elif")) {
      n->orelse.push_back(if_statement());
    } else if (accept_kw("else")) {
      n->orelse = block();
    }
    return n;
  }

  NodePtr while_statement() {
    auto n = node(NodeKind::While, next());
    n->kids.push_back(expr());
    n->body = block();
    if (is_kw("else")) unsupported(peek(), "while ... else");
    return n;
  }

  NodePtr for_statement() {
    auto n = node(NodeKind::For, next());
    auto target = target_list();
    check_target(*target);
    n->kids.push_back(std::move(target));
    expect_kw("in");
    n->kids.push_back(expr_list());
    n->body = block();
    if (is_kw("else")) unsupported(peek(), "for ... else");
    return n;
  }

  // The names after `for`: stops at `in` (which expr() would read as an operator).
  NodePtr target_list() {
    const Token& at = peek();
    auto first = bitor_expr();
    if (!is_op(",")) return first;
    auto t = node(NodeKind::Tuple, at);
    t->kids.push_back(std::move(first));
    while (accept_op(",")) {
      if (is_kw("in")) break;
      t->kids.push_back(bitor_expr());
    }
    return t;
  }

  NodePtr def_statement() {
    auto n = node(NodeKind::Def, next());
    n->text = expect_name();
    expect_op("(");
    while (!is_op(")")) {
      if (is_op("*") || is_op("**")) unsupported(peek(), "*args and **kwargs parameters");
      n->names.push_back(expect_name());
      if (accept_op("=")) {
        n->kids.push_back(expr());
      } else if (!n->kids.empty()) {
        fail(peek(), "parameter without a default follows parameter with a default");
      }
      if (is_op(":")) unsupported(peek(), "parameter annotations");
      if (!accept_op(",")) break;
    }
    expect_op(")");
    if (is_op("->")) unsupported(peek(), "return annotations");
    n->body = block();
    return n;
  }

  NodePtr try_statement() {
    auto n = node(NodeKind::Try, next());
    n->body = block();
    while (is_kw("except")) {
      auto h = node(NodeKind::ExceptHandler, next());
      if (!is_op(":")) {
        h->kids.push_back(expr());
        if (accept_kw("as")) h->text = expect_name();
      }
      h->body = block();
      n->kids.push_back(std::move(h));
    }
    if (!n->kids.empty() && accept_kw("else")) n->orelse = block();
    if (accept_kw("finally")) n->finalbody = block();
    if (n->kids.empty() && n->finalbody.empty()) fail(peek(), "expected 'except' or 'finally' block");
    return n;
  }

  // ---- 3. expressions ---------------------------------------------------------------------

  // a, b, c  (a tuple when there is a comma)
  NodePtr expr_list() {
    const Token& at = peek();
    auto first = expr();
    if (!is_op(",")) return first;
    auto t = node(NodeKind::Tuple, at);
    t->kids.push_back(std::move(first));
    while (accept_op(",")) {
      if (ends_expression()) break;
      t->kids.push_back(expr());
    }
    return t;
  }
  bool ends_expression() const {
    const Token& t = peek();
    return t.kind == Tok::Newline || t.kind == Tok::End ||
           (t.kind == Tok::Op && (t.text == "=" || t.text == ")" || t.text == "]" || t.text == "}" ||
                                  t.text == ";" || t.text == ":" || t.text.back() == '='));
  }

  // Counts one level of nesting for as long as it lives.
  struct Nest {
    Nest(Parser& p, const Token& at) : p_(p) {
      if (++p_.nesting_ > kMaxNesting) fail(at, "too many nested parentheses, blocks or operators");
    }
    ~Nest() { --p_.nesting_; }
    Parser& p_;
  };

  NodePtr expr() {
    Nest nest(*this, peek());
    if (is_kw("lambda")) unsupported(peek(), "lambda");
    if (is_kw("yield")) unsupported(peek(), "generators (yield)");
    const Token& at = peek();
    auto test = or_expr();
    if (is_op(":=")) unsupported(peek(), "assignment expressions (:=)");
    if (!is_kw("if")) return test;
    next();
    auto n = node(NodeKind::IfExp, at);
    auto cond = or_expr();
    expect_kw("else");
    n->kids.push_back(std::move(cond));
    n->kids.push_back(std::move(test));
    n->kids.push_back(expr());
    return n;
  }

  NodePtr binary(NodeKind kind, NodePtr left, NodePtr right, const Token& at, std::string op = "") {
    auto n = node(kind, at);
    n->text = std::move(op);
    n->kids.push_back(std::move(left));
    n->kids.push_back(std::move(right));
    return n;
  }

  static void chain_limit(int& n, const Token& at) {
    if (++n > kMaxChain) fail(at, "expression too long");
  }

  NodePtr or_expr() {
    auto left = and_expr();
    int n = 0;
    while (is_kw("or")) {
      const Token& at = next();
      chain_limit(n, at);
      left = binary(NodeKind::Or, std::move(left), and_expr(), at);
    }
    return left;
  }
  NodePtr and_expr() {
    auto left = not_expr();
    int n = 0;
    while (is_kw("and")) {
      const Token& at = next();
      chain_limit(n, at);
      left = binary(NodeKind::And, std::move(left), not_expr(), at);
    }
    return left;
  }
  NodePtr not_expr() {
    if (!is_kw("not")) return comparison();
    Nest nest(*this, peek());
    auto n = node(NodeKind::UnaryOp, next());
    n->text = "not";
    n->kids.push_back(not_expr());
    return n;
  }
  NodePtr comparison() {
    const Token& at = peek();
    auto first = bitor_expr();
    NodePtr n;
    while (true) {
      std::string op;
      if (peek().kind == Tok::Op && (peek().text == "<" || peek().text == ">" || peek().text == "==" ||
                                     peek().text == "!=" || peek().text == "<=" || peek().text == ">=")) {
        op = next().text;
      } else if (is_kw("in")) {
        next();
        op = "in";
      } else if (is_kw("not") && is_kw("in", 1)) {
        next();
        next();
        op = "not in";
      } else if (is_kw("is")) {
        next();
        op = accept_kw("not") ? "is not" : "is";
      } else {
        break;
      }
      if (!n) {
        n = node(NodeKind::Compare, at);
        n->kids.push_back(std::move(first));
      }
      n->names.push_back(op);
      n->kids.push_back(bitor_expr());
    }
    return n ? std::move(n) : std::move(first);
  }
  NodePtr left_assoc(NodePtr (Parser::*sub)(), std::initializer_list<std::string_view> ops) {
    auto left = (this->*sub)();
    int n = 0;
    while (peek().kind == Tok::Op) {
      bool matched = false;
      for (auto op : ops)
        if (peek().text == op) matched = true;
      if (!matched) break;
      const Token& at = next();
      chain_limit(n, at);
      left = binary(NodeKind::BinOp, std::move(left), (this->*sub)(), at, at.text);
    }
    return left;
  }
  NodePtr bitor_expr() { return left_assoc(&Parser::xor_expr, {"|"}); }
  NodePtr xor_expr() { return left_assoc(&Parser::bitand_expr, {"^"}); }
  NodePtr bitand_expr() { return left_assoc(&Parser::shift_expr, {"&"}); }
  NodePtr shift_expr() { return left_assoc(&Parser::arith_expr, {"<<", ">>"}); }
  NodePtr arith_expr() { return left_assoc(&Parser::term, {"+", "-"}); }
  NodePtr term() {
    if (is_op("@")) unsupported(peek(), "the @ operator");
    return left_assoc(&Parser::factor, {"*", "/", "//", "%"});
  }
  NodePtr factor() {
    if (is_op("-") || is_op("+") || is_op("~")) {
      Nest nest(*this, peek());
      auto n = node(NodeKind::UnaryOp, peek());
      n->text = next().text;
      n->kids.push_back(factor());
      // Fold negative literals so that defaults like x=-1 stay constants.
      if (n->text == "-" && n->kids[0]->kind == NodeKind::Int && n->kids[0]->ival != INT64_MIN) {
        n->kids[0]->ival = -n->kids[0]->ival;
        return std::move(n->kids[0]);
      }
      return n;
    }
    return power();
  }
  NodePtr power() {
    auto base = primary();
    if (!is_op("**")) return base;
    const Token& at = next();
    Nest nest(*this, at);
    return binary(NodeKind::BinOp, std::move(base), factor(), at, "**");
  }

  NodePtr primary() {
    auto n = atom();
    // x.f()[0].g(): each trailer nests the tree one level (compiled and freed recursively)
    for (int trailers = 0;; ++trailers) {
      if (nesting_ + trailers > kMaxNesting && (is_op("(") || is_op("[") || is_op(".")))
        fail(peek(), "too many nested parentheses, blocks or operators");
      if (is_op("(")) {
        auto call = node(NodeKind::Call, next());
        call->kids.push_back(std::move(n));
        bool keywords = false;
        while (!is_op(")")) {
          if (is_op("*") || is_op("**")) unsupported(peek(), "*args and **kwargs in calls");
          if (peek().kind == Tok::Name && is_op("=", 1)) {
            auto kw = node(NodeKind::Keyword, peek());
            kw->text = next().text;
            next();
            kw->kids.push_back(expr());
            call->kids.push_back(std::move(kw));
            keywords = true;
          } else {
            if (keywords) fail(peek(), "positional argument follows keyword argument");
            call->kids.push_back(expr());
            if (is_kw("for")) unsupported(peek(), "generator expressions");
          }
          if (!accept_op(",")) break;
        }
        expect_op(")");
        n = std::move(call);
      } else if (is_op("[")) {
        auto sub = node(NodeKind::Subscript, next());
        sub->kids.push_back(std::move(n));
        sub->kids.push_back(subscript());
        expect_op("]");
        n = std::move(sub);
      } else if (is_op(".")) {
        auto attr = node(NodeKind::Attr, next());
        attr->text = expect_name();
        attr->kids.push_back(std::move(n));
        n = std::move(attr);
      } else {
        return n;
      }
    }
  }

  NodePtr subscript() {
    const Token& at = peek();
    NodePtr start;
    if (!is_op(":")) {
      start = expr_list();
      if (!is_op(":")) return start;
    }
    auto s = node(NodeKind::Slice, at);
    auto none = [&] { return node(NodeKind::None, at); };
    s->kids.push_back(start ? std::move(start) : none());
    expect_op(":");
    s->kids.push_back(is_op("]") || is_op(":") ? none() : expr());
    if (accept_op(":") && !is_op("]"))
      s->kids.push_back(expr());
    else
      s->kids.push_back(none());
    return s;
  }

  NodePtr atom() {
    const Token& t = peek();
    switch (t.kind) {
      case Tok::Int: {
        next();
        auto n = node(NodeKind::Int, t);
        std::string digits;
        for (char c : t.text)
          if (c != '_') digits += c;
        int base = 10;
        std::string_view d = digits;
        if (d.size() > 2 && d[0] == '0') {
          const char b = static_cast<char>(std::tolower(d[1]));
          base = b == 'x' ? 16 : b == 'o' ? 8 : b == 'b' ? 2 : 10;
          if (base != 10) d.remove_prefix(2);
        }
        auto [p, ec] = std::from_chars(d.data(), d.data() + d.size(), n->ival, base);
        if (ec == std::errc::result_out_of_range) unsupported(t, "integers beyond 64 bits");
        if (ec != std::errc() || p != d.data() + d.size()) fail(t, "invalid number literal");
        return n;
      }
      case Tok::Float: {
        next();
        auto n = node(NodeKind::Float, t);
        std::string digits;
        for (char c : t.text)
          if (c != '_') digits += c;
        n->fval = std::strtod(digits.c_str(), nullptr);
        return n;
      }
      case Tok::Str: {
        if (!t.fstring) {
          next();
          auto n = node(NodeKind::Str, t);
          n->text = t.text;
          return n;
        }
        return fstring();
      }
      case Tok::Name: {
        if (t.text == "True" || t.text == "False" || t.text == "None") {
          next();
          return node(t.text == "True" ? NodeKind::True : t.text == "False" ? NodeKind::False : NodeKind::None, t);
        }
        if (is_keyword(t.text)) fail(t, "invalid syntax: unexpected '" + t.text + "'");
        next();
        auto n = node(NodeKind::Name, t);
        n->text = t.text;
        return n;
      }
      case Tok::Op:
        if (t.text == "(") {
          next();
          if (accept_op(")")) return node(NodeKind::Tuple, t);
          auto inner = expr();
          if (is_kw("for")) unsupported(peek(), "generator expressions");
          if (accept_op(")")) return inner;
          auto tup = node(NodeKind::Tuple, t);
          tup->kids.push_back(std::move(inner));
          while (accept_op(",")) {
            if (is_op(")")) break;
            tup->kids.push_back(expr());
          }
          expect_op(")");
          return tup;
        }
        if (t.text == "[") {
          next();
          auto list = node(NodeKind::List, t);
          while (!is_op("]")) {
            list->kids.push_back(expr());
            if (is_kw("for")) unsupported(peek(), "list comprehensions");
            if (!accept_op(",")) break;
          }
          expect_op("]");
          return list;
        }
        if (t.text == "{") {
          next();
          auto dict = node(NodeKind::Dict, t);
          while (!is_op("}")) {
            dict->kids.push_back(expr());
            if (is_kw("for")) unsupported(peek(), "comprehensions");
            if (!is_op(":")) unsupported(peek(), "sets");
            next();
            dict->kids.push_back(expr());
            if (is_kw("for")) unsupported(peek(), "dict comprehensions");
            if (!accept_op(",")) break;
          }
          expect_op("}");
          return dict;
        }
        if (t.text == "...") unsupported(t, "Ellipsis");
        break;
      default: break;
    }
    fail(t, "invalid syntax: expected an expression, found " + describe(t));
  }

  // ---- 4. f-strings: f"text {expr!r:spec} text" ---------------------------------------------

  NodePtr fstring() {
    const Token& t = next();
    auto n = node(NodeKind::FString, t);
    const std::string& s = t.text;
    std::string literal;
    auto flush = [&] {
      if (literal.empty()) return;
      auto part = node(NodeKind::Str, t);
      part->text = decode_escapes(literal);
      n->kids.push_back(std::move(part));
      literal.clear();
    };
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '{' && i + 1 < s.size() && s[i + 1] == '{') {
        literal += '{';
        ++i;
      } else if (s[i] == '}' && i + 1 < s.size() && s[i + 1] == '}') {
        literal += '}';
        ++i;
      } else if (s[i] == '}') {
        fail(t, "f-string: single '}' is not allowed");
      } else if (s[i] == '{') {
        flush();
        size_t j = i + 1;
        int depth = 0;
        while (j < s.size() && !(depth == 0 && (s[j] == '}' || s[j] == '!' || s[j] == ':'))) {
          if (s[j] == '(' || s[j] == '[' || s[j] == '{') ++depth;
          if (s[j] == ')' || s[j] == ']' || s[j] == '}') --depth;
          if (s[j] == '\'' || s[j] == '"') {
            const char q = s[j];
            while (++j < s.size() && s[j] != q) {}
          }
          if (s[j] == '!' && j + 1 < s.size() && s[j + 1] == '=') ++j;
          ++j;
        }
        if (j >= s.size()) fail(t, "f-string: expecting '}'");
        auto field = node(NodeKind::FormatField, t);
        field->kids.push_back(sub_expression(s.substr(i + 1, j - i - 1), t));
        if (s[j] == '!') {
          if (j + 1 >= s.size() || (s[j + 1] != 'r' && s[j + 1] != 's')) fail(t, "f-string: invalid conversion character");
          field->text = std::string(1, s[j + 1]);
          j += 2;
        }
        if (j < s.size() && s[j] == ':') {
          const size_t close = s.find('}', j);
          if (close == std::string::npos) fail(t, "f-string: expecting '}'");
          field->names.push_back(s.substr(j + 1, close - j - 1));
          j = close;
        }
        if (j >= s.size() || s[j] != '}') fail(t, "f-string: expecting '}'");
        n->kids.push_back(std::move(field));
        i = j;
      } else {
        literal += s[i];
      }
    }
    flush();
    return n;
  }

  static NodePtr sub_expression(const std::string& text, const Token& at) {
    std::vector<Token> toks;
    LexError le;
    if (!tokenize(text, toks, &le) || toks.empty() || toks[0].kind == Tok::Newline)
      fail(at, "f-string: invalid expression");
    for (auto& tok : toks) {
      tok.line = at.line;
      tok.col = at.col;
    }
    Parser sub(std::move(toks));
    auto e = sub.expr_list();
    if (sub.peek().kind != Tok::Newline && sub.peek().kind != Tok::End) fail(at, "f-string: invalid expression");
    return e;
  }

  std::vector<Token> t_;
  size_t i_ = 0;
  int nesting_ = 0;
};

}  // namespace

bool parse_program(std::string_view source, std::vector<NodePtr>& out, ParseError* error) {
  std::vector<Token> toks;
  LexError le;
  if (!tokenize(source, toks, &le)) {
    const bool unsupported = le.message.rfind("not supported in proclab: ", 0) == 0;
    *error = {le.line, le.col, unsupported ? le.message.substr(26) : le.message, unsupported};
    return false;
  }
  try {
    out = Parser(std::move(toks)).program();
    return true;
  } catch (ParseError& e) {
    *error = std::move(e);
    return false;
  }
}

}  // namespace proclab::lang
