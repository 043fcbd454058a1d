// The open object model's heap objects (clox's object.h is the model): functions, classes,
// instances, bound methods and the staticmethod/classmethod/property wrappers.
#pragma once

#include <string>
#include <vector>

#include "bytecode.h"
#include "value.h"

namespace proclab::lang {

// A `def` or `lambda` evaluated at run time: its code (FuncInfo index) and defaults.
struct FunctionObj : Container {
  const FuncInfo* info;         // in the CompiledProgram every process running it holds
  std::int32_t func;
  std::vector<Value> defaults;  // for the last defaults.size() positional parameters
  Value owner;                  // the class whose body defined it (zero-argument super()), or Undef
  FunctionObj(const FuncInfo* i, std::int32_t f, std::vector<Value> d)
      : Container(Type::Function), info(i), func(f), defaults(std::move(d)) {}
};

// A class: its bases, its method resolution order (C3, itself first) and its attributes.
// exc_base is the built-in exception class it derives from (ExcId), or -1.
struct ClassObj : Container {
  std::string name;
  std::vector<Value> bases;  // Class or ExcType values
  std::vector<Value> mro;    // after itself: its ancestors in C3 order (Class or ExcType)
  AttrTable attrs;
  int exc_base = -1;
  explicit ClassObj(std::string n) : Container(Type::Class), name(std::move(n)) {}
};

struct InstanceObj : Container {
  Value cls;
  AttrTable attrs;
  std::int64_t serial;  // shown in the default repr as its "address"
  InstanceObj(Value c, std::int64_t s) : Container(Type::Instance), cls(std::move(c)), serial(s) {}
};

// obj.method: the function and the object it receives as its first argument.
struct MethodObj : Container {
  Value self;
  Value fn;
  MethodObj(Value s, Value f) : Container(Type::Method), self(std::move(s)), fn(std::move(f)) {}
};

// super(cls, obj): looks attributes up in obj's MRO after cls.
struct SuperObj : Container {
  Value cls;
  Value self;
  SuperObj(Value c, Value s) : Container(Type::Super), cls(std::move(c)), self(std::move(s)) {}
};

enum class WrapperKind : std::uint8_t { StaticMethod, ClassMethod, Property };
struct WrapperObj : Container {
  WrapperKind kind;
  Value fn;      // Property: the getter
  Value setter;  // Property only, or Undef
  WrapperObj(WrapperKind k, Value f) : Container(Type::Wrapper), kind(k), fn(std::move(f)) {}
};

inline const std::string& function_name(const Value& fn) { return fn.as<FunctionObj>().info->name; }
// The NotImplemented constant a dunder returns to let the other operand try.
bool is_not_implemented(const Value& v);

// Looks `name` up along a class's MRO (itself first). nullptr when none defines it;
// *where (if given) is the class that does (Class or ExcType value).
const Value* class_lookup(const Value& cls, std::string_view name, Value* where = nullptr);
// A class's name: Foo for a class, ValueError for a built-in exception class.
std::string class_name(const Value& cls);
// The class of an exception: its user class, else its built-in one (an ExcType value).
Value exception_class(const Value& exc);
// The class of an instance or user exception; Undef for other values.
Value class_of(const Value& v);
// True when class `c` (Class or ExcType) is `base` or derives from it.
bool is_subclass(const Value& c, const Value& base);
// The C3 linearization of `bases`; false (and *error) when no consistent order exists.
bool c3_mro(const std::vector<Value>& bases, std::vector<Value>* out, std::string* error);

}  // namespace proclab::lang
