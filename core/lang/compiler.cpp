// From syntax tree to bytecode, and compile_program (the public entry). Sections:
//   1. names and scopes   2. statements   3. try/finally and jumps out of blocks
//   4. expressions        5. compile_program and its error messages
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "ast.h"
#include "builtins.h"
#include "bytecode.h"

namespace proclab {

namespace lang {
namespace {

[[noreturn]] void fail_at(const Node& n, std::string message, bool unsupported = false) {
  throw ParseError{n.line, n.col, std::move(message), unsupported};
}

struct Block {
  enum Kind { Loop, Except, Finally } kind;
  bool for_loop = false;
  std::vector<int> exits;          // Loop: jumps to patch to the loop's end
  int continue_target = 0;
  const std::vector<NodePtr>* finalbody = nullptr;
};

class Compiler {
 public:
  explicit Compiler(CompiledProgram& p) : p_(p) {}

  void module(const std::vector<NodePtr>& body) {
    for (const auto& s : body) statement(*s);
    emit(Op::End);
    // Function bodies follow the module's code; each is compiled with its own scope.
    for (size_t i = 0; i < pending_.size(); ++i) function_body(pending_[i].first, *pending_[i].second);
  }

 private:
  // ---- 1. names and scopes ----------------------------------------------------------------

  int emit(Op op, std::int32_t a = 0, std::uint8_t b = 0, std::uint16_t c = 0) {
    p_.code.push_back({op, b, c, a});
    return static_cast<int>(p_.code.size()) - 1;
  }
  int here() const { return static_cast<int>(p_.code.size()); }
  void patch(int at) { p_.code[static_cast<size_t>(at)].a = here(); }
  int constant(Value v) {
    p_.consts.push_back(std::move(v));
    return static_cast<int>(p_.consts.size()) - 1;
  }
  std::uint16_t name_index(const std::string& name) {
    for (size_t i = 0; i < p_.names.size(); ++i)
      if (p_.names[i] == name) return static_cast<std::uint16_t>(i);
    p_.names.push_back(name);
    return static_cast<std::uint16_t>(p_.names.size() - 1);
  }
  int global_slot(const std::string& name) {
    if (auto it = globals_.find(name); it != globals_.end()) return it->second;
    const int slot = static_cast<int>(p_.global_names.size());
    globals_[name] = slot;
    p_.global_names.push_back(name);
    if (name == "__name__")
      p_.global_builtins.push_back(Value::str("__main__"));
    else
      p_.global_builtins.push_back(builtin_value(name).value_or(Value()));
    return slot;
  }
  bool is_local(const std::string& name) const { return func_ >= 0 && locals_.contains(name); }
  int local_slot(const std::string& name) {
    if (auto it = locals_.find(name); it != locals_.end()) return it->second;
    const int slot = static_cast<int>(locals_.size());
    locals_[name] = slot;
    p_.funcs[static_cast<size_t>(func_)].local_names.push_back(name);
    return slot;
  }
  void load(const std::string& name) {
    if (is_local(name))
      emit(Op::LoadLocal, locals_[name]);
    else
      emit(Op::LoadGlobal, global_slot(name));
  }
  void store(const std::string& name) {
    if (func_ >= 0 && !declared_global_.contains(name))
      emit(Op::StoreLocal, local_slot(name));
    else
      emit(Op::StoreGlobal, global_slot(name));
  }

  // Names a function assigns (its locals, unless declared global).
  static void assigned_names(const Node& n, std::set<std::string>& out, std::set<std::string>& globals) {
    auto targets = [&](const Node& t, auto&& self) -> void {
      if (t.kind == NodeKind::Name) out.insert(t.text);
      if (t.kind == NodeKind::Tuple || t.kind == NodeKind::List)
        for (const auto& k : t.kids) self(*k, self);
    };
    switch (n.kind) {
      case NodeKind::Assign:
        for (size_t i = 0; i + 1 < n.kids.size(); ++i) targets(*n.kids[i], targets);
        break;
      case NodeKind::Def:
      case NodeKind::Class: out.insert(n.text); return;  // their bodies are other scopes
      case NodeKind::AugAssign:
      case NodeKind::For: targets(*n.kids[0], targets); break;
      case NodeKind::ExceptHandler:
        if (!n.text.empty()) out.insert(n.text);
        break;
      case NodeKind::Import:
      case NodeKind::FromImport:
        for (size_t i = 1; i < n.names.size(); i += 2) out.insert(n.names[i]);
        break;
      case NodeKind::Global: globals.insert(n.names.begin(), n.names.end()); break;
      default: break;
    }
    for (const auto* list : {&n.body, &n.orelse, &n.finalbody})
      for (const auto& s : *list) assigned_names(*s, out, globals);
    if (n.kind == NodeKind::Try)
      for (const auto& h : n.kids) assigned_names(*h, out, globals);
  }

  // ---- 2. statements ----------------------------------------------------------------------

  void statements(const std::vector<NodePtr>& body) {
    for (const auto& s : body) statement(*s);
  }

  void statement(const Node& n) {
    switch (n.kind) {
      case NodeKind::Global:
        if (func_ >= 0)
          for (const auto& name : n.names)
            if (func_params_.contains(name)) fail_at(n, fmt::format("name '{}' is parameter and global", name));
        return;
      case NodeKind::Try: return try_statement(n);
      default: break;
    }
    emit(Op::Stmt, n.line);
    switch (n.kind) {
      case NodeKind::ExprStmt:
        expr(*n.kids[0]);
        emit(Op::Pop);
        return;
      case NodeKind::Assign: {
        expr(*n.kids.back());
        for (size_t i = 0; i + 1 < n.kids.size(); ++i) {
          if (i + 2 < n.kids.size()) emit(Op::Dup);
          assign(*n.kids[i]);
        }
        return;
      }
      case NodeKind::AugAssign: return aug_assign(n);
      case NodeKind::Pass: return;
      case NodeKind::If: {
        expr(*n.kids[0]);
        const int to_else = emit(Op::JumpIfFalse);
        statements(n.body);
        if (n.orelse.empty()) return patch(to_else);
        const int to_end = emit(Op::Jump);
        patch(to_else);
        statements(n.orelse);
        return patch(to_end);
      }
      case NodeKind::While: {
        // The header's Stmt is the loop's target: every test of the condition costs a tick.
        const int head = here() - 1;
        int to_exit = -1;
        if (n.kids[0]->kind != NodeKind::True) {
          expr(*n.kids[0]);
          to_exit = emit(Op::JumpIfFalse);
        }
        blocks_.push_back({Block::Loop, false, {}, head, nullptr});
        statements(n.body);
        emit(Op::Jump, head);
        if (to_exit >= 0) patch(to_exit);
        for (int j : blocks_.back().exits) patch(j);
        blocks_.pop_back();
        return;
      }
      case NodeKind::For: {
        expr(*n.kids[1]);
        emit(Op::GetIter);
        const int to_first = emit(Op::Jump);
        const int head = emit(Op::Stmt, n.line);
        patch(to_first);
        const int next = emit(Op::ForIter);
        assign(*n.kids[0]);
        blocks_.push_back({Block::Loop, true, {}, head, nullptr});
        statements(n.body);
        emit(Op::Jump, head);
        patch(next);
        for (int j : blocks_.back().exits) patch(j);
        blocks_.pop_back();
        return;
      }
      case NodeKind::Break:
      case NodeKind::Continue: return loop_jump(n);
      case NodeKind::Return: {
        if (func_ < 0 || in_class_body()) fail_at(n, "'return' outside function");
        if (n.kids.empty())
          emit(Op::None);
        else
          expr(*n.kids[0]);
        leave_blocks(0);
        emit(Op::Return);
        return;
      }
      case NodeKind::Def: return def_statement(n);
      case NodeKind::Class: return class_statement(n);
      case NodeKind::Import:
        for (size_t i = 0; i < n.names.size(); i += 2) {
          const auto m = module_from_name(n.names[i]);
          if (!m) fail_at(n, fmt::format("module {} is not simulated in proclab", n.names[i]), true);
          emit(Op::Import, static_cast<int>(*m));
          store(n.names[i + 1]);
        }
        return;
      case NodeKind::FromImport: {
        const auto m = module_from_name(n.text);
        if (!m) fail_at(n, fmt::format("module {} is not simulated in proclab", n.text), true);
        for (size_t i = 0; i < n.names.size(); i += 2) {
          if (!module_attr(*m, n.names[i]))
            fail_at(n, fmt::format("{}.{} is not simulated in proclab", n.text, n.names[i]), true);
          emit(Op::Import, static_cast<int>(*m));
          emit(Op::GetAttr, name_index(n.names[i]));
          store(n.names[i + 1]);
        }
        return;
      }
      case NodeKind::Raise:
        if (n.kids.empty()) {
          if (handler_depth_ == 0) fail_at(n, "bare 'raise' outside an except block", true);
          load(fmt::format("$exc{}", handler_depth_));
        } else {
          for (const auto& k : n.kids) expr(*k);
        }
        emit(Op::Raise, n.kids.size() > 1 ? 2 : 1);
        return;
      case NodeKind::Assert: {
        expr(*n.kids[0]);
        const int ok = emit(Op::JumpIfTrue);
        emit(Op::Const, constant(Value::immediate(Type::ExcType, kAssertionError)));
        if (n.kids.size() > 1) expr(*n.kids[1]);
        emit(Op::Call, n.kids.size() > 1 ? 1 : 0);
        emit(Op::Raise, 1);
        patch(ok);
        return;
      }
      default: fail_at(n, "invalid syntax");
    }
  }

  void assign(const Node& target) {
    switch (target.kind) {
      case NodeKind::Name: return store(target.text);
      case NodeKind::Attr:
        expr(*target.kids[0]);
        emit(Op::SetAttr, name_index(target.text));
        return;
      case NodeKind::Subscript:
        if (target.kids[1]->kind == NodeKind::Slice) fail_at(target, "assigning to slices", true);
        expr(*target.kids[0]);
        expr(*target.kids[1]);
        emit(Op::SetItem);
        return;
      case NodeKind::Tuple:
      case NodeKind::List:
        emit(Op::Unpack, static_cast<int>(target.kids.size()));
        for (const auto& k : target.kids) assign(*k);
        return;
      default: fail_at(target, "cannot assign to this expression");
    }
  }

  void aug_assign(const Node& n) {
    const Node& t = *n.kids[0];
    const auto op = binop(n, n.text);
    if (t.kind == NodeKind::Name) {
      load(t.text);
      expr(*n.kids[1]);
      emit(Op::Binary, static_cast<int>(op), 1);
      return store(t.text);
    }
    if (t.kind == NodeKind::Attr) {  // [obj] -> [obj obj.x] -> [obj r] -> [r obj]
      expr(*t.kids[0]);
      emit(Op::Dup);
      emit(Op::GetAttr, name_index(t.text));
      expr(*n.kids[1]);
      emit(Op::Binary, static_cast<int>(op), 1);
      emit(Op::Rot2);
      emit(Op::SetAttr, name_index(t.text));
      return;
    }
    if (t.kind != NodeKind::Subscript || t.kids[1]->kind == NodeKind::Slice)
      fail_at(t, "augmented assignment to this target", true);
    expr(*t.kids[0]);
    expr(*t.kids[1]);
    emit(Op::Dup2);
    emit(Op::GetItem);
    expr(*n.kids[1]);
    emit(Op::Binary, static_cast<int>(op), 1);
    emit(Op::Rot3);
    emit(Op::SetItem);
  }

  // Decorators are evaluated first, then the function or class, then applied innermost first.
  void decorators(const Node& n) {
    for (const auto& d : n.decorators) expr(*d);
  }
  void apply_decorators(const Node& n) {
    for (size_t i = 0; i < n.decorators.size(); ++i) emit(Op::Call, 1);
  }
  bool in_class_body() const { return func_ >= 0 && p_.funcs[static_cast<size_t>(func_)].class_body; }
  std::string qualified(const std::string& name) const {
    return in_class_body() ? p_.funcs[static_cast<size_t>(func_)].name + "." + name : name;
  }

  void def_statement(const Node& n) {
    if (func_ >= 0 && !in_class_body()) fail_at(n, "functions defined inside functions", true);
    decorators(n);
    FuncInfo f;
    f.name = n.text;
    f.qualname = qualified(n.text);
    f.params = static_cast<std::int32_t>(n.names.size());
    const int index = static_cast<int>(p_.funcs.size());
    p_.funcs.push_back(std::move(f));
    pending_.emplace_back(index, &n);
    for (const auto& d : n.kids) expr(*d);  // defaults: evaluated once, when the def runs
    emit(Op::MakeFunction, index, static_cast<std::uint8_t>(n.kids.size()));
    apply_decorators(n);
    store(n.text);
  }

  // The body runs as a function whose assigned names become the class's attributes.
  void class_statement(const Node& n) {
    if (func_ >= 0 && !in_class_body()) fail_at(n, "classes defined inside functions", true);
    decorators(n);
    emit(Op::Const, constant(Value::str(n.text)));
    for (const auto& b : n.kids) expr(*b);
    emit(Op::BuildTuple, static_cast<int>(n.kids.size()));
    FuncInfo f;
    f.name = n.text;
    f.qualname = qualified(n.text);
    f.class_body = true;
    const int index = static_cast<int>(p_.funcs.size());
    p_.funcs.push_back(std::move(f));
    pending_.emplace_back(index, &n);
    emit(Op::MakeFunction, index);
    emit(Op::Call, 0);
    emit(Op::BuildClass);
    apply_decorators(n);
    store(n.text);
  }

  void function_body(int index, const Node& def) {
    func_ = index;
    locals_.clear();
    declared_global_.clear();
    func_params_.clear();
    blocks_.clear();
    handler_depth_ = 0;
    FuncInfo& f = p_.funcs[static_cast<size_t>(index)];
    f.entry = here();
    for (const auto& name : def.names) {
      if (locals_.contains(name)) fail_at(def, fmt::format("duplicate argument '{}' in function definition", name));
      local_slot(name);
      func_params_.insert(name);
    }
    std::set<std::string> assigned;
    for (const auto& s : def.body) assigned_names(*s, assigned, declared_global_);
    for (const auto& name : assigned)
      if (!declared_global_.contains(name)) local_slot(name);
    statements(def.body);
    if (p_.funcs[static_cast<size_t>(index)].class_body)
      emit(Op::ClassNamespace);
    else
      emit(Op::None);
    emit(Op::Return);
    p_.funcs[static_cast<size_t>(index)].locals = static_cast<std::int32_t>(locals_.size());
  }

  // ---- 3. try/finally and jumps out of blocks ---------------------------------------------

  // Emits what leaving the blocks above `keep` needs: handler pops and finally bodies.
  void leave_blocks(size_t keep) {
    for (size_t i = blocks_.size(); i-- > keep;) {
      const Block b = blocks_[i];
      if (b.kind == Block::Except) emit(Op::PopExcept);
      if (b.kind == Block::Finally) {
        emit(Op::PopExcept);
        auto saved = std::move(blocks_);
        blocks_.assign(saved.begin(), saved.begin() + static_cast<std::ptrdiff_t>(i));
        statements(*b.finalbody);
        blocks_ = std::move(saved);
      }
    }
  }

  void loop_jump(const Node& n) {
    size_t loop = blocks_.size();
    while (loop > 0 && blocks_[loop - 1].kind != Block::Loop) --loop;
    if (loop == 0) fail_at(n, fmt::format("'{}' outside loop", n.kind == NodeKind::Break ? "break" : "continue"));
    leave_blocks(loop);
    Block& b = blocks_[loop - 1];
    if (n.kind == NodeKind::Continue) {
      emit(Op::Jump, b.continue_target);
      return;
    }
    if (b.for_loop) emit(Op::Pop);  // the loop's iterator
    b.exits.push_back(emit(Op::Jump));
  }

  void try_statement(const Node& n) {
    int to_finally = -1;
    if (!n.finalbody.empty()) {
      to_finally = emit(Op::SetupExcept);
      blocks_.push_back({Block::Finally, false, {}, 0, &n.finalbody});
    }
    if (n.kids.empty()) {
      statements(n.body);
    } else {
      const int to_handlers = emit(Op::SetupExcept);
      blocks_.push_back({Block::Except, false, {}, 0, nullptr});
      statements(n.body);
      blocks_.pop_back();
      emit(Op::PopExcept);
      statements(n.orelse);
      const int to_done = emit(Op::Jump);
      patch(to_handlers);
      handlers(n);
      patch(to_done);
    }
    if (to_finally >= 0) {
      blocks_.pop_back();
      emit(Op::PopExcept);
      statements(n.finalbody);
      const int to_end = emit(Op::Jump);
      patch(to_finally);
      ++handler_depth_;
      const std::string saved = fmt::format("$exc{}", handler_depth_);
      store(saved);
      statements(n.finalbody);
      load(saved);
      emit(Op::Raise, 1);
      --handler_depth_;
      patch(to_end);
    }
  }

  // The exception is on the stack; each handler tests its type in turn; none: re-raise.
  void handlers(const Node& n) {
    std::vector<int> to_end;
    ++handler_depth_;
    const std::string saved = fmt::format("$exc{}", handler_depth_);
    for (const auto& h : n.kids) {
      emit(Op::Stmt, h->line);
      int to_next = -1;
      if (!h->kids.empty()) {
        expr(*h->kids[0]);
        emit(Op::ExcMatch);
        to_next = emit(Op::JumpIfFalse);
      }
      emit(Op::Dup);
      store(saved);
      if (h->text.empty())
        emit(Op::Pop);
      else
        store(h->text);
      statements(h->body);
      to_end.push_back(emit(Op::Jump));
      if (to_next >= 0) patch(to_next);
    }
    emit(Op::Raise, 1);
    --handler_depth_;
    for (int j : to_end) patch(j);
  }

  // ---- 4. expressions ---------------------------------------------------------------------

  static BinOp binop(const Node& at, const std::string& op) {
    static const std::map<std::string, BinOp> ops = {
        {"+", BinOp::Add}, {"-", BinOp::Sub}, {"*", BinOp::Mul}, {"/", BinOp::Div},
        {"//", BinOp::FloorDiv}, {"%", BinOp::Mod}, {"**", BinOp::Pow}, {"&", BinOp::And},
        {"|", BinOp::Or}, {"^", BinOp::Xor}, {"<<", BinOp::Shl}, {">>", BinOp::Shr}};
    auto it = ops.find(op);
    if (it == ops.end()) fail_at(at, "the operator " + op, true);
    return it->second;
  }
  static CmpOp cmpop(const std::string& op) {
    static const std::map<std::string, CmpOp> ops = {
        {"<", CmpOp::Lt}, {"<=", CmpOp::Le}, {"==", CmpOp::Eq}, {"!=", CmpOp::Ne},
        {">", CmpOp::Gt}, {">=", CmpOp::Ge}, {"in", CmpOp::In}, {"not in", CmpOp::NotIn},
        {"is", CmpOp::Is}, {"is not", CmpOp::IsNot}};
    return ops.at(op);
  }

  // Keyword arguments: their values in order, then a tuple of their names.
  int arguments(const Node& call, size_t first, int* keywords) {
    int positional = 0;
    std::vector<Value> names;
    for (size_t i = first; i < call.kids.size(); ++i) {
      const Node& a = *call.kids[i];
      if (a.kind == NodeKind::Keyword) {
        expr(*a.kids[0]);
        names.push_back(Value::str(a.text));
      } else {
        expr(a);
        ++positional;
      }
    }
    *keywords = static_cast<int>(names.size());
    if (!names.empty()) emit(Op::Const, constant(Value::tuple(std::move(names))));
    return positional;
  }

  void expr(const Node& n) {
    switch (n.kind) {
      case NodeKind::Name: return load(n.text);
      case NodeKind::Int:
        if (n.ival >= INT32_MIN && n.ival <= INT32_MAX) {
          emit(Op::Int, static_cast<std::int32_t>(n.ival));
          return;
        }
        emit(Op::Const, constant(Value::integer(n.ival)));
        return;
      case NodeKind::Float: emit(Op::Const, constant(Value::real(n.fval))); return;
      case NodeKind::Str: emit(Op::Const, constant(Value::str(n.text))); return;
      case NodeKind::True: emit(Op::True); return;
      case NodeKind::False: emit(Op::False); return;
      case NodeKind::None: emit(Op::None); return;
      case NodeKind::FString:
        for (const auto& part : n.kids) {
          if (part->kind == NodeKind::Str) {
            expr(*part);
            continue;
          }
          expr(*part->kids[0]);
          if (!part->names.empty()) emit(Op::Const, constant(Value::str(part->names[0])));
          emit(Op::Format, part->text.empty() ? 0 : part->text[0], part->names.empty() ? 0 : 1);
        }
        emit(Op::BuildString, static_cast<int>(n.kids.size()));
        return;
      case NodeKind::BinOp:
        expr(*n.kids[0]);
        expr(*n.kids[1]);
        emit(Op::Binary, static_cast<int>(binop(n, n.text)));
        return;
      case NodeKind::UnaryOp:
        expr(*n.kids[0]);
        emit(Op::Unary, n.text == "not" ? '!' : n.text[0]);
        return;
      case NodeKind::And:
      case NodeKind::Or: {
        expr(*n.kids[0]);
        const int j = emit(n.kind == NodeKind::And ? Op::JumpIfFalseOrPop : Op::JumpIfTrueOrPop);
        expr(*n.kids[1]);
        patch(j);
        return;
      }
      case NodeKind::Compare: return comparison(n);
      case NodeKind::Call: {
        int keywords = 0;
        const Node& callee = *n.kids[0];
        if (callee.kind == NodeKind::Attr) {
          emit(Op::None);  // the slot the method takes
          expr(*callee.kids[0]);
          const int positional = arguments(n, 1, &keywords);
          emit(Op::CallMethod, positional, static_cast<std::uint8_t>(keywords), name_index(callee.text));
          return;
        }
        expr(callee);
        if (callee.kind == NodeKind::Name && callee.text == "super" && n.kids.size() == 1 && func_ >= 0 &&
            !in_class_body() && !p_.funcs[static_cast<size_t>(func_)].local_names.empty()) {
          // super() is super(the defining class, the first argument), as CPython's __class__ cell
          emit(Op::LoadOwner);
          emit(Op::LoadLocal, 0);
          emit(Op::Call, 2);
          return;
        }
        const int positional = arguments(n, 1, &keywords);
        emit(Op::Call, positional, static_cast<std::uint8_t>(keywords));
        return;
      }
      case NodeKind::Attr:
        expr(*n.kids[0]);
        emit(Op::GetAttr, name_index(n.text));
        return;
      case NodeKind::Subscript:
        expr(*n.kids[0]);
        if (n.kids[1]->kind == NodeKind::Slice) {
          for (const auto& k : n.kids[1]->kids) expr(*k);
          emit(Op::Slice);
          return;
        }
        expr(*n.kids[1]);
        emit(Op::GetItem);
        return;
      case NodeKind::List:
      case NodeKind::Tuple:
        for (const auto& k : n.kids) expr(*k);
        emit(n.kind == NodeKind::List ? Op::BuildList : Op::BuildTuple, static_cast<int>(n.kids.size()));
        return;
      case NodeKind::Dict:
        for (const auto& k : n.kids) expr(*k);
        emit(Op::BuildDict, static_cast<int>(n.kids.size() / 2));
        return;
      case NodeKind::IfExp: {
        expr(*n.kids[0]);
        const int to_else = emit(Op::JumpIfFalse);
        expr(*n.kids[1]);
        const int to_end = emit(Op::Jump);
        patch(to_else);
        expr(*n.kids[2]);
        patch(to_end);
        return;
      }
      case NodeKind::Slice: fail_at(n, "invalid syntax: a slice outside brackets");
      default: fail_at(n, "invalid syntax");
    }
  }

  // a < b < c: each middle operand is evaluated once; the chain stops at the first False.
  void comparison(const Node& n) {
    expr(*n.kids[0]);
    std::vector<int> to_cleanup;
    for (size_t i = 0; i < n.names.size(); ++i) {
      expr(*n.kids[i + 1]);
      const bool last = i + 1 == n.names.size();
      if (!last) {
        emit(Op::Dup);
        emit(Op::Rot3);
      }
      emit(Op::Compare, static_cast<int>(cmpop(n.names[i])));
      if (!last) to_cleanup.push_back(emit(Op::JumpIfFalseOrPop));
    }
    if (to_cleanup.empty()) return;
    const int to_end = emit(Op::Jump);
    for (int j : to_cleanup) patch(j);
    emit(Op::Rot2);
    emit(Op::Pop);
    patch(to_end);
  }

  CompiledProgram& p_;
  int func_ = -1;
  std::map<std::string, int> globals_;
  std::map<std::string, int> locals_;
  std::set<std::string> declared_global_;
  std::set<std::string> func_params_;
  std::vector<Block> blocks_;
  int handler_depth_ = 0;
  std::vector<std::pair<int, const Node*>> pending_;
};

}  // namespace
}  // namespace lang

// ---- 5. compile_program and its error messages --------------------------------------------

namespace {

// "file:line:col: message", then the source line and a caret under the column.
std::string positioned(std::string_view source, const LangOptions& options, int line, int col,
                       const std::string& message) {
  std::string text = fmt::format("{}:{}:{}: {}", options.file_name, line, col, message);
  size_t start = 0;
  for (int l = 1; l < line && start != std::string_view::npos; ++l) {
    start = source.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos || start > source.size()) return text;
  const size_t end = source.find('\n', start);
  std::string code(source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
  if (!code.empty() && code.back() == '\r') code.pop_back();
  // Long lines are shown as a window around the column.
  std::vector<size_t> starts;  // byte offset of each character
  for (size_t i = 0; i < code.size(); ++i)
    if ((static_cast<unsigned char>(code[i]) & 0xC0) != 0x80) starts.push_back(i);
  const size_t column = static_cast<size_t>(std::max(col, 1)) - 1;
  size_t first = 0, last = starts.size();
  constexpr size_t kWindow = 60;
  if (column > kWindow) first = column - kWindow;
  if (last > column + kWindow) last = column + kWindow;
  std::string shown = first < starts.size()
                          ? code.substr(starts[first], (last < starts.size() ? starts[last] : code.size()) - starts[first])
                          : std::string();
  std::string caret = first > 0 ? "   " : "";
  if (first > 0) shown = "..." + shown;
  if (last < starts.size()) shown += "...";
  for (size_t i = first; i < column && i < starts.size(); ++i) caret += code[starts[i]] == '\t' ? '\t' : ' ';
  code = std::move(shown);
  return text + "\n    " + code + "\n    " + caret + "^";
}

}  // namespace

Expected<std::shared_ptr<const CompiledProgram>> compile_program(std::string_view source,
                                                                 const LangOptions& options) {
  if (options.statement_cost < 1 || options.ticks_per_second < 1)
    return Error{"statement cost and ticks per second must be at least 1"};
  std::vector<lang::NodePtr> tree;
  lang::ParseError error;
  auto program = std::make_shared<CompiledProgram>();
  program->options = options;
  bool ok = lang::parse_program(source, tree, &error);
  if (ok) {
    try {
      lang::Compiler(*program).module(tree);
    } catch (lang::ParseError& e) {
      error = std::move(e);
      ok = false;
    }
  }
  if (!ok) {
    const bool plain = error.message.starts_with("module ") || error.message.find(" is not simulated") != std::string::npos;
    const std::string message = error.unsupported
                                    ? (plain ? error.message : "not supported in proclab: " + error.message)
                                    : "SyntaxError: " + error.message;
    return Error{positioned(source, options, error.line, error.col, message)};
  }
  return std::shared_ptr<const CompiledProgram>(std::move(program));
}

}  // namespace proclab
