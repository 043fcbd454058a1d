// The VM. Sections:
//   1. construction, fork and copies   2. step: one statement per tick
//   3. the instruction loop            4. calls into Python functions
//   5. exceptions and tracebacks       6. make_interpreter
#include "interpreter.h"

#include <fmt/format.h>

#include "builtins.h"
#include "objects.h"
#include "format.h"
#include "operators.h"

namespace proclab::lang {

namespace {
constexpr size_t kMaxFrames = 1000;  // Python's default recursion limit
// Statements one implicitly called method (call_sync) may run before it is stopped: such a
// call runs inside one tick, so without a bound `while True` in a __str__ would hang the run.
constexpr std::int64_t kMaxSyncStatements = 10'000'000;
thread_local int g_interpreters = 0;  // alive on this thread (see break_cycles)
// The interpreter inside step() on this thread and its context (call_dunder, call_sync), and
// the statements its call_sync has run: per step, so kept out of the per-process state.
thread_local Interpreter* g_running = nullptr;
thread_local ProcessContext* g_ctx = nullptr;
thread_local std::int64_t g_sync_statements = 0;

struct Running {
  Running(Interpreter* vm, ProcessContext* ctx) : saved(g_running), saved_ctx(g_ctx) {
    g_running = vm;
    g_ctx = ctx;
  }
  ~Running() {
    g_running = saved;
    g_ctx = saved_ctx;
  }
  Interpreter* saved;
  ProcessContext* saved_ctx;
};
}  // namespace

bool call_dunder(const Value& self, std::string_view name, std::span<const Value> args, Value* out) {
  if (!g_running) return false;
  const Value method = g_running->special_method(self, name);
  if (method.type() == Type::Undef) return false;
  *out = g_running->call_sync(method, args);
  return true;
}

namespace {
// Calls obj.name(args); false when it raises `stop` (StopIteration, IndexError), which ends
// an iteration. The frames the raise left (kept for tracebacks) are dropped.
bool call_until(const Value& obj, std::string_view name, std::span<const Value> args, int stop, Value* out,
                std::vector<Frame>& frames) {
  const size_t depth = frames.size();
  try {
    if (!call_dunder(obj, name, args, out))
      raise(kTypeError, fmt::format("'{}' object is not an iterator", type_name(obj)));
    return true;
  } catch (PyError& e) {
    if (!exc_is(e.exc_type, stop)) throw;
  } catch (Thrown& t) {
    if (!exc_is(t.exc.as<ExcObj>().exc_type, stop)) throw;
  }
  frames.resize(depth);
  return false;
}
}  // namespace

bool call_next(const Value& it, Value* out) {
  return g_running && call_until(it, "__next__", {}, kStopIteration, out, g_running->frames_for_iteration());
}

bool call_getitem_until_index_error(const Value& obj, const Value& index, Value* out) {
  const Value arg[1] = {index};
  return g_running && call_until(obj, "__getitem__", arg, kIndexError, out, g_running->frames_for_iteration());
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
      pending_(o.pending_), serial_(o.serial_) {
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
  const Running running(this, &ctx);
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
      Value exc = make_exception(e);
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
        if (sync_floor_ != kNotSync) {  // inside call_sync: the whole call is this tick's
          if (++g_sync_statements > kMaxSyncStatements)
            raise(kRuntimeError, "proclab: an implicitly called method (__str__, __eq__, a property...) ran over 10,000,000 statements");
          line_ = ins.a;
          break;
        }
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
      case Op::GetAttr: stack_.back() = get_attr(stack_.back(), p.names[static_cast<size_t>(ins.a)]); break;
      case Op::SetAttr: {
        const Value obj = pop();
        set_attr(obj, p.names[static_cast<size_t>(ins.a)], pop());
        break;
      }
      case Op::MakeFunction: {
        const auto index = static_cast<size_t>(ins.a);
        std::vector<Value> defaults(std::make_move_iterator(stack_.end() - ins.b), std::make_move_iterator(stack_.end()));
        stack_.resize(stack_.size() - ins.b);
        stack_.push_back(Value::adopt(new FunctionObj(&p.funcs[index], ins.a, std::move(defaults))));
        break;
      }
      case Op::ClassNamespace: stack_.push_back(class_namespace()); break;
      case Op::BuildClass: {
        Value ns = pop(), bases = pop();
        stack_.back() = build_class(stack_.back(), bases, ns);
        break;
      }
      case Op::LoadOwner: {
        const Value& fn = stack_[static_cast<size_t>(frames_.back().base) - 1];
        const Value owner = fn.type() == Type::Function ? fn.as<FunctionObj>().owner : Value();
        if (owner.type() == Type::Undef) raise(kRuntimeError, "super(): __class__ cell not found");
        stack_.push_back(owner);
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
        const size_t callee = stack_.size() - 1 - static_cast<size_t>(positional + keywords + (keywords ? 1 : 0)) -
                              (ins.op == Op::CallMethod ? 1 : 0);
        const Flow flow = ins.op == Op::Call ? call(ctx, callee, positional, keywords)
                                             : call_method(ctx, callee, positional, keywords, p.names[ins.c]);
        if (flow != Flow::Next && sync_floor_ != kNotSync)
          raise(kRuntimeError, "proclab: a blocking call inside an implicitly called method (__str__, __eq__, a property...) is not supported");
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
        stack_.resize(static_cast<size_t>(f.base) - 1);
        if (!f.init)
          stack_.push_back(std::move(result));
        else if (result.type() != Type::None)  // the instance below stays as the call's value
          raise(kTypeError, fmt::format("__init__() should return None, not '{}'", type_name(result)));
        pc_ = f.return_pc;
        line_ = f.call_line;
        if (frames_.size() == sync_floor_) return;  // call_sync's call is done
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
        Value cause;
        if (ins.a == 2) cause = pop();
        Value exc = pop();
        if (exc.type() == Type::ExcType) exc = make_exception(static_cast<int>(exc.i()), {});
        if (exc.type() == Type::Class && exc.as<ClassObj>().exc_base >= 0) exc = call_sync(exc, {});
        if (exc.type() != Type::Exc) raise(kTypeError, "exceptions must derive from BaseException");
        if (ins.a == 2) {
          if (cause.type() == Type::ExcType) cause = make_exception(static_cast<int>(cause.i()), {});
          if (cause.type() == Type::Class && cause.as<ClassObj>().exc_base >= 0) cause = call_sync(cause, {});
          if (cause.type() != Type::Exc && cause.type() != Type::None)
            raise(kTypeError, "exception causes must derive from BaseException");
          exc.as<ExcObj>().cause = std::move(cause);
        }
        throw Thrown{std::move(exc)};
      }
      case Op::ExcMatch: {
        const Value type = pop();
        const Value& exc = stack_.back();
        bool match = false;
        const Value cls = exception_class(exc);
        auto test = [&](const Value& t) {
          if (t.type() != Type::ExcType && !(t.type() == Type::Class && t.as<ClassObj>().exc_base >= 0))
            raise(kTypeError, "catching classes that do not inherit from BaseException is not allowed");
          if (is_subclass(cls, t)) match = true;
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
    case Type::Function: call_function(callee, positional, keywords); return Flow::Next;
    case Type::Method: {  // [method args] -> [function self args]
      const auto& m = f.as<MethodObj>();
      stack_[callee] = m.fn;
      stack_.insert(stack_.begin() + static_cast<std::ptrdiff_t>(callee) + 1, m.self);
      return call(ctx, callee, positional + 1, keywords);
    }
    case Type::Class: return call_class(ctx, callee, positional, keywords);
    case Type::Instance: {
      Value method = special_method(f, "__call__");
      if (method.type() == Type::Undef) raise(kTypeError, fmt::format("'{}' object is not callable", type_name(f)));
      stack_[callee] = std::move(method);
      return call(ctx, callee, positional, keywords);
    }
    case Type::Builtin: {
      if (static_cast<Fn>(f.i()) == Fn::OsFork) {
        if (positional || keywords) raise(kTypeError, "os.fork() takes no arguments");
        if (sync_floor_ != kNotSync)
          raise(kRuntimeError, "proclab: os.fork() inside an implicitly called method (__str__, a property...) is not supported");
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

// The stack holds [slot obj args...]. A method defined in the object's class is called with
// the object as its first argument in place; anything else is looked up and called.
Interpreter::Flow Interpreter::call_method(ProcessContext& ctx, size_t callee, int positional, int keywords,
                                           const std::string& name) {
  const size_t obj = callee + 1;
  const Value target = stack_[obj];
  switch (target.type()) {
    case Type::Instance:
    case Type::Exc: {
      const Value cls = class_of(target);
      const bool own = target.type() == Type::Instance ? target.as<InstanceObj>().attrs.find(name) != nullptr
                                                       : target.as<ExcObj>().attrs.find(name) != nullptr;
      const Value* attr = own ? nullptr : class_lookup(cls, name);
      if (attr && attr->type() == Type::Function) {
        stack_[callee] = *attr;
        call_function(callee, positional + 1, keywords);
        return Flow::Next;
      }
      if (target.type() == Type::Exc && !own && !attr) break;
      stack_[callee] = get_attr(target, name);
      stack_.erase(stack_.begin() + static_cast<std::ptrdiff_t>(obj));
      return call(ctx, callee, positional, keywords);
    }
    case Type::Module: {
      stack_[callee] = get_attr(target, name);
      stack_.erase(stack_.begin() + static_cast<std::ptrdiff_t>(obj));
      const Flow flow = call(ctx, callee, positional, keywords);
      if (flow == Flow::Retry) {  // the retry looks the attribute up again
        stack_.insert(stack_.begin() + static_cast<std::ptrdiff_t>(obj), target);
        stack_[callee] = Value::none();
      }
      return flow;
    }
    case Type::Str:
    case Type::List:
    case Type::Dict: break;
    default:
      stack_[callee] = get_attr(target, name);
      stack_.erase(stack_.begin() + static_cast<std::ptrdiff_t>(obj));
      return call(ctx, callee, positional, keywords);
  }
  std::span<Value> args(stack_.data() + obj + 1, static_cast<size_t>(positional));
  std::span<const Value> kw_values(stack_.data() + obj + 1 + positional, static_cast<size_t>(keywords));
  std::span<const Value> kw_names;
  if (keywords) kw_names = stack_.back().as<ListObj>().items;
  Value result = method(target, name, args, kw_values, kw_names);
  stack_.resize(callee);
  stack_.push_back(std::move(result));
  return Flow::Next;
}

namespace {
// "'a' and 'b'", "'a', 'b' and 'c'" (CPython's list of missing arguments).
std::string name_list(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += i + 1 == names.size() ? (names.size() > 2 ? ", and " : " and ") : ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}
}  // namespace

// Binds arguments to parameters (positional, keyword, defaults) and enters the function at
// stack_[callee]: [function args...] becomes [function locals...].
void Interpreter::call_function(size_t callee, int positional, int keywords, bool init) {
  const auto& fo = stack_[callee].as<FunctionObj>();
  const FuncInfo& fn = *fo.info;
  const std::int32_t index = fo.func;
  if (frames_.size() >= kMaxFrames) raise(kRecursionError, "maximum recursion depth exceeded");
  if (positional > fn.params) {
    const int required = fn.params - static_cast<int>(fo.defaults.size());
    const std::string takes = required == fn.params ? std::to_string(fn.params)
                                                    : fmt::format("from {} to {}", required, fn.params);
    raise(kTypeError, fmt::format("{}() takes {} positional argument{} but {} {} given", fn.qualname, takes,
                                  fn.params == 1 ? "" : "s", positional, positional == 1 ? "was" : "were"));
  }
  const size_t base = callee + 1;
  const auto locals = static_cast<size_t>(fn.locals);
  if (base + locals > static_cast<size_t>(kMaxItems)) raise(kMemoryError, "stack too large for proclab");
  if (keywords) {
    // Keyword values move into their parameters' slots: build the locals aside.
    std::vector<Value> slots(locals);
    for (int i = 0; i < positional; ++i) slots[static_cast<size_t>(i)] = std::move(stack_[base + static_cast<size_t>(i)]);
    const auto& names = stack_.back().as<ListObj>().items;
    for (int k = 0; k < keywords; ++k) {
      const std::string& name = names[static_cast<size_t>(k)].as<StrObj>().s;
      int slot = -1;
      for (int i = 0; i < fn.params; ++i)
        if (fn.local_names[static_cast<size_t>(i)] == name) slot = i;
      if (slot < 0) raise(kTypeError, fmt::format("{}() got an unexpected keyword argument '{}'", fn.qualname, name));
      if (slots[static_cast<size_t>(slot)].type() != Type::Undef)
        raise(kTypeError, fmt::format("{}() got multiple values for argument '{}'", fn.qualname, name));
      slots[static_cast<size_t>(slot)] = std::move(stack_[base + static_cast<size_t>(positional + k)]);
    }
    stack_.resize(base);
    for (Value& v : slots) stack_.push_back(std::move(v));
  } else {
    stack_.resize(base + locals);
  }
  const int first_default = fn.params - static_cast<int>(fo.defaults.size());
  std::vector<std::string> missing;
  for (int i = 0; i < fn.params; ++i) {
    Value& slot = stack_[base + static_cast<size_t>(i)];
    if (slot.type() != Type::Undef) continue;
    if (i < first_default)
      missing.push_back(fn.local_names[static_cast<size_t>(i)]);
    else
      slot = fo.defaults[static_cast<size_t>(i - first_default)];
  }
  if (!missing.empty())
    raise(kTypeError, fmt::format("{}() missing {} required positional argument{}: {}", fn.qualname, missing.size(),
                                  missing.size() == 1 ? "" : "s", name_list(missing)));
  frames_.push_back({index, pc_, static_cast<std::int32_t>(base), line_, init});
  pc_ = fn.entry;
}

// Runs `callee` until it returns, on a stack of its own (the caller's arguments, which a
// built-in holds as a span into stack_, stay where they are).
Value Interpreter::call_sync(const Value& callee, std::span<const Value> args) {
  if (frames_.size() >= kMaxFrames) raise(kRecursionError, "maximum recursion depth exceeded");
  std::vector<Value> outer;
  outer.swap(stack_);
  const size_t saved_floor = sync_floor_, handlers_floor = handlers_.size();
  const std::int32_t saved_pc = pc_, saved_line = line_;
  const bool outermost = sync_floor_ == kNotSync;
  if (outermost) g_sync_statements = 0;
  auto restore = [&] {
    outer.swap(stack_);
    sync_floor_ = saved_floor;
    pc_ = saved_pc;
    line_ = saved_line;
  };
  sync_floor_ = frames_.size();
  stack_.push_back(callee);
  for (const Value& a : args) stack_.push_back(a);
  try {
    call(*g_ctx, 0, static_cast<int>(args.size()), 0);
    while (frames_.size() > sync_floor_) {
      try {
        run(*g_ctx, true);
      } catch (PyError& e) {
        Value exc = make_exception(e);
        if (handlers_.size() <= handlers_floor) throw Thrown{exc};
        handle(exc);
      } catch (Thrown& t) {
        if (handlers_.size() <= handlers_floor) throw;
        handle(t.exc);
      }
    }
  } catch (...) {  // the frames stay for the traceback; the handler that catches it unwinds them
    restore();
    throw;
  }
  Value result = pop();
  restore();
  return result;
}

// ---- 5. exceptions and tracebacks ---------------------------------------------------------

// e.args, and the message str(e) shows (OSError(errno, text) shows "[Errno n] text").
void Interpreter::set_exc_args(Value& exc, std::span<const Value> args) {
  auto& e = exc.as<ExcObj>();
  const int type = e.exc_type;
  e.args = Value::tuple(std::vector<Value>(args.begin(), args.end()));
  e.message.clear();
  e.err_no = 0;
  if (exc_is(type, kOSError) && args.size() == 2 && args[0].type() == Type::Int) {
    e.err_no = static_cast<int>(args[0].i());
    e.message = to_str(args[1]);
  } else if (type == kKeyError && args.size() == 1 && args[0].type() != Type::Str) {
    e.message = repr(args[0]);
  } else if (args.size() == 1) {
    e.message = to_str(args[0]);
  } else if (args.size() > 1) {
    e.message = to_str(e.args);
  }
  if (type == kSystemExit) e.arg = args.empty() ? Value::none() : args[0];
}

Value Interpreter::make_exception(int type, std::span<Value> args) {
  Value e = Value::adopt(new ExcObj(type, "", 0));
  set_exc_args(e, args);
  return e;
}

Value Interpreter::make_exception(PyError& error) {
  Value message[1] = {Value::str(std::move(error.message))};
  Value exc = make_exception(error.exc_type, message);
  exc.as<ExcObj>().err_no = error.err_no;
  return exc;
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
  std::string text;
  try {
    text = to_str(exc);
  } catch (PyError&) {  // a failing __str__: CPython prints <exception str() failed>
    text = "<exception str() failed>";
  } catch (Thrown&) {
    text = "<exception str() failed>";
  }
  ctx.output(text.empty() ? std::string(type_name(exc)) : fmt::format("{}: {}", type_name(exc), text));
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
