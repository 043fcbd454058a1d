// One process running a compiled snippet: a bytecode VM whose whole state (position, value
// stack, frames, handlers, globals) is plain data, so fork copies it mid-statement.
#pragma once

#include <memory>
#include <span>
#include <vector>

#include "bytecode.h"
#include "proclab/program.h"

namespace proclab::lang {

// Globals are shared copy-on-write between a parent and the children it forks: a fork bomb's
// million processes share one table until one of them assigns a global.
struct Globals {
  std::uint32_t rc = 1;
  std::vector<Value> slots;
};

// A call in progress. The stack holds [function, locals...] from base - 1; an __init__ call
// holds [instance, function, self, ...] and returns the instance.
struct Frame {
  std::int32_t func;
  std::int32_t return_pc;
  std::int32_t base;       // stack index of its first local
  std::int32_t call_line;  // the caller's line (tracebacks; restored on return)
  bool init = false;       // an __init__ called by instantiating a class
};

struct Handler {
  std::int32_t target;
  std::int32_t stack;   // stack size when set up
  std::int32_t frames;  // frame count when set up
};

// A Python exception travelling up the stack (thrown by Raise, caught by step()).
struct Thrown {
  Value exc;
};

class Interpreter final : public Program {
 public:
  explicit Interpreter(std::shared_ptr<const CompiledProgram> program);
  Interpreter(const Interpreter& other);
  Interpreter& operator=(const Interpreter&) = delete;
  ~Interpreter() override;

  StepResult step(ProcessContext& ctx) override;
  std::unique_ptr<Program> fork_child() const override;
  std::unique_ptr<Program> clone() const override;
  int current_line() const override;

  // Calls `callee` to completion inside the current tick (a __str__, __eq__ or property the
  // runtime calls implicitly). Raises what it raises; a blocking call or fork inside raises
  // RuntimeError. Only while step() runs.
  Value call_sync(const Value& callee, std::span<const Value> args);
  std::vector<Frame>& frames_for_iteration() { return frames_; }
  // The special method `name` of an instance's class bound to it, or Undef.
  Value special_method(const Value& self, std::string_view name);

 private:
  enum class Flow { Next, Stop, Retry };  // after a call: go on, end the tick, retry next tick

  void run(ProcessContext& ctx, bool started);
  void store_global(std::int32_t slot, Value v);
  Value load_global(std::int32_t slot);
  Flow call(ProcessContext& ctx, size_t callee, int positional, int keywords);
  Flow call_method(ProcessContext& ctx, size_t obj, int positional, int keywords, const std::string& name);
  void call_function(size_t callee, int positional, int keywords, bool init = false);
  Flow call_class(ProcessContext& ctx, size_t callee, int positional, int keywords);
  Value build_class(const Value& name, const Value& bases, const Value& ns);
  Value class_namespace();
  Value get_attr(const Value& obj, std::string_view name);
  void set_attr(const Value& obj, std::string_view name, Value v);
  Value bind(const Value& attr, const Value& self, const Value& cls);
  Value super_attr(const Value& sup, std::string_view name);
  bool object_builtin(int fn, std::span<Value> args, Value* result);
  void set_exc_args(Value& exc, std::span<const Value> args);
  Flow call_builtin(ProcessContext& ctx, int fn, std::span<Value> args, std::span<const Value> kw_values,
                    std::span<const Value> kw_names, Value* result);
  Value method(const Value& obj, const std::string& name, std::span<Value> args,
               std::span<const Value> kw_values, std::span<const Value> kw_names);
  Value make_exception(int type, std::span<Value> args);
  Value make_exception(PyError& error);
  bool handle(Value exc);
  StepResult die(ProcessContext& ctx, const Value& exc);
  Value pop() {
    Value v = std::move(stack_.back());
    stack_.pop_back();
    return v;
  }

  std::shared_ptr<const CompiledProgram> program_;
  Globals* globals_;
  std::vector<Value> stack_;
  std::vector<Frame> frames_;
  std::vector<Handler> handlers_;
  std::int32_t pc_ = 0;
  std::int32_t line_ = 0;
  std::int32_t burn_ = 0;         // ticks the current statement still costs
  bool resumed_ = false;          // the current statement's tick is paid (after a block or fork)
  bool fork_child_ = false;       // a fresh fork child: os.fork() returns 0 on its first step
  StepResult pending_;            // what the tick ends with (sleep, io, wait, exit)
  std::int64_t serial_ = 0;       // instances created (their default repr's "address")
  size_t sync_floor_ = kNotSync;  // call_sync: the frame count its call returns to
  static constexpr size_t kNotSync = static_cast<size_t>(-1);
};

}  // namespace proclab::lang
