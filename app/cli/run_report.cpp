#include "run_report.h"

#include <map>
#include <vector>

#include <fmt/format.h>

#include "proclab/export.h"

namespace proclab::cli {

std::string_view stopped_by(StopReason r) {
  switch (r) {
    case StopReason::MaxTicks: return "max_ticks";
    case StopReason::Deadlock: return "deadlock";
    default: return "exit";
  }
}

namespace {

std::string command(const RunModel& m, const ProcessRow& p) { return std::string(m.trace().text(p.name)); }

// Every process but init, in creation order.
std::vector<const ProcessRow*> workload(const RunModel& m) {
  std::vector<const ProcessRow*> out;
  for (const ProcessRow& p : m.processes())
    if (p.pid != kInitPid) out.push_back(&p);
  return out;
}

}  // namespace

std::string output_lines(const RunModel& m) {
  std::string out;
  for (const OutputLine& l : m.output()) {
    const std::string prefix = fmt::format("[t={} pid {}] ", l.time, l.pid);
    std::string text(m.text(l));
    for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1))
      text.insert(at + 1, std::string(prefix.size(), ' '));
    out += prefix + text + "\n";
  }
  return out;
}

std::string ps_table(const RunModel& m) {
  std::string out = fmt::format("{:>7} {:>7} {:<4} {:>6} {}\n", "PID", "PPID", "STAT", "TIME", "CMD");
  for (const ProcessRow* p : workload(m))
    out += fmt::format("{:>7} {:>7} {:<4} {:>6} {}{}\n", p->pid, p->ppid, linux_letter(p->state), m.cpu_time(*p),
                       command(m, *p), p->state == ProcState::Zombie ? " <defunct>" : "");
  return out;
}

std::string process_tree(const RunModel& m) {
  std::map<Pid, std::vector<const ProcessRow*>> children;
  for (const ProcessRow* p : workload(m)) children[p->original_ppid].push_back(p);
  std::string out = "init(1)\n";
  auto walk = [&](Pid parent, const std::string& indent, auto&& self) -> void {
    const auto it = children.find(parent);
    if (it == children.end()) return;
    for (size_t i = 0; i < it->second.size(); ++i) {
      const ProcessRow* p = it->second[i];
      const bool last = i + 1 == it->second.size();
      std::string mark;
      if (p->state == ProcState::Zombie) mark = " <defunct>";
      else if (p->state == ProcState::Terminated) mark = fmt::format(" (exit {})", p->exit_status.value_or(0));
      else mark = fmt::format(" [{}]", to_string(p->state));
      if (p->original_ppid != p->ppid) mark += fmt::format(" (reparented to {})", p->ppid);
      out += fmt::format("{}{}{}({}){}\n", indent, last ? "└─ " : "├─ ", command(m, *p), p->pid, mark);
      self(p->pid, indent + (last ? "   " : "│  "), self);
    }
  };
  walk(kInitPid, "", walk);
  return out;
}

std::string run_json(const RunModel& m, std::string_view stopped) {
  std::string out = "{\n  \"output\": [";
  bool first = true;
  for (const OutputLine& l : m.output()) {
    out += fmt::format("{}\n    {{\"time\": {}, \"pid\": {}, \"text\": {}}}", first ? "" : ",", l.time, l.pid,
                       json_quote(m.text(l)));
    first = false;
  }
  out += "\n  ],\n  \"processes\": [";
  first = true;
  for (const ProcessRow* p : workload(m)) {
    const bool ended = p->state == ProcState::Zombie || p->state == ProcState::Terminated;
    out += fmt::format("{}\n    {{\"pid\": {}, \"ppid\": {}, \"original_ppid\": {}, \"state\": \"{}\", "
                       "\"exit_code\": {}, \"cpu_time\": {}, \"cmd\": {}}}",
                       first ? "" : ",", p->pid, p->ppid, p->original_ppid, to_string(p->state),
                       ended ? std::to_string(p->exit_status.value_or(0)) : "null", m.cpu_time(*p),
                       json_quote(command(m, *p)));
    first = false;
  }
  out += fmt::format("\n  ],\n  \"events\": {},\n  \"ticks\": {},\n  \"stopped_by\": \"{}\"\n}}\n",
                     events_json(m.trace()), m.now(), stopped);
  return out;
}

}  // namespace proclab::cli
