#include "builtins.h"

#include "proclab/program.h"

namespace proclab::lang {

namespace {

struct ExcInfo {
  const char* name;
  int parent;
};
constexpr ExcInfo kExcs[kExcCount] = {
    {"BaseException", -1},       {"SystemExit", kBaseException},
    {"Exception", kBaseException}, {"ArithmeticError", kException},
    {"ZeroDivisionError", kArithmeticError}, {"OverflowError", kArithmeticError},
    {"LookupError", kException}, {"IndexError", kLookupError},
    {"KeyError", kLookupError},  {"NameError", kException},
    {"UnboundLocalError", kNameError}, {"TypeError", kException},
    {"ValueError", kException},  {"AttributeError", kException},
    {"RuntimeError", kException}, {"RecursionError", kRuntimeError},
    {"NotImplementedError", kRuntimeError}, {"OSError", kException},
    {"ChildProcessError", kOSError}, {"BlockingIOError", kOSError},
    {"ProcessLookupError", kOSError}, {"AssertionError", kException},
    {"MemoryError", kException}, {"StopIteration", kException},
    {"KeyboardInterrupt", kBaseException},
};

struct Named {
  const char* name;
  Fn fn;
};
constexpr Named kBuiltins[] = {
    {"print", Fn::Print}, {"len", Fn::Len},       {"range", Fn::Range},   {"str", Fn::Str},
    {"int", Fn::Int},     {"float", Fn::Float},   {"bool", Fn::Bool},     {"list", Fn::List},
    {"tuple", Fn::Tuple}, {"dict", Fn::Dict},     {"min", Fn::Min},       {"max", Fn::Max},
    {"sum", Fn::Sum},     {"abs", Fn::Abs},       {"repr", Fn::Repr},     {"round", Fn::Round},
    {"sorted", Fn::Sorted}, {"enumerate", Fn::Enumerate}, {"isinstance", Fn::Isinstance},
    {"cpu", Fn::Cpu},     {"io", Fn::Io},         {"exit", Fn::Exit},     {"quit", Fn::Exit},
    {"NotImplemented", Fn::NotImplemented}, {"object", Fn::Object}, {"type", Fn::TypeOf},
    {"issubclass", Fn::Issubclass}, {"hasattr", Fn::Hasattr}, {"getattr", Fn::Getattr},
    {"setattr", Fn::Setattr}, {"delattr", Fn::Delattr}, {"vars", Fn::Vars}, {"super", Fn::Super},
    {"staticmethod", Fn::StaticMethod}, {"classmethod", Fn::ClassMethod}, {"property", Fn::Property},
    {"callable", Fn::Callable}, {"iter", Fn::Iter}, {"next", Fn::Next},
};

struct Attr {
  Module module;
  const char* name;
  bool is_fn;
  Fn fn;
  std::int64_t constant;
};
constexpr Attr kAttrs[] = {
    {Module::Os, "fork", true, Fn::OsFork, 0},       {Module::Os, "getpid", true, Fn::OsGetpid, 0},
    {Module::Os, "getppid", true, Fn::OsGetppid, 0}, {Module::Os, "_exit", true, Fn::OsExit, 0},
    {Module::Os, "wait", true, Fn::OsWait, 0},       {Module::Os, "waitpid", true, Fn::OsWaitpid, 0},
    {Module::Os, "kill", true, Fn::OsKill, 0},       {Module::Os, "nice", true, Fn::OsNice, 0},
    {Module::Os, "WNOHANG", false, Fn::Print, 1},
    {Module::Time, "sleep", true, Fn::TimeSleep, 0}, {Module::Time, "time", true, Fn::TimeTime, 0},
    {Module::Random, "random", true, Fn::RandomRandom, 0},
    {Module::Random, "randint", true, Fn::RandomRandint, 0},
    {Module::Random, "choice", true, Fn::RandomChoice, 0},
    {Module::Sys, "exit", true, Fn::SysExit, 0},
    {Module::Signal, "SIGKILL", false, Fn::Print, kSIGKILL},
    {Module::Signal, "SIGTERM", false, Fn::Print, kSIGTERM},
    {Module::Signal, "SIGSTOP", false, Fn::Print, kSIGSTOP},
    {Module::Signal, "SIGCONT", false, Fn::Print, kSIGCONT},
};

constexpr const char* kModuleNames[] = {"os", "time", "random", "sys", "signal"};

}  // namespace

const char* exc_name(int id) { return id >= 0 && id < kExcCount ? kExcs[id].name : "Exception"; }

bool exc_is(int id, int base) {
  for (int t = id; t >= 0; t = kExcs[t].parent)
    if (t == base) return true;
  return false;
}

std::string fn_name(Fn f) {
  switch (f) {
    case Fn::ObjectInit: return "object.__init__";
    case Fn::ExcInit: return "BaseException.__init__";
    case Fn::ExcStr: return "BaseException.__str__";
    case Fn::ObjectRepr: return "object.__repr__";
    case Fn::PropertySetter: return "property.setter";
    case Fn::PropertyGetter: return "property.getter";
    default: break;
  }
  for (const Named& n : kBuiltins)
    if (n.fn == f) return n.name;
  for (const Attr& a : kAttrs)
    if (a.is_fn && a.fn == f) return std::string(module_name(a.module)) + "." + a.name;
  return "?";
}

bool is_builtin_type(Fn f) {
  switch (f) {
    case Fn::Int: case Fn::Float: case Fn::Str: case Fn::Bool: case Fn::List: case Fn::Tuple:
    case Fn::Dict: case Fn::Range: case Fn::Object: case Fn::TypeOf: case Fn::Enumerate:
    case Fn::StaticMethod: case Fn::ClassMethod: case Fn::Property: case Fn::Super: return true;
    default: return false;
  }
}

std::optional<Module> module_from_name(std::string_view name) {
  for (int m = 0; m < 5; ++m)
    if (name == kModuleNames[m]) return static_cast<Module>(m);
  return std::nullopt;
}

const char* module_name(Module m) { return kModuleNames[static_cast<int>(m)]; }

std::optional<Value> module_attr(Module m, std::string_view name) {
  for (const Attr& a : kAttrs)
    if (a.module == m && name == a.name)
      return a.is_fn ? Value::immediate(Type::Builtin, static_cast<int>(a.fn)) : Value::integer(a.constant);
  return std::nullopt;
}

std::optional<Value> builtin_value(std::string_view name) {
  for (const Named& n : kBuiltins)
    if (name == n.name) return Value::immediate(Type::Builtin, static_cast<int>(n.fn));
  for (int e = 0; e < kExcCount; ++e)
    if (name == kExcs[e].name) return Value::immediate(Type::ExcType, e);
  return std::nullopt;
}

}  // namespace proclab::lang
