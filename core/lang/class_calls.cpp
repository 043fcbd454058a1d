// The VM's side of the object model. Sections:
//   1. class statements: the namespace, the class, its MRO
//   2. instantiation: __new__ (built in) and __init__
//   3. attributes: lookup, binding, assignment
//   4. the object built-ins: type, isinstance, getattr, super, property, ...
#include <algorithm>

#include <fmt/format.h>

#include "builtins.h"
#include "interpreter.h"
#include "objects.h"
#include "operators.h"

namespace proclab::lang {

// ---- 1. class statements ----------------------------------------------------------------------

// The class body's assigned names, in the order they were first assigned.
Value Interpreter::class_namespace() {
  const Frame& f = frames_.back();
  const FuncInfo& info = program_->funcs[static_cast<size_t>(f.func)];
  Value ns = Value::dict();
  for (size_t i = 0; i < info.local_names.size(); ++i) {
    const Value& v = stack_[static_cast<size_t>(f.base) + i];
    if (v.type() != Type::Undef) ns.as<DictObj>().items.emplace_back(Value::str(info.local_names[i]), v);
  }
  return ns;
}

Value Interpreter::build_class(const Value& name, const Value& bases, const Value& ns) {
  Value cls = Value::adopt(new ClassObj(name.as<StrObj>().s));
  auto& c = cls.as<ClassObj>();
  for (const Value& b : bases.as<ListObj>().items) {
    if (b.type() == Type::Builtin && static_cast<Fn>(b.i()) == Fn::Object) continue;  // every class's root
    if (b.type() != Type::Class && b.type() != Type::ExcType)
      raise(kTypeError, b.type() == Type::Builtin && is_builtin_type(static_cast<Fn>(b.i()))
                            ? fmt::format("proclab: subclassing the built-in type '{}' is not supported", fn_name(static_cast<Fn>(b.i())))
                            : "bases must be types");
    for (const Value& seen : c.bases)
      if (seen.type() == b.type() && (b.is_heap() ? seen.obj() == b.obj() : seen.i() == b.i()))
        raise(kTypeError, fmt::format("duplicate base class {}", class_name(b)));
    c.bases.push_back(b);
  }
  std::string error;
  if (!c3_mro(c.bases, &c.mro, &error)) raise(kTypeError, error);
  for (const Value& m : c.mro) {
    const int e = m.type() == Type::ExcType ? static_cast<int>(m.i()) : m.as<ClassObj>().exc_base;
    if (e >= 0 && (c.exc_base < 0 || exc_is(e, c.exc_base))) c.exc_base = e;  // the most derived
  }
  for (const auto& [k, v] : ns.as<DictObj>().items) {
    // Functions remember their class for zero-argument super().
    const Value* fn = &v;
    if (v.type() == Type::Wrapper) fn = &v.as<WrapperObj>().fn;
    if (fn->type() == Type::Function && fn->as<FunctionObj>().owner.type() == Type::Undef) fn->as<FunctionObj>().owner = cls;
    if (v.type() == Type::Wrapper && v.as<WrapperObj>().setter.type() == Type::Function &&
        v.as<WrapperObj>().setter.as<FunctionObj>().owner.type() == Type::Undef)
      v.as<WrapperObj>().setter.as<FunctionObj>().owner = cls;
    c.attrs.items.emplace_back(k.as<StrObj>().s, v);
  }
  return cls;
}

// ---- 2. instantiation -------------------------------------------------------------------------

// [class args...] -> [instance]. A Python __init__ runs as a frame whose return leaves the
// instance: [instance __init__ self args...].
Interpreter::Flow Interpreter::call_class(ProcessContext& ctx, size_t callee, int positional, int keywords) {
  const Value cls = stack_[callee];
  const auto& c = cls.as<ClassObj>();
  Value instance;
  if (c.exc_base >= 0) {
    instance = Value::adopt(new ExcObj(c.exc_base, "", 0));
    instance.as<ExcObj>().cls = cls;
    set_exc_args(instance, std::span<const Value>(stack_.data() + callee + 1, static_cast<size_t>(positional)));
  } else {
    instance = Value::adopt(new InstanceObj(cls, ++serial_));
  }
  const Value* init = class_lookup(cls, "__init__");
  if (!init) {
    if (c.exc_base >= 0 && keywords) raise(kTypeError, fmt::format("{}() takes no keyword arguments", c.name));
    if (c.exc_base < 0 && (positional || keywords)) raise(kTypeError, fmt::format("{}() takes no arguments", c.name));
    stack_.resize(callee);
    stack_.push_back(std::move(instance));
    return Flow::Next;
  }
  if (init->type() != Type::Function) {  // e.g. __init__ = some built-in
    Value bound = bind(*init, instance, cls);
    stack_[callee] = bound;
    const Flow flow = call(ctx, callee, positional, keywords);
    stack_.back() = instance;
    return flow;
  }
  stack_[callee] = instance;
  const Value fn = *init;
  stack_.insert(stack_.begin() + static_cast<std::ptrdiff_t>(callee) + 1, {fn, instance});
  call_function(callee + 1, positional + 1, keywords, /*init=*/true);
  return Flow::Next;
}

// ---- 3. attributes --------------------------------------------------------------------------

// What reading an attribute found in a class gives: functions bind to the object, class
// methods to the class, properties call their getter.
Value Interpreter::bind(const Value& attr, const Value& self, const Value& cls) {
  if (attr.type() == Type::Function) return Value::adopt(new MethodObj(self, attr));
  if (attr.type() == Type::Wrapper) {
    const auto& w = attr.as<WrapperObj>();
    switch (w.kind) {
      case WrapperKind::StaticMethod: return w.fn;
      case WrapperKind::ClassMethod: return Value::adopt(new MethodObj(cls, w.fn));
      case WrapperKind::Property: {
        const Value arg[1] = {self};
        return call_sync(w.fn, arg);
      }
    }
  }
  return attr;
}

Value Interpreter::special_method(const Value& self, std::string_view name) {
  const Value cls = class_of(self);
  const Value* attr = class_lookup(cls, name);
  if (!attr) return Value();
  return bind(*attr, self, cls);
}

namespace {
[[noreturn]] void no_attribute(const Value& obj, std::string_view name) {
  if (obj.type() == Type::Class)
    raise(kAttributeError, fmt::format("type object '{}' has no attribute '{}'", obj.as<ClassObj>().name, name));
  raise(kAttributeError, fmt::format("'{}' object has no attribute '{}'", type_name(obj), name));
}

// object.__init__ and BaseException.__init__, reached through super() or Base.__init__.
Value builtin_init(const Value& cls_or_exc) {
  const bool exc = cls_or_exc.type() == Type::ExcType || (cls_or_exc.type() == Type::Class && cls_or_exc.as<ClassObj>().exc_base >= 0);
  return Value::immediate(Type::Builtin, static_cast<int>(exc ? Fn::ExcInit : Fn::ObjectInit));
}
}  // namespace

Value Interpreter::get_attr(const Value& obj, std::string_view name) {
  switch (obj.type()) {
    case Type::Instance:
    case Type::Exc: {
      const bool is_exc = obj.type() == Type::Exc;
      const Value cls = class_of(obj);
      Value where;
      const Value* in_class = class_lookup(cls, name, &where);
      if (in_class && in_class->type() == Type::Wrapper && in_class->as<WrapperObj>().kind == WrapperKind::Property)
        return bind(*in_class, obj, cls);  // a property wins over the instance's own attributes
      const AttrTable& own = is_exc ? obj.as<ExcObj>().attrs : obj.as<InstanceObj>().attrs;
      if (const Value* v = own.find(name)) return *v;
      if (in_class) return bind(*in_class, obj, cls);
      if (name == "__class__") return is_exc ? exception_class(obj) : cls;
      if (name == "__dict__") {
        Value d = Value::dict();
        for (const auto& [k, v] : own.items) d.as<DictObj>().items.emplace_back(Value::str(k), v);
        return d;
      }
      if (is_exc) {
        const auto& e = obj.as<ExcObj>();
        if (name == "args") return e.args.type() == Type::Undef ? Value::tuple({}) : e.args;
        if (name == "__cause__") return e.cause.type() == Type::Undef ? Value::none() : e.cause;
        if (name == "errno" && exc_is(e.exc_type, kOSError)) return e.err_no ? Value::integer(e.err_no) : Value::none();
        if (name == "strerror" && exc_is(e.exc_type, kOSError)) return e.err_no ? Value::str(e.message) : Value::none();
        if (name == "code" && e.exc_type == kSystemExit) return e.arg;
        if (name == "__init__") return Value::adopt(new MethodObj(obj, builtin_init(Value::immediate(Type::ExcType, 0))));
      } else if (name == "__init__") {
        return Value::adopt(new MethodObj(obj, builtin_init(cls)));
      }
      no_attribute(obj, name);
    }
    case Type::Class: {
      if (name == "__name__" || name == "__qualname__") return Value::str(obj.as<ClassObj>().name);
      const auto& c = obj.as<ClassObj>();
      if (name == "__bases__" || name == "__mro__") {
        std::vector<Value> out(name == "__mro__" ? c.mro.size() + 2 : std::max<size_t>(c.bases.size(), 1));
        if (name == "__mro__") {
          out.front() = obj;
          std::copy(c.mro.begin(), c.mro.end(), out.begin() + 1);
        } else {
          std::copy(c.bases.begin(), c.bases.end(), out.begin());
        }
        if (out.back().type() == Type::Undef) out.back() = Value::immediate(Type::Builtin, static_cast<int>(Fn::Object));
        return Value::tuple(std::move(out));
      }
      if (const Value* v = class_lookup(obj, name)) {
        if (v->type() == Type::Wrapper && v->as<WrapperObj>().kind != WrapperKind::Property) return bind(*v, Value(), obj);
        return *v;
      }
      if (name == "__init__") return builtin_init(obj);
      no_attribute(obj, name);
    }
    case Type::ExcType:
      if (name == "__name__") return Value::str(exc_name(static_cast<int>(obj.i())));
      if (name == "__init__") return builtin_init(obj);
      raise(kAttributeError, fmt::format("type object '{}' has no attribute '{}'", exc_name(static_cast<int>(obj.i())), name));
    case Type::Builtin:
      if (name == "__name__") {
        const std::string full = fn_name(static_cast<Fn>(obj.i()));
        return Value::str(full.substr(full.rfind('.') == std::string::npos ? 0 : full.rfind('.') + 1));
      }
      if (name == "__init__" && static_cast<Fn>(obj.i()) == Fn::Object) return builtin_init(obj);
      break;
    case Type::Function:
      if (name == "__name__") return Value::str(obj.as<FunctionObj>().info->name);
      if (name == "__qualname__") return Value::str(obj.as<FunctionObj>().info->qualname);
      break;
    case Type::Method:
      if (name == "__self__") return obj.as<MethodObj>().self;
      if (name == "__func__") return obj.as<MethodObj>().fn;
      return get_attr(obj.as<MethodObj>().fn, name);
    case Type::Wrapper: {
      const auto& w = obj.as<WrapperObj>();
      if (w.kind == WrapperKind::Property && (name == "setter" || name == "getter")) {
        // @x.setter: a method that makes a property with this setter (see Fn::PropertySetter)
        Value copy = Value::adopt(new WrapperObj(WrapperKind::Property, w.fn));
        copy.as<WrapperObj>().setter = w.setter;
        return Value::adopt(new MethodObj(copy, Value::immediate(Type::Builtin, static_cast<int>(
                                                        name == "setter" ? Fn::PropertySetter : Fn::PropertyGetter))));
      }
      if (name == "__func__") return w.fn;
      break;
    }
    case Type::Super: return super_attr(obj, name);
    case Type::Module: {
      const auto m = static_cast<Module>(obj.i());
      auto v = module_attr(m, name);
      if (!v) raise(kAttributeError, fmt::format("module '{}' has no attribute '{}' in proclab", module_name(m), name));
      return std::move(*v);
    }
    default: break;
  }
  no_attribute(obj, name);
}

void Interpreter::set_attr(const Value& obj, std::string_view name, Value v) {
  switch (obj.type()) {
    case Type::Instance:
    case Type::Exc: {
      const Value cls = class_of(obj);
      if (const Value* p = class_lookup(cls, name); p && p->type() == Type::Wrapper && p->as<WrapperObj>().kind == WrapperKind::Property) {
        const auto& w = p->as<WrapperObj>();
        if (w.setter.type() == Type::Undef)
          raise(kAttributeError, fmt::format("property '{}' of '{}' object has no setter", name, type_name(obj)));
        const Value args[2] = {obj, std::move(v)};
        call_sync(w.setter, args);
        return;
      }
      if (obj.type() == Type::Exc) {
        auto& e = obj.as<ExcObj>();
        if (name == "__cause__") {
          e.cause = std::move(v);
          return;
        }
        if (name == "args") {
          const std::vector<Value> items = items_of(v);
          set_exc_args(const_cast<Value&>(obj), items);
          return;
        }
        e.attrs.set(name, std::move(v));
        return;
      }
      obj.as<InstanceObj>().attrs.set(name, std::move(v));
      return;
    }
    case Type::Class:
      if (name == "__name__") {
        if (v.type() != Type::Str) raise(kTypeError, "can only assign string to __name__");
        obj.as<ClassObj>().name = v.as<StrObj>().s;
        return;
      }
      obj.as<ClassObj>().attrs.set(name, std::move(v));
      return;
    case Type::Module: raise(kAttributeError, fmt::format("proclab: the module '{}' is read-only", module_name(static_cast<Module>(obj.i()))));
    default:
      if (obj.type() == Type::ExcType || (obj.type() == Type::Builtin && is_builtin_type(static_cast<Fn>(obj.i()))))
        raise(kTypeError, fmt::format("cannot set '{}' attribute of immutable type '{}'", name, to_str(obj).substr(8, to_str(obj).size() - 10)));
      raise(kAttributeError, fmt::format("'{}' object has no attribute '{}'", type_name(obj), name));
  }
}

// super(cls, obj).name: the MRO of obj's class (obj itself when a class) after cls.
Value Interpreter::super_attr(const Value& sup, std::string_view name) {
  const auto& s = sup.as<SuperObj>();
  const Value start = s.self.type() == Type::Class ? s.self : class_of(s.self);
  std::vector<Value> mro{start};
  if (start.type() == Type::Class)
    for (const Value& m : start.as<ClassObj>().mro) mro.push_back(m);
  size_t i = 0;
  while (i < mro.size() && !(mro[i].type() == s.cls.type() && mro[i].obj() == s.cls.obj())) ++i;
  for (++i; i < mro.size(); ++i) {
    if (mro[i].type() != Type::Class) {  // a built-in exception class
      if (name == "__init__") return Value::adopt(new MethodObj(s.self, builtin_init(mro[i])));
      if (name == "__str__") return Value::adopt(new MethodObj(s.self, Value::immediate(Type::Builtin, static_cast<int>(Fn::ExcStr))));
      continue;
    }
    if (const Value* v = mro[i].as<ClassObj>().attrs.find(name))
      return bind(*v, s.self, s.self.type() == Type::Class ? s.self : start);
  }
  if (name == "__init__") return Value::adopt(new MethodObj(s.self, builtin_init(start)));
  if (name == "__str__" || name == "__repr__")
    return Value::adopt(new MethodObj(s.self, Value::immediate(Type::Builtin, static_cast<int>(Fn::ObjectRepr))));
  raise(kAttributeError, fmt::format("'super' object has no attribute '{}'", name));
}

// ---- 4. the object built-ins ------------------------------------------------------------------

namespace {
void exact_args(const char* name, std::span<Value> args, size_t min, size_t max) {
  if (args.size() >= min && args.size() <= max) return;
  if (min == max)
    raise(kTypeError, fmt::format("{}() takes exactly {} argument{} ({} given)", name, min, min == 1 ? "" : "s", args.size()));
  raise(kTypeError, args.size() < min ? fmt::format("{} expected at least {} argument{}, got {}", name, min, min == 1 ? "" : "s", args.size())
                                      : fmt::format("{} expected at most {} argument{}, got {}", name, max, max == 1 ? "" : "s", args.size()));
}

const std::string& attr_name(const char* fn, const Value& v) {
  if (v.type() != Type::Str) raise(kTypeError, fmt::format("{}(): attribute name must be string, not '{}'", fn, type_name(v)));
  return v.as<StrObj>().s;
}

// type(v): a class value that prints and compares as CPython's.
Value type_of(const Value& v) {
  auto builtin = [](Fn f) { return Value::immediate(Type::Builtin, static_cast<int>(f)); };
  switch (v.type()) {
    case Type::Instance: return v.as<InstanceObj>().cls;
    case Type::Exc: return exception_class(v);
    case Type::Bool: return builtin(Fn::Bool);
    case Type::Int: return builtin(Fn::Int);
    case Type::Float: return builtin(Fn::Float);
    case Type::Str: return builtin(Fn::Str);
    case Type::List: return builtin(Fn::List);
    case Type::Tuple: return builtin(Fn::Tuple);
    case Type::Dict: return builtin(Fn::Dict);
    case Type::Range: return builtin(Fn::Range);
    case Type::Class:
    case Type::ExcType: return builtin(Fn::TypeOf);
    case Type::Wrapper:
      return builtin(v.as<WrapperObj>().kind == WrapperKind::Property ? Fn::Property
                     : v.as<WrapperObj>().kind == WrapperKind::ClassMethod ? Fn::ClassMethod : Fn::StaticMethod);
    case Type::Builtin:
      if (is_builtin_type(static_cast<Fn>(v.i()))) return builtin(Fn::TypeOf);
      break;
    default: break;
  }
  raise(kTypeError, fmt::format("proclab: type() of a {} is not supported", type_name(v)));
}

bool is_class(const Value& v) {
  return v.type() == Type::Class || v.type() == Type::ExcType ||
         (v.type() == Type::Builtin && is_builtin_type(static_cast<Fn>(v.i())));
}

bool subclass_test(const Value& c, const Value& base) {
  if (base.type() == Type::Tuple) {
    for (const Value& b : base.as<ListObj>().items)
      if (subclass_test(c, b)) return true;
    return false;
  }
  if (!is_class(base)) raise(kTypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
  if (base.type() == Type::Builtin) {
    const Fn b = static_cast<Fn>(base.i());
    if (b == Fn::Object) return true;
    if (c.type() != Type::Builtin) return false;
    return c.i() == base.i() || (static_cast<Fn>(c.i()) == Fn::Bool && b == Fn::Int);
  }
  return is_subclass(c, base);
}

std::string default_repr(const Value& v) {
  if (v.type() == Type::Instance)
    return fmt::format("<__main__.{} object at {:#x}>", type_name(v), 0x7f0000000000 + 0x10 * v.as<InstanceObj>().serial);
  return repr(v);
}
}  // namespace

// The built-ins of the object model; false when `id` is none of them.
bool Interpreter::object_builtin(int id, std::span<Value> args, Value* result) {
  const Fn fn = static_cast<Fn>(id);
  switch (fn) {
    case Fn::NotImplemented: raise(kTypeError, "'NotImplementedType' object is not callable");
    case Fn::Object: {
      if (!args.empty()) raise(kTypeError, "object() takes no arguments");
      *result = Value::adopt(new InstanceObj(Value::adopt(new ClassObj("object")), ++serial_));
      return true;
    }
    case Fn::TypeOf:
      if (args.size() == 3) {
        if (args[0].type() != Type::Str || args[1].type() != Type::Tuple || args[2].type() != Type::Dict)
          raise(kTypeError, "type.__new__() argument 1 must be str, 2 a tuple and 3 a dict");
        *result = build_class(args[0], args[1], args[2]);
        return true;
      }
      if (args.size() != 1) raise(kTypeError, "type() takes 1 or 3 arguments");
      *result = type_of(args[0]);
      return true;
    case Fn::Issubclass:
      exact_args("issubclass", args, 2, 2);
      if (!is_class(args[0])) raise(kTypeError, "issubclass() arg 1 must be a class");
      *result = Value::boolean(subclass_test(args[0], args[1]));
      return true;
    case Fn::Hasattr:
    case Fn::Getattr: {
      const char* name = fn == Fn::Hasattr ? "hasattr" : "getattr";
      if (fn == Fn::Hasattr) exact_args(name, args, 2, 2);
      else exact_args(name, args, 2, 3);
      const std::string& attr = attr_name(name, args[1]);
      const size_t depth = frames_.size();
      try {
        *result = get_attr(args[0], attr);
        if (fn == Fn::Hasattr) *result = Value::boolean(true);
      } catch (PyError& e) {
        if (e.exc_type != kAttributeError || (fn == Fn::Getattr && args.size() < 3)) throw;
        frames_.resize(depth);
        *result = fn == Fn::Hasattr ? Value::boolean(false) : args[2];
      }
      return true;
    }
    case Fn::Setattr:
      exact_args("setattr", args, 3, 3);
      set_attr(args[0], attr_name("setattr", args[1]), args[2]);
      return true;
    case Fn::Delattr: {
      exact_args("delattr", args, 2, 2);
      const std::string& attr = attr_name("delattr", args[1]);
      AttrTable* table = args[0].type() == Type::Instance ? &args[0].as<InstanceObj>().attrs
                         : args[0].type() == Type::Class  ? &args[0].as<ClassObj>().attrs
                         : args[0].type() == Type::Exc    ? &args[0].as<ExcObj>().attrs
                                                          : nullptr;
      if (!table || !table->erase(attr)) no_attribute(args[0], attr);
      return true;
    }
    case Fn::Vars: {
      exact_args("vars", args, 1, 1);
      if (args[0].type() == Type::Class) {
        Value d = Value::dict();
        for (const auto& [k, v] : args[0].as<ClassObj>().attrs.items) d.as<DictObj>().items.emplace_back(Value::str(k), v);
        *result = std::move(d);
        return true;
      }
      if (args[0].type() != Type::Instance && args[0].type() != Type::Exc)
        raise(kTypeError, "vars() argument must have __dict__ attribute");
      *result = get_attr(args[0], "__dict__");
      return true;
    }
    case Fn::Super:
      if (args.empty()) raise(kRuntimeError, "super(): no arguments");
      exact_args("super", args, 2, 2);
      if (args[0].type() != Type::Class) raise(kTypeError, fmt::format("super() argument 1 must be a type, not {}", type_name(args[0])));
      if (!(args[1].type() == Type::Class ? is_subclass(args[1], args[0]) : is_subclass(class_of(args[1]), args[0])))
        raise(kTypeError, "super(type, obj): obj must be an instance or subtype of type");
      *result = Value::adopt(new SuperObj(args[0], args[1]));
      return true;
    case Fn::StaticMethod:
    case Fn::ClassMethod:
      exact_args(fn == Fn::StaticMethod ? "staticmethod" : "classmethod", args, 1, 1);
      *result = Value::adopt(new WrapperObj(fn == Fn::StaticMethod ? WrapperKind::StaticMethod : WrapperKind::ClassMethod, args[0]));
      return true;
    case Fn::Property:
      exact_args("property", args, 1, 2);
      *result = Value::adopt(new WrapperObj(WrapperKind::Property, args[0]));
      if (args.size() == 2) result->as<WrapperObj>().setter = args[1];
      return true;
    case Fn::PropertySetter:
    case Fn::PropertyGetter:
      exact_args(fn == Fn::PropertySetter ? "setter" : "getter", args, 2, 2);
      (fn == Fn::PropertySetter ? args[0].as<WrapperObj>().setter : args[0].as<WrapperObj>().fn) = args[1];
      *result = args[0];
      return true;
    case Fn::Callable: {
      exact_args("callable", args, 1, 1);
      const Type t = args[0].type();
      *result = Value::boolean(t == Type::Function || t == Type::Method || t == Type::Builtin || t == Type::Class ||
                               t == Type::ExcType || (t == Type::Instance && special_method(args[0], "__call__").type() != Type::Undef));
      return true;
    }
    case Fn::Iter:
      exact_args("iter", args, 1, 1);
      *result = get_iter(args[0]);
      return true;
    case Fn::Next: {
      exact_args("next", args, 1, 2);
      if (args[0].type() != Type::Iter && args[0].type() != Type::Instance)
        raise(kTypeError, fmt::format("'{}' object is not an iterator", type_name(args[0])));
      if (!iter_next(args[0], result)) {
        if (args.size() == 2) *result = args[1];
        else raise(kStopIteration, "");
      }
      return true;
    }
    case Fn::ObjectInit:
      if (args.size() > 1) raise(kTypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
      return true;
    case Fn::ExcInit:
      if (args.empty() || args[0].type() != Type::Exc)
        raise(kTypeError, "descriptor '__init__' of 'BaseException' object needs an argument");
      set_exc_args(args[0], args.subspan(1));
      return true;
    case Fn::ExcStr: {
      if (args.size() != 1 || args[0].type() != Type::Exc) raise(kTypeError, "BaseException.__str__() needs an exception");
      const auto& e = args[0].as<ExcObj>();
      *result = Value::str(e.err_no ? fmt::format("[Errno {}] {}", e.err_no, e.message) : e.message);
      return true;
    }
    case Fn::ObjectRepr:
      if (args.size() != 1) raise(kTypeError, "object.__repr__() takes exactly one argument");
      *result = Value::str(default_repr(args[0]));
      return true;
    default: return false;
  }
}

}  // namespace proclab::lang
