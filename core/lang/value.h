// Values of the snippet language: 16 bytes, immediates inline, the rest reference-counted
// heap objects (single-threaded: one kernel steps its processes one at a time).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace proclab::lang {

enum class Type : std::uint8_t {
  Undef,  // an unassigned variable slot
  None, Bool, Int, Float, Builtin, Module, ExcType,  // immediates (i: index or value)
  Str, List, Tuple, Dict, Range, Iter, Exc,          // heap objects
  Function, Class, Instance, Method, Wrapper, Super,  // the open object model (objects.h)
};

struct Obj {
  std::uint32_t rc = 1;
  Type type;
  explicit Obj(Type t) : type(t) {}
};

// Reference counting cannot free a list that contains itself. Every list, dict and loop
// position is registered (per thread) while it lives; when the thread's last interpreter is
// destroyed, break_cycles() empties every one still alive (all garbage by then). Interpreters
// must be created and destroyed on one thread.
struct Container : Obj {
  explicit Container(Type t);
  ~Container();
  Container(const Container&) = delete;
  Container& operator=(const Container&) = delete;
  Container* prev = nullptr;
  Container* next = nullptr;
};
void break_cycles();

class Value {
 public:
  Value() : type_(Type::Undef), i_(0) {}
  static Value none() { return Value(Type::None, 0); }
  static Value boolean(bool b) { return Value(Type::Bool, b ? 1 : 0); }
  static Value integer(std::int64_t i) { return Value(Type::Int, i); }
  static Value real(double f) {
    Value v(Type::Float, 0);
    v.f_ = f;
    return v;
  }
  static Value immediate(Type t, std::int64_t i) { return Value(t, i); }
  static Value str(std::string s);
  static Value list(std::vector<Value> items);
  static Value tuple(std::vector<Value> items);
  static Value dict();
  static Value range(std::int64_t start, std::int64_t stop, std::int64_t step);
  // Takes ownership of a fresh object (rc 1).
  static Value adopt(Obj* o) {
    Value v;
    v.type_ = o->type;
    v.o_ = o;
    return v;
  }

  Value(const Value& v) : type_(v.type_), i_(v.i_) {
    if (is_heap()) ++o_->rc;
  }
  Value(Value&& v) noexcept : type_(v.type_), i_(v.i_) { v.type_ = Type::Undef; }
  Value& operator=(const Value& v) {
    if (v.is_heap()) ++v.o_->rc;
    release();
    type_ = v.type_;
    i_ = v.i_;
    return *this;
  }
  Value& operator=(Value&& v) noexcept {
    if (this != &v) {
      release();
      type_ = v.type_;
      i_ = v.i_;
      v.type_ = Type::Undef;
    }
    return *this;
  }
  ~Value() { release(); }

  Type type() const { return type_; }
  bool is_heap() const { return type_ >= Type::Str; }
  std::int64_t i() const { return i_; }
  double f() const { return f_; }
  Obj* obj() const { return o_; }
  template <class T>
  T& as() const { return *static_cast<T*>(o_); }

 private:
  Value(Type t, std::int64_t i) : type_(t), i_(i) {}
  void release() {
    if (is_heap() && --o_->rc == 0) destroy(o_);
  }
  static void destroy(Obj* o);

  Type type_;
  union {
    std::int64_t i_;
    double f_;
    Obj* o_;
  };
};

struct StrObj : Obj {
  std::string s;
  explicit StrObj(std::string v) : Obj(Type::Str), s(std::move(v)) {}
};
struct ListObj : Container {  // list and tuple
  std::vector<Value> items;
  ListObj(Type t, std::vector<Value> v) : Container(t), items(std::move(v)) {}
};
struct DictObj : Container {  // insertion-ordered; linear lookup is plenty for teaching programs
  std::vector<std::pair<Value, Value>> items;
  DictObj() : Container(Type::Dict) {}
};
struct RangeObj : Obj {
  std::int64_t start, stop, step;
  RangeObj(std::int64_t a, std::int64_t b, std::int64_t c) : Obj(Type::Range), start(a), stop(b), step(c) {}
  std::int64_t size() const;
};
struct IterObj : Container {  // a for loop's position: over a Range (next = cur) or a sequence
  Value seq;
  std::int64_t cur = 0;
  IterObj(Value s, std::int64_t c) : Container(Type::Iter), seq(std::move(s)), cur(c) {}
};
// Attributes of an instance or class, in insertion order (vars() shows them so); linear
// lookup: teaching programs have a handful.
struct AttrTable {
  std::vector<std::pair<std::string, Value>> items;
  const Value* find(std::string_view name) const {
    for (const auto& [k, v] : items)
      if (k == name) return &v;
    return nullptr;
  }
  void set(std::string_view name, Value v) {
    for (auto& [k, old] : items)
      if (k == name) {
        old = std::move(v);
        return;
      }
    items.emplace_back(std::string(name), std::move(v));
  }
  bool erase(std::string_view name);
};

// An exception instance: of a built-in class (exc_type), or of a user class deriving from one
// (cls; exc_type is then its nearest built-in base).
struct ExcObj : Container {
  int exc_type;      // ExcId
  std::string message;
  int err_no = 0;    // OSError family: errno
  Value arg;         // SystemExit: the code
  Value args;        // e.args (a tuple)
  Value cls;         // the user class, or Undef
  Value cause;       // __cause__ (raise ... from ...), or Undef
  AttrTable attrs;   // attributes a user __init__ sets
  ExcObj(int t, std::string m, int e) : Container(Type::Exc), exc_type(t), message(std::move(m)), err_no(e) {}
};

// A Python error in flight (thrown inside the interpreter only, caught by its step()).
struct PyError {
  int exc_type;
  std::string message;
  int err_no = 0;
};
[[noreturn]] void raise(int exc_type, std::string message);

const char* type_name(const Value& v);
bool truthy(const Value& v);
bool equals(const Value& a, const Value& b);
// -1, 0, 1; raises TypeError when a and b are not ordered (e.g. int and str).
int compare(const Value& a, const Value& b, const char* op);
std::string repr(const Value& v);
std::string to_str(const Value& v);  // str(v)

// Implemented by the interpreter running on this thread: calls the special method `name` of a
// class instance (or user exception) with `args`. False when its class defines no `name` (or
// no interpreter runs). Raises what the method raises.
bool call_dunder(const Value& self, std::string_view name, std::span<const Value> args, Value* out);
// it.__next__() into *out; false when it raises StopIteration.
bool call_next(const Value& it, Value* out);
// obj[index] into *out; false when it raises IndexError (iteration by __getitem__).
bool call_getitem_until_index_error(const Value& obj, const Value& index, Value* out);

// fork: lists, dicts and loop positions are per process, so a child gets its own copies.
bool has_mutable(const Value& v);
Value deep_copy(const Value& v, std::unordered_map<Obj*, Value>& memo);

// Guards against programs that would exhaust memory ("a" * 10**12).
inline constexpr std::int64_t kMaxItems = 10'000'000;

}  // namespace proclab::lang
