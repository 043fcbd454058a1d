// The compiled form of a snippet: one flat instruction array shared (immutable) by every
// process running it. A process's state is only its position, value stack and frames.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "proclab/lang.h"
#include "value.h"

namespace proclab::lang {

enum class Op : std::uint8_t {
  Stmt,          // a: line. Marks where a statement begins; executing one costs a tick.
  Const,         // push consts[a]
  Int,           // push integer a
  None, True, False,
  LoadGlobal,    // a: slot (falls back to the slot's built-in, else NameError)
  StoreGlobal,
  LoadLocal,     // a: slot in the current frame
  StoreLocal,
  Pop, Dup, Dup2, Rot2, Rot3,  // Rot3: [a b c] -> [c a b]
  Binary,        // a: BinOp; b: 1 when in place (+= on a list extends it)
  Unary,         // a: '-', '+', '~', '!' (not)
  Compare,       // a: CmpOp
  Jump,          // a: target
  JumpIfFalse,   // pops
  JumpIfTrue,    // pops
  JumpIfFalseOrPop, JumpIfTrueOrPop,  // and / or
  BuildList, BuildTuple,  // a: count
  BuildDict,     // a: pairs
  GetAttr,       // a: names index
  SetAttr,       // a: names index; [v obj] -> []
  MakeFunction,  // a: funcs index; b: count of default values on the stack (popped)
  ClassNamespace,  // in a class body: push a dict of the body's assigned names
  BuildClass,    // [name bases namespace] -> [class]
  LoadOwner,     // push the class whose body defined the running function (zero-argument super())
  GetItem, SetItem,       // [obj idx] -> [v];  [v obj idx] -> []
  Slice,         // [obj start stop step] -> [v]
  Unpack,        // a: count
  Call,          // a: positional count; b: keyword count (then a tuple of names is on top)
  CallMethod,    // a: positional count; b: keyword count; c: names index of the method;
                 // the stack holds [None obj args...]: the slot the method takes, then its object
  Return,
  GetIter,
  ForIter,       // a: exit target (pops the iterator there)
  SetupExcept,   // a: handler target
  PopExcept,
  Raise,         // a: 1 when an exception is on the stack, 2 when a cause (raise ... from) is above it
  ExcMatch,      // [exc type] -> [exc bool]
  Import,        // a: Module
  Format,        // a: conversion ('r', 's' or 0); b: 1 when a format spec string is on top
  BuildString,   // a: count
  End,           // end of the module: exit(0)
};

enum class BinOp : std::uint8_t { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, And, Or, Xor, Shl, Shr };
enum class CmpOp : std::uint8_t { Lt, Le, Eq, Ne, Gt, Ge, In, NotIn, Is, IsNot };

struct Ins {
  Op op;
  std::uint8_t b = 0;
  std::uint16_t c = 0;
  std::int32_t a = 0;
};

struct FuncInfo {
  std::string name;
  std::string qualname;        // Class.method for methods (CPython's TypeError messages)
  bool class_body = false;     // the body of a class statement, run once to fill the class
  std::int32_t entry = 0;      // pc of its first instruction
  std::int32_t params = 0;
  std::int32_t locals = 0;     // parameters included
  std::vector<std::string> local_names;
};

}  // namespace proclab::lang

namespace proclab {

struct CompiledProgram {
  LangOptions options;
  std::vector<lang::Ins> code;
  std::vector<lang::Value> consts;
  std::vector<std::string> names;         // attribute and method names
  std::vector<std::string> global_names;  // by slot
  std::vector<lang::Value> global_builtins;  // by slot: the built-in a slot falls back to (Undef: none)
  std::vector<lang::FuncInfo> funcs;
};

}  // namespace proclab
