// Records -> Trace + LabReport. Sections: 1. joining texts  2. building the trace
#include "collector.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <map>

namespace proclab::real::detail {

// ---- 1. joining texts -------------------------------------------------------------------

void Collector::add(const Record& r) {
  const bool has_text = r.kind == RecordKind::Output || r.kind == RecordKind::Exec || r.kind == RecordKind::Setup;
  std::string text;
  if (has_text) {
    auto it = std::find_if(partial_.begin(), partial_.end(), [&](const auto& p) { return p.first == r.pid; });
    const std::string piece(r.text, strnlen(r.text, sizeof r.text));
    if (r.b == 1) {
      if (it == partial_.end()) partial_.emplace_back(r.pid, piece);
      else it->second += piece;
      return;
    }
    if (it != partial_.end()) {
      text = std::move(it->second) + piece;
      partial_.erase(it);
    } else {
      text = piece;
    }
  }
  if (r.kind == RecordKind::Setup) setup_error_ = text;
  if (r.kind == RecordKind::Done) done_seen_ = true;
  items_.push_back({r, std::move(text)});
}

// ---- 2. building the trace --------------------------------------------------------------

namespace {

ProcState state_of_letter(char c) {
  switch (c) {
    case 'R': return ProcState::Running;
    case 'T':
    case 't': return ProcState::Stopped;
    case 'Z': return ProcState::Zombie;
    case 'X': return ProcState::Terminated;
    default: return ProcState::Blocked;  // S, D, I: waiting
  }
}

constexpr size_t kMaxStates = 256;  // observed_states keeps the first changes of a long run

struct Live {
  size_t report = 0;  // index in LabReport::processes
  ProcState state = ProcState::Ready;
};

// Counting starts at the target's exec: a process that started exactly one child, which then
// exec'd a program, and printed nothing itself is a wrapper (sh -c, a shim), not the target.
void mark_wrappers(LabReport& rep, const std::map<Pid, bool>& execed, const std::map<Pid, bool>& printed) {
  const auto children_of = [&](Pid pid) {
    std::vector<ProcessReport*> kids;
    for (ProcessReport& p : rep.processes)
      if (p.original_ppid == pid && !p.is_init) kids.push_back(&p);
    return kids;
  };
  auto top = children_of(1);
  if (top.size() != 1) return;
  for (ProcessReport* root = top.front();;) {
    const auto kids = children_of(root->pid);
    if (kids.size() != 1 || !execed.contains(kids.front()->pid) || printed.contains(root->pid)) return;
    root->wrapper = true;
    root = kids.front();
  }
}

}  // namespace

LabResult Collector::finish(LabReport base) && {
  LabResult out;
  out.report = std::move(base);
  out.report.what = what_;
  LabReport& rep = out.report;
  Trace& trace = out.trace;
  std::stable_sort(items_.begin(), items_.end(),
                   [](const Item& a, const Item& b) { return a.record.time_us < b.record.time_us; });
  std::map<Pid, Live> procs;
  std::map<Pid, Pid> host_of;  // from Host records, which come after their Fork in time
  for (const Item& item : items_)
    if (item.record.kind == RecordKind::Host) host_of[item.record.pid] = item.record.host;
  const auto add_process = [&](Pid pid, Pid parent, Pid host, std::int64_t time) -> Live& {
    ProcessReport p;
    p.pid = pid;
    p.host_pid = host > 0 ? host : kNoPid;
    p.ppid = p.original_ppid = parent;
    p.is_init = pid == 1;
    const auto par = procs.find(parent);
    p.command = pid == 1 ? "init" : par != procs.end() && par->first != 1 ? rep.processes[par->second.report].command : what_;
    rep.processes.push_back(p);
    trace.add_process({pid, parent, trace.add_text(p.command), static_cast<Tick>(time), 0, p.host_pid});
    Live& l = procs[pid];
    l = {rep.processes.size() - 1, ProcState::Ready};
    return l;
  };
  const auto event = [&](std::int64_t t, Pid pid, EventKind kind, std::int32_t detail, ProcState from, ProcState to,
                         int cpu = -1) {
    trace.add(Event{static_cast<Tick>(t), pid, detail, static_cast<std::int16_t>(cpu), kind, from, to});
  };
  std::vector<std::pair<std::int64_t, int>> population;  // (time, +1 created / -1 gone)
  std::map<Pid, bool> execed, printed;
  for (const Item& item : items_) {
    const Record& r = item.record;
    const auto it = procs.find(r.pid);
    ProcessReport* p = it == procs.end() ? nullptr : &rep.processes[it->second.report];
    switch (r.kind) {
      case RecordKind::Init:
        add_process(1, 0, r.host, 0);
        break;
      case RecordKind::Fork: {
        add_process(r.pid, r.a, host_of.contains(r.pid) ? host_of[r.pid] : r.host, r.time_us);
        event(r.time_us, r.a, EventKind::Fork, r.pid, ProcState::Ready, ProcState::Ready);
        // The child exists from its fork on (RunModel shows it New until an event says otherwise).
        event(r.time_us, r.pid, EventKind::Arrive, 0, ProcState::New, ProcState::Ready);
        population.emplace_back(r.time_us + r.c, +1);
        break;
      }
      case RecordKind::ForkFailed:
        ++rep.fork_failures;
        event(r.time_us, r.pid, EventKind::ForkFailed, r.a, ProcState::Ready, ProcState::Ready);
        break;
      case RecordKind::Exit:
        if (!p) break;
        p->exit_code = r.a;
        event(r.time_us, r.pid, EventKind::Exit, r.a, it->second.state, ProcState::Zombie);
        it->second.state = ProcState::Zombie;
        if (trace_mode_) population.emplace_back(r.time_us, -1);
        break;
      case RecordKind::Reap: {
        if (!p || it->second.state == ProcState::Terminated) break;
        if (it->second.state != ProcState::Zombie) {  // killed by a signal: no exit record of its own
          if (r.b != INT_MIN && !p->exit_code) p->exit_code = r.b;
          event(r.time_us, r.pid, EventKind::Exit, p->exit_code.value_or(0), it->second.state, ProcState::Zombie);
          if (trace_mode_) population.emplace_back(r.time_us, -1);
        }
        if (r.b != INT_MIN) p->exit_code = r.b;
        event(r.time_us, r.pid, EventKind::Reap, r.a, ProcState::Zombie, ProcState::Terminated);
        it->second.state = ProcState::Terminated;
        if (!trace_mode_) population.emplace_back(r.time_us, -1);
        break;
      }
      case RecordKind::Output:
        printed[r.pid] = true;
        event(r.time_us, r.pid, EventKind::Output, trace.add_text(item.text), ProcState::Ready, ProcState::Ready);
        break;
      case RecordKind::Exec:
        execed[r.pid] = true;
        if (p) {
          p->command = item.text;
          if (r.host > 0) p->host_pid = r.host;
        }
        event(r.time_us, r.pid, EventKind::Exec, trace.add_text(item.text), ProcState::Ready, ProcState::Ready);
        break;
      case RecordKind::Thread:
        if (p) ++p->threads;
        break;
      case RecordKind::Sample: {
        if (!p) break;
        const char letter = r.text[0];
        // 't' is a stop by our own tracer, not something the program did: not shown.
        if (letter == 't') break;
        if ((p->observed_states.empty() || p->observed_states.back() != letter) &&
            p->observed_states.size() < kMaxStates)
          p->observed_states += letter;
        if (p->host_pid == kNoPid) p->host_pid = r.host;
        if (r.a > 0 && r.a != p->ppid && !p->is_init) {
          p->ppid = r.a;
          event(r.time_us, r.pid, EventKind::Reparent, r.a, ProcState::Ready, ProcState::Ready);
        }
        if (r.b >= 0 && std::find(p->cpus.begin(), p->cpus.end(), r.b) == p->cpus.end()) p->cpus.push_back(r.b);
        p->cpu_time_ms = r.c;
        p->nice = r.text[1] - 20;
        const ProcState seen = state_of_letter(letter);
        ProcState& now = it->second.state;
        if (seen != now && now != ProcState::Zombie && now != ProcState::Terminated) {
          event(r.time_us, r.pid, EventKind::Sample, r.b, now, seen, r.b);
          now = seen;
        }
        break;
      }
      case RecordKind::Setup:
      case RecordKind::Host:
        break;
      case RecordKind::Done:
        rep.survivors = r.a;
        rep.timed_out = r.b != 0;
        rep.cgroup_removed = r.c != 0;
        break;
    }
  }
  // Ends before starts at the same microsecond: a reap frees the pid a new fork takes.
  std::sort(population.begin(), population.end());
  int live = 0;
  for (const auto& [time, delta] : population) rep.peak_processes = std::max(rep.peak_processes, live += delta);
  for (const ProcessReport& p : rep.processes)
    if (p.pid != 1 && p.original_ppid == 1 && p.exit_code) rep.exit_code = *p.exit_code;
  if (trace_mode_) mark_wrappers(rep, execed, printed);
  for (const ProcessReport& p : rep.processes) rep.target_processes += !p.is_init && !p.wrapper ? 1 : 0;
  return out;
}

}  // namespace proclab::real::detail
