// Shortest next CPU burst first: sjf (non-preemptive) and srtf (preemptive) share this queue.
// The key is Program::remaining_burst(); unknown lengths sort after every known one.
#pragma once

#include <fmt/format.h>

#include "ordered_queue.h"

namespace proclab {

class ShortestBurst final : public OrderedPolicy {
 public:
  ShortestBurst(std::string_view name, bool preemptive) : name_(name), preemptive_(preemptive) {}
  std::string_view name() const override { return name_; }

  // srtf: a Ready process takes the CPU only when its burst is strictly shorter than what the
  // running process has left (an equal one waits).
  bool should_preempt(const Process& running, Tick) const override {
    return preemptive_ && !queue_.empty() && queue_.front().key < key(running);
  }

 private:
  std::int64_t key(const Process& p) const override {
    const auto burst = p.program ? p.program->remaining_burst() : std::nullopt;
    return burst ? *burst : kUnknownKey;
  }
  std::string reason(const Pick& pick, Locale locale) const override {
    if (locale == Locale::Zh) {
      if (pick.key == kUnknownKey) return fmt::format("pid {} 在突发长度未知的进程中排在最前", pick.pid);
      return fmt::format("pid {} 的{}最短（{} 个时钟周期）", pick.pid, preemptive_ ? "剩余 CPU 突发" : "下一个 CPU 突发",
                         pick.key);
    }
    if (pick.key == kUnknownKey)
      return fmt::format("pid {} is first of the processes whose burst length is unknown", pick.pid);
    return fmt::format("pid {} has the shortest {} ({} ticks)", pick.pid,
                       preemptive_ ? "remaining burst" : "next CPU burst", pick.key);
  }

  std::string_view name_;
  bool preemptive_;
};

}  // namespace proclab
