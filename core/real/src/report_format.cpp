// Sections: 1. JSON  2. text  3. tree
#include "proclab/real/report_format.h"

#include <fmt/format.h>

#include <functional>
#include <map>

#include "proclab/export.h"

namespace proclab::real {

namespace {

std::string exit_text(const ProcessReport& p) {
  if (!p.exit_code) return p.is_init ? "-" : "killed at cleanup";
  return *p.exit_code < 0 ? fmt::format("signal {}", -*p.exit_code) : fmt::format("exit {}", *p.exit_code);
}

std::string ms(Tick us) { return fmt::format("{:.3f}", us / 1000.0); }

}  // namespace

// ---- 1. JSON ----------------------------------------------------------------------------

std::string lab_report_json(const LabResult& result) {
  const LabReport& r = result.report;
  fmt::memory_buffer out;
  auto it = std::back_inserter(out);
  fmt::format_to(it, "{{\n  \"what\": {},\n  \"containment\": {{", json_quote(r.what));
  std::string notes;
  for (int i = 0; i < kLayerCount; ++i) {
    const auto layer = static_cast<Layer>(i);
    fmt::format_to(it, "\"{}\": {}, ", to_string(layer), r.layers[i].active);
    notes += fmt::format("{}{}: {}", i ? "; " : "", to_string(layer), r.layers[i].notes);
  }
  fmt::format_to(it, "\"notes\": {}}},\n  \"layers\": {{", json_quote(notes));
  for (int i = 0; i < kLayerCount; ++i)
    fmt::format_to(it, "{}\n    \"{}\": {{\"active\": {}, \"notes\": {}}}", i ? "," : "", to_string(static_cast<Layer>(i)),
                   r.layers[i].active, json_quote(r.layers[i].notes));
  fmt::format_to(it, "\n  }},\n  \"cap\": {},\n  \"peak_processes\": {},\n  \"target_processes\": {},\n  \"fork_failures\": {},"
                 "\n  \"processes\": [",
                 r.cap, r.peak_processes, r.target_processes, r.fork_failures);
  for (size_t i = 0; i < r.processes.size(); ++i) {
    const ProcessReport& p = r.processes[i];
    std::string states, cpus;
    for (char c : p.observed_states) states += fmt::format("{}\"{}\"", states.empty() ? "" : ", ", c);
    for (int c : p.cpus) cpus += fmt::format("{}{}", cpus.empty() ? "" : ", ", c);
    fmt::format_to(it,
                   "{}\n    {{\"pid\": {}, \"host_pid\": {}, \"ppid\": {}, \"original_ppid\": {}, \"exit_code\": {}, "
                   "\"observed_states\": [{}], \"init\": {}, \"wrapper\": {}, \"command\": {}, \"threads\": {}, "
                   "\"nice\": {}, \"cpu_time_ms\": {}, \"cpus\": [{}]}}",
                   i ? "," : "", p.pid, p.host_pid, p.ppid, p.original_ppid,
                   p.exit_code ? std::to_string(*p.exit_code) : "null", states, p.is_init, p.wrapper, json_quote(p.command),
                   p.threads, p.nice, p.cpu_time_ms, cpus);
  }
  fmt::format_to(it, "\n  ],\n  \"events\": {},\n  \"output\": [", events_json(result.trace));
  bool first = true;
  for (const Event& e : result.trace.events()) {
    if (e.kind != EventKind::Output) continue;
    fmt::format_to(it, "{}\n    {{\"time\": {}, \"pid\": {}, \"text\": {}}}", first ? "" : ",", e.time, e.pid,
                   json_quote(result.trace.text(e.detail)));
    first = false;
  }
  fmt::format_to(it,
                 "\n  ],\n  \"time_unit\": \"us\",\n  \"survivors\": {},\n  \"timed_out\": {},\n  \"cgroup_removed\": {},"
                 "\n  \"exit_code\": {}\n}}\n",
                 r.survivors, r.timed_out, r.cgroup_removed, r.exit_code);
  return fmt::to_string(out);
}

// ---- 2. text ----------------------------------------------------------------------------

std::string lab_report_text(const LabResult& result) {
  const LabReport& r = result.report;
  std::string out = fmt::format("{} (real processes, cap {})\n\nContainment:\n", r.what, r.cap);
  for (int i = 0; i < kLayerCount; ++i)
    out += fmt::format("  {:<15} {:<4} {}\n", to_string(static_cast<Layer>(i)), r.layers[i].active ? "on" : "off",
                       r.layers[i].notes);
  out += "\nOutput (ms since start, lab pid):\n";
  for (const Event& e : result.trace.events())
    if (e.kind == EventKind::Output)
      out += fmt::format("  {:>9}  [{}] {}\n", ms(e.time), e.pid, result.trace.text(e.detail));
  out += fmt::format("\n{:>6} {:>8} {:>6} {:>6}  {:<10} {:<18} {}\n", "PID", "HOST", "PPID", "ORIG", "STATES", "EXIT",
                     "COMMAND");
  for (const ProcessReport& p : r.processes) {
    std::string extra;
    if (p.wrapper) extra += " (wrapper: not counted)";
    if (p.threads > 1) extra += fmt::format(" ({} threads)", p.threads);
    if (!p.cpus.empty() && p.cpu_time_ms > 0)
      extra += fmt::format(" nice {} cpu {} ms on CPU {}", p.nice, p.cpu_time_ms, fmt::join(p.cpus, ","));
    out += fmt::format("{:>6} {:>8} {:>6} {:>6}  {:<10} {:<18} {}{}\n", p.pid, p.host_pid, p.ppid, p.original_ppid,
                       p.observed_states.empty() ? "-" : p.observed_states, exit_text(p), p.command, extra);
  }
  out += fmt::format("\npeak processes {}, fork failures {}, survivors after cleanup {}{}\n", r.peak_processes,
                     r.fork_failures, r.survivors, r.timed_out ? ", stopped at the timeout" : "");
  return out;
}

// ---- 3. tree ----------------------------------------------------------------------------

std::string lab_report_tree(const LabResult& result) {
  const LabReport& r = result.report;
  std::map<Pid, std::vector<const ProcessReport*>> children;
  const ProcessReport* init = nullptr;
  for (const ProcessReport& p : r.processes) {
    if (p.is_init) init = &p;
    else children[p.original_ppid].push_back(&p);
  }
  std::string out;
  const std::function<void(const ProcessReport&, const std::string&, bool, bool)> draw =
      [&](const ProcessReport& p, const std::string& prefix, bool last, bool top) {
        std::string line = fmt::format("{} {}  [{}] {}", p.pid, p.command,
                                       p.observed_states.empty() ? "-" : p.observed_states, exit_text(p));
        if (p.wrapper) line += "  (wrapper)";
        if (p.threads > 1) line += fmt::format("  ({} threads)", p.threads);
        if (p.ppid != p.original_ppid) line += fmt::format("  (reparented to {})", p.ppid);
        out += top ? line + "\n" : prefix + (last ? "└─ " : "├─ ") + line + "\n";
        const auto& kids = children[p.pid];
        for (size_t i = 0; i < kids.size(); ++i)
          draw(*kids[i], top ? "" : prefix + (last ? "   " : "│  "), i + 1 == kids.size(), false);
      };
  if (init) draw(*init, "", true, true);
  out += fmt::format("{} processes, peak {}, fork failures {}, survivors {}\n", r.target_processes, r.peak_processes, r.fork_failures, r.survivors);
  return out;
}

}  // namespace proclab::real
