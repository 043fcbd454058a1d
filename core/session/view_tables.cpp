// Records for the state diagram, the queues, the process table, the console and the
// process-count curve.
#include <algorithm>

#include "proclab/view_records.h"

namespace proclab {

StateCounts state_counts(const RunModel& model, size_t since) {
  StateCounts out;
  for (const ProcessRow& p : model.processes())
    if (p.pid != kInitPid) ++out.count[static_cast<size_t>(p.state)];
  if (model.empty()) return out;
  const auto events = model.trace().events().first(model.folded_events());
  for (size_t i = since; i < events.size(); ++i)
    if (events[i].from != events[i].to && events[i].pid != kInitPid)
      ++out.moved[static_cast<size_t>(events[i].from)][static_cast<size_t>(events[i].to)];
  return out;
}

std::vector<QueueRow> queue_rows(const RunModel& model, const SchedulerInfo* scheduler, Locale locale) {
  std::vector<QueueRow> rows;
  for (size_t c = 0; c < model.cpu_rows().size(); ++c) {
    const CpuRow& cpu = model.cpu_rows()[c];
    QueueRow row{QueueRow::Kind::Cpu, "CPU " + std::to_string(c), {}};
    if (cpu.running != kNoPid) row.pids.push_back(cpu.running);
    else if (cpu.switching_to != kNoPid) row.pids.push_back(cpu.switching_to);
    rows.push_back(std::move(row));
  }
  QueueRow ready{QueueRow::Kind::Ready, "", {}}, blocked{QueueRow::Kind::Blocked, "", {}},
      stopped{QueueRow::Kind::Stopped, "", {}}, zombies{QueueRow::Kind::Zombie, "", {}};
  for (const ProcessRow& p : model.processes()) {
    if (p.pid == kInitPid) continue;
    if (p.state == ProcState::Ready) ready.pids.push_back(p.pid);
    if (p.state == ProcState::Blocked) blocked.pids.push_back(p.pid);
    if (p.state == ProcState::Stopped) stopped.pids.push_back(p.pid);
    if (p.state == ProcState::Zombie) zombies.pids.push_back(p.pid);
  }
  if (scheduler) {
    for (ReadyRow& r : scheduler->ready_rows(locale)) rows.push_back({QueueRow::Kind::Ready, std::move(r.label), std::move(r.pids)});
  } else {
    std::sort(ready.pids.begin(), ready.pids.end());
    rows.push_back(std::move(ready));
  }
  for (QueueRow* r : {&blocked, &stopped, &zombies}) {
    std::sort(r->pids.begin(), r->pids.end());
    rows.push_back(std::move(*r));
  }
  return rows;
}

std::vector<const ProcessRow*> table_rows(const RunModel& model, const SchedulerInfo* scheduler, TableColumn column,
                                          bool descending, bool include_reaped) {
  std::vector<const ProcessRow*> rows;
  for (const ProcessRow& p : model.processes())
    if (p.pid != kInitPid && p.state != ProcState::New && (include_reaped || p.state != ProcState::Terminated))
      rows.push_back(&p);
  const auto key = [&](const ProcessRow* p) -> long long {
    switch (column) {
      case TableColumn::Pid: return p->pid;
      case TableColumn::Ppid: return p->ppid;
      case TableColumn::Name: return 0;
      case TableColumn::State: return static_cast<long long>(p->state);
      case TableColumn::Priority: return scheduler ? scheduler->priority(p->pid).value_or(p->priority) : p->priority;
      case TableColumn::Nice: return scheduler ? scheduler->nice(p->pid).value_or(0) : 0;
      case TableColumn::CpuTime: return model.cpu_time(*p);
      case TableColumn::Arrival: return p->created;
    }
    return 0;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const ProcessRow* a, const ProcessRow* b) {
    if (column == TableColumn::Name) {
      const std::string_view na = model.trace().text(a->name), nb = model.trace().text(b->name);
      if (na != nb) return descending ? na > nb : na < nb;
    }
    const long long ka = key(a), kb = key(b);
    if (ka != kb) return descending ? ka > kb : ka < kb;
    return a->pid < b->pid;
  });
  return rows;
}

std::vector<ConsoleLine> console_lines(const RunModel& model, Pid pid) {
  std::vector<ConsoleLine> out;
  for (const OutputLine& l : model.output())
    if (pid == kNoPid || l.pid == pid) out.push_back({l.time, l.pid, model.text(l)});
  return out;
}

std::vector<int> process_count_series(const RunModel& model, int max_points) {
  const Tick end = std::max<Tick>(model.now(), 0);
  // One point per tick, or `max_points` evenly spaced ones for long runs (real runs count in µs).
  const size_t points = std::min<size_t>(static_cast<size_t>(end) + 1, static_cast<size_t>(std::max(2, max_points)));
  const auto point_of = [&](Tick t) {
    const Tick c = std::clamp<Tick>(t, 0, end);
    return end == 0 ? size_t{0} : static_cast<size_t>(static_cast<long long>(c) * static_cast<long long>(points - 1) / end);
  };
  std::vector<int> delta(points, 0);
  if (model.empty()) return delta;
  for (const ProcessRow& r : model.processes())
    if (r.pid != kInitPid && r.state != ProcState::New) ++delta[point_of(r.created)];
  for (const Event& e : model.trace().events().first(model.folded_events()))
    if (e.kind == EventKind::Reap) --delta[point_of(e.time)];
  std::vector<int> out(points);
  int live = 0;
  for (size_t t = 0; t < points; ++t) {
    live += delta[t];
    out[t] = live;
  }
  return out;
}

}  // namespace proclab
