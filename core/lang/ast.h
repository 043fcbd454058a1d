// The snippet language's syntax tree: one node type, its fields used by kind (see each kind).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace proclab::lang {

enum class NodeKind : std::uint8_t {
  // expressions
  Name,       // text
  Int,        // ival
  Float,      // fval
  Str,        // text
  True, False, None,
  FString,    // kids: Str parts and FormatField parts
  FormatField,  // kids[0] expr; text: conversion ("r", "s" or ""); names[0]: format spec, if any
  BinOp,      // text: operator; kids: left, right
  UnaryOp,    // text: "-", "+", "~", "not"
  And, Or,    // kids: left, right
  Compare,    // kids: operands; names: operators ("<", "in", "not in", "is", "is not", ...)
  Call,       // kids[0]: callee, then arguments (Keyword nodes last)
  Keyword,    // text: name; kids[0]: value
  Attr,       // kids[0]: object; text: attribute
  Subscript,  // kids: object, index
  Slice,      // kids: start, stop, step (None nodes when omitted)
  List, Tuple, Dict,  // kids (Dict: key, value, key, value, ...)
  IfExp,      // kids: test, then, else
  // statements
  ExprStmt,   // kids[0]
  Assign,     // kids: targets..., value (last)
  AugAssign,  // text: operator ("+"); kids: target, value
  If,         // kids[0]: test; body; orelse
  While,      // kids[0]: test; body
  For,        // kids: target, iterable; body
  Break, Continue, Pass,
  Def,        // text: name; names: parameters; kids: defaults of the last parameters; body;
              // decorators
  Class,      // text: name; kids: bases; body; decorators
  Return,     // kids: optional value
  Global,     // names
  Import,     // names: module, alias, module, alias, ...
  FromImport, // text: module; names: name, alias, ...
  Try,        // body; kids: ExceptHandler nodes; orelse; finalbody
  ExceptHandler,  // kids: optional type; text: "as" name or ""; body
  Raise,      // kids: optional exception, optional cause (raise ... from ...)
  Assert,     // kids: test, optional message
};

struct Node;
using NodePtr = std::unique_ptr<Node>;

struct Node {
  NodeKind kind = NodeKind::Pass;
  int line = 0;
  int col = 0;
  std::string text;
  std::int64_t ival = 0;
  double fval = 0;
  std::vector<NodePtr> kids;
  std::vector<std::string> names;
  std::vector<NodePtr> body, orelse, finalbody;
  std::vector<NodePtr> decorators;  // Def, Class: @expressions, outermost first
};

// Parse failures: `unsupported` ones are constructs outside the subset.
struct ParseError {
  int line = 0;
  int col = 0;
  std::string message;
  bool unsupported = false;
};

// Parses a whole program into its statements. On failure returns false and fills *error.
bool parse_program(std::string_view source, std::vector<NodePtr>& out, ParseError* error);

}  // namespace proclab::lang
