#include "proclab/metrics.h"

#include <algorithm>
#include <limits>

#include "proclab/kernel.h"

namespace proclab {

namespace {

bool valid_cpu(int cpu) { return cpu >= 0 && cpu < kMaxCpus; }

// Dense pid -> slot map (pids are small: simulated ones ascend from first_pid, real ones are
// namespace pids).
class PidSlots {
 public:
  explicit PidSlots(const Trace& trace) {
    Pid max_pid = 0;
    for (const ProcessRecord& r : trace.processes()) max_pid = std::max(max_pid, r.pid);
    slot_.assign(static_cast<size_t>(max_pid) + 1, -1);
  }
  void set(Pid pid, int slot) { slot_[static_cast<size_t>(pid)] = slot; }
  int get(Pid pid) const {
    return pid >= 0 && static_cast<size_t>(pid) < slot_.size() ? slot_[static_cast<size_t>(pid)] : -1;
  }

 private:
  std::vector<int> slot_;
};

}  // namespace

std::vector<GanttSlice> gantt_slices(const Trace& trace, Tick end) {
  std::vector<GanttSlice> slices;
  std::vector<int> open(kMaxCpus, -1);  // per CPU: its open slice
  std::vector<int> last(kMaxCpus, -1);  // per CPU: its latest slice
  PidSlots cpu_of(trace);               // running pid -> CPU
  const auto close = [&](int cpu, Tick t) {
    int& idx = open[static_cast<size_t>(cpu)];
    if (idx >= 0) slices[static_cast<size_t>(idx)].end = t;
    idx = -1;
  };
  const auto start = [&](int cpu, Pid pid, Tick t, bool cs) {
    open[static_cast<size_t>(cpu)] = last[static_cast<size_t>(cpu)] = static_cast<int>(slices.size());
    slices.push_back({cpu, pid, t, t, cs});
  };
  for (const Event& e : trace.events()) {
    if (!valid_cpu(e.cpu) && e.kind != EventKind::Exit && e.from != ProcState::Running) continue;
    if (e.kind == EventKind::ContextSwitch) {
      close(e.cpu, e.time);
      start(e.cpu, e.pid, e.time, true);
    } else if (e.kind == EventKind::Dispatch) {
      close(e.cpu, e.time);
      cpu_of.set(e.pid, e.cpu);
      const int l = last[static_cast<size_t>(e.cpu)];
      const GanttSlice* prev = l >= 0 ? &slices[static_cast<size_t>(l)] : nullptr;
      if (prev && prev->pid == e.pid && prev->end == e.time && !prev->context_switch)
        open[static_cast<size_t>(e.cpu)] = l;  // same process again at once: one slice
      else
        start(e.cpu, e.pid, e.time, false);
    } else if (e.from == ProcState::Running && e.to != ProcState::Running) {
      const int cpu = cpu_of.get(e.pid);
      if (valid_cpu(cpu)) close(cpu, e.time);
      if (cpu >= 0) cpu_of.set(e.pid, -1);
    }
  }
  for (int cpu = 0; cpu < kMaxCpus; ++cpu) close(cpu, end);
  std::erase_if(slices, [](const GanttSlice& s) { return s.end <= s.start; });
  const auto by_cpu = [](const GanttSlice& a, const GanttSlice& b) { return a.cpu < b.cpu; };
  if (!std::is_sorted(slices.begin(), slices.end(), by_cpu)) std::stable_sort(slices.begin(), slices.end(), by_cpu);
  return slices;
}

Metrics compute_metrics(const Trace& trace, int cpus, Tick end) {
  Metrics m;
  PidSlots slot(trace);
  for (const ProcessRecord& r : trace.processes()) {
    if (r.pid == kInitPid) continue;
    slot.set(r.pid, static_cast<int>(m.processes.size()));
    ProcessMetrics pm;
    pm.pid = r.pid;
    pm.name = std::string(trace.text(r.name));
    pm.priority = r.priority;
    pm.arrival = r.created;
    m.processes.push_back(std::move(pm));
  }
  struct Current {
    Tick since = 0;
    ProcState state = ProcState::New;
  };
  std::vector<Current> cur(m.processes.size());
  std::vector<Pid> last_on_cpu(kMaxCpus, kNoPid);
  for (const Event& e : trace.events()) {
    const int s = slot.get(e.pid);
    if (s < 0 || e.from == e.to) continue;
    ProcessMetrics& pm = m.processes[static_cast<size_t>(s)];
    Current& c = cur[static_cast<size_t>(s)];
    if (c.state == ProcState::Ready) pm.waiting += e.time - c.since;
    if (c.state == ProcState::Running) pm.cpu_time += e.time - c.since;
    if (e.from == ProcState::New) pm.arrival = e.time;
    if (e.kind == EventKind::Dispatch) {
      if (!pm.first_run) pm.first_run = e.time;
      if (valid_cpu(e.cpu)) {
        Pid& last = last_on_cpu[static_cast<size_t>(e.cpu)];
        if (last != kNoPid && last != e.pid) ++m.context_switches;
        last = e.pid;
      }
    }
    if (e.kind == EventKind::Exit) pm.completion = e.time;
    c = {e.time, e.to};
  }
  for (size_t i = 0; i < cur.size(); ++i) {  // spans still open when the run stopped
    if (cur[i].state == ProcState::Ready) m.processes[i].waiting += end - cur[i].since;
    if (cur[i].state == ProcState::Running) m.processes[i].cpu_time += end - cur[i].since;
  }

  int completed = 0;
  Tick first_arrival = std::numeric_limits<Tick>::max(), last_completion = 0;
  double sum_t = 0, sum_w = 0, sum_r = 0;
  for (ProcessMetrics& pm : m.processes) {
    first_arrival = std::min(first_arrival, pm.arrival);
    if (pm.first_run) pm.response = *pm.first_run - pm.arrival;
    if (!pm.completion) continue;
    pm.turnaround = *pm.completion - pm.arrival;
    ++completed;
    last_completion = std::max(last_completion, *pm.completion);
    sum_t += *pm.turnaround;
    sum_w += pm.waiting;
    sum_r += pm.response.value_or(0);
  }
  if (completed > 0) {
    m.avg_turnaround = sum_t / completed;
    m.avg_waiting = sum_w / completed;
    m.avg_response = sum_r / completed;
    m.makespan = last_completion - first_arrival;
    m.throughput = m.makespan > 0 ? static_cast<double>(completed) / m.makespan : 0;
  }
  m.gantt = gantt_slices(trace, end);
  m.cpu_utilization.assign(static_cast<size_t>(std::clamp(cpus, 1, kMaxCpus)), 0.0);
  // A run still going (the GUI mid-run) is measured up to `end`, not to the last completion.
  const bool all_done = completed == static_cast<int>(m.processes.size());
  const Tick span = (all_done && m.makespan > 0) ? m.makespan : end - std::min(first_arrival, end);
  double busy_total = 0;
  for (const GanttSlice& s : m.gantt) {
    if (s.context_switch || static_cast<size_t>(s.cpu) >= m.cpu_utilization.size()) continue;
    m.cpu_utilization[static_cast<size_t>(s.cpu)] += s.end - s.start;
    busy_total += s.end - s.start;
  }
  if (span > 0) {
    for (double& u : m.cpu_utilization) u /= span;
    m.utilization = busy_total / (static_cast<double>(span) * static_cast<double>(m.cpu_utilization.size()));
  }
  return m;
}

}  // namespace proclab
