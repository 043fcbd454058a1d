#include "run_report.h"

#include <map>

#include <fmt/format.h>

#include "proclab/export.h"

namespace proclab::cli {

namespace {

std::string stopped_by(StopReason r) {
  switch (r) {
    case StopReason::MaxTicks: return "max_ticks";
    case StopReason::Deadlock: return "deadlock";
    default: return "exit";
  }
}

std::string command(const Kernel& k, Pid pid) { return std::string(k.trace().name(pid)); }

}  // namespace

std::string output_lines(const Kernel& k) {
  std::string out;
  for (const Event& e : k.trace().events()) {
    if (e.kind != EventKind::Output) continue;
    const std::string prefix = fmt::format("[t={} pid {}] ", e.time, e.pid);
    std::string text(k.trace().text(e.detail));
    for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1))
      text.insert(at + 1, std::string(prefix.size(), ' '));
    out += prefix + text + "\n";
  }
  return out;
}

std::string ps_table(const Kernel& k) {
  std::string out = fmt::format("{:>7} {:>7} {:<4} {:>6} {}\n", "PID", "PPID", "STAT", "TIME", "CMD");
  for (const Process* p : k.processes())
    out += fmt::format("{:>7} {:>7} {:<4} {:>6} {}{}\n", p->pid, p->ppid, linux_letter(p->state), p->cpu_time,
                       command(k, p->pid), p->state == ProcState::Zombie ? " <defunct>" : "");
  return out;
}

std::string process_tree(const Kernel& k) {
  std::map<Pid, std::vector<const Process*>> children;
  for (const Process* p : k.processes()) children[p->original_ppid].push_back(p);
  std::string out = "init(1)\n";
  auto walk = [&](Pid parent, const std::string& indent, auto&& self) -> void {
    const auto it = children.find(parent);
    if (it == children.end()) return;
    for (size_t i = 0; i < it->second.size(); ++i) {
      const Process* p = it->second[i];
      const bool last = i + 1 == it->second.size();
      std::string mark;
      if (p->state == ProcState::Zombie) mark = " <defunct>";
      else if (p->state == ProcState::Terminated) mark = fmt::format(" (exit {})", p->exit_status);
      else mark = fmt::format(" [{}]", to_string(p->state));
      if (p->original_ppid != p->ppid) mark += fmt::format(" (reparented to {})", p->ppid);
      out += fmt::format("{}{}{}({}){}\n", indent, last ? "└─ " : "├─ ", command(k, p->pid), p->pid, mark);
      self(p->pid, indent + (last ? "   " : "│  "), self);
    }
  };
  walk(kInitPid, "", walk);
  return out;
}

std::string run_json(const Kernel& k) {
  std::string out = "{\n  \"output\": [";
  bool first = true;
  for (const Event& e : k.trace().events()) {
    if (e.kind != EventKind::Output) continue;
    out += fmt::format("{}\n    {{\"time\": {}, \"pid\": {}, \"text\": {}}}", first ? "" : ",", e.time, e.pid,
                       json_quote(k.trace().text(e.detail)));
    first = false;
  }
  out += "\n  ],\n  \"processes\": [";
  first = true;
  for (const Process* p : k.processes()) {
    const bool ended = p->state == ProcState::Zombie || p->state == ProcState::Terminated;
    out += fmt::format("{}\n    {{\"pid\": {}, \"ppid\": {}, \"original_ppid\": {}, \"state\": \"{}\", "
                       "\"exit_code\": {}, \"cpu_time\": {}, \"cmd\": {}}}",
                       first ? "" : ",", p->pid, p->ppid, p->original_ppid, to_string(p->state),
                       ended ? std::to_string(p->exit_status) : "null", p->cpu_time, json_quote(command(k, p->pid)));
    first = false;
  }
  out += fmt::format("\n  ],\n  \"events\": {},\n  \"ticks\": {},\n  \"stopped_by\": \"{}\"\n}}\n",
                     events_json(k.trace()), k.now(), stopped_by(k.status()));
  return out;
}

}  // namespace proclab::cli
