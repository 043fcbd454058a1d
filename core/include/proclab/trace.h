// The append-only record of a run. Metrics, trees, timelines, consoles and exporters read
// only this (plus the process table), never a view's own bookkeeping.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "proclab/event.h"

namespace proclab {

// What a process was when it came into being; kept once per pid.
// Names are text indices so that a million forked children share their parent's one string.
struct ProcessRecord {
  Pid pid = kNoPid;
  Pid parent = kNoPid;  // at creation
  std::int32_t name = 0;  // Trace::text index
  Tick created = 0;
  int priority = 0;
  Pid host_pid = kNoPid;  // real backend only
};

enum class TimeUnit { Tick, Microsecond };

class Trace {
 public:
  explicit Trace(TimeUnit unit = TimeUnit::Tick) : unit_(unit) {}

  void add(const Event& e) { events_.push_back(e); }
  // Records `text` and returns the index an Output/Exec event stores in `detail`.
  std::int32_t add_text(std::string text);
  void add_process(ProcessRecord record);

  std::span<const Event> events() const { return events_; }
  std::string_view text(std::int32_t index) const { return texts_.at(static_cast<size_t>(index)); }
  const std::vector<ProcessRecord>& processes() const { return processes_; }
  // nullptr when pid was never recorded.
  const ProcessRecord* process(Pid pid) const;
  // The recorded name of pid, or "" when pid was never recorded.
  std::string_view name(Pid pid) const;
  TimeUnit unit() const { return unit_; }

  void reserve(size_t events) { events_.reserve(events); }

 private:
  TimeUnit unit_;
  std::vector<Event> events_;
  std::vector<std::string> texts_;
  std::vector<ProcessRecord> processes_;  // in creation order; pids ascend
};

}  // namespace proclab
