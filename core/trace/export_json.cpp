// JSON exporters. Sections: 1. string quoting  2. the sched report  3. events  4. Chrome trace
#include <ostream>

#include <fmt/format.h>

#include "proclab/export.h"
#include "proclab/kernel.h"

namespace proclab {

// ---- 1. string quoting ------------------------------------------------------------------

std::string json_quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20)
          out += fmt::format("\\u{:04x}", c);
        else
          out += static_cast<char>(c);
    }
  }
  out += '"';
  return out;
}

namespace {

std::string opt(const std::optional<Tick>& v) { return v ? std::to_string(*v) : "null"; }

// Quoted names by pid, computed once (a million slices share a few names).
std::vector<std::string> quoted_names(const Trace& trace) {
  Pid max_pid = 0;
  for (const auto& r : trace.processes()) max_pid = std::max(max_pid, r.pid);
  std::vector<std::string> names(static_cast<size_t>(max_pid) + 1, "\"?\"");
  for (const auto& r : trace.processes()) names[static_cast<size_t>(r.pid)] = json_quote(trace.text(r.name));
  return names;
}

}  // namespace

// ---- 2. the sched report ----------------------------------------------------------------

void write_sched_report_json(std::ostream& os, const PolicyParams& policy, int cpus, const Metrics& m,
                             const Trace& trace) {
  fmt::memory_buffer out;
  auto it = std::back_inserter(out);
  const PolicyInfo* info = find_policy(policy.name);
  fmt::format_to(it, "{{\n  \"policy\": {},\n  \"quantum\": {},\n  \"cpus\": {},\n  \"processes\": [",
                 json_quote(info ? info->name : policy.name),
                 info && info->uses_quantum ? std::to_string(policy.quantum) : "null", cpus);
  for (size_t i = 0; i < m.processes.size(); ++i) {
    const ProcessMetrics& p = m.processes[i];
    fmt::format_to(it,
                   "{}\n    {{\"name\": {}, \"pid\": {}, \"arrival\": {}, \"burst\": {}, \"priority\": {}, "
                   "\"first_run\": {}, \"completion\": {}, \"turnaround\": {}, \"waiting\": {}, \"response\": {}}}",
                   i ? "," : "", json_quote(p.name), p.pid, p.arrival, p.cpu_time, p.priority, opt(p.first_run),
                   opt(p.completion), opt(p.turnaround), p.waiting, opt(p.response));
  }
  fmt::format_to(it,
                 "\n  ],\n  \"average\": {{\"turnaround\": {:.4f}, \"waiting\": {:.4f}, \"response\": {:.4f}}},\n"
                 "  \"makespan\": {},\n  \"cpu_utilization\": [",
                 m.avg_turnaround, m.avg_waiting, m.avg_response, m.makespan);
  for (size_t i = 0; i < m.cpu_utilization.size(); ++i)
    fmt::format_to(it, "{}{:.4f}", i ? ", " : "", m.cpu_utilization[i]);
  fmt::format_to(it, "],\n  \"utilization\": {:.4f},\n  \"throughput\": {:.6f},\n  \"context_switches\": {},\n  \"gantt\": [",
                 m.utilization, m.throughput, m.context_switches);
  // The slices are most of a long run's report: append them without format parsing.
  const auto names = quoted_names(trace);
  const auto put = [&out](std::string_view text) { out.append(text.data(), text.data() + text.size()); };
  const auto num = [&out](long long n) {
    const fmt::format_int digits(n);
    out.append(digits.data(), digits.data() + digits.size());
  };
  bool first = true;
  for (const GanttSlice& s : m.gantt) {
    if (s.context_switch) continue;
    put(first ? "\n    {\"cpu\": " : ",\n    {\"cpu\": ");
    num(s.cpu);
    put(", \"name\": ");
    put(names[static_cast<size_t>(s.pid)]);
    put(", \"start\": ");
    num(s.start);
    put(", \"end\": ");
    num(s.end);
    put("}");
    first = false;
    if (out.size() > (1 << 20)) {  // stream: a long run's report is tens of megabytes
      os.write(out.data(), static_cast<std::streamsize>(out.size()));
      out.clear();
    }
  }
  fmt::format_to(it, "\n  ]\n}}\n");
  os.write(out.data(), static_cast<std::streamsize>(out.size()));
}

// ---- 3. events --------------------------------------------------------------------------

std::string events_json(const Trace& trace) {
  fmt::memory_buffer out;
  auto it = std::back_inserter(out);
  out.push_back('[');
  bool first = true;
  for (const Event& e : trace.events()) {
    fmt::format_to(it, "{}\n    {{\"time\": {}, \"type\": \"{}\", \"pid\": {}", first ? "" : ",", e.time,
                   to_string(e.kind), e.pid);
    first = false;
    if (e.cpu >= 0) fmt::format_to(it, ", \"cpu\": {}", e.cpu);
    if (e.from != e.to) fmt::format_to(it, ", \"from\": \"{}\", \"to\": \"{}\"", to_string(e.from), to_string(e.to));
    switch (e.kind) {
      case EventKind::Fork: fmt::format_to(it, ", \"child\": {}", e.detail); break;
      case EventKind::ForkFailed: fmt::format_to(it, ", \"errno\": {}, \"error\": \"EAGAIN\"", e.detail); break;
      case EventKind::Exit: fmt::format_to(it, ", \"status\": {}", e.detail); break;
      case EventKind::Reap: fmt::format_to(it, ", \"reaper\": {}", e.detail); break;
      case EventKind::Reparent: fmt::format_to(it, ", \"new_parent\": {}", e.detail); break;
      case EventKind::Signal: fmt::format_to(it, ", \"signal\": {}", e.detail); break;
      case EventKind::Block: fmt::format_to(it, ", \"reason\": \"{}\"", to_string(static_cast<BlockReason>(e.detail))); break;
      case EventKind::ContextSwitch: fmt::format_to(it, ", \"cost\": {}", e.detail); break;
      case EventKind::Output:
      case EventKind::Exec: fmt::format_to(it, ", \"text\": {}", json_quote(trace.text(e.detail))); break;
      default: break;
    }
    out.push_back('}');
  }
  fmt::format_to(it, "\n  ]");
  return fmt::to_string(out);
}

// ---- 4. Chrome trace --------------------------------------------------------------------

std::string chrome_trace_json(const Trace& trace, Tick end) {
  // Process 0 holds one thread per CPU; process 1 one thread per simulated process.
  // Timestamps are microseconds: one tick is shown as 1 ms so bands are easy to read.
  const double scale = trace.unit() == TimeUnit::Tick ? 1000.0 : 1.0;
  fmt::memory_buffer out;
  auto it = std::back_inserter(out);
  const auto names = quoted_names(trace);
  fmt::format_to(it, "{{\"displayTimeUnit\": \"ms\", \"traceEvents\": [\n");
  fmt::format_to(it, "  {{\"ph\": \"M\", \"pid\": 0, \"name\": \"process_name\", \"args\": {{\"name\": \"CPUs\"}}}},\n");
  fmt::format_to(it, "  {{\"ph\": \"M\", \"pid\": 1, \"name\": \"process_name\", \"args\": {{\"name\": \"Processes\"}}}}");
  std::vector<bool> cpu_named(kMaxCpus, false);
  for (const GanttSlice& s : gantt_slices(trace, end)) {
    if (!cpu_named[static_cast<size_t>(s.cpu)]) {
      cpu_named[static_cast<size_t>(s.cpu)] = true;
      fmt::format_to(it, ",\n  {{\"ph\": \"M\", \"pid\": 0, \"tid\": {0}, \"name\": \"thread_name\", \"args\": {{\"name\": \"CPU {0}\"}}}}", s.cpu);
    }
    fmt::format_to(it, ",\n  {{\"ph\": \"X\", \"pid\": 0, \"tid\": {}, \"ts\": {}, \"dur\": {}, \"name\": {}, \"args\": {{\"pid\": {}}}}}",
                   s.cpu, s.start * scale, (s.end - s.start) * scale,
                   s.context_switch ? std::string("\"context switch\"") : names[static_cast<size_t>(s.pid)], s.pid);
  }
  for (const ProcessRecord& r : trace.processes())
    fmt::format_to(it, ",\n  {{\"ph\": \"M\", \"pid\": 1, \"tid\": {}, \"name\": \"thread_name\", \"args\": {{\"name\": \"{} {}\"}}}}",
                   r.pid, r.pid, std::string_view(names[static_cast<size_t>(r.pid)]).substr(1, names[static_cast<size_t>(r.pid)].size() - 2));
  // State bands: each state change closes the band of the previous state.
  std::vector<std::pair<Tick, ProcState>> current(names.size(), {0, ProcState::New});
  const auto band = [&](Pid pid, Tick from, Tick to, ProcState s) {
    if (to > from && s != ProcState::New && s != ProcState::Terminated)
      fmt::format_to(it, ",\n  {{\"ph\": \"X\", \"pid\": 1, \"tid\": {}, \"ts\": {}, \"dur\": {}, \"name\": \"{}\"}}", pid,
                     from * scale, (to - from) * scale, to_string(s));
  };
  for (const Event& e : trace.events()) {
    if (e.from == e.to || e.pid < 0 || static_cast<size_t>(e.pid) >= current.size()) {
      if (e.kind == EventKind::Output)
        fmt::format_to(it, ",\n  {{\"ph\": \"i\", \"s\": \"t\", \"pid\": 1, \"tid\": {}, \"ts\": {}, \"name\": {}}}", e.pid,
                       e.time * scale, json_quote(trace.text(e.detail)));
      continue;
    }
    auto& [since, state] = current[static_cast<size_t>(e.pid)];
    band(e.pid, since, e.time, state);
    since = e.time;
    state = e.to;
  }
  for (size_t pid = 0; pid < current.size(); ++pid) band(static_cast<Pid>(pid), current[pid].first, end, current[pid].second);
  fmt::format_to(it, "\n]}}\n");
  return fmt::to_string(out);
}

}  // namespace proclab
