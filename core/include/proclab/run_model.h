// RunModel (DESIGN.md): the fold of a Trace up to a time. Whoever produced the trace (the
// simulated kernel or the real lab) the model answers the same questions: which processes exist,
// in which state, under which parent (now and at creation), on which CPU, how long they ran, what
// they printed and how their states went over time. Every view and CLI printer reads this, never
// the producer.
//
// Threads and kernel objects: the trace does not record tids or objects yet; every process is
// folded as its one thread. When events carry a tid the table gains rows per task here.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "proclab/trace.h"

namespace proclab {

// One state held by a process over [start, end) (end -1 while it still holds it).
struct StateSpan {
  ProcState state = ProcState::Ready;
  Tick start = 0;
  Tick end = -1;
};

struct ProcessRow {
  Pid pid = kNoPid;
  Pid ppid = kNoPid;           // current parent (after reparenting)
  Pid original_ppid = kNoPid;  // the parent that forked or spawned it
  Pid previous_ppid = kNoPid;  // parent before the latest reparent, or kNoPid
  Tick reparented_at = -1;     // time of the latest reparent, or -1
  std::int32_t name = 0;       // Trace::text index
  Tick created = 0;            // arrival (workloads) or fork time
  int priority = 0;            // at creation (a source's SchedulerInfo knows the current one)
  Pid host_pid = kNoPid;       // real runs only
  ProcState state = ProcState::New;
  int cpu = -1;                // CPU it runs on while Running, else -1
  Tick cpu_time = 0;           // time Running in finished spans (RunModel::cpu_time adds the open one)
  std::optional<int> exit_status;  // code, or -signal, once it exited
  Tick running_since = -1;     // internal to the fold: start of the current Running span

  bool alive() const {
    return state != ProcState::Zombie && state != ProcState::Terminated && state != ProcState::New;
  }
};

struct OutputLine {
  Tick time = 0;
  Pid pid = kNoPid;
  std::int32_t text = 0;  // Trace::text index
};

struct CpuRow {
  Pid running = kNoPid;       // Running on this CPU
  Pid switching_to = kNoPid;  // a context switch to this pid is under way
};

// One stretch of one process on one CPU (a context switch to it is a span of its own).
struct CpuSpan {
  Pid pid = kNoPid;
  Tick start = 0;
  Tick end = -1;  // -1 while it lasts
  bool context_switch = false;
};

class RunModel {
 public:
  // An empty model (no trace): every table is empty.
  RunModel() = default;
  // The model of `trace` before its first event. `trace` must outlive the model; `cpus` is the
  // machine's CPU count (the real lab: the host's), used by CPU rows and utilization.
  RunModel(const Trace& trace, int cpus);

  // Folds the trace's events with time <= `until` that are not folded yet, and process records
  // added since the last call. The trace may have grown (a live run) but never changed what it
  // held; a replayed trace needs a new model.
  void advance(Tick until);
  // A model of `trace` folded up to `until`.
  static RunModel of(const Trace& trace, int cpus, Tick until);

  bool empty() const { return trace_ == nullptr; }
  // Requires !empty().
  const Trace& trace() const { return *trace_; }
  Tick now() const { return now_; }
  int cpus() const { return static_cast<int>(cpus_.size()); }
  TimeUnit unit() const { return trace_ ? trace_->unit() : TimeUnit::Tick; }
  // Index of the first trace event not folded yet.
  size_t folded_events() const { return next_event_; }

  // Every process recorded, init first when the trace has one, in creation order.
  const std::vector<ProcessRow>& processes() const { return rows_; }
  // nullptr when pid was never recorded.
  const ProcessRow* process(Pid pid) const;
  // Index of pid in processes(), or -1.
  int index_of(Pid pid) const;
  // The recorded name of pid, or "".
  std::string_view name(Pid pid) const;
  // Each process's states in order, indexed like processes(). New is not a span; Terminated
  // closes the last one.
  const std::vector<StateSpan>& states(size_t index) const { return spans_[index]; }
  const std::vector<OutputLine>& output() const { return output_; }
  std::string_view text(const OutputLine& line) const { return trace_->text(line.text); }
  const std::vector<CpuRow>& cpu_rows() const { return cpus_; }
  // What ran on `cpu` over time, in order (0 <= cpu < cpus()).
  const std::vector<CpuSpan>& cpu_spans(int cpu) const { return cpu_spans_[static_cast<size_t>(cpu)]; }
  // Time row spent Running up to now().
  Tick cpu_time(const ProcessRow& row) const {
    return row.cpu_time + (row.running_since >= 0 ? now_ - row.running_since : 0);
  }

 private:
  ProcessRow* find(Pid pid);
  void add_records();
  void apply(const Event& e);
  void enter(ProcessRow& row, size_t index, ProcState to, Tick time);
  void run_on(ProcessRow& row, int cpu, Tick time);
  void leave_cpu(ProcessRow& row, Tick time);
  void open_span(int cpu, Pid pid, Tick time, bool context_switch);
  void close_span(int cpu, Tick time);

  const Trace* trace_ = nullptr;
  size_t next_event_ = 0;
  Tick now_ = 0;
  std::vector<ProcessRow> rows_;
  std::vector<std::vector<StateSpan>> spans_;
  std::vector<OutputLine> output_;
  std::vector<CpuRow> cpus_;
  std::vector<std::vector<CpuSpan>> cpu_spans_;
  bool pids_ascend_ = true;                 // then lookups bisect rows_
  std::unordered_map<Pid, size_t> index_;   // only when pids do not ascend (pid reuse)
};

}  // namespace proclab
