// Sections: 1. arithmetic   2. comparison and membership   3. indexing and slicing
//           4. iteration
#include "operators.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "builtins.h"
#include "format.h"
#include "objects.h"

namespace proclab::lang {

namespace {

bool is_int(const Value& v) { return v.type() == Type::Int || v.type() == Type::Bool; }
bool is_num(const Value& v) { return is_int(v) || v.type() == Type::Float; }
double dbl(const Value& v) { return v.type() == Type::Float ? v.f() : static_cast<double>(v.i()); }

const char* op_symbol(BinOp op) {
  static constexpr const char* s[] = {"+", "-", "*", "/", "//", "%", "**", "&", "|", "^", "<<", ">>"};
  return s[static_cast<int>(op)];
}

[[noreturn]] void unsupported_operands(BinOp op, const Value& a, const Value& b) {
  raise(kTypeError, fmt::format("unsupported operand type(s) for {}: '{}' and '{}'", op_symbol(op),
                                type_name(a), type_name(b)));
}

// a op b through __add__ (a's) or __radd__ (b's), and += through __iadd__ first.
bool instance_binary(BinOp op, const Value& a, const Value& b, bool in_place, Value* out) {
  static constexpr const char* names[] = {"add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "and", "or", "xor", "lshift", "rshift"};
  const std::string n = names[static_cast<int>(op)];
  const Value arg[1] = {b};
  if (a.type() == Type::Instance) {
    if (in_place && call_dunder(a, "__i" + n + "__", arg, out) && !is_not_implemented(*out)) return true;
    if (call_dunder(a, "__" + n + "__", arg, out) && !is_not_implemented(*out)) return true;
  }
  const Value rarg[1] = {a};
  return b.type() == Type::Instance && call_dunder(b, "__r" + n + "__", rarg, out) && !is_not_implemented(*out);
}

[[noreturn]] void overflow() { raise(kOverflowError, "integer too large for proclab (64-bit integers)"); }

// x op y, or OverflowError beyond 64 bits.
template <class F>
std::int64_t checked(F op, std::int64_t x, std::int64_t y) {
  std::int64_t r = 0;
  if (op(x, y, &r)) overflow();
  return r;
}
bool add(std::int64_t x, std::int64_t y, std::int64_t* r) { return __builtin_add_overflow(x, y, r); }
bool sub(std::int64_t x, std::int64_t y, std::int64_t* r) { return __builtin_sub_overflow(x, y, r); }
bool mul(std::int64_t x, std::int64_t y, std::int64_t* r) { return __builtin_mul_overflow(x, y, r); }

Value int_op(BinOp op, std::int64_t x, std::int64_t y) {
  switch (op) {
    case BinOp::Add: return Value::integer(checked(add, x, y));
    case BinOp::Sub: return Value::integer(checked(sub, x, y));
    case BinOp::Mul: return Value::integer(checked(mul, x, y));
    case BinOp::Div:
      if (y == 0) raise(kZeroDivisionError, "division by zero");
      return Value::real(static_cast<double>(x) / static_cast<double>(y));
    case BinOp::FloorDiv:
    case BinOp::Mod: {
      if (y == 0) raise(kZeroDivisionError, "integer division or modulo by zero");
      if (x == INT64_MIN && y == -1) overflow();
      std::int64_t q = x / y, m = x % y;
      if (m != 0 && ((m < 0) != (y < 0))) {
        --q;
        m += y;
      }
      return Value::integer(op == BinOp::FloorDiv ? q : m);
    }
    case BinOp::Pow: {
      if (y < 0) return Value::real(std::pow(static_cast<double>(x), static_cast<double>(y)));
      std::int64_t result = 1, base = x;
      while (y > 0) {
        if (y & 1) result = checked(mul, result, base);
        y >>= 1;
        if (y > 0) base = checked(mul, base, base);
      }
      return Value::integer(result);
    }
    case BinOp::And: return Value::integer(x & y);
    case BinOp::Or: return Value::integer(x | y);
    case BinOp::Xor: return Value::integer(x ^ y);
    case BinOp::Shl:
      if (y < 0) raise(kValueError, "negative shift count");
      if (y >= 63 || (x != 0 && (x > (INT64_MAX >> y) || x < (INT64_MIN >> y)))) overflow();
      return Value::integer(x << y);
    case BinOp::Shr:
      if (y < 0) raise(kValueError, "negative shift count");
      return Value::integer(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
  }
  return Value::none();
}

Value float_op(BinOp op, double x, double y, const Value& a, const Value& b) {
  switch (op) {
    case BinOp::Add: return Value::real(x + y);
    case BinOp::Sub: return Value::real(x - y);
    case BinOp::Mul: return Value::real(x * y);
    case BinOp::Div:
      if (y == 0) raise(kZeroDivisionError, "float division by zero");
      return Value::real(x / y);
    case BinOp::FloorDiv:
      if (y == 0) raise(kZeroDivisionError, "float floor division by zero");
      return Value::real(std::floor(x / y));
    case BinOp::Mod: {
      if (y == 0) raise(kZeroDivisionError, "float modulo");
      double m = std::fmod(x, y);
      if (m != 0 && ((m < 0) != (y < 0))) m += y;
      return Value::real(m);
    }
    case BinOp::Pow: return Value::real(std::pow(x, y));
    default: unsupported_operands(op, a, b);
  }
}

Value repeat(const Value& seq, std::int64_t n) {
  if (n < 0) n = 0;
  if (seq.type() == Type::Str) {
    const std::string& s = seq.as<StrObj>().s;
    if (s.empty()) return Value::str("");  // '' * 2**63-1 is '' at once
    if (n > kMaxItems / static_cast<std::int64_t>(s.size())) raise(kMemoryError, "string too long for proclab");
    std::string out;
    for (std::int64_t i = 0; i < n; ++i) out += s;
    return Value::str(std::move(out));
  }
  const auto& items = seq.as<ListObj>().items;
  if (items.empty()) n = 0;  // [] * 2**63-1 is [] at once
  if (n > 0 && n > kMaxItems / static_cast<std::int64_t>(items.size())) raise(kMemoryError, "list too long for proclab");
  std::vector<Value> out;
  for (std::int64_t i = 0; i < n; ++i) out.insert(out.end(), items.begin(), items.end());
  return seq.type() == Type::List ? Value::list(std::move(out)) : Value::tuple(std::move(out));
}

}  // namespace

std::int64_t to_int(const Value& v, const char* what) {
  if (!is_int(v)) raise(kTypeError, fmt::format("{} must be an integer, not '{}'", what, type_name(v)));
  return v.i();
}

// ---- 1. arithmetic ------------------------------------------------------------------------

Value binary(BinOp op, const Value& a, const Value& b, bool in_place) {
  if (is_int(a) && is_int(b)) return int_op(op, a.i(), b.i());
  if (is_num(a) && is_num(b)) return float_op(op, dbl(a), dbl(b), a, b);
  const Type ta = a.type(), tb = b.type();
  if (op == BinOp::Add) {
    if (ta == Type::Str && tb == Type::Str) {
      const auto& x = a.as<StrObj>().s;
      const auto& y = b.as<StrObj>().s;
      if (x.size() + y.size() > static_cast<size_t>(kMaxItems)) raise(kMemoryError, "string too long for proclab");
      return Value::str(x + y);
    }
    if ((ta == Type::List || ta == Type::Tuple) && ta == tb) {
      const auto& y = b.as<ListObj>().items;
      if (a.as<ListObj>().items.size() + y.size() > static_cast<size_t>(kMaxItems)) raise(kMemoryError, "list too long for proclab");
      if (in_place && ta == Type::List) {
        const std::vector<Value> copy = y;  // a += a
        a.as<ListObj>().items.insert(a.as<ListObj>().items.end(), copy.begin(), copy.end());
        return a;
      }
      std::vector<Value> items = a.as<ListObj>().items;
      items.insert(items.end(), y.begin(), y.end());
      return ta == Type::List ? Value::list(std::move(items)) : Value::tuple(std::move(items));
    }
    if (ta == Type::Str || tb == Type::Str)
      raise(kTypeError, ta == Type::Str ? fmt::format("can only concatenate str (not \"{}\") to str", type_name(b))
                                        : fmt::format("unsupported operand type(s) for +: '{}' and 'str'", type_name(a)));
  }
  if (op == BinOp::Mul) {
    const bool seq_a = ta == Type::Str || ta == Type::List || ta == Type::Tuple;
    const bool seq_b = tb == Type::Str || tb == Type::List || tb == Type::Tuple;
    if (seq_a && is_int(b)) return repeat(a, b.i());
    if (seq_b && is_int(a)) return repeat(b, a.i());
  }
  if (op == BinOp::Mod && ta == Type::Str) return Value::str(percent_format(a.as<StrObj>().s, b));
  if (ta == Type::Instance || tb == Type::Instance) {
    Value out;
    if (instance_binary(op, a, b, in_place, &out)) return out;
  }
  unsupported_operands(op, a, b);
}

Value unary(char op, const Value& a) {
  if (op == '!') return Value::boolean(!truthy(a));
  if (is_int(a)) {
    if (op == '-') {
      if (a.i() == INT64_MIN) overflow();
      return Value::integer(-a.i());
    }
    if (op == '+') return Value::integer(a.i());
    if (op == '~') return Value::integer(~a.i());
  }
  if (a.type() == Type::Float && op != '~') return Value::real(op == '-' ? -a.f() : a.f());
  if (a.type() == Type::Instance) {
    Value out;
    if (call_dunder(a, op == '-' ? "__neg__" : op == '+' ? "__pos__" : "__invert__", {}, &out)) return out;
  }
  raise(kTypeError, fmt::format("bad operand type for unary {}: '{}'", op, type_name(a)));
}

// ---- 2. comparison and membership -----------------------------------------------------------

bool contains(const Value& c, const Value& x) {
  switch (c.type()) {
    case Type::Str:
      if (x.type() != Type::Str) raise(kTypeError, fmt::format("'in <string>' requires string as left operand, not {}", type_name(x)));
      return c.as<StrObj>().s.find(x.as<StrObj>().s) != std::string::npos;
    case Type::List:
    case Type::Tuple:
      for (const Value& item : c.as<ListObj>().items)
        if (equals(item, x)) return true;
      return false;
    case Type::Dict:
      for (const auto& [k, v] : c.as<DictObj>().items)
        if (equals(k, x)) return true;
      return false;
    case Type::Range: {
      if (!is_int(x)) return false;
      const auto& r = c.as<RangeObj>();
      const std::int64_t v = x.i();
      const bool inside = r.step > 0 ? (v >= r.start && v < r.stop) : (v <= r.start && v > r.stop);
      return inside && (v - r.start) % r.step == 0;
    }
    case Type::Instance: {
      Value out;
      const Value arg[1] = {x};
      if (call_dunder(c, "__contains__", arg, &out)) return truthy(out);
      const Value it = get_iter(c);
      Value item;
      while (iter_next(it, &item))
        if (equals(item, x)) return true;
      return false;
    }
    default: raise(kTypeError, fmt::format("argument of type '{}' is not iterable", type_name(c)));
  }
}

bool compare_op(CmpOp op, const Value& a, const Value& b) {
  switch (op) {
    case CmpOp::Eq: return equals(a, b);
    case CmpOp::Ne: return !equals(a, b);
    case CmpOp::Lt: return compare(a, b, "<") < 0;
    case CmpOp::Le: return compare(a, b, "<=") <= 0;
    case CmpOp::Gt: return compare(a, b, ">") > 0;
    case CmpOp::Ge: return compare(a, b, ">=") >= 0;
    case CmpOp::In: return contains(b, a);
    case CmpOp::NotIn: return !contains(b, a);
    case CmpOp::Is:
    case CmpOp::IsNot: {
      bool same = a.type() == b.type() && (a.is_heap() ? a.obj() == b.obj() : a.i() == b.i());
      return op == CmpOp::Is ? same : !same;
    }
  }
  return false;
}

// ---- 3. indexing and slicing --------------------------------------------------------------

namespace {

// Byte offsets of each character of a UTF-8 string.
std::vector<size_t> char_offsets(const std::string& s) {
  std::vector<size_t> at;
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) at.push_back(i);
  return at;
}

std::string char_at(const std::string& s, const std::vector<size_t>& at, size_t i) {
  const size_t end = i + 1 < at.size() ? at[i + 1] : s.size();
  return s.substr(at[i], end - at[i]);
}

std::int64_t normalize_index(const Value& index, std::int64_t size, const char* what) {
  std::int64_t i = to_int(index, fmt::format("{} indices", what).c_str());
  if (i < 0) i += size;
  if (i < 0 || i >= size) raise(kIndexError, fmt::format("{} index out of range", what));
  return i;
}

}  // namespace

std::int64_t length(const Value& v) {
  switch (v.type()) {
    case Type::Str: return static_cast<std::int64_t>(char_offsets(v.as<StrObj>().s).size());
    case Type::List:
    case Type::Tuple: return static_cast<std::int64_t>(v.as<ListObj>().items.size());
    case Type::Dict: return static_cast<std::int64_t>(v.as<DictObj>().items.size());
    case Type::Range: return v.as<RangeObj>().size();
    case Type::Instance: {
      Value out;
      if (!call_dunder(v, "__len__", {}, &out)) break;
      if (out.type() != Type::Int && out.type() != Type::Bool)
        raise(kTypeError, fmt::format("'{}' object cannot be interpreted as an integer", type_name(out)));
      if (out.i() < 0) raise(kValueError, "__len__() should return >= 0");
      return out.i();
    }
    default: break;
  }
  raise(kTypeError, fmt::format("object of type '{}' has no len()", type_name(v)));
}

Value get_item(const Value& obj, const Value& index) {
  switch (obj.type()) {
    case Type::List:
    case Type::Tuple: {
      const auto& items = obj.as<ListObj>().items;
      return items[static_cast<size_t>(normalize_index(index, static_cast<std::int64_t>(items.size()),
                                                        obj.type() == Type::List ? "list" : "tuple"))];
    }
    case Type::Str: {
      const std::string& s = obj.as<StrObj>().s;
      const auto at = char_offsets(s);
      return Value::str(char_at(s, at, static_cast<size_t>(normalize_index(index, static_cast<std::int64_t>(at.size()), "string"))));
    }
    case Type::Range: {
      const auto& r = obj.as<RangeObj>();
      return Value::integer(r.start + r.step * normalize_index(index, r.size(), "range object"));
    }
    case Type::Dict:
      for (const auto& [k, v] : obj.as<DictObj>().items)
        if (equals(k, index)) return v;
      raise(kKeyError, repr(index));
    case Type::Instance: {
      Value out;
      const Value arg[1] = {index};
      if (call_dunder(obj, "__getitem__", arg, &out)) return out;
      [[fallthrough]];
    }
    default: raise(kTypeError, fmt::format("'{}' object is not subscriptable", type_name(obj)));
  }
}

void set_item(const Value& obj, const Value& index, Value v) {
  if (obj.type() == Type::List) {
    auto& items = obj.as<ListObj>().items;
    items[static_cast<size_t>(normalize_index(index, static_cast<std::int64_t>(items.size()), "list assignment"))] = std::move(v);
    return;
  }
  if (obj.type() == Type::Dict) {
    if (has_mutable(index)) raise(kTypeError, fmt::format("unhashable type: '{}'", type_name(index)));
    auto& items = obj.as<DictObj>().items;
    for (auto& [k, old] : items)
      if (equals(k, index)) {
        old = std::move(v);
        return;
      }
    if (static_cast<std::int64_t>(items.size()) >= kMaxItems) raise(kMemoryError, "dict too large for proclab");
    items.emplace_back(index, std::move(v));
    return;
  }
  if (obj.type() == Type::Instance) {
    Value out;
    const Value args[2] = {index, std::move(v)};
    if (call_dunder(obj, "__setitem__", args, &out)) return;
  }
  raise(kTypeError, fmt::format("'{}' object does not support item assignment", type_name(obj)));
}

Value slice(const Value& obj, const Value& start_v, const Value& stop_v, const Value& step_v) {
  const bool is_str = obj.type() == Type::Str;
  if (!is_str && obj.type() != Type::List && obj.type() != Type::Tuple)
    raise(kTypeError, fmt::format("'{}' object is not subscriptable", type_name(obj)));
  const std::string* s = is_str ? &obj.as<StrObj>().s : nullptr;
  const auto at = is_str ? char_offsets(*s) : std::vector<size_t>();
  const std::int64_t n = is_str ? static_cast<std::int64_t>(at.size()) : static_cast<std::int64_t>(obj.as<ListObj>().items.size());
  const std::int64_t step = step_v.type() == Type::None ? 1 : to_int(step_v, "slice indices");
  if (step == 0) raise(kValueError, "slice step cannot be zero");
  auto bound = [&](const Value& v, std::int64_t dflt) {
    if (v.type() == Type::None) return dflt;
    std::int64_t i = to_int(v, "slice indices");
    if (i < 0) i += n;
    return step > 0 ? std::clamp<std::int64_t>(i, 0, n) : std::clamp<std::int64_t>(i, -1, n - 1);
  };
  const std::int64_t start = bound(start_v, step > 0 ? 0 : n - 1);
  const std::int64_t stop = bound(stop_v, step > 0 ? n : -1);
  std::string out_s;
  std::vector<Value> out;
  for (std::int64_t i = start; step > 0 ? i < stop : i > stop; i += step) {
    if (is_str)
      out_s += char_at(*s, at, static_cast<size_t>(i));
    else
      out.push_back(obj.as<ListObj>().items[static_cast<size_t>(i)]);
  }
  if (is_str) return Value::str(std::move(out_s));
  return obj.type() == Type::List ? Value::list(std::move(out)) : Value::tuple(std::move(out));
}

// ---- 4. iteration -------------------------------------------------------------------------

Value get_iter(const Value& v) {
  switch (v.type()) {
    case Type::Range: return Value::adopt(new IterObj(v, v.as<RangeObj>().start));
    case Type::List:
    case Type::Tuple:
    case Type::Str:
    case Type::Dict: return Value::adopt(new IterObj(v, 0));
    case Type::Iter: return v;
    case Type::Instance: {
      Value out;
      if (call_dunder(v, "__iter__", {}, &out)) {
        if (out.type() != Type::Iter && !(out.type() == Type::Instance && class_lookup(class_of(out), "__next__")))
          raise(kTypeError, fmt::format("iter() returned non-iterator of type '{}'", type_name(out)));
        return out;
      }
      if (class_lookup(class_of(v), "__getitem__")) return Value::adopt(new IterObj(v, 0));  // the old protocol
      [[fallthrough]];
    }
    default: raise(kTypeError, fmt::format("'{}' object is not iterable", type_name(v)));
  }
}

bool iter_next(const Value& iter, Value* out) {
  if (iter.type() == Type::Instance) return call_next(iter, out);
  auto& it = iter.as<IterObj>();
  const Value& seq = it.seq;
  switch (seq.type()) {
    case Type::Range: {
      const auto& r = seq.as<RangeObj>();
      if (r.step > 0 ? it.cur >= r.stop : it.cur <= r.stop) return false;
      *out = Value::integer(it.cur);
      it.cur += r.step;
      return true;
    }
    case Type::List:
    case Type::Tuple: {
      const auto& items = seq.as<ListObj>().items;
      if (it.cur >= static_cast<std::int64_t>(items.size())) return false;
      *out = items[static_cast<size_t>(it.cur++)];
      return true;
    }
    case Type::Dict: {
      const auto& items = seq.as<DictObj>().items;
      if (it.cur >= static_cast<std::int64_t>(items.size())) return false;
      *out = items[static_cast<size_t>(it.cur++)].first;
      return true;
    }
    case Type::Str: {
      const std::string& s = seq.as<StrObj>().s;
      auto i = static_cast<size_t>(it.cur);
      if (i >= s.size()) return false;
      size_t end = i + 1;
      while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
      *out = Value::str(s.substr(i, end - i));
      it.cur = static_cast<std::int64_t>(end);
      return true;
    }
    case Type::Instance: {  // obj[0], obj[1], ... until IndexError
      const Value index[1] = {Value::integer(it.cur)};
      if (!call_getitem_until_index_error(seq, index[0], out)) return false;
      ++it.cur;
      return true;
    }
    default: return false;
  }
}

std::vector<Value> items_of(const Value& v) {
  if (v.type() == Type::List || v.type() == Type::Tuple) return v.as<ListObj>().items;
  if (v.type() == Type::Range && v.as<RangeObj>().size() > kMaxItems) raise(kMemoryError, "range too large for proclab");
  std::vector<Value> out;
  const Value it = get_iter(v);
  Value item;
  while (iter_next(it, &item)) out.push_back(item);
  return out;
}

}  // namespace proclab::lang
