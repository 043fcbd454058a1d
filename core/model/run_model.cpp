// RunModel: folding trace events into the process table, the state spans, the CPUs and the output.
#include "proclab/run_model.h"

#include <algorithm>

namespace proclab {

RunModel::RunModel(const Trace& trace, int cpus)
    : trace_(&trace), cpus_(static_cast<size_t>(std::max(1, cpus))), cpu_spans_(cpus_.size()) {
  add_records();
}

RunModel RunModel::of(const Trace& trace, int cpus, Tick until) {
  RunModel m(trace, cpus);
  m.advance(until);
  return m;
}

void RunModel::add_records() {
  const auto& records = trace_->processes();
  for (size_t i = rows_.size(); i < records.size(); ++i) {
    const ProcessRecord& r = records[i];
    ProcessRow row;
    row.pid = r.pid;
    row.ppid = row.original_ppid = r.parent;
    row.name = r.name;
    row.created = r.created;
    row.priority = r.priority;
    row.host_pid = r.host_pid;
    // init exists from the start; everything else is New until its first event.
    if (r.pid == kInitPid) row.state = ProcState::Running;
    if (pids_ascend_ && !rows_.empty() && r.pid <= rows_.back().pid) {
      pids_ascend_ = false;
      for (size_t k = 0; k < rows_.size(); ++k) index_.emplace(rows_[k].pid, k);
    }
    if (!pids_ascend_) index_.emplace(r.pid, rows_.size());
    rows_.push_back(row);
    spans_.emplace_back();
  }
}

void RunModel::advance(Tick until) {
  if (!trace_) return;
  add_records();
  const auto events = trace_->events();
  while (next_event_ < events.size() && events[next_event_].time <= until) apply(events[next_event_++]);
  now_ = std::max(now_, until);
}

int RunModel::index_of(Pid pid) const {
  if (!pids_ascend_) {
    auto it = index_.find(pid);
    return it == index_.end() ? -1 : static_cast<int>(it->second);
  }
  auto it = std::lower_bound(rows_.begin(), rows_.end(), pid, [](const ProcessRow& r, Pid p) { return r.pid < p; });
  return it == rows_.end() || it->pid != pid ? -1 : static_cast<int>(it - rows_.begin());
}

const ProcessRow* RunModel::process(Pid pid) const {
  const int i = index_of(pid);
  return i < 0 ? nullptr : &rows_[static_cast<size_t>(i)];
}

ProcessRow* RunModel::find(Pid pid) {
  const int i = index_of(pid);
  return i < 0 ? nullptr : &rows_[static_cast<size_t>(i)];
}

std::string_view RunModel::name(Pid pid) const {
  const ProcessRow* r = process(pid);
  return r ? trace_->text(r->name) : std::string_view();
}

void RunModel::open_span(int cpu, Pid pid, Tick time, bool context_switch) {
  auto& spans = cpu_spans_[static_cast<size_t>(cpu)];
  if (!spans.empty() && spans.back().end < 0) spans.back().end = time;
  // The same process again at once is one span.
  if (!context_switch && !spans.empty() && spans.back().pid == pid && spans.back().end == time && !spans.back().context_switch) {
    spans.back().end = -1;
    return;
  }
  if (!spans.empty() && spans.back().end <= spans.back().start) spans.pop_back();
  spans.push_back({pid, time, -1, context_switch});
}

void RunModel::close_span(int cpu, Tick time) {
  auto& spans = cpu_spans_[static_cast<size_t>(cpu)];
  if (spans.empty() || spans.back().end >= 0) return;
  spans.back().end = time;
  if (spans.back().end <= spans.back().start) spans.pop_back();
}

void RunModel::run_on(ProcessRow& row, int cpu, Tick time) {
  if (row.cpu == cpu) return;
  leave_cpu(row, time);
  row.cpu = cpu;
  CpuRow& c = cpus_[static_cast<size_t>(cpu)];
  if (c.running != kNoPid && c.running != row.pid)
    if (ProcessRow* other = find(c.running)) other->cpu = -1;  // a sample saw someone else there
  c.running = row.pid;
  if (c.switching_to == row.pid) c.switching_to = kNoPid;
  open_span(cpu, row.pid, time, false);
}

void RunModel::leave_cpu(ProcessRow& row, Tick time) {
  if (row.cpu < 0) return;
  CpuRow& c = cpus_[static_cast<size_t>(row.cpu)];
  if (c.running == row.pid) {
    c.running = kNoPid;
    close_span(row.cpu, time);
  }
  row.cpu = -1;
}

void RunModel::enter(ProcessRow& row, size_t index, ProcState to, Tick time) {
  if (row.running_since >= 0) {
    row.cpu_time += time - row.running_since;
    row.running_since = -1;
  }
  if (to != ProcState::Running) leave_cpu(row, time);
  row.state = to;
  auto& spans = spans_[index];
  if (!spans.empty() && spans.back().end < 0) spans.back().end = time;
  // A state held for no time stays a span (exit and reap in one tick still passed through Zombie).
  if (to == ProcState::Running) row.running_since = time;
  if (to != ProcState::Terminated && to != ProcState::New) spans.push_back({to, time, -1});
}

void RunModel::apply(const Event& e) {
  const int index = index_of(e.pid);
  if (index < 0) return;  // an event about a process the producer never recorded
  ProcessRow& row = rows_[static_cast<size_t>(index)];
  if (e.from != e.to) enter(row, static_cast<size_t>(index), e.to, e.time);
  const bool on_cpu = e.cpu >= 0 && static_cast<size_t>(e.cpu) < cpus_.size();
  switch (e.kind) {
    case EventKind::Dispatch:
      if (on_cpu) run_on(row, e.cpu, e.time);
      break;
    case EventKind::Sample:  // the real lab: detail is the CPU /proc saw it on
      if (row.state == ProcState::Running && e.detail >= 0 && static_cast<size_t>(e.detail) < cpus_.size())
        run_on(row, e.detail, e.time);
      break;
    case EventKind::ContextSwitch:
      if (on_cpu) {
        cpus_[static_cast<size_t>(e.cpu)].switching_to = e.pid;
        open_span(e.cpu, e.pid, e.time, true);
      }
      break;
    case EventKind::Reparent:
      row.previous_ppid = row.ppid;
      row.ppid = e.detail;
      row.reparented_at = e.time;
      break;
    case EventKind::Exit: row.exit_status = e.detail; break;
    case EventKind::Output: output_.push_back({e.time, e.pid, e.detail}); break;
    case EventKind::Exec: row.name = e.detail; break;
    default: break;
  }
}

}  // namespace proclab
