// Priority scheduling, shared by `priority` (non-preemptive) and `priority-preemptive`:
// the Ready process with the lowest priority number runs. With aging A > 0, every A ticks a
// process spends in Ready improve its priority by 1 (never past 0, or past its base when that
// is already below 0); the improved value holds while it runs and returns to the base priority
// when it next enters the ready queue. Rules in docs/scheduling.md.
#pragma once

#include <algorithm>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "ordered_queue.h"

namespace proclab {

class PriorityBands final : public OrderedPolicy {
 public:
  PriorityBands(std::string_view name, bool preemptive, Tick aging)
      : name_(name), preemptive_(preemptive), aging_(aging) {}
  std::string_view name() const override { return name_; }

  // Preempts only for a strictly better (lower) priority number.
  bool should_preempt(const Process& running, Tick) const override {
    return preemptive_ && !queue_.empty() && queue_.front().key < running.priority;
  }

  // Ages every queued process whose next improvement is due at `now`.
  void on_tick(Tick now) override {
    while (!aging_due_.empty() && std::get<0>(*aging_due_.begin()) <= now) {
      auto [due, pid, p] = *aging_due_.begin();
      aging_due_.erase(aging_due_.begin());
      queue_.erase(*p, p->priority);
      --p->priority;
      queue_.insert(*p, p->priority);
      if (p->priority > best_reachable(*p)) aging_due_.insert({due + aging_, pid, p});
    }
  }

  std::vector<ReadyRow> ready_rows(Locale locale) const override {
    std::vector<ReadyRow> rows;
    std::int64_t band = 0;
    for (const OrderedEntry& e : queue_) {
      if (rows.empty() || band != e.key) {
        band = e.key;
        rows.push_back({locale == Locale::Zh ? fmt::format("优先级 {}", e.key) : fmt::format("priority {}", e.key), {}});
      }
      rows.back().pids.push_back(e.pid);
    }
    return rows;
  }

 private:
  static int best_reachable(const Process& p) { return std::min(p.base_priority, 0); }
  // When p's next improvement is due: one aging period after its previous one.
  std::int64_t next_due(const Process& p) const {
    return std::int64_t{p.sched.ready_since} +
           std::int64_t{aging_} * (std::int64_t{p.base_priority} - p.priority + 1);
  }

  std::int64_t key(const Process& p) const override { return p.priority; }
  std::int64_t detail(const Process& p) const override { return p.base_priority; }
  std::string reason(const Pick& pick, Locale locale) const override {
    if (locale == Locale::Zh) {
      if (pick.key != pick.detail)
        return fmt::format("pid {} 的优先级最高（{}，由 {} 老化提升而来）", pick.pid, pick.key, pick.detail);
      return fmt::format("pid {} 的优先级最高（{}）", pick.pid, pick.key);
    }
    if (pick.key != pick.detail)
      return fmt::format("pid {} has the best priority ({}, aged from {})", pick.pid, pick.key, pick.detail);
    return fmt::format("pid {} has the best priority ({})", pick.pid, pick.key);
  }
  void before_enqueue(Process& p, EnqueueReason, Tick) override {
    p.priority = p.base_priority;
    if (aging_ > 0 && p.priority > best_reachable(p)) aging_due_.insert({next_due(p), p.pid, &p});
  }
  void on_leave(Process& p, std::int64_t, bool) override {
    if (aging_ > 0 && p.priority > best_reachable(p)) aging_due_.erase({next_due(p), p.pid, &p});
  }

  std::string_view name_;
  bool preemptive_;
  Tick aging_;
  std::set<std::tuple<std::int64_t, Pid, Process*>> aging_due_;  // (when, pid): queued processes still able to age
};

}  // namespace proclab
