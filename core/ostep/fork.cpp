// fork.py: a process tree grown by "X forks Y" and shrunk by "X EXITS". An exiting process's
// descendants all move to the root a (its children only, to its parent, with -R). Names are the
// script's a..z A..Z, then two letters, and so on; a repeated name in -A is taken as the script
// takes it (docs/ostep.md, "fork").
//
//   options        the flags
//   Forker         the tree, its actions and its printing (the script's class)
//   run_fork       the problem: the actions (generated or -A), then each action and tree
#include <algorithm>
#include <map>
#include <optional>
#include <variant>
#include <vector>

#include "proclab/py_random.h"
#include "simulators.h"

namespace proclab::ostep {
namespace {

constexpr std::string_view kScript = "fork.py";

constexpr OptSpec kOptions[] = {
    {'s', "seed", "seed", OptKind::Int, "-1", "the random seed"},
    {'f', "forks", "fork_percentage", OptKind::Float, "0.7", "percent of actions that are forks (not exits)"},
    {'A', "action_list", "action_list", OptKind::String, "",
     "action list, instead of randomly generated ones (format: a+b,b+c,b- means a fork b, b fork c, b exit)"},
    {'a', "actions", "actions", OptKind::Int, "5", "number of forks/exits to do"},
    {'t', "show_tree", "show_tree", OptKind::Flag, "False", "show tree (not actions)"},
    {'P', "print_style", "print_style", OptKind::String, "fancy", "tree print style (basic, line1, line2, fancy)"},
    {'F', "final_only", "just_final", OptKind::Flag, "False", "just show final state"},
    {'L', "leaf_only", "leaf_only", OptKind::Flag, "False", "only leaf processes exit"},
    {'R', "local_reparent", "local_reparent", OptKind::Flag, "False", "reparent to local parent"},
    {'c', "compute", "solve", OptKind::Flag, "False", "compute answers for me"},
};

constexpr int kMaxDepth = 990;                 // about where CPython's recursion limit (1000) stops walk()
constexpr std::int64_t kMaxDraws = 10'000'000;  // draws while generating actions

constexpr std::string_view kBaseNames = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

const char* py_bool(bool b) { return b ? "True" : "False"; }

// How a run stops early: the script's own exit(1), or the Python exception it would raise.
struct Stop {
  bool script_exit;  // printed its message, exit(1)
  std::string exception;
};

class Forker {
 public:
  Forker(std::string style, bool leaf_only, bool local_reparent) : style_(std::move(style)), leaf_only_(leaf_only), local_(local_reparent) {
    process_list_ = {"a"};
    children_["a"] = std::vector<std::string>{};
    for (const char c : kBaseNames) curr_names_.emplace_back(1, c);
  }

  std::string get_name() {
    if (curr_index_ == curr_names_.size()) {
      std::vector<std::string> grown;
      for (const auto& b1 : curr_names_) {
        for (const char c : kBaseNames) grown.push_back(b1 + c);
      }
      curr_names_ = std::move(grown);
      curr_index_ = 0;
    }
    return curr_names_[curr_index_++];
  }

  std::optional<Stop> print_tree(Printer& p) {
    std::map<int, bool> pmask;
    return walk(p, "a", 0, pmask, false);
  }

  bool alive(const std::string& name) const {
    return std::find(process_list_.begin(), process_list_.end(), name) != process_list_.end();
  }

  std::string fork(const std::string& parent, const std::string& child) {
    process_list_.push_back(child);
    children_[child] = std::vector<std::string>{};
    children_[parent]->push_back(child);  // the parent is alive, so its list exists
    parents_[child] = parent;
    return parent + " forks " + child;
  }

  // The action's text, or how the script stops on it.
  std::variant<std::string, Stop> exit(Printer& p, const std::string& name) {
    if (leaf_only_) {
      const auto& kids = children_[name];
      if (!kids) return Stop{false, "TypeError: object of type 'int' has no len()"};
      if (!kids->empty()) return name + " EXITS (failed: has children)";
    }
    if (name == "a") {
      p.text("root process: cannot exit\n");
      return Stop{true, ""};
    }
    const std::optional<std::string> exit_parent = parents_[name];
    process_list_.erase(std::find(process_list_.begin(), process_list_.end(), name));
    if (local_) {
      const auto kids = children_[name];
      if (!kids) return Stop{false, "TypeError: 'int' object is not iterable"};
      for (const auto& orphan : *kids) {
        parents_[orphan] = exit_parent;
        if (!exit_parent) return Stop{false, "KeyError: -1"};
        auto& list = children_[*exit_parent];
        if (!list) return Stop{false, "AttributeError: 'int' object has no attribute 'append'"};
        list->push_back(orphan);
      }
    } else {
      std::vector<std::string> descendants;
      if (auto s = collect(name, 0, descendants)) return *s;
      descendants.erase(std::find(descendants.begin(), descendants.end(), name));
      for (const auto& d : descendants) {
        children_[d] = std::vector<std::string>{};
        parents_[d] = "a";
        children_["a"]->push_back(d);
      }
    }
    if (!exit_parent) return Stop{false, "KeyError: -1"};
    auto& siblings = children_[*exit_parent];
    if (!siblings) return Stop{false, "AttributeError: 'int' object has no attribute 'remove'"};
    const auto it = std::find(siblings->begin(), siblings->end(), name);
    if (it == siblings->end()) return Stop{false, "ValueError: list.remove(x): x not in list"};
    siblings->erase(it);
    children_[name] = std::nullopt;  // the script's -1: "should never be used again"
    parents_[name] = std::nullopt;
    return name + " EXITS";
  }

 private:
  std::optional<Stop> collect(const std::string& p, int depth, std::vector<std::string>& out) {
    if (depth > kMaxDepth) return Stop{false, "RecursionError: maximum recursion depth exceeded"};
    out.push_back(p);
    const auto& kids = children_[p];
    if (!kids) return Stop{false, "TypeError: 'int' object is not iterable"};
    const std::vector<std::string> copy = *kids;
    for (const auto& c : copy) {
      if (auto s = collect(c, depth + 1, out)) return s;
    }
    return std::nullopt;
  }

  std::optional<Stop> walk(Printer& p, const std::string& name, int level, std::map<int, bool>& pmask, bool is_last) {
    if (level > kMaxDepth) return Stop{false, "RecursionError: maximum recursion depth exceeded"};
    if (p.full()) return Stop{false, ""};
    p.text("                               ");
    if (style_ == "basic") {
      for (int i = 0; i < level; ++i) p.text("   ");
      p.print("{:>2}\n", name);
      const auto kids = children_[name];
      if (!kids) return Stop{false, "TypeError: 'int' object is not iterable"};
      for (const auto& child : *kids) {
        std::map<int, bool> fresh;
        if (auto s = walk(p, child, level + 1, fresh, false)) return s;
      }
      return std::nullopt;
    }
    const char* chars[4];
    if (style_ == "line1") {
      chars[0] = "|", chars[1] = "-", chars[2] = "+", chars[3] = "|";
    } else if (style_ == "line2") {
      chars[0] = "|", chars[1] = "_", chars[2] = "|", chars[3] = "|";
    } else if (style_ == "fancy") {
      chars[0] = "\u2502", chars[1] = "\u2500", chars[2] = "\u251c", chars[3] = "\u2514";
    } else {
      p.print("bad style {}\n", style_);
      return Stop{true, ""};
    }
    if (level > 0) {
      for (int i = 0; i < level - 1; ++i) p.text(pmask[i] ? fmt::format("{}   ", chars[0]) : "    ");
      if (pmask[level - 1]) {
        p.print("{}{}{} ", is_last ? chars[3] : chars[2], chars[1], chars[1]);
      } else {
        p.print(" {}{}{} ", chars[1], chars[1], chars[1]);
      }
    }
    p.print("{}\n", name);
    if (is_last) pmask[level - 1] = false;
    pmask[level] = true;
    const auto kids = children_[name];
    if (!kids) return Stop{false, "TypeError: 'int' object is not subscriptable"};
    for (std::size_t i = 0; i < kids->size(); ++i) {
      if (auto s = walk(p, (*kids)[i], level + 1, pmask, i + 1 == kids->size())) return s;
    }
    return std::nullopt;
  }

  std::string style_;
  bool leaf_only_;
  bool local_;
  std::vector<std::string> process_list_;
  std::map<std::string, std::optional<std::vector<std::string>>> children_;  // nullopt: exited (-1)
  std::map<std::string, std::optional<std::string>> parents_;
  std::vector<std::string> curr_names_;
  std::size_t curr_index_ = 1;  // 'a' is the root
};

}  // namespace

Output run_fork(std::span<const std::string> args, std::uint64_t entropy_seed) {
  auto cmd = parse_command_line(kScript, kOptions, args);
  if (cmd.early) return *cmd.early;
  const OptValues& o = cmd.values;
  Printer p;
  auto actions = int_option(o, "actions", "-a");
  if (!actions) return p.bad_input(kScript, actions.error().message);
  PyRandom rng;
  const PyInt& seed = o.integer("seed");
  if (seed.negative && seed.words == std::vector<std::uint32_t>{1}) {
    const std::uint32_t words[2] = {static_cast<std::uint32_t>(entropy_seed), static_cast<std::uint32_t>(entropy_seed >> 32)};
    rng.seed_words(words);
  } else {
    rng.seed_words(seed_words(seed));
  }
  const double fork_percentage = o.real("fork_percentage");
  if (fork_percentage <= 0.001) {
    p.text("fork_percentage must be > 0.001\n");
    return p.done(1);
  }
  const bool show_tree = o.flag("show_tree"), just_final = o.flag("just_final"), solve = o.flag("solve");
  p.text("\n");
  p.print("ARG seed {}\n", seed.to_string());
  p.print("ARG fork_percentage {}\n", py_float_repr(fork_percentage));
  p.print("ARG actions {}\n", *actions);
  p.print("ARG action_list {}\n", o.text("action_list"));
  p.print("ARG show_tree {}\n", py_bool(show_tree));
  p.print("ARG just_final {}\n", py_bool(just_final));
  p.print("ARG leaf_only {}\n", py_bool(o.flag("leaf_only")));
  p.print("ARG local_reparent {}\n", py_bool(o.flag("local_reparent")));
  p.print("ARG print_style {}\n", o.text("print_style"));
  p.print("ARG solve {}\n", py_bool(solve));
  p.text("\n");

  Forker f(o.text("print_style"), o.flag("leaf_only"), o.flag("local_reparent"));
  auto stopped = [&](const Stop& s) {
    if (s.script_exit) return p.done(1);
    if (s.exception.empty()) return p.limit(kScript);
    return p.crash(kScript, s.exception);
  };
  p.text("                           Process Tree:\n");
  if (auto s = f.print_tree(p)) return stopped(*s);
  p.text("\n");

  std::vector<std::string> action_list;
  if (!o.text("action_list").empty()) {
    action_list = py_split(o.text("action_list"), ',');
  } else {
    if (*actions > kMaxItems) return p.bad_input(kScript, "option -a: more actions than proclab simulates (100000)");
    std::vector<std::string> temp = {"a"};
    std::int64_t done = 0, draws = 0;
    auto choice = [&] { return static_cast<std::size_t>(rng.random() * static_cast<double>(temp.size())); };
    while (done < *actions) {
      if (++draws > kMaxDraws) return p.bad_input(kScript, "-f: the script would draw for ever (exits of the root only)");
      if (rng.random() < fork_percentage) {
        const std::string parent = temp[choice()];
        const std::string child = f.get_name();
        action_list.push_back(parent + "+" + child);
        temp.push_back(child);
      } else {
        const std::size_t k = choice();
        if (temp[k] == "a") continue;
        action_list.push_back(temp[k] + "-");
        temp.erase(temp.begin() + static_cast<std::ptrdiff_t>(k));
      }
      ++done;
    }
  }

  for (const auto& a : action_list) {
    if (p.full()) return p.limit(kScript);
    auto bad_action = [&] {
      p.print("bad action ({}), must be X+Y or X- where X and Y are processes\n", a);
      return p.done(1);
    };
    std::string action;
    if (a.find('+') != std::string::npos) {
      const auto parts = py_split(a, '+');
      if (parts.size() != 2 || !f.alive(parts[0])) return bad_action();
      action = f.fork(parts[0], parts[1]);
    } else if (a.find('-') != std::string::npos) {
      const auto parts = py_split(a, '-');
      if (parts.size() != 2 || !f.alive(parts[0])) return bad_action();
      auto r = f.exit(p, parts[0]);
      if (auto* s = std::get_if<Stop>(&r)) return stopped(*s);
      action = std::get<std::string>(r);
    } else {
      return bad_action();
    }
    if (show_tree) {
      p.text(solve ? "Action: " + action + "\n" : "Action?\n");
      if (!just_final) {
        if (auto s = f.print_tree(p)) return stopped(*s);
      }
    } else {
      p.print("Action: {}\n", action);
      if (!just_final) {
        if (solve) {
          if (auto s = f.print_tree(p)) return stopped(*s);
        } else {
          p.text("Process Tree?\n");
        }
      }
    }
  }
  if (just_final) {
    if (show_tree || solve) {
      p.text("\n                        Final Process Tree:\n");
      if (auto s = f.print_tree(p)) return stopped(*s);
      p.text("\n");
    } else {
      p.text("\n                        Final Process Tree?\n\n");
    }
  }
  return p.done();
}

}  // namespace proclab::ostep
