// What the built-ins do when called. Sections:
//   1. argument checks   2. built-in functions and the simulated modules (system calls)
//   3. methods of str, list and dict
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "builtins.h"
#include "format.h"
#include "interpreter.h"
#include "objects.h"
#include "operators.h"

namespace proclab::lang {

namespace {

// ---- 1. argument checks -------------------------------------------------------------------

void arity(const std::string& name, std::span<Value> args, size_t min, size_t max) {
  if (args.size() >= min && args.size() <= max) return;
  if (min == max)
    raise(kTypeError, fmt::format("{}() takes {} argument{} ({} given)", name, min, min == 1 ? "" : "s", args.size()));
  raise(kTypeError, fmt::format("{}() takes from {} to {} arguments ({} given)", name, min, max, args.size()));
}

void no_keywords(const std::string& name, std::span<const Value> kw_names) {
  if (!kw_names.empty())
    raise(kTypeError, fmt::format("{}() got an unexpected keyword argument '{}'", name, kw_names[0].as<StrObj>().s));
}

// The keyword argument `key`, or nullptr; any other keyword is a TypeError.
const Value* keyword(const std::string& fn, std::span<const Value> values, std::span<const Value> names,
                     std::initializer_list<const char*> allowed, const char* key) {
  const Value* found = nullptr;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string& n = names[i].as<StrObj>().s;
    bool ok = false;
    for (const char* a : allowed) ok = ok || n == a;
    if (!ok) raise(kTypeError, fmt::format("{}() got an unexpected keyword argument '{}'", fn, n));
    if (n == key) found = &values[i];
  }
  return found;
}

double to_double(const Value& v, const char* what) {
  if (v.type() == Type::Float) return v.f();
  if (v.type() == Type::Int || v.type() == Type::Bool) return static_cast<double>(v.i());
  raise(kTypeError, fmt::format("{} must be a number, not '{}'", what, type_name(v)));
}

const std::string& to_string_arg(const Value& v, const char* what) {
  if (v.type() != Type::Str) raise(kTypeError, fmt::format("{} must be str, not {}", what, type_name(v)));
  return v.as<StrObj>().s;
}

Value parse_int(const Value& v) {
  switch (v.type()) {
    case Type::Int: return v;
    case Type::Bool: return Value::integer(v.i());
    case Type::Float:
      if (!std::isfinite(v.f()) || std::fabs(v.f()) >= 9.2e18) raise(kOverflowError, "cannot convert float to a 64-bit integer");
      return Value::integer(static_cast<std::int64_t>(v.f()));
    case Type::Str: {
      std::string s = v.as<StrObj>().s;
      const auto first = s.find_first_not_of(" \t\n");
      const auto last = s.find_last_not_of(" \t\n");
      const std::string t = first == std::string::npos ? "" : s.substr(first, last - first + 1);
      std::int64_t out = 0;
      const char* b = t.c_str() + (t.starts_with('+') ? 1 : 0);
      auto [p, ec] = std::from_chars(b, t.c_str() + t.size(), out);
      if (t.empty() || ec != std::errc() || p != t.c_str() + t.size())
        raise(kValueError, fmt::format("invalid literal for int() with base 10: {}", repr(v)));
      return Value::integer(out);
    }
    default: raise(kTypeError, fmt::format("int() argument must be a string or a number, not '{}'", type_name(v)));
  }
}

Value parse_float(const Value& v) {
  if (v.type() == Type::Str) {
    const std::string& s = v.as<StrObj>().s;
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    while (end && (*end == ' ' || *end == '\n')) ++end;
    if (s.empty() || !end || *end != '\0') raise(kValueError, fmt::format("could not convert string to float: {}", repr(v)));
    return Value::real(d);
  }
  return Value::real(to_double(v, "float() argument"));
}

Value min_max(const std::string& name, std::span<Value> args, bool want_max) {
  if (args.empty()) raise(kTypeError, fmt::format("{} expected at least 1 argument, got 0", name));
  const std::vector<Value> items = args.size() == 1 ? items_of(args[0]) : std::vector<Value>(args.begin(), args.end());
  if (items.empty()) raise(kValueError, fmt::format("{}() arg is an empty sequence", name));
  Value best = items[0];
  for (const Value& v : items)
    if (want_max ? compare(v, best, ">") > 0 : compare(v, best, "<") < 0) best = v;
  return best;
}

bool is_instance(const Value& v, const Value& type) {
  if (type.type() == Type::Tuple) {
    for (const Value& t : type.as<ListObj>().items)
      if (is_instance(v, t)) return true;
    return false;
  }
  if (type.type() == Type::ExcType || type.type() == Type::Class) {
    if (v.type() == Type::Exc) return is_subclass(exception_class(v), type);
    return v.type() == Type::Instance && is_subclass(v.as<InstanceObj>().cls, type);
  }
  if (type.type() == Type::Builtin && static_cast<Fn>(type.i()) == Fn::Object) return true;
  if (type.type() != Type::Builtin) raise(kTypeError, "isinstance() arg 2 must be a type or tuple of types");
  switch (static_cast<Fn>(type.i())) {
    case Fn::Int: return v.type() == Type::Int || v.type() == Type::Bool;
    case Fn::Float: return v.type() == Type::Float;
    case Fn::Str: return v.type() == Type::Str;
    case Fn::Bool: return v.type() == Type::Bool;
    case Fn::List: return v.type() == Type::List;
    case Fn::Tuple: return v.type() == Type::Tuple;
    case Fn::Dict: return v.type() == Type::Dict;
    default: raise(kTypeError, "isinstance() arg 2 must be a type or tuple of types");
  }
}

// os.wait's status word, as Linux encodes it: exit code << 8, or the signal number.
std::int64_t wait_status(int status) { return status >= 0 ? static_cast<std::int64_t>(status) << 8 : -status; }

Tick clamp_ticks(double ticks) {
  return static_cast<Tick>(std::clamp(std::llround(ticks), 0LL, static_cast<long long>(std::numeric_limits<Tick>::max() / 2)));
}

}  // namespace

// ---- 2. built-in functions and the simulated modules --------------------------------------

Interpreter::Flow Interpreter::call_builtin(ProcessContext& ctx, int id, std::span<Value> args,
                                            std::span<const Value> kw_values, std::span<const Value> kw_names,
                                            Value* result) {
  const Fn fn = static_cast<Fn>(id);
  const std::string name = fn_name(fn);
  *result = Value::none();
  if (fn != Fn::Print && fn != Fn::Sorted && fn != Fn::Sum && fn != Fn::Enumerate && fn != Fn::Dict)
    no_keywords(name, kw_names);
  if (object_builtin(id, args, result)) return Flow::Next;
  switch (fn) {
    case Fn::Print: {
      const Value* sep = keyword(name, kw_values, kw_names, {"sep", "end", "flush"}, "sep");
      const Value* end = keyword(name, kw_values, kw_names, {"sep", "end", "flush"}, "end");
      const std::string sep_s = sep && sep->type() != Type::None ? to_string_arg(*sep, "sep") : " ";
      const std::string end_s = end && end->type() != Type::None ? to_string_arg(*end, "end") : "\n";
      std::string text;
      for (size_t i = 0; i < args.size(); ++i) text += (i ? sep_s : "") + to_str(args[i]);
      // One output record per print; its final newline is implied.
      if (end_s != "\n") text += end_s;
      else if (!text.empty() && text.back() == '\n') text.pop_back();
      ctx.output(std::move(text));
      return Flow::Next;
    }
    case Fn::Len: arity(name, args, 1, 1); *result = Value::integer(length(args[0])); return Flow::Next;
    case Fn::Range: {
      arity(name, args, 1, 3);
      std::int64_t start = 0, stop = 0, step = 1;
      if (args.size() == 1) {
        stop = to_int(args[0], "range() argument");
      } else {
        start = to_int(args[0], "range() argument");
        stop = to_int(args[1], "range() argument");
        if (args.size() == 3) step = to_int(args[2], "range() argument");
      }
      if (step == 0) raise(kValueError, "range() arg 3 must not be zero");
      *result = Value::range(start, stop, step);
      return Flow::Next;
    }
    case Fn::Str: arity(name, args, 0, 1); *result = Value::str(args.empty() ? "" : to_str(args[0])); return Flow::Next;
    case Fn::Repr: arity(name, args, 1, 1); *result = Value::str(repr(args[0])); return Flow::Next;
    case Fn::Int: arity(name, args, 0, 1); *result = args.empty() ? Value::integer(0) : parse_int(args[0]); return Flow::Next;
    case Fn::Float: arity(name, args, 0, 1); *result = args.empty() ? Value::real(0) : parse_float(args[0]); return Flow::Next;
    case Fn::Bool: arity(name, args, 0, 1); *result = Value::boolean(!args.empty() && truthy(args[0])); return Flow::Next;
    case Fn::List:
    case Fn::Tuple: {
      arity(name, args, 0, 1);
      std::vector<Value> items = args.empty() ? std::vector<Value>() : items_of(args[0]);
      if (fn == Fn::List && !args.empty() && args[0].type() == Type::List) items = args[0].as<ListObj>().items;
      *result = fn == Fn::List ? Value::list(std::move(items)) : Value::tuple(std::move(items));
      return Flow::Next;
    }
    case Fn::Dict: {
      arity(name, args, 0, 1);
      *result = Value::dict();
      if (!args.empty()) {
        if (args[0].type() != Type::Dict) raise(kTypeError, "dict() argument must be a dict in proclab");
        result->as<DictObj>().items = args[0].as<DictObj>().items;
      }
      for (size_t i = 0; i < kw_names.size(); ++i) set_item(*result, kw_names[i], kw_values[i]);
      return Flow::Next;
    }
    case Fn::Min:
    case Fn::Max: *result = min_max(name, args, fn == Fn::Max); return Flow::Next;
    case Fn::Sum: {
      arity(name, args, 1, 2);
      const Value* start = keyword(name, kw_values, kw_names, {"start"}, "start");
      Value total = args.size() == 2 ? args[1] : start ? *start : Value::integer(0);
      for (const Value& v : items_of(args[0])) total = binary(BinOp::Add, total, v, false);
      *result = std::move(total);
      return Flow::Next;
    }
    case Fn::Abs: {
      arity(name, args, 1, 1);
      const Value& v = args[0];
      if (v.type() == Type::Float) *result = Value::real(std::fabs(v.f()));
      else *result = to_int(v, "abs() argument") < 0 ? unary('-', v) : Value::integer(v.i());
      return Flow::Next;
    }
    case Fn::Round: {
      arity(name, args, 1, 2);
      const double x = to_double(args[0], "round() argument");
      if (args.size() == 1 || args[1].type() == Type::None) {
        *result = parse_int(Value::real(std::nearbyint(x)));
      } else {
        const double scale = std::pow(10.0, static_cast<double>(to_int(args[1], "round() digits")));
        *result = Value::real(std::nearbyint(x * scale) / scale);
      }
      return Flow::Next;
    }
    case Fn::Sorted: {
      arity(name, args, 1, 1);
      const Value* reverse = keyword(name, kw_values, kw_names, {"reverse"}, "reverse");
      std::vector<Value> items = items_of(args[0]);
      std::stable_sort(items.begin(), items.end(), [](const Value& a, const Value& b) { return compare(a, b, "<") < 0; });
      if (reverse && truthy(*reverse)) std::reverse(items.begin(), items.end());
      *result = Value::list(std::move(items));
      return Flow::Next;
    }
    case Fn::Enumerate: {
      arity(name, args, 1, 2);
      const Value* start_kw = keyword(name, kw_values, kw_names, {"start"}, "start");
      std::int64_t i = args.size() == 2 ? to_int(args[1], "start") : start_kw ? to_int(*start_kw, "start") : 0;
      std::vector<Value> pairs;
      for (Value& v : items_of(args[0])) pairs.push_back(Value::tuple({Value::integer(i++), std::move(v)}));
      *result = Value::list(std::move(pairs));
      return Flow::Next;
    }
    case Fn::Isinstance: arity(name, args, 2, 2); *result = Value::boolean(is_instance(args[0], args[1])); return Flow::Next;
    case Fn::Cpu: {
      arity(name, args, 1, 1);
      const std::int64_t n = to_int(args[0], "cpu() ticks");
      if (n < 1) raise(kValueError, "cpu() needs at least 1 tick");
      // The statement costs n ticks in all (this tick included).
      burn_ = std::max(burn_, static_cast<std::int32_t>(std::min<std::int64_t>(n - 1, std::numeric_limits<Tick>::max() / 2)));
      return Flow::Next;
    }
    case Fn::Io: {
      arity(name, args, 1, 1);
      const std::int64_t n = to_int(args[0], "io() ticks");
      if (n < 1) raise(kValueError, "io() needs at least 1 tick");
      pending_ = StepResult::io(clamp_ticks(static_cast<double>(n)));
      return Flow::Stop;
    }
    case Fn::Exit:
    case Fn::SysExit: arity(name, args, 0, 1); throw Thrown{make_exception(kSystemExit, args)};
    case Fn::OsGetpid: arity(name, args, 0, 0); *result = Value::integer(ctx.pid()); return Flow::Next;
    case Fn::OsGetppid: arity(name, args, 0, 0); *result = Value::integer(ctx.ppid()); return Flow::Next;
    case Fn::OsExit: {
      arity(name, args, 1, 1);
      pending_ = StepResult::exit(static_cast<int>(to_int(args[0], "os._exit() status") & 0xFF));
      return Flow::Stop;
    }
    case Fn::OsWait:
    case Fn::OsWaitpid: {
      Pid which = -1;
      bool no_hang = false;
      if (fn == Fn::OsWait) {
        arity(name, args, 0, 0);
      } else {
        arity(name, args, 2, 2);
        which = static_cast<Pid>(to_int(args[0], "pid"));
        no_hang = (to_int(args[1], "options") & 1) != 0;
        if (which == 0 || which < -1) which = -1;  // process groups are not simulated
      }
      const WaitReply reply = ctx.wait(which, no_hang);
      switch (reply.kind) {
        case WaitReply::Kind::WouldBlock: pending_ = StepResult::wait(); return Flow::Retry;
        case WaitReply::Kind::NoChild: throw PyError{kChildProcessError, "No child processes", kECHILD};
        case WaitReply::Kind::NothingYet: *result = Value::tuple({Value::integer(0), Value::integer(0)}); return Flow::Next;
        case WaitReply::Kind::Reaped:
          *result = Value::tuple({Value::integer(reply.pid), Value::integer(wait_status(reply.status))});
          return Flow::Next;
      }
      return Flow::Next;
    }
    case Fn::OsKill: {
      arity(name, args, 2, 2);
      const int err = ctx.kill(static_cast<Pid>(to_int(args[0], "pid")), static_cast<int>(to_int(args[1], "signal")));
      if (err) throw PyError{kProcessLookupError, "No such process", err};
      return Flow::Next;
    }
    case Fn::OsNice: arity(name, args, 1, 1); *result = Value::integer(ctx.nice(static_cast<int>(to_int(args[0], "increment")))); return Flow::Next;
    case Fn::TimeSleep: {
      arity(name, args, 1, 1);
      const double s = to_double(args[0], "sleep length");
      if (s < 0) raise(kValueError, "sleep length must be non-negative");
      const Tick ticks = clamp_ticks(s * static_cast<double>(program_->options.ticks_per_second));
      if (ticks == 0) return Flow::Next;
      pending_ = StepResult::sleep(ticks);
      return Flow::Stop;
    }
    case Fn::TimeTime:
      arity(name, args, 0, 0);
      *result = Value::real(static_cast<double>(ctx.now()) / static_cast<double>(program_->options.ticks_per_second));
      return Flow::Next;
    case Fn::RandomRandom: arity(name, args, 0, 0); *result = Value::real(ctx.random() / 4294967296.0); return Flow::Next;
    case Fn::RandomRandint: {
      arity(name, args, 2, 2);
      const std::int64_t a = to_int(args[0], "randint() bound"), b = to_int(args[1], "randint() bound");
      if (a > b) raise(kValueError, fmt::format("empty range in randint({}, {})", a, b));
      const auto span = static_cast<std::uint64_t>(b - a) + 1;
      const std::uint64_t r = (static_cast<std::uint64_t>(ctx.random()) << 32) | ctx.random();
      *result = Value::integer(a + static_cast<std::int64_t>(span == 0 ? r : r % span));
      return Flow::Next;
    }
    case Fn::RandomChoice: {
      arity(name, args, 1, 1);
      const std::int64_t n = length(args[0]);
      if (n == 0) raise(kIndexError, "Cannot choose from an empty sequence");
      *result = get_item(args[0], Value::integer(static_cast<std::int64_t>(ctx.random() % static_cast<std::uint64_t>(n))));
      return Flow::Next;
    }
    case Fn::OsFork: break;  // handled by call(): the child is copied mid-call
    default: break;          // the object model's: object_builtin()
  }
  return Flow::Next;
}

// ---- 3. methods of str, list and dict -----------------------------------------------------

namespace {

std::string strip_chars(const std::string& s, const std::string& chars, bool left, bool right) {
  size_t b = 0, e = s.size();
  if (left) while (b < e && chars.find(s[b]) != std::string::npos) ++b;
  if (right) while (e > b && chars.find(s[e - 1]) != std::string::npos) --e;
  return s.substr(b, e - b);
}

Value str_method(const Value& obj, const std::string& m, std::span<Value> args,
                 std::span<const Value> kw_values, std::span<const Value> kw_names) {
  const std::string& s = obj.as<StrObj>().s;
  const std::string qual = "str." + m;
  if (m == "format") return Value::str(str_format(s, args, kw_values, kw_names));
  no_keywords(qual, kw_names);
  if (m == "join") {
    arity(qual, args, 1, 1);
    std::string out;
    bool first = true;
    for (const Value& v : items_of(args[0])) {
      if (v.type() != Type::Str) raise(kTypeError, fmt::format("sequence item: expected str instance, {} found", type_name(v)));
      out += (first ? "" : s) + v.as<StrObj>().s;
      first = false;
    }
    return Value::str(std::move(out));
  }
  if (m == "split") {
    arity(qual, args, 0, 1);
    std::vector<Value> parts;
    if (args.empty() || args[0].type() == Type::None) {
      size_t i = 0;
      while (true) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        if (i >= s.size()) break;
        size_t j = i;
        while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
        parts.push_back(Value::str(s.substr(i, j - i)));
        i = j;
      }
    } else {
      const std::string& sep = to_string_arg(args[0], "separator");
      if (sep.empty()) raise(kValueError, "empty separator");
      size_t i = 0, j;
      while ((j = s.find(sep, i)) != std::string::npos) {
        parts.push_back(Value::str(s.substr(i, j - i)));
        i = j + sep.size();
      }
      parts.push_back(Value::str(s.substr(i)));
    }
    return Value::list(std::move(parts));
  }
  if (m == "strip" || m == "lstrip" || m == "rstrip") {
    arity(qual, args, 0, 1);
    const std::string chars = args.empty() || args[0].type() == Type::None ? " \t\n\r" : to_string_arg(args[0], "chars");
    return Value::str(strip_chars(s, chars, m != "rstrip", m != "lstrip"));
  }
  if (m == "upper" || m == "lower") {
    arity(qual, args, 0, 0);
    std::string out = s;
    for (char& c : out) c = static_cast<char>(m == "upper" ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c)));
    return Value::str(std::move(out));
  }
  if (m == "replace") {
    arity(qual, args, 2, 2);
    const std::string& from = to_string_arg(args[0], "old");
    const std::string& to = to_string_arg(args[1], "new");
    if (from.empty()) return obj;
    std::string out;
    size_t i = 0, j;
    while ((j = s.find(from, i)) != std::string::npos) {
      out += s.substr(i, j - i) + to;
      if (out.size() > static_cast<size_t>(kMaxItems)) raise(kMemoryError, "string too long for proclab");
      i = j + from.size();
    }
    return Value::str(out + s.substr(i));
  }
  if (m == "startswith" || m == "endswith") {
    arity(qual, args, 1, 1);
    const std::string& x = to_string_arg(args[0], "prefix");
    return Value::boolean(m == "startswith" ? s.starts_with(x) : s.ends_with(x));
  }
  if (m == "find" || m == "count") {
    arity(qual, args, 1, 1);
    const std::string& x = to_string_arg(args[0], "substring");
    if (m == "find") {
      const size_t at = s.find(x);
      return Value::integer(at == std::string::npos ? -1 : length(Value::str(s.substr(0, at))));
    }
    if (x.empty()) return Value::integer(length(obj) + 1);
    std::int64_t n = 0;
    for (size_t i = s.find(x); i != std::string::npos; i = s.find(x, i + x.size())) ++n;
    return Value::integer(n);
  }
  if (m == "isdigit") {
    arity(qual, args, 0, 0);
    return Value::boolean(!s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }));
  }
  raise(kAttributeError, fmt::format("'str' object has no attribute '{}'", m));
}

Value list_method(const Value& obj, const std::string& m, std::span<Value> args,
                  std::span<const Value> kw_values, std::span<const Value> kw_names) {
  auto& items = obj.as<ListObj>().items;
  const std::string qual = "list." + m;
  if (m == "sort") {
    arity(qual, args, 0, 0);
    const Value* reverse = keyword(qual, kw_values, kw_names, {"reverse"}, "reverse");
    std::stable_sort(items.begin(), items.end(), [](const Value& a, const Value& b) { return compare(a, b, "<") < 0; });
    if (reverse && truthy(*reverse)) std::reverse(items.begin(), items.end());
    return Value::none();
  }
  no_keywords(qual, kw_names);
  auto grow = [&](size_t by) {
    if (items.size() + by > static_cast<size_t>(kMaxItems)) raise(kMemoryError, "list too long for proclab");
  };
  if (m == "append") {
    arity(qual, args, 1, 1);
    grow(1);
    items.push_back(args[0]);
    return Value::none();
  }
  if (m == "extend") {
    arity(qual, args, 1, 1);
    std::vector<Value> more = items_of(args[0]);
    grow(more.size());
    items.insert(items.end(), more.begin(), more.end());
    return Value::none();
  }
  if (m == "insert") {
    arity(qual, args, 2, 2);
    grow(1);
    std::int64_t i = to_int(args[0], "index");
    const auto n = static_cast<std::int64_t>(items.size());
    if (i < 0) i = std::max<std::int64_t>(0, i + n);
    items.insert(items.begin() + std::min(i, n), args[1]);
    return Value::none();
  }
  if (m == "pop") {
    arity(qual, args, 0, 1);
    if (items.empty()) raise(kIndexError, "pop from empty list");
    std::int64_t i = args.empty() ? -1 : to_int(args[0], "index");
    if (i < 0) i += static_cast<std::int64_t>(items.size());
    if (i < 0 || i >= static_cast<std::int64_t>(items.size())) raise(kIndexError, "pop index out of range");
    Value v = items[static_cast<size_t>(i)];
    items.erase(items.begin() + i);
    return v;
  }
  if (m == "index" || m == "remove") {
    arity(qual, args, 1, 1);
    for (size_t i = 0; i < items.size(); ++i)
      if (equals(items[i], args[0])) {
        if (m == "index") return Value::integer(static_cast<std::int64_t>(i));
        items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
        return Value::none();
      }
    raise(kValueError, m == "index" ? fmt::format("{} is not in list", repr(args[0])) : "list.remove(x): x not in list");
  }
  if (m == "count") {
    arity(qual, args, 1, 1);
    return Value::integer(std::count_if(items.begin(), items.end(), [&](const Value& v) { return equals(v, args[0]); }));
  }
  if (m == "reverse" || m == "clear" || m == "copy") {
    arity(qual, args, 0, 0);
    if (m == "copy") return Value::list(items);
    if (m == "reverse") std::reverse(items.begin(), items.end());
    else items.clear();
    return Value::none();
  }
  raise(kAttributeError, fmt::format("'list' object has no attribute '{}'", m));
}

Value dict_method(const Value& obj, const std::string& m, std::span<Value> args, std::span<const Value> kw_names) {
  auto& items = obj.as<DictObj>().items;
  const std::string qual = "dict." + m;
  no_keywords(qual, kw_names);
  auto find = [&](const Value& k) -> Value* {
    for (auto& [key, v] : items)
      if (equals(key, k)) return &v;
    return nullptr;
  };
  if (m == "get") {
    arity(qual, args, 1, 2);
    Value* v = find(args[0]);
    return v ? *v : args.size() == 2 ? args[1] : Value::none();
  }
  if (m == "keys" || m == "values" || m == "items") {
    arity(qual, args, 0, 0);
    std::vector<Value> out;
    for (const auto& [k, v] : items)
      out.push_back(m == "keys" ? k : m == "values" ? v : Value::tuple({k, v}));
    return Value::list(std::move(out));
  }
  if (m == "pop") {
    arity(qual, args, 1, 2);
    for (size_t i = 0; i < items.size(); ++i)
      if (equals(items[i].first, args[0])) {
        Value v = items[i].second;
        items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
        return v;
      }
    if (args.size() == 2) return args[1];
    raise(kKeyError, repr(args[0]));
  }
  if (m == "setdefault") {
    arity(qual, args, 1, 2);
    if (Value* v = find(args[0])) return *v;
    const Value dflt = args.size() == 2 ? args[1] : Value::none();
    set_item(obj, args[0], dflt);
    return dflt;
  }
  if (m == "update") {
    arity(qual, args, 1, 1);
    if (args[0].type() != Type::Dict) raise(kTypeError, "dict.update() needs a dict in proclab");
    for (const auto& [k, v] : std::vector(args[0].as<DictObj>().items)) set_item(obj, k, v);
    return Value::none();
  }
  if (m == "copy" || m == "clear") {
    arity(qual, args, 0, 0);
    if (m == "clear") {
      items.clear();
      return Value::none();
    }
    Value copy = Value::dict();
    copy.as<DictObj>().items = items;
    return copy;
  }
  raise(kAttributeError, fmt::format("'dict' object has no attribute '{}'", m));
}

}  // namespace

Value Interpreter::method(const Value& obj, const std::string& name, std::span<Value> args,
                          std::span<const Value> kw_values, std::span<const Value> kw_names) {
  switch (obj.type()) {
    case Type::Str: return str_method(obj, name, args, kw_values, kw_names);
    case Type::List: return list_method(obj, name, args, kw_values, kw_names);
    case Type::Dict: return dict_method(obj, name, args, kw_names);
    default: raise(kAttributeError, fmt::format("'{}' object has no attribute '{}'", type_name(obj), name));
  }
}

}  // namespace proclab::lang
