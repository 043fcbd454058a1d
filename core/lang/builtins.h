// The names a snippet finds without defining them: built-in functions, exception classes and
// the simulated modules (os, time, random, sys, signal).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "value.h"

namespace proclab::lang {

// Exception classes, each after its base class.
enum ExcId : int {
  kBaseException, kSystemExit, kException, kArithmeticError, kZeroDivisionError,
  kOverflowError, kLookupError, kIndexError, kKeyError, kNameError, kUnboundLocalError,
  kTypeError, kValueError, kAttributeError, kRuntimeError, kRecursionError, kNotImplementedError,
  kOSError, kChildProcessError, kBlockingIOError, kProcessLookupError, kAssertionError,
  kMemoryError, kStopIteration, kKeyboardInterrupt, kExcCount
};
const char* exc_name(int id);
// True when class `id` is `base` or derives from it.
bool exc_is(int id, int base);

enum class Fn : int {
  Print, Len, Range, Str, Int, Float, Bool, List, Tuple, Dict, Min, Max, Sum, Abs, Repr, Round,
  Sorted, Enumerate, Isinstance, Cpu, Io, Exit,
  NotImplemented, Object, TypeOf, Issubclass, Hasattr, Getattr, Setattr, Delattr, Vars, Super,
  StaticMethod, ClassMethod, Property, Callable, Iter, Next,
  // reached only as attributes: object.__init__, BaseException.__init__ and __str__,
  // object.__repr__, property.setter and .getter
  ObjectInit, ExcInit, ExcStr, ObjectRepr, PropertySetter, PropertyGetter,
  OsFork, OsGetpid, OsGetppid, OsExit, OsWait, OsWaitpid, OsKill, OsNice,
  TimeSleep, TimeTime, RandomRandom, RandomRandint, RandomChoice, SysExit,
};
std::string fn_name(Fn f);  // "print", "os.fork", ...
// int, str, list, object, type, ...: built-ins that are classes (print shows <class 'int'>).
bool is_builtin_type(Fn f);

enum class Module : int { Os, Time, Random, Sys, Signal };
// The simulated module called `name`, if any.
std::optional<Module> module_from_name(std::string_view name);
const char* module_name(Module m);
// os.fork, signal.SIGKILL, ...; nullopt when the module has no such attribute in proclab.
std::optional<Value> module_attr(Module m, std::string_view name);
// print, len, ValueError, ...; nullopt when `name` is no built-in.
std::optional<Value> builtin_value(std::string_view name);

}  // namespace proclab::lang
