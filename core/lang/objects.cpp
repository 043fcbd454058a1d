// Classes: attribute lookup along the MRO, subclass tests and the C3 linearization.
#include "objects.h"

#include <algorithm>

#include "builtins.h"

namespace proclab::lang {

bool AttrTable::erase(std::string_view name) {
  for (auto it = items.begin(); it != items.end(); ++it)
    if (it->first == name) {
      items.erase(it);
      return true;
    }
  return false;
}

bool is_not_implemented(const Value& v) {
  return v.type() == Type::Builtin && v.i() == static_cast<int>(Fn::NotImplemented);
}

const Value* class_lookup(const Value& cls, std::string_view name, Value* where) {
  if (cls.type() != Type::Class) return nullptr;
  const auto& c = cls.as<ClassObj>();
  if (const Value* v = c.attrs.find(name)) {
    if (where) *where = cls;
    return v;
  }
  for (const Value& base : c.mro)
    if (base.type() == Type::Class)
      if (const Value* v = base.as<ClassObj>().attrs.find(name)) {
        if (where) *where = base;
        return v;
      }
  return nullptr;
}

std::string class_name(const Value& cls) {
  if (cls.type() == Type::Class) return cls.as<ClassObj>().name;
  if (cls.type() == Type::ExcType) return exc_name(static_cast<int>(cls.i()));
  if (cls.type() == Type::Builtin) return fn_name(static_cast<Fn>(cls.i()));
  return type_name(cls);
}

Value exception_class(const Value& exc) {
  const auto& e = exc.as<ExcObj>();
  if (e.cls.type() == Type::Class) return e.cls;
  return Value::immediate(Type::ExcType, e.exc_type);
}

Value class_of(const Value& v) {
  if (v.type() == Type::Instance) return v.as<InstanceObj>().cls;
  if (v.type() == Type::Exc) return v.as<ExcObj>().cls;
  return Value();
}

namespace {
bool same_class(const Value& a, const Value& b) {
  if (a.type() != b.type()) return false;
  return a.is_heap() ? a.obj() == b.obj() : a.i() == b.i();
}
}  // namespace

bool is_subclass(const Value& c, const Value& base) {
  if (same_class(c, base)) return true;
  if (c.type() == Type::ExcType)
    return base.type() == Type::ExcType && exc_is(static_cast<int>(c.i()), static_cast<int>(base.i()));
  if (c.type() != Type::Class) return false;
  const auto& k = c.as<ClassObj>();
  for (const Value& m : k.mro)
    if (same_class(m, base)) return true;
  // Built-in exception bases stand for their own ancestors too (ValueError -> Exception).
  return k.exc_base >= 0 && base.type() == Type::ExcType && exc_is(k.exc_base, static_cast<int>(base.i()));
}

namespace {
// A class and its MRO, as one list (the C3 inputs).
std::vector<Value> linearization(const Value& c) {
  std::vector<Value> out{c};
  if (c.type() == Type::Class)
    for (const Value& m : c.as<ClassObj>().mro) out.push_back(m);
  return out;
}
}  // namespace

// C3 as CPython's type.mro(): merge the bases' linearizations and the list of bases, each
// step taking the first head that is in no other list's tail.
bool c3_mro(const std::vector<Value>& bases, std::vector<Value>* out, std::string* error) {
  std::vector<std::vector<Value>> seqs;
  for (const Value& b : bases) seqs.push_back(linearization(b));
  seqs.push_back(bases);
  out->clear();
  while (true) {
    std::erase_if(seqs, [](const std::vector<Value>& s) { return s.empty(); });
    if (seqs.empty()) return true;
    const Value* pick = nullptr;
    for (const auto& s : seqs) {
      const Value& head = s.front();
      bool in_tail = false;
      for (const auto& other : seqs)
        for (size_t i = 1; i < other.size() && !in_tail; ++i) in_tail = same_class(other[i], head);
      if (!in_tail) {
        pick = &head;
        break;
      }
    }
    if (!pick) {
      *error = "Cannot create a consistent method resolution\norder (MRO) for bases";  // CPython breaks the line
      for (size_t i = 0; i < bases.size(); ++i)
        *error += (i ? ", " : " ") + class_name(bases[i]);
      return false;
    }
    const Value chosen = *pick;
    out->push_back(chosen);
    for (auto& s : seqs)
      if (same_class(s.front(), chosen)) s.erase(s.begin());
  }
}

}  // namespace proclab::lang
