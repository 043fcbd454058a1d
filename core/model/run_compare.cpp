// Comparing two runs: tree paths, mapped output, exit codes and state sequences.
#include "proclab/run_compare.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>

namespace proclab {

std::vector<std::pair<std::string, const ProcessRow*>> fork_tree_paths(const RunModel& model) {
  std::map<Pid, std::vector<const ProcessRow*>> children;  // creation order within each parent
  for (const ProcessRow& p : model.processes())
    if (p.pid != kInitPid && p.state != ProcState::New) children[p.original_ppid].push_back(&p);
  std::vector<std::pair<std::string, const ProcessRow*>> out;
  const auto walk = [&](Pid parent, const std::string& prefix, auto&& self) -> void {
    const auto it = children.find(parent);
    if (it == children.end()) return;
    for (size_t i = 0; i < it->second.size(); ++i) {
      const std::string path = prefix + std::to_string(i + 1);
      out.emplace_back(path, it->second[i]);
      self(it->second[i]->pid, path + ".", self);
    }
  };
  walk(kInitPid, "", walk);
  return out;
}

std::string map_pids(std::string_view text, const std::unordered_map<Pid, Pid>& pids) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      out += text[i++];
      continue;
    }
    size_t j = i;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    const std::string_view number = text.substr(i, j - i);
    const auto it = number.size() < 9 ? pids.find(std::stoi(std::string(number))) : pids.end();
    out += it == pids.end() ? std::string(number) : std::to_string(it->second);
    i = j;
  }
  return out;
}

namespace {

std::string state_letters(const RunModel& m, const ProcessRow& p) {
  std::string letters;
  const auto add = [&](char c) {
    if (letters.empty() || letters.back() != c) letters += c;
  };
  for (const StateSpan& s : m.states(static_cast<size_t>(m.index_of(p.pid)))) add(linux_letter(s.state));
  if (p.state == ProcState::Terminated) add(linux_letter(ProcState::Terminated));
  std::string spaced;
  for (char c : letters) spaced += spaced.empty() ? std::string(1, c) : std::string(" ") + c;
  return spaced;
}

std::vector<std::string> output_of(const RunModel& m) {
  std::vector<std::string> lines;
  for (const OutputLine& l : m.output()) lines.emplace_back(m.text(l));
  return lines;
}

// The lines only one side has, at most three, quoted.
std::string only_in(std::vector<std::string> a, std::vector<std::string> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::vector<std::string> extra;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(extra));
  std::string out;
  for (size_t i = 0; i < extra.size() && i < 3; ++i) out += (i ? ", \"" : "\"") + extra[i] + "\"";
  if (extra.size() > 3) out += " and " + std::to_string(extra.size() - 3) + " more";
  return out.empty() ? "nothing" : out;
}

}  // namespace

RunComparison compare_runs(const RunModel& simulated, const RunModel& real) {
  RunComparison c;
  const auto sim_paths = fork_tree_paths(simulated), real_paths = fork_tree_paths(real);
  std::map<std::string, Pid> sim_pid_at;
  for (const auto& [path, p] : sim_paths) sim_pid_at[path] = p->pid;
  c.real_to_simulated[kInitPid] = kInitPid;
  for (const auto& [path, p] : real_paths)
    if (auto it = sim_pid_at.find(path); it != sim_pid_at.end()) c.real_to_simulated[p->pid] = it->second;

  const auto per_process = [](const auto& paths, const RunModel& m, auto&& entry) {
    std::vector<std::string> out;
    for (const auto& [path, p] : paths) out.push_back(entry(path, m, *p));
    return out;
  };
  const auto path_only = [](const std::string& path, const RunModel&, const ProcessRow&) { return path; };
  const auto exit_code = [](const std::string& path, const RunModel&, const ProcessRow& p) {
    return path + ": " + (p.exit_status ? std::to_string(*p.exit_status) : "-");
  };
  const auto states = [](const std::string& path, const RunModel& m, const ProcessRow& p) {
    return path + ": " + state_letters(m, p);
  };
  c.tree = {per_process(sim_paths, simulated, path_only), per_process(real_paths, real, path_only), false};
  c.exit_codes = {per_process(sim_paths, simulated, exit_code), per_process(real_paths, real, exit_code), false};
  c.states = {per_process(sim_paths, simulated, states), per_process(real_paths, real, states), false};
  const std::vector<std::string> sim_in_order = output_of(simulated);
  // A number equal to a real lab pid is read as that pid only when the line as printed matches
  // no simulated line (small lab pids collide with numbers programs print, like "2").
  std::map<std::string, int> unmatched;
  for (const std::string& l : sim_in_order) ++unmatched[l];
  std::vector<std::string> real_in_order;
  for (const OutputLine& l : real.output()) {
    std::string line(real.text(l));
    if (unmatched[line] <= 0) line = map_pids(line, c.real_to_simulated);
    --unmatched[line];
    real_in_order.push_back(std::move(line));
  }
  c.output = {sim_in_order, real_in_order, false};
  std::sort(c.output.simulated.begin(), c.output.simulated.end());
  std::sort(c.output.real.begin(), c.output.real.end());
  for (ComparedPart* part : {&c.tree, &c.output, &c.exit_codes, &c.states}) part->same = part->simulated == part->real;
  c.same = c.tree.same && c.output.same && c.exit_codes.same && c.states.same;

  if (!c.tree.same)
    c.notes.push_back("tree: the simulation created " + std::to_string(sim_paths.size()) + " processes, the real run " +
                      std::to_string(real_paths.size()) + "; only simulated: " + only_in(c.tree.simulated, c.tree.real) +
                      "; only real: " + only_in(c.tree.real, c.tree.simulated));
  if (!c.output.same)
    c.notes.push_back("output: only simulated: " + only_in(c.output.simulated, c.output.real) +
                      "; only real: " + only_in(c.output.real, c.output.simulated));
  else if (sim_in_order != real_in_order)
    c.notes.push_back("output: the same lines in a different order (which process prints first depends on timing)");
  if (!c.exit_codes.same)
    c.notes.push_back("exit codes: only simulated: " + only_in(c.exit_codes.simulated, c.exit_codes.real) +
                      "; only real: " + only_in(c.exit_codes.real, c.exit_codes.simulated));
  if (!c.states.same)
    c.notes.push_back("states: the real run's states are /proc samples, which miss a state shorter than the "
                      "sampling period (a short sleep or a brief zombie), and ready and running are both R");
  return c;
}

}  // namespace proclab
