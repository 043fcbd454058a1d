// Timeline records: which process ran on each CPU, and each process's state over time.
#include <algorithm>

#include "proclab/metrics.h"
#include "proclab/view_records.h"

namespace proclab {

std::vector<Band> cpu_bands(const Trace& trace, Tick end) {
  std::vector<Band> out;
  for (const GanttSlice& s : gantt_slices(trace, end))
    out.push_back({s.cpu, s.pid, s.start, s.end, ProcState::Running, s.context_switch});
  return out;
}

std::vector<std::vector<Band>> process_bands(const Trace& trace, Tick end) {
  const auto& procs = trace.processes();
  const size_t first = (!procs.empty() && procs.front().pid == kInitPid) ? 1 : 0;
  std::vector<std::vector<Band>> lanes(procs.size() - first);
  const auto lane_of = [&](Pid pid) -> int {
    auto it = std::lower_bound(procs.begin() + static_cast<std::ptrdiff_t>(first), procs.end(), pid,
                               [](const ProcessRecord& r, Pid p) { return r.pid < p; });
    if (it == procs.end() || it->pid != pid) return -1;
    return static_cast<int>(it - procs.begin()) - static_cast<int>(first);
  };
  for (const Event& e : trace.events()) {
    if (e.from == e.to || e.time > end) continue;
    const int lane = lane_of(e.pid);
    if (lane < 0) continue;
    auto& bands = lanes[static_cast<size_t>(lane)];
    if (!bands.empty() && bands.back().end < 0) bands.back().end = e.time;
    if (e.to != ProcState::Terminated && e.to != ProcState::New)
      bands.push_back({lane, e.pid, e.time, -1, e.to, false});
  }
  for (auto& bands : lanes) {
    if (!bands.empty() && bands.back().end < 0) bands.back().end = end;
    std::erase_if(bands, [](const Band& b) { return b.end <= b.start; });
  }
  return lanes;
}

}  // namespace proclab
