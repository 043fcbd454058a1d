#include "sched_table.h"

#include <algorithm>

#include <fmt/format.h>

namespace proclab::cli {

namespace {

std::string opt(const std::optional<Tick>& v) { return v ? std::to_string(*v) : "-"; }

constexpr size_t kMaxSlicesShown = 60;
constexpr double kTargetWidth = 100;

}  // namespace

std::string metrics_table(const Metrics& m) {
  size_t name_w = 7;
  for (const auto& p : m.processes) name_w = std::max(name_w, p.name.size());
  std::string out = fmt::format("{:<{}}  {:>5}  {:>7}  {:>5}  {:>8}  {:>9}  {:>10}  {:>10}  {:>7}  {:>8}\n", "Process",
                                name_w, "PID", "Arrival", "Burst", "Priority", "First run", "Completion",
                                "Turnaround", "Waiting", "Response");
  for (const auto& p : m.processes)
    out += fmt::format("{:<{}}  {:>5}  {:>7}  {:>5}  {:>8}  {:>9}  {:>10}  {:>10}  {:>7}  {:>8}\n", p.name, name_w,
                       p.pid, p.arrival, p.cpu_time, p.priority, opt(p.first_run), opt(p.completion),
                       opt(p.turnaround), p.waiting, opt(p.response));
  out += fmt::format("{:<{}}  {:>5}  {:>7}  {:>5}  {:>8}  {:>9}  {:>10}  {:>10.2f}  {:>7.2f}  {:>8.2f}\n", "Average",
                     name_w, "", "", "", "", "", "", m.avg_turnaround, m.avg_waiting, m.avg_response);
  out += fmt::format("\nMakespan {} ticks, CPU utilization {:.1f}%, throughput {:.4f} processes/tick, {} context switches\n",
                     m.makespan, m.utilization * 100, m.throughput, m.context_switches);
  return out;
}

std::string gantt_chart(const Metrics& m, const Trace& trace, int cpus) {
  std::string out;
  for (int cpu = 0; cpu < cpus; ++cpu) {
    // The CPU's slices with idle gaps made explicit.
    struct Cell {
      std::string label;
      Tick start, end;
    };
    std::vector<Cell> cells;
    Tick t = 0;
    for (const GanttSlice& s : m.gantt) {
      if (s.cpu != cpu) continue;
      if (s.start > t) cells.push_back({"idle", t, s.start});
      cells.push_back({s.context_switch ? "cs" : std::string(trace.name(s.pid)), s.start, s.end});
      t = s.end;
    }
    const size_t total = cells.size();
    if (cells.size() > kMaxSlicesShown) cells.resize(kMaxSlicesShown);
    const Tick span = cells.empty() ? 1 : std::max<Tick>(cells.back().end, 1);
    const double per_tick = std::clamp(kTargetWidth / span, 0.0, 3.0);
    std::string bar = "|", axis;
    std::string ticks = "0";
    for (const Cell& c : cells) {
      const std::string end_label = std::to_string(c.end);
      const size_t width = std::max({static_cast<size_t>((c.end - c.start) * per_tick + 0.5), c.label.size() + 2,
                                     end_label.size() + 1});
      const size_t pad = width - c.label.size();
      bar += std::string(pad / 2, ' ') + c.label + std::string(pad - pad / 2, ' ') + "|";
      const size_t target = bar.size() - 1;  // the column of this cell's closing bar
      if (ticks.size() < target) ticks += std::string(target - ticks.size(), ' ');
      ticks += end_label;
    }
    axis.assign(bar.size(), '-');
    axis.front() = axis.back() = '+';
    out += fmt::format("CPU {}\n{}\n{}\n{}\n{}\n", cpu, axis, bar, axis, ticks);
    if (total > cells.size())
      out += fmt::format("... {} more slices (use --format json or chrome-trace for all of them)\n", total - cells.size());
  }
  return out;
}

}  // namespace proclab::cli
