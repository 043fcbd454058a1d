// Values of the snippet language. Sections:
//   1. lifetime: containers, cycle breaking, destruction
//   2. type names and truthiness       3. equality and ordering
//   4. repr and str (Python's printing)  5. deep copy (what fork copies)
#include "value.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "builtins.h"
#include "objects.h"

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
    switch (v.type()) {
      case Type::Dict: v.as<DictObj>().items.clear(); break;
      case Type::Iter: v.as<IterObj>().seq = Value(); break;
      case Type::List: v.as<ListObj>().items.clear(); break;
      case Type::Exc: {
        auto& e = v.as<ExcObj>();
        e.attrs.items.clear();
        e.args = e.cls = e.cause = e.arg = Value();
        break;
      }
      case Type::Function: {
        auto& f = v.as<FunctionObj>();
        f.defaults.clear();
        f.owner = Value();
        break;
      }
      case Type::Class: {
        auto& c = v.as<ClassObj>();
        c.attrs.items.clear();
        c.bases.clear();
        c.mro.clear();
        break;
      }
      case Type::Instance: {
        auto& i = v.as<InstanceObj>();
        i.attrs.items.clear();
        i.cls = Value();
        break;
      }
      case Type::Method: v.as<MethodObj>().self = v.as<MethodObj>().fn = Value(); break;
      case Type::Wrapper: v.as<WrapperObj>().fn = v.as<WrapperObj>().setter = Value(); break;
      case Type::Super: v.as<SuperObj>().cls = v.as<SuperObj>().self = Value(); break;
      default: break;
    }
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
    case Type::Function: delete static_cast<FunctionObj*>(o); break;
    case Type::Class: delete static_cast<ClassObj*>(o); break;
    case Type::Instance: delete static_cast<InstanceObj*>(o); break;
    case Type::Method: delete static_cast<MethodObj*>(o); break;
    case Type::Wrapper: delete static_cast<WrapperObj*>(o); break;
    case Type::Super: delete static_cast<SuperObj*>(o); break;
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
    case Type::Function: return "function";
    case Type::Class: return "type";
    case Type::Instance: return v.as<InstanceObj>().cls.as<ClassObj>().name.c_str();
    case Type::Method: return "method";
    case Type::Super: return "super";
    case Type::Wrapper: {
      const WrapperKind k = v.as<WrapperObj>().kind;
      return k == WrapperKind::StaticMethod ? "staticmethod" : k == WrapperKind::ClassMethod ? "classmethod" : "property";
    }
    case Type::Builtin: {
      const Fn f = static_cast<Fn>(v.i());
      return f == Fn::NotImplemented ? "NotImplementedType" : is_builtin_type(f) ? "type" : "builtin_function_or_method";
    }
    case Type::Module: return "module";
    case Type::ExcType: return "type";
    case Type::Str: return "str";
    case Type::List: return "list";
    case Type::Tuple: return "tuple";
    case Type::Dict: return "dict";
    case Type::Range: return "range";
    case Type::Iter: return "iterator";
    case Type::Exc: {
      const auto& e = v.as<ExcObj>();
      return e.cls.type() == Type::Class ? e.cls.as<ClassObj>().name.c_str() : exc_name(e.exc_type);
    }
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
    case Type::Instance: {
      Value out;
      if (call_dunder(v, "__bool__", {}, &out)) return truthy(out);
      if (call_dunder(v, "__len__", {}, &out)) return truthy(out);
      return true;
    }
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
  if (a.type() == Type::Instance || b.type() == Type::Instance) {
    Value out;
    const Value arg[1] = {b};
    if (a.type() == Type::Instance && call_dunder(a, "__eq__", arg, &out) && !is_not_implemented(out)) return truthy(out);
    const Value rarg[1] = {a};
    if (b.type() == Type::Instance && call_dunder(b, "__eq__", rarg, &out) && !is_not_implemented(out)) return truthy(out);
    return false;
  }
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

namespace {
// a OP b through the instances' __lt__/__le__/__gt__/__ge__ (the reflected one of b second).
bool rich_compare(const Value& a, const Value& b, std::string_view op, bool* result) {
  static constexpr std::pair<std::string_view, std::pair<const char*, const char*>> kOps[] = {
      {"<", {"__lt__", "__gt__"}}, {"<=", {"__le__", "__ge__"}}, {">", {"__gt__", "__lt__"}}, {">=", {"__ge__", "__le__"}}};
  for (const auto& [sym, names] : kOps) {
    if (sym != op) continue;
    Value out;
    const Value arg[1] = {b};
    if (a.type() == Type::Instance && call_dunder(a, names.first, arg, &out) && !is_not_implemented(out)) {
      *result = truthy(out);
      return true;
    }
    const Value rarg[1] = {a};
    if (b.type() == Type::Instance && call_dunder(b, names.second, rarg, &out) && !is_not_implemented(out)) {
      *result = truthy(out);
      return true;
    }
  }
  return false;
}
}  // namespace

bool ordered(const Value& a, const Value& b, const char* op) {
  if (a.type() == Type::Instance || b.type() == Type::Instance) {
    bool result = false;
    if (rich_compare(a, b, op, &result)) return result;
    raise(kTypeError, fmt::format("'{}' not supported between instances of '{}' and '{}'", op, type_name(a), type_name(b)));
  }
  const int c = compare(a, b, op);
  const std::string_view o = op;
  return o == "<" ? c < 0 : o == "<=" ? c <= 0 : o == ">" ? c > 0 : c >= 0;
}

int compare(const Value& a, const Value& b, const char* op) {
  if (a.type() == Type::Instance || b.type() == Type::Instance) {  // sorting objects: by __lt__
    if (ordered(a, b, "<")) return -1;
    return ordered(b, a, "<") ? 1 : 0;
  }
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
      if (e.args.type() == Type::Tuple) {
        const auto& items = e.args.as<ListObj>().items;
        std::string inner;
        for (size_t i = 0; i < items.size(); ++i) inner += (i ? ", " : "") + repr(items[i]);
        return fmt::format("{}({})", type_name(v), inner);
      }
      return fmt::format("{}({})", type_name(v), e.message.empty() ? "" : quote(to_str(v)));
    }
    case Type::Instance: {
      Value out;
      if (call_dunder(v, "__repr__", {}, &out)) {
        if (out.type() != Type::Str) raise(kTypeError, fmt::format("__repr__ returned non-string (type {})", type_name(out)));
        return out.as<StrObj>().s;
      }
      return fmt::format("<__main__.{} object at {:#x}>", type_name(v), 0x7f0000000000 + 0x10 * v.as<InstanceObj>().serial);
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
    case Type::Builtin: {
      const Fn f = static_cast<Fn>(v.i());
      if (f == Fn::NotImplemented) return "NotImplemented";
      if (is_builtin_type(f)) return fmt::format("<class '{}'>", fn_name(f));
      return fmt::format("<built-in function {}>", fn_name(f));
    }
    case Type::Module: return fmt::format("<module '{}'>", module_name(static_cast<Module>(v.i())));
    case Type::ExcType: return fmt::format("<class '{}'>", exc_name(static_cast<int>(v.i())));
    case Type::Str: return v.as<StrObj>().s;
    case Type::Range: {
      const auto& r = v.as<RangeObj>();
      return r.step == 1 ? fmt::format("range({}, {})", r.start, r.stop)
                         : fmt::format("range({}, {}, {})", r.start, r.stop, r.step);
    }
    case Type::Iter: return "<iterator>";
    case Type::Function: return fmt::format("<function {}>", function_name(v));
    case Type::Class: return fmt::format("<class '__main__.{}'>", v.as<ClassObj>().name);
    case Type::Method: return fmt::format("<bound method {} of {}>", function_name(v.as<MethodObj>().fn), repr(v.as<MethodObj>().self));
    case Type::Wrapper: return fmt::format("<{} object>", type_name(v));
    case Type::Super: return fmt::format("<super: <class '{}'>, <{} object>>", class_name(v.as<SuperObj>().cls), type_name(v.as<SuperObj>().self));
    case Type::Instance: {
      Value out;
      if (call_dunder(v, "__str__", {}, &out)) {
        if (out.type() != Type::Str) raise(kTypeError, fmt::format("__str__ returned non-string (type {})", type_name(out)));
        return out.as<StrObj>().s;
      }
      return repr(v);
    }
    case Type::Exc: {
      const auto& e = v.as<ExcObj>();
      Value out;
      if (e.cls.type() == Type::Class && call_dunder(v, "__str__", {}, &out)) {
        if (out.type() != Type::Str) raise(kTypeError, fmt::format("__str__ returned non-string (type {})", type_name(out)));
        return out.as<StrObj>().s;
      }
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
    case Type::Iter:
    case Type::Class:
    case Type::Instance:
    case Type::Exc: return true;
    case Type::Function: {
      const auto& f = v.as<FunctionObj>();
      if (f.owner.type() != Type::Undef) return true;
      for (const Value& d : f.defaults)
        if (has_mutable(d)) return true;
      return false;
    }
    case Type::Method: return has_mutable(v.as<MethodObj>().self) || has_mutable(v.as<MethodObj>().fn);
    case Type::Super: return true;
    case Type::Wrapper: return has_mutable(v.as<WrapperObj>().fn) || has_mutable(v.as<WrapperObj>().setter);
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
      Value copy = Value::adopt(new IterObj(Value(), it.cur));
      memo.emplace(v.obj(), copy);
      copy.as<IterObj>().seq = deep_copy(it.seq, memo);
      return copy;
    }
    case Type::Exc: {
      const auto& e = v.as<ExcObj>();
      Value copy = Value::adopt(new ExcObj(e.exc_type, e.message, e.err_no));
      memo.emplace(v.obj(), copy);
      auto& c = copy.as<ExcObj>();
      c.arg = deep_copy(e.arg, memo);
      c.args = deep_copy(e.args, memo);
      c.cls = deep_copy(e.cls, memo);
      c.cause = deep_copy(e.cause, memo);
      for (const auto& [k, val] : e.attrs.items) c.attrs.items.emplace_back(k, deep_copy(val, memo));
      return copy;
    }
    case Type::Function: {
      const auto& f = v.as<FunctionObj>();
      Value copy = Value::adopt(new FunctionObj(f.info, f.func, {}));
      memo.emplace(v.obj(), copy);
      for (const Value& d : f.defaults) copy.as<FunctionObj>().defaults.push_back(deep_copy(d, memo));
      copy.as<FunctionObj>().owner = deep_copy(f.owner, memo);
      return copy;
    }
    case Type::Class: {
      const auto& k = v.as<ClassObj>();
      Value copy = Value::adopt(new ClassObj(k.name));
      memo.emplace(v.obj(), copy);
      auto& c = copy.as<ClassObj>();
      c.exc_base = k.exc_base;
      for (const Value& b : k.bases) c.bases.push_back(deep_copy(b, memo));
      for (const Value& b : k.mro) c.mro.push_back(deep_copy(b, memo));
      for (const auto& [name, val] : k.attrs.items) c.attrs.items.emplace_back(name, deep_copy(val, memo));
      return copy;
    }
    case Type::Instance: {
      const auto& i = v.as<InstanceObj>();
      Value copy = Value::adopt(new InstanceObj(Value(), i.serial));
      memo.emplace(v.obj(), copy);
      auto& c = copy.as<InstanceObj>();
      c.cls = deep_copy(i.cls, memo);
      for (const auto& [name, val] : i.attrs.items) c.attrs.items.emplace_back(name, deep_copy(val, memo));
      return copy;
    }
    case Type::Method: {
      const auto& m = v.as<MethodObj>();
      Value copy = Value::adopt(new MethodObj(Value(), Value()));
      memo.emplace(v.obj(), copy);
      copy.as<MethodObj>().self = deep_copy(m.self, memo);
      copy.as<MethodObj>().fn = deep_copy(m.fn, memo);
      return copy;
    }
    case Type::Super: {
      const auto& su = v.as<SuperObj>();
      Value copy = Value::adopt(new SuperObj(Value(), Value()));
      memo.emplace(v.obj(), copy);
      copy.as<SuperObj>().cls = deep_copy(su.cls, memo);
      copy.as<SuperObj>().self = deep_copy(su.self, memo);
      return copy;
    }
    case Type::Wrapper: {
      const auto& w = v.as<WrapperObj>();
      Value copy = Value::adopt(new WrapperObj(w.kind, Value()));
      memo.emplace(v.obj(), copy);
      copy.as<WrapperObj>().fn = deep_copy(w.fn, memo);
      copy.as<WrapperObj>().setter = deep_copy(w.setter, memo);
      return copy;
    }
    default: return v;
  }
}

}  // namespace proclab::lang
