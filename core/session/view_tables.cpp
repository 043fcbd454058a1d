// Records for the state diagram, the queues, the process table, the console and the
// process-count curve.
#include <algorithm>

#include "proclab/view_records.h"

namespace proclab {

StateCounts state_counts(const Kernel& kernel, size_t since) {
  StateCounts out;
  for (const Process* p : kernel.processes()) ++out.count[static_cast<size_t>(p->state)];
  const auto events = kernel.trace().events();
  for (size_t i = since; i < events.size(); ++i)
    if (events[i].from != events[i].to)
      ++out.moved[static_cast<size_t>(events[i].from)][static_cast<size_t>(events[i].to)];
  return out;
}

std::vector<QueueRow> queue_rows(const Kernel& kernel, Locale locale) {
  std::vector<QueueRow> rows;
  for (size_t c = 0; c < kernel.cpus().size(); ++c) {
    const CpuState& cpu = kernel.cpus()[c];
    QueueRow row{QueueRow::Kind::Cpu, "CPU " + std::to_string(c), {}};
    if (cpu.running) row.pids.push_back(cpu.running->pid);
    else if (cpu.switching_to) row.pids.push_back(cpu.switching_to->pid);
    rows.push_back(std::move(row));
  }
  for (ReadyRow& r : kernel.policy().ready_rows(locale)) rows.push_back({QueueRow::Kind::Ready, std::move(r.label), std::move(r.pids)});
  QueueRow blocked{QueueRow::Kind::Blocked, "", {}}, stopped{QueueRow::Kind::Stopped, "", {}},
      zombies{QueueRow::Kind::Zombie, "", {}};
  for (const Process* p : kernel.processes()) {
    if (p->state == ProcState::Blocked) blocked.pids.push_back(p->pid);
    if (p->state == ProcState::Stopped) stopped.pids.push_back(p->pid);
    if (p->state == ProcState::Zombie) zombies.pids.push_back(p->pid);
  }
  rows.push_back(std::move(blocked));
  rows.push_back(std::move(stopped));
  rows.push_back(std::move(zombies));
  return rows;
}

std::vector<const Process*> table_rows(const Kernel& kernel, TableColumn column, bool descending,
                                       bool include_reaped) {
  std::vector<const Process*> rows;
  for (const Process* p : kernel.processes())
    if (p->state != ProcState::New && (include_reaped || p->state != ProcState::Terminated)) rows.push_back(p);
  const auto key = [column](const Process* p) -> long long {
    switch (column) {
      case TableColumn::Pid: return p->pid;
      case TableColumn::Ppid: return p->ppid;
      case TableColumn::Name: return 0;
      case TableColumn::State: return static_cast<long long>(p->state);
      case TableColumn::Priority: return p->priority;
      case TableColumn::Nice: return p->nice;
      case TableColumn::CpuTime: return p->cpu_time;
      case TableColumn::Arrival: return p->arrival;
    }
    return 0;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const Process* a, const Process* b) {
    if (column == TableColumn::Name) {
      const std::string_view na = kernel.trace().name(a->pid), nb = kernel.trace().name(b->pid);
      if (na != nb) return descending ? na > nb : na < nb;
    }
    const long long ka = key(a), kb = key(b);
    if (ka != kb) return descending ? ka > kb : ka < kb;
    return a->pid < b->pid;
  });
  return rows;
}

std::vector<ConsoleLine> console_lines(const Trace& trace, Pid pid) {
  std::vector<ConsoleLine> out;
  for (const Event& e : trace.events())
    if (e.kind == EventKind::Output && (pid == kNoPid || e.pid == pid)) out.push_back({e.time, e.pid, trace.text(e.detail)});
  return out;
}

std::vector<int> process_count_series(const Trace& trace, Tick end) {
  std::vector<int> delta(static_cast<size_t>(std::max<Tick>(end, 0)) + 1, 0);
  const auto at = [&](Tick t) -> int& { return delta[static_cast<size_t>(std::clamp<Tick>(t, 0, end))]; };
  for (const ProcessRecord& r : trace.processes())
    if (r.pid != kInitPid) ++at(r.created);
  for (const Event& e : trace.events())
    if (e.kind == EventKind::Reap) --at(e.time);
  std::vector<int> out(delta.size());
  int live = 0;
  for (size_t t = 0; t < out.size(); ++t) {
    live += delta[t];
    out[t] = live;
  }
  return out;
}

}  // namespace proclab
