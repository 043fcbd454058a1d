// A ready queue in arrival order, shared by FCFS and round-robin.
#pragma once

#include <algorithm>
#include <deque>

#include "proclab/policy.h"

namespace proclab {

class FifoQueue : public Policy {
 public:
  void enqueue(Process& p, EnqueueReason, Tick) override { queue_.push_back(&p); }
  Process* pick(int, Tick) override {
    if (queue_.empty()) return nullptr;
    Process* p = queue_.front();
    queue_.pop_front();
    last_reason_ = [this, pid = p->pid](Locale locale) { return fmt_reason(pid, locale); };
    return p;
  }
  void remove(Process& p) override { queue_.erase(std::find(queue_.begin(), queue_.end(), &p)); }
  size_t ready_count() const override { return queue_.size(); }
  std::vector<ReadyRow> ready_rows(Locale) const override {
    ReadyRow row{"ready", {}};
    for (const Process* p : queue_) row.pids.push_back(p->pid);
    return {row};
  }

 protected:
  virtual std::string fmt_reason(Pid pid, Locale locale) const = 0;

 private:
  std::deque<Process*> queue_;
};

}  // namespace proclab
