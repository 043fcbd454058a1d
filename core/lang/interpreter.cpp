// The VM. Sections:
//   1. construction, fork and copies   2. step: one statement per tick
//   3. the instruction loop            4. calls into Python functions
//   5. exceptions and tracebacks       6. make_interpreter
#include "interpreter.h"

#include <fmt/format.h>

#include "builtins.h"
#include "format.h"
#include "operators.h"

namespace proclab::lang {

namespace {
constexpr size_t kMaxFrames = 1000;  // Python's default recursion limit
thread_local int g_interpreters = 0;  // alive on this thread (see break_cycles)
}

// ---- 1. construction, fork and copies -----------------------------------------------------

Interpreter::Interpreter(std::shared_ptr<const CompiledProgram> program)
    : program_(std::move(program)), globals_(new Globals) {
  ++g_interpreters;
  globals_->slots.resize(program_->global_names.size());
}

// A copy shares the globals table (copy-on-write) unless it holds lists or dicts, which are
// copied deeply, keeping aliases (two names for one list stay one list in the copy).
Interpreter::Interpreter(const Interpreter& o)
    : Program(o), program_(o.program_), frames_(o.frames_), handlers_(o.handlers_), pc_(o.pc_),
      line_(o.line_), burn_(o.burn_), resumed_(o.resumed_), fork_child_(o.fork_child_),
      pending_(o.pending_) {
  ++g_interpreters;
  bool mutable_globals = false;
  for (const Value& v : o.globals_->slots)
    if (has_mutable(v)) mutable_globals = true;
  bool mutable_stack = false;
  for (const Value& v : o.stack_)
    if (has_mutable(v)) mutable_stack = true;
  if (!mutable_globals && !mutable_stack) {
    globals_ = o.globals_;
    ++globals_->rc;
    stack_ = o.stack_;
    return;
  }
  std::unordered_map<Obj*, Value> memo;
  globals_ = new Globals;
  globals_->slots.reserve(o.globals_->slots.size());
  for (const Value& v : o.globals_->slots) globals_->slots.push_back(deep_copy(v, memo));
  stack_.reserve(o.stack_.size());
  for (const Value& v : o.stack_) stack_.push_back(deep_copy(v, memo));
}

Interpreter::~Interpreter() {
  if (--globals_->rc == 0) delete globals_;
  stack_.clear();
  if (--g_interpreters == 0) break_cycles();
}

std::unique_ptr<Program> Interpreter::fork_child() const {
  auto child = std::make_unique<Interpreter>(*this);
  child->fork_child_ = true;
  child->resumed_ = true;
  return child;
}

std::unique_ptr<Program> Interpreter::clone() const { return std::make_unique<Interpreter>(*this); }

int Interpreter::current_line() const {
  const Ins& ins = program_->code[static_cast<size_t>(pc_)];
  if (burn_ == 0 && ins.op == Op::Stmt) return ins.a;
  return line_;
}

void Interpreter::store_global(std::int32_t slot, Value v) {
  if (globals_->rc > 1) {  // copy on write
    auto* own = new Globals{1, globals_->slots};
    --globals_->rc;
    globals_ = own;
  }
  globals_->slots[static_cast<size_t>(slot)] = std::move(v);
}

Value Interpreter::load_global(std::int32_t slot) {
  const Value& v = globals_->slots[static_cast<size_t>(slot)];
  if (v.type() != Type::Undef) return v;
  const Value& fallback = program_->global_builtins[static_cast<size_t>(slot)];
  if (fallback.type() != Type::Undef) return fallback;
  raise(kNameError, fmt::format("name '{}' is not defined", program_->global_names[static_cast<size_t>(slot)]));
}

// ---- 2. step: one statement per tick ------------------------------------------------------

StepResult Interpreter::step(ProcessContext& ctx) {
  if (burn_ > 0) {
    --burn_;
    // The last statement's final tick ends the process (as when it costs one tick).
    if (burn_ == 0 && program_->code[static_cast<size_t>(pc_)].op == Op::End) return StepResult::exit(0);
    return StepResult::run();
  }
  if (fork_child_) {
    fork_child_ = false;
    stack_.push_back(Value::integer(0));  // os.fork() returns 0 in the child
  }
  // A statement cut by a block, a wait or a fork is finished without paying a new tick.
  bool started = program_->code[static_cast<size_t>(pc_)].op != Op::Stmt && !resumed_;
  resumed_ = false;
  pending_ = StepResult::run();
  while (true) {
    try {
      run(ctx, started);
      return pending_;
    } catch (PyError& e) {
      std::vector<Value> args;
      args.push_back(Value::str(std::move(e.message)));
      Value exc = make_exception(e.exc_type, args);
      exc.as<ExcObj>().err_no = e.err_no;
      if (!handle(exc)) return die(ctx, exc);
    } catch (Thrown& t) {
      if (!handle(t.exc)) return die(ctx, t.exc);
    }
    started = true;
  }
}

// ---- 3. the instruction loop --------------------------------------------------------------

// Runs until the next statement boundary (after `started`), a blocking call or the end;
// pending_ says how the tick ends.
void Interpreter::run(ProcessContext& ctx, bool started) {
  const CompiledProgram& p = *program_;
  const Ins* code = p.code.data();
  while (true) {
    const Ins& ins = code[pc_++];
    switch (ins.op) {
      case Op::Stmt:
        if (started) {
          --pc_;
          return;
        }
        started = true;
        line_ = ins.a;
        burn_ = static_cast<std::int32_t>(p.options.statement_cost) - 1;
        break;
      case Op::Const: stack_.push_back(p.consts[static_cast<size_t>(ins.a)]); break;
      case Op::Int: stack_.push_back(Value::integer(ins.a)); break;
      case Op::None: stack_.push_back(Value::none()); break;
      case Op::True: stack_.push_back(Value::boolean(true)); break;
      case Op::False: stack_.push_back(Value::boolean(false)); break;
      case Op::LoadGlobal: stack_.push_back(load_global(ins.a)); break;
      case Op::StoreGlobal: store_global(ins.a, pop()); break;
      case Op::LoadLocal: {
        const Frame& f = frames_.back();
        const Value& v = stack_[static_cast<size_t>(f.base + ins.a)];
        if (v.type() == Type::Undef)
          raise(kUnboundLocalError,
                fmt::format("cannot access local variable '{}' where it is not associated with a value",
                            p.funcs[static_cast<size_t>(f.func)].local_names[static_cast<size_t>(ins.a)]));
        stack_.push_back(v);
        break;
      }
      case Op::StoreLocal: stack_[static_cast<size_t>(frames_.back().base + ins.a)] = pop(); break;
      case Op::Pop: stack_.pop_back(); break;
      case Op::Dup: stack_.push_back(stack_.back()); break;
      case Op::Dup2: {
        const size_t n = stack_.size();
        stack_.push_back(stack_[n - 2]);
        stack_.push_back(stack_[n - 1]);
        break;
      }
      case Op::Rot2: std::swap(stack_[stack_.size() - 1], stack_[stack_.size() - 2]); break;
      case Op::Rot3: {
        Value top = pop();
        stack_.insert(stack_.end() - 2, std::move(top));
        break;
      }
      case Op::Binary: {
        Value b = pop();
        Value& a = stack_.back();
        if (a.type() == Type::Int && b.type() == Type::Int && static_cast<BinOp>(ins.a) == BinOp::Add) {
          std::int64_t r;
          if (!__builtin_add_overflow(a.i(), b.i(), &r)) {
            a = Value::integer(r);
            break;
          }
        }
        a = binary(static_cast<BinOp>(ins.a), a, b, ins.b != 0);
        break;
      }
      case Op::Unary: stack_.back() = unary(static_cast<char>(ins.a), stack_.back()); break;
      case Op::Compare: {
        Value b = pop();
        stack_.back() = Value::boolean(compare_op(static_cast<CmpOp>(ins.a), stack_.back(), b));
        break;
      }
      case Op::Jump: pc_ = ins.a; break;
      case Op::JumpIfFalse:
        if (!truthy(pop())) pc_ = ins.a;
        break;
      case Op::JumpIfTrue:
        if (truthy(pop())) pc_ = ins.a;
        break;
      case Op::JumpIfFalseOrPop:
        if (!truthy(stack_.back())) pc_ = ins.a;
        else stack_.pop_back();
        break;
      case Op::JumpIfTrueOrPop:
        if (truthy(stack_.back())) pc_ = ins.a;
        else stack_.pop_back();
        break;
      case Op::BuildList:
      case Op::BuildTuple: {
        std::vector<Value> items(std::make_move_iterator(stack_.end() - ins.a), std::make_move_iterator(stack_.end()));
        stack_.resize(stack_.size() - static_cast<size_t>(ins.a));
        stack_.push_back(ins.op == Op::BuildList ? Value::list(std::move(items)) : Value::tuple(std::move(items)));
        break;
      }
      case Op::BuildDict: {
        Value d = Value::dict();
        const size_t first = stack_.size() - 2 * static_cast<size_t>(ins.a);
        for (size_t i = first; i < stack_.size(); i += 2) set_item(d, stack_[i], stack_[i + 1]);
        stack_.resize(first);
        stack_.push_back(std::move(d));
        break;
      }
      case Op::GetAttr: {
        const Value obj = pop();
        const std::string& name = p.names[ins.a];
        if (obj.type() == Type::Module) {
          auto v = module_attr(static_cast<Module>(obj.i()), name);
          if (!v) raise(kAttributeError, fmt::format("module '{}' has no attribute '{}' in proclab", module_name(static_cast<Module>(obj.i())), name));
          stack_.push_back(std::move(*v));
        } else if (obj.type() == Type::Exc && name == "errno") {
          const int e = obj.as<ExcObj>().err_no;
          stack_.push_back(e ? Value::integer(e) : Value::none());
        } else if (obj.type() == Type::Exc && (name == "strerror" || name == "code")) {
          stack_.push_back(name == "code" ? obj.as<ExcObj>().arg : Value::str(obj.as<ExcObj>().message));
        } else {
          raise(kAttributeError, fmt::format("'{}' object has no attribute '{}'", type_name(obj), name));
        }
        break;
      }
      case Op::GetItem: {
        Value index = pop();
        stack_.back() = get_item(stack_.back(), index);
        break;
      }
      case Op::SetItem: {
        Value index = pop();
        Value obj = pop();
        set_item(obj, index, pop());
        break;
      }
      case Op::Slice: {
        Value step = pop(), stop = pop(), start = pop();
        stack_.back() = slice(stack_.back(), start, stop, step);
        break;
      }
      case Op::Unpack: {
        const Value seq = pop();
        const std::vector<Value> items = items_of(seq);
        if (items.size() != static_cast<size_t>(ins.a))
          raise(kValueError, items.size() < static_cast<size_t>(ins.a)
                                 ? fmt::format("not enough values to unpack (expected {}, got {})", ins.a, items.size())
                                 : fmt::format("too many values to unpack (expected {})", ins.a));
        for (size_t i = items.size(); i-- > 0;) stack_.push_back(items[i]);
        break;
      }
      case Op::Call:
      case Op::CallMethod: {
        const int positional = ins.a, keywords = ins.b;
        const size_t callee = stack_.size() - 1 - static_cast<size_t>(positional + keywords + (keywords ? 1 : 0));
        const Flow flow = ins.op == Op::Call ? call(ctx, callee, positional, keywords)
                                             : call_method(ctx, callee, positional, keywords, p.names[ins.c]);
        if (flow == Flow::Retry) {
          --pc_;  // the same call runs again when the process is next stepped
          resumed_ = true;
          return;
        }
        if (flow == Flow::Stop) {
          resumed_ = true;
          return;
        }
        break;
      }
      case Op::Return: {
        Value result = pop();
        const Frame f = frames_.back();
        frames_.pop_back();
        stack_.resize(static_cast<size_t>(f.base));
        stack_.push_back(std::move(result));
        pc_ = f.return_pc;
        line_ = f.call_line;
        break;
      }
      case Op::GetIter: stack_.back() = get_iter(stack_.back()); break;
      case Op::ForIter: {
        Value item;
        if (iter_next(stack_.back(), &item)) {
          stack_.push_back(std::move(item));
        } else {
          stack_.pop_back();
          pc_ = ins.a;
        }
        break;
      }
      case Op::SetupExcept:
        handlers_.push_back({ins.a, static_cast<std::int32_t>(stack_.size()), static_cast<std::int32_t>(frames_.size())});
        break;
      case Op::PopExcept: handlers_.pop_back(); break;
      case Op::Raise: {
        Value exc = pop();
        if (exc.type() == Type::ExcType) exc = make_exception(static_cast<int>(exc.i()), {});
        if (exc.type() != Type::Exc) raise(kTypeError, "exceptions must derive from BaseException");
        throw Thrown{std::move(exc)};
      }
      case Op::ExcMatch: {
        const Value type = pop();
        const Value& exc = stack_.back();
        bool match = false;
        auto test = [&](const Value& t) {
          if (t.type() != Type::ExcType) raise(kTypeError, "catching classes that do not inherit from BaseException is not allowed");
          if (exc_is(exc.as<ExcObj>().exc_type, static_cast<int>(t.i()))) match = true;
        };
        if (type.type() == Type::Tuple)
          for (const Value& t : type.as<ListObj>().items) test(t);
        else
          test(type);
        stack_.push_back(Value::boolean(match));
        break;
      }
      case Op::Import: stack_.push_back(Value::immediate(Type::Module, ins.a)); break;
      case Op::Format: {
        std::string spec;
        if (ins.b) spec = pop().as<StrObj>().s;
        Value& v = stack_.back();
        if (ins.a == 'r') v = Value::str(repr(v));
        else if (ins.a == 's') v = Value::str(to_str(v));
        v = Value::str(format_value(v, spec));
        break;
      }
      case Op::BuildString: {
        std::string s;
        const size_t first = stack_.size() - static_cast<size_t>(ins.a);
        for (size_t i = first; i < stack_.size(); ++i) s += stack_[i].as<StrObj>().s;
        stack_.resize(first);
        stack_.push_back(Value::str(std::move(s)));
        break;
      }
      case Op::End:
        --pc_;
        if (burn_ == 0) pending_ = StepResult::exit(0);  // else the statement's cost is paid first
        return;
    }
  }
}

// ---- 4. calls into Python functions -------------------------------------------------------

Interpreter::Flow Interpreter::call(ProcessContext& ctx, size_t callee, int positional, int keywords) {
  const Value f = stack_[callee];
  std::span<Value> args(stack_.data() + callee + 1, static_cast<size_t>(positional));
  std::span<const Value> kw_values(stack_.data() + callee + 1 + positional, static_cast<size_t>(keywords));
  std::span<const Value> kw_names;
  if (keywords) kw_names = stack_.back().as<ListObj>().items;
  switch (f.type()) {
    case Type::Func: call_function(static_cast<std::int32_t>(f.i()), callee, positional, keywords); return Flow::Next;
    case Type::Builtin: {
      if (static_cast<Fn>(f.i()) == Fn::OsFork) {
        if (positional || keywords) raise(kTypeError, "os.fork() takes no arguments");
        // The child is copied inside ctx.fork(): at this point it has finished the call.
        stack_.resize(callee);
        const ForkReply reply = ctx.fork();
        if (reply.error) throw PyError{kBlockingIOError, "Resource temporarily unavailable", reply.error};
        stack_.push_back(Value::integer(reply.child));
        return Flow::Next;
      }
      Value result;
      const Flow flow = call_builtin(ctx, static_cast<int>(f.i()), args, kw_values, kw_names, &result);
      if (flow == Flow::Retry) return flow;
      stack_.resize(callee);
      stack_.push_back(std::move(result));
      return flow;
    }
    case Type::ExcType: {
      if (keywords) raise(kTypeError, fmt::format("{}() takes no keyword arguments", exc_name(static_cast<int>(f.i()))));
      Value e = make_exception(static_cast<int>(f.i()), args);
      stack_.resize(callee);
      stack_.push_back(std::move(e));
      return Flow::Next;
    }
    default: raise(kTypeError, fmt::format("'{}' object is not callable", type_name(f)));
  }
}

Interpreter::Flow Interpreter::call_method(ProcessContext& ctx, size_t obj, int positional, int keywords,
                                           const std::string& name) {
  const Value target = stack_[obj];
  if (target.type() == Type::Module) {
    auto attr = module_attr(static_cast<Module>(target.i()), name);
    if (!attr) raise(kAttributeError, fmt::format("module '{}' has no attribute '{}' in proclab", module_name(static_cast<Module>(target.i())), name));
    stack_[obj] = std::move(*attr);
    const Flow flow = call(ctx, obj, positional, keywords);
    if (flow == Flow::Retry) stack_[obj] = target;  // the retry looks the attribute up again
    return flow;
  }
  std::span<Value> args(stack_.data() + obj + 1, static_cast<size_t>(positional));
  std::span<const Value> kw_values(stack_.data() + obj + 1 + positional, static_cast<size_t>(keywords));
  std::span<const Value> kw_names;
  if (keywords) kw_names = stack_.back().as<ListObj>().items;
  Value result = method(target, name, args, kw_values, kw_names);
  stack_.resize(obj);
  stack_.push_back(std::move(result));
  return Flow::Next;
}

// Binds arguments to parameters (positional, keyword, defaults) and enters the function.
void Interpreter::call_function(std::int32_t index, size_t callee, int positional, int keywords) {
  const FuncInfo& fn = program_->funcs[static_cast<size_t>(index)];
  if (frames_.size() >= kMaxFrames) raise(kRecursionError, "maximum recursion depth exceeded");
  if (positional > fn.params)
    raise(kTypeError, fmt::format("{}() takes {} positional argument{} but {} were given", fn.name, fn.params,
                                  fn.params == 1 ? "" : "s", positional));
  std::vector<Value> locals(static_cast<size_t>(fn.locals));
  for (int i = 0; i < positional; ++i) locals[static_cast<size_t>(i)] = std::move(stack_[callee + 1 + static_cast<size_t>(i)]);
  if (keywords) {
    const auto& names = stack_.back().as<ListObj>().items;
    for (int k = 0; k < keywords; ++k) {
      const std::string& name = names[static_cast<size_t>(k)].as<StrObj>().s;
      int slot = -1;
      for (int i = 0; i < fn.params; ++i)
        if (fn.local_names[static_cast<size_t>(i)] == name) slot = i;
      if (slot < 0) raise(kTypeError, fmt::format("{}() got an unexpected keyword argument '{}'", fn.name, name));
      if (locals[static_cast<size_t>(slot)].type() != Type::Undef)
        raise(kTypeError, fmt::format("{}() got multiple values for argument '{}'", fn.name, name));
      locals[static_cast<size_t>(slot)] = std::move(stack_[callee + 1 + static_cast<size_t>(positional + k)]);
    }
  }
  const int first_default = fn.params - static_cast<int>(fn.defaults.size());
  for (int i = 0; i < fn.params; ++i) {
    if (locals[static_cast<size_t>(i)].type() != Type::Undef) continue;
    if (i < first_default)
      raise(kTypeError, fmt::format("{}() missing required argument: '{}'", fn.name, fn.local_names[static_cast<size_t>(i)]));
    locals[static_cast<size_t>(i)] = fn.defaults[static_cast<size_t>(i - first_default)];
  }
  stack_.resize(callee);
  const auto base = static_cast<std::int32_t>(stack_.size());
  if (stack_.size() + locals.size() > static_cast<size_t>(kMaxItems)) raise(kMemoryError, "stack too large for proclab");
  for (Value& v : locals) stack_.push_back(std::move(v));
  frames_.push_back({index, pc_, base, line_});
  pc_ = fn.entry;
}

// ---- 5. exceptions and tracebacks ---------------------------------------------------------

Value Interpreter::make_exception(int type, std::span<Value> args) {
  std::string message;
  int err_no = 0;
  if (exc_is(type, kOSError) && args.size() == 2 && args[0].type() == Type::Int) {
    err_no = static_cast<int>(args[0].i());
    message = to_str(args[1]);
  } else if (type == kKeyError && args.size() == 1 && args[0].type() != Type::Str) {
    message = repr(args[0]);
  } else if (args.size() == 1) {
    message = to_str(args[0]);
  } else if (args.size() > 1) {
    message = to_str(Value::tuple(std::vector<Value>(args.begin(), args.end())));
  }
  Value e = Value::adopt(new ExcObj(type, std::move(message), err_no));
  if (type == kSystemExit) e.as<ExcObj>().arg = args.empty() ? Value::none() : args[0];
  return e;
}

// Unwinds to the innermost handler. False when none: the exception ends the process.
bool Interpreter::handle(Value exc) {
  if (handlers_.empty()) {
    stack_.push_back(std::move(exc));  // kept for die()
    return false;
  }
  const Handler h = handlers_.back();
  handlers_.pop_back();
  if (static_cast<size_t>(h.frames) < frames_.size()) line_ = frames_[static_cast<size_t>(h.frames)].call_line;
  frames_.resize(static_cast<size_t>(h.frames));
  stack_.resize(static_cast<size_t>(h.stack));
  stack_.push_back(std::move(exc));
  pc_ = h.target;
  return true;
}

// An uncaught exception: SystemExit exits with its code; anything else prints a traceback
// like Python's into the process's output and exits with status 1.
StepResult Interpreter::die(ProcessContext& ctx, const Value& exc) {
  const auto& e = exc.as<ExcObj>();
  if (e.exc_type == kSystemExit) {
    const Value& code = e.arg;
    if (code.type() == Type::Int || code.type() == Type::Bool) return StepResult::exit(static_cast<int>(code.i()));
    if (code.type() == Type::None) return StepResult::exit(0);
    ctx.output(to_str(code));
    return StepResult::exit(1);
  }
  const CompiledProgram& p = *program_;
  ctx.output("Traceback (most recent call last):");
  std::vector<std::pair<int, std::string>> where;
  std::string scope = "<module>";
  for (const Frame& f : frames_) {
    where.emplace_back(f.call_line, scope);
    scope = p.funcs[static_cast<size_t>(f.func)].name;
  }
  where.emplace_back(line_, scope);
  for (const auto& [line, name] : where) ctx.output(fmt::format("  File \"{}\", line {}, in {}", p.options.file_name, line, name));
  const std::string text = to_str(exc);
  ctx.output(text.empty() ? exc_name(e.exc_type) : fmt::format("{}: {}", exc_name(e.exc_type), text));
  frames_.clear();
  handlers_.clear();
  stack_.clear();
  return StepResult::exit(1);
}

}  // namespace proclab::lang

// ---- 6. make_interpreter ------------------------------------------------------------------

namespace proclab {

std::unique_ptr<Program> make_interpreter(std::shared_ptr<const CompiledProgram> program) {
  return std::make_unique<lang::Interpreter>(std::move(program));
}

}  // namespace proclab
