// Timeline records: which process ran on each CPU, and each process's state over time.
#include <algorithm>

#include "proclab/view_records.h"

namespace proclab {

std::vector<Band> cpu_bands(const RunModel& model) {
  std::vector<Band> out;
  for (int cpu = 0; cpu < model.cpus(); ++cpu)
    for (const CpuSpan& s : model.cpu_spans(cpu)) {
      const Tick end = s.end < 0 ? model.now() : s.end;
      if (end > s.start) out.push_back({cpu, s.pid, s.start, end, ProcState::Running, s.context_switch});
    }
  return out;
}

std::vector<std::vector<Band>> process_bands(const RunModel& model) {
  const auto& rows = model.processes();
  const size_t first = (!rows.empty() && rows.front().pid == kInitPid) ? 1 : 0;
  std::vector<std::vector<Band>> lanes(rows.size() - first);
  for (size_t i = first; i < rows.size(); ++i) {
    const int lane = static_cast<int>(i - first);
    auto& bands = lanes[i - first];
    for (const StateSpan& s : model.states(i)) {
      const Tick end = s.end < 0 ? model.now() : s.end;
      if (end > s.start) bands.push_back({lane, rows[i].pid, s.start, end, s.state, false});
    }
  }
  return lanes;
}

}  // namespace proclab
