// Values of the snippet language. Sections:
//   1. lifetime: containers, cycle breaking, destruction
//   2. type names and truthiness       3. equality and ordering
//   4. repr and str (Python's printing)  5. deep copy (what fork copies)
#include "value.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "builtins.h"

namespace proclab::lang {

Value Value::str(std::string s) { return adopt(new StrObj(std::move(s))); }
Value Value::list(std::vector<Value> items) { return adopt(new ListObj(Type::List, std::move(items))); }
Value Value::tuple(std::vector<Value> items) { return adopt(new ListObj(Type::Tuple, std::move(items))); }
Value Value::dict() { return adopt(new DictObj()); }
Value Value::range(std::int64_t a, std::int64_t b, std::int64_t c) { return adopt(new RangeObj(a, b, c)); }

namespace {
thread_local Container* g_containers = nullptr;  // every live container of this thread
}  // namespace

// Tuples are not registered: they are immutable, so every cycle passes through a list, dict or
// loop position (and compiled constants, which are tuples, are never emptied).
Container::Container(Type t) : Obj(t) {
  if (t == Type::Tuple) return;
  next = g_containers;
  if (next) next->prev = this;
  g_containers = this;
}

Container::~Container() {
  if (type == Type::Tuple) return;
  if (prev) prev->next = next;
  else g_containers = next;
  if (next) next->prev = prev;
}

void break_cycles() {
  std::vector<Value> alive;  // held, so that emptying one container frees none of the others
  for (Container* c = g_containers; c; c = c->next) {
    ++c->rc;
    alive.push_back(Value::adopt(c));
  }
  for (Value& v : alive) {
    if (v.type() == Type::Dict) v.as<DictObj>().items.clear();
    else if (v.type() == Type::Iter) v.as<IterObj>().seq = Value();
    else v.as<ListObj>().items.clear();  // a list
  }
}

void Value::destroy(Obj* o) {
  switch (o->type) {
    case Type::Str: delete static_cast<StrObj*>(o); break;
    case Type::List:
    case Type::Tuple: delete static_cast<ListObj*>(o); break;
    case Type::Dict: delete static_cast<DictObj*>(o); break;
    case Type::Range: delete static_cast<RangeObj*>(o); break;
    case Type::Iter: delete static_cast<IterObj*>(o); break;
    case Type::Exc: delete static_cast<ExcObj*>(o); break;
    default: break;
  }
}

std::int64_t RangeObj::size() const {
  if (step > 0) return start < stop ? (stop - start + step - 1) / step : 0;
  return start > stop ? (start - stop - step - 1) / -step : 0;
}

void raise(int exc_type, std::string message) { throw PyError{exc_type, std::move(message), 0}; }

const char* type_name(const Value& v) {
  switch (v.type()) {
    case Type::Undef: return "undefined";
    case Type::None: return "NoneType";
    case Type::Bool: return "bool";
    case Type::Int: return "int";
    case Type::Float: return "float";
    case Type::Func: return "function";
    case Type::Builtin: return "builtin_function_or_method";
    case Type::Module: return "module";
    case Type::ExcType: return "type";
    case Type::Str: return "str";
    case Type::List: return "list";
    case Type::Tuple: return "tuple";
    case Type::Dict: return "dict";
    case Type::Range: return "range";
    case Type::Iter: return "iterator";
    case Type::Exc: return exc_name(v.as<ExcObj>().exc_type);
  }
  return "object";
}

bool truthy(const Value& v) {
  switch (v.type()) {
    case Type::None: return false;
    case Type::Bool:
    case Type::Int: return v.i() != 0;
    case Type::Float: return v.f() != 0.0;
    case Type::Str: return !v.as<StrObj>().s.empty();
    case Type::List:
    case Type::Tuple: return !v.as<ListObj>().items.empty();
    case Type::Dict: return !v.as<DictObj>().items.empty();
    case Type::Range: return v.as<RangeObj>().size() > 0;
    default: return true;
  }
}

namespace {
bool is_number(const Value& v) { return v.type() == Type::Int || v.type() == Type::Bool || v.type() == Type::Float; }
double as_double(const Value& v) { return v.type() == Type::Float ? v.f() : static_cast<double>(v.i()); }
}  // namespace

namespace {
// Nested containers compare and print recursively; a list that contains itself must not
// recurse forever (Python prints [...]).
constexpr int kMaxDepth = 200;
thread_local int g_depth = 0;
struct Depth {
  Depth() {
    if (++g_depth > kMaxDepth) {
      --g_depth;
      raise(kRecursionError, "maximum recursion depth exceeded in comparison");
    }
  }
  ~Depth() { --g_depth; }
};
thread_local std::vector<const Obj*> g_printing;  // containers repr() is inside of
}  // namespace

bool equals(const Value& a, const Value& b) {
  if (a.is_heap() && b.is_heap() && a.obj() == b.obj()) return true;
  if (is_number(a) && is_number(b)) {
    if (a.type() != Type::Float && b.type() != Type::Float) return a.i() == b.i();
    return as_double(a) == as_double(b);
  }
  if (a.type() != b.type()) return false;
  const Depth depth;
  switch (a.type()) {
    case Type::Str: return a.as<StrObj>().s == b.as<StrObj>().s;
    case Type::List:
    case Type::Tuple: {
      const auto& x = a.as<ListObj>().items;
      const auto& y = b.as<ListObj>().items;
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i)
        if (!equals(x[i], y[i])) return false;
      return true;
    }
    case Type::Dict: {
      const auto& x = a.as<DictObj>().items;
      const auto& y = b.as<DictObj>().items;
      if (x.size() != y.size()) return false;
      for (const auto& [k, v] : x) {
        bool found = false;
        for (const auto& [k2, v2] : y)
          if (equals(k, k2)) {
            found = equals(v, v2);
            break;
          }
        if (!found) return false;
      }
      return true;
    }
    case Type::Range:
    case Type::Iter:
    case Type::Exc: return a.obj() == b.obj();
    default: return a.i() == b.i();
  }
}

int compare(const Value& a, const Value& b, const char* op) {
  if (is_number(a) && is_number(b)) {
    if (a.type() != Type::Float && b.type() != Type::Float) return a.i() < b.i() ? -1 : a.i() > b.i();
    const double x = as_double(a), y = as_double(b);
    return x < y ? -1 : x > y;
  }
  if (a.type() == Type::Str && b.type() == Type::Str) {
    const int c = a.as<StrObj>().s.compare(b.as<StrObj>().s);
    return c < 0 ? -1 : c > 0;
  }
  if (a.type() == b.type() && (a.type() == Type::List || a.type() == Type::Tuple)) {
    const Depth depth;
    const auto& x = a.as<ListObj>().items;
    const auto& y = b.as<ListObj>().items;
    for (size_t i = 0; i < x.size() && i < y.size(); ++i)
      if (!equals(x[i], y[i])) return compare(x[i], y[i], op);
    return x.size() < y.size() ? -1 : x.size() > y.size();
  }
  raise(kTypeError, fmt::format("'{}' not supported between instances of '{}' and '{}'", op,
                                type_name(a), type_name(b)));
}

namespace {
std::string quote(const std::string& s) {
  const char q = s.find('\'') != std::string::npos && s.find('"') == std::string::npos ? '"' : '\'';
  std::string out(1, q);
  for (char c : s) {
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default:
        if (c == q) out += '\\';
        out += c;
    }
  }
  return out + q;
}

std::string float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  std::string s = fmt::format("{}", d);
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return s;
}
}  // namespace

std::string repr(const Value& v) {
  if (v.type() == Type::List || v.type() == Type::Dict || v.type() == Type::Tuple) {
    if (std::find(g_printing.begin(), g_printing.end(), v.obj()) != g_printing.end())
      return v.type() == Type::Dict ? "{...}" : "[...]";
    if (g_printing.size() >= kMaxDepth) return "...";
  }
  struct Printing {
    explicit Printing(const Value& v) : heap(v.is_heap()) {
      if (heap) g_printing.push_back(v.obj());
    }
    ~Printing() {
      if (heap) g_printing.pop_back();
    }
    bool heap;
  } printing(v);
  switch (v.type()) {
    case Type::Str: return quote(v.as<StrObj>().s);
    case Type::List:
    case Type::Tuple: {
      const auto& items = v.as<ListObj>().items;
      const bool list = v.type() == Type::List;
      std::string out = list ? "[" : "(";
      for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + repr(items[i]);
      if (!list && items.size() == 1) out += ",";
      return out + (list ? "]" : ")");
    }
    case Type::Dict: {
      std::string out = "{";
      bool first = true;
      for (const auto& [k, val] : v.as<DictObj>().items) {
        out += (first ? "" : ", ") + repr(k) + ": " + repr(val);
        first = false;
      }
      return out + "}";
    }
    case Type::Exc: {
      const auto& e = v.as<ExcObj>();
      return fmt::format("{}({})", exc_name(e.exc_type), e.message.empty() ? "" : quote(to_str(v)));
    }
    default: return to_str(v);
  }
}

std::string to_str(const Value& v) {
  switch (v.type()) {
    case Type::Undef: return "<undefined>";
    case Type::None: return "None";
    case Type::Bool: return v.i() ? "True" : "False";
    case Type::Int: return std::to_string(v.i());
    case Type::Float: return float_repr(v.f());
    case Type::Func: return "<function>";
    case Type::Builtin: return fmt::format("<built-in function {}>", fn_name(static_cast<Fn>(v.i())));
    case Type::Module: return fmt::format("<module '{}'>", module_name(static_cast<Module>(v.i())));
    case Type::ExcType: return fmt::format("<class '{}'>", exc_name(static_cast<int>(v.i())));
    case Type::Str: return v.as<StrObj>().s;
    case Type::Range: {
      const auto& r = v.as<RangeObj>();
      return r.step == 1 ? fmt::format("range({}, {})", r.start, r.stop)
                         : fmt::format("range({}, {}, {})", r.start, r.stop, r.step);
    }
    case Type::Iter: return "<iterator>";
    case Type::Exc: {
      const auto& e = v.as<ExcObj>();
      if (e.err_no) return fmt::format("[Errno {}] {}", e.err_no, e.message);
      return e.message;
    }
    default: return repr(v);
  }
}

bool has_mutable(const Value& v) {
  switch (v.type()) {
    case Type::List:
    case Type::Dict:
    case Type::Iter: return true;
    case Type::Tuple:
      for (const Value& item : v.as<ListObj>().items)
        if (has_mutable(item)) return true;
      return false;
    default: return false;
  }
}

Value deep_copy(const Value& v, std::unordered_map<Obj*, Value>& memo) {
  if (!has_mutable(v)) return v;
  if (auto it = memo.find(v.obj()); it != memo.end()) return it->second;
  switch (v.type()) {
    case Type::List:
    case Type::Tuple: {
      Value copy = Value::adopt(new ListObj(v.type(), {}));
      memo.emplace(v.obj(), copy);
      auto& items = copy.as<ListObj>().items;
      for (const Value& item : v.as<ListObj>().items) items.push_back(deep_copy(item, memo));
      return copy;
    }
    case Type::Dict: {
      Value copy = Value::dict();
      memo.emplace(v.obj(), copy);
      for (const auto& [k, val] : v.as<DictObj>().items)
        copy.as<DictObj>().items.emplace_back(k, deep_copy(val, memo));
      return copy;
    }
    case Type::Iter: {
      const auto& it = v.as<IterObj>();
      Value copy = Value::adopt(new IterObj(deep_copy(it.seq, memo), it.cur));
      memo.emplace(v.obj(), copy);
      return copy;
    }
    default: return v;
  }
}

}  // namespace proclab::lang
