// Operators on values: arithmetic, comparison, indexing, slicing, iteration. Each raises
// (throws PyError) the TypeError/IndexError/... Python would.
#pragma once

#include "bytecode.h"
#include "value.h"

namespace proclab::lang {

// `in_place`: a += b extends a list a rather than building a new one.
Value binary(BinOp op, const Value& a, const Value& b, bool in_place);
Value unary(char op, const Value& a);
bool compare_op(CmpOp op, const Value& a, const Value& b);
bool contains(const Value& container, const Value& x);
std::int64_t length(const Value& v);

Value get_item(const Value& obj, const Value& index);
void set_item(const Value& obj, const Value& index, Value v);
Value slice(const Value& obj, const Value& start, const Value& stop, const Value& step);

// A loop position over a range, list, tuple, str or dict (keys).
Value get_iter(const Value& v);
// The next item into *out, or false when the iterator is exhausted.
bool iter_next(const Value& iter, Value* out);
// Every item of an iterable (ranges capped at kMaxItems).
std::vector<Value> items_of(const Value& v);

std::int64_t to_int(const Value& v, const char* what);  // int or bool, else TypeError

}  // namespace proclab::lang
