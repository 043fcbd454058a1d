// A ready queue ordered by a policy's key, then by arrival, then by pid (docs/scheduling.md),
// and the Policy base class of every policy that picks the smallest key (sjf, srtf, priority,
// stride, cfs). Insert, remove and pick are O(log n).
#pragma once

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <limits>
#include <set>
#include <tuple>

#include "proclab/policy.h"

namespace proclab {

struct OrderedEntry {
  std::int64_t key = 0;
  Tick arrival = 0;
  Pid pid = kNoPid;
  Process* process = nullptr;
  std::int64_t aux = 0;  // what the policy filed with it (CFS: the weight it added to the queue)

  bool operator<(const OrderedEntry& o) const {
    return std::tie(key, arrival, pid) < std::tie(o.key, o.arrival, o.pid);
  }
};

class OrderedQueue {
 public:
  void insert(Process& p, std::int64_t key, std::int64_t aux = 0) {
    entries_.insert({key, p.arrival, p.pid, &p, aux});
  }
  // Removes p, filed under `key` (the caller recomputes the key it inserted with: keys never
  // change while a process is queued). Returns the removed entry's aux.
  std::int64_t erase(const Process& p, std::int64_t key) {
    const auto it = entries_.find({key, p.arrival, p.pid, nullptr, 0});
    assert(it != entries_.end() && it->process == &p);
    const std::int64_t aux = it->aux;
    entries_.erase(it);
    return aux;
  }
  // The entry with the smallest (key, arrival, pid); the queue must not be empty.
  const OrderedEntry& front() const { return *entries_.begin(); }
  OrderedEntry pop_front() {
    OrderedEntry e = *entries_.begin();
    entries_.erase(entries_.begin());
    return e;
  }
  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }
  auto begin() const { return entries_.begin(); }
  auto end() const { return entries_.end(); }

 private:
  std::set<OrderedEntry> entries_;
};

// A policy that runs the Ready process with the smallest key. Subclasses define the key and may
// adjust a process as it enters the queue (stride, cfs) and learn when it leaves.
class OrderedPolicy : public Policy {
 public:
  OrderedPolicy() {
    last_reason_ = [this](Locale locale) {
      return last_pick_.pid == kNoPid ? std::string() : reason(last_pick_, locale);
    };
  }
  OrderedPolicy(const OrderedPolicy&) = delete;  // last_reason_ holds `this`
  OrderedPolicy& operator=(const OrderedPolicy&) = delete;

  void enqueue(Process& p, EnqueueReason why, Tick now) override {
    before_enqueue(p, why, now);
    queue_.insert(p, key(p), aux(p));
  }
  Process* pick(int, Tick) override {
    if (queue_.empty()) return nullptr;
    const OrderedEntry e = queue_.pop_front();
    last_pick_ = {e.pid, e.key, detail(*e.process)};
    on_leave(*e.process, e.aux, true);
    return e.process;
  }
  void remove(Process& p) override { on_leave(p, queue_.erase(p, key(p)), false); }
  size_t ready_count() const override { return queue_.size(); }
  std::vector<ReadyRow> ready_rows(Locale) const override {
    ReadyRow row{"ready", {}};
    for (const OrderedEntry& e : queue_) row.pids.push_back(e.process->pid);
    return {row};
  }

 protected:
  static constexpr std::int64_t kUnknownKey = std::numeric_limits<std::int64_t>::max();

  // For keys that only grow (stride's pass, cfs's vruntime): raises `floor` to the smaller of
  // the running process's key and the lowest queued key; the floor never decreases (as Linux's
  // min_vruntime). Newcomers start at the floor.
  void raise_floor(std::uint64_t& floor, std::uint64_t running_key) const {
    std::uint64_t candidate = running_key;
    if (!queue_.empty()) candidate = std::min(candidate, static_cast<std::uint64_t>(queue_.front().key));
    floor = std::max(floor, candidate);
  }

  // The sort key; must not change while p is queued.
  virtual std::int64_t key(const Process& p) const = 0;
  // What last_reason() needs to say why a process was picked, kept as values at the pick so
  // the sentence is formatted only when a view asks (picks are on the hot path).
  struct Pick {
    Pid pid = kNoPid;
    std::int64_t key = 0;
    std::int64_t detail = 0;  // detail(p) at the pick
  };
  virtual std::int64_t detail(const Process&) const { return 0; }
  virtual std::string reason(const Pick& pick, Locale locale) const = 0;
  virtual std::int64_t aux(const Process&) const { return 0; }
  virtual void before_enqueue(Process&, EnqueueReason, Tick) {}
  // p left the queue, picked to run or removed; aux is what aux(p) was when it entered.
  virtual void on_leave(Process&, std::int64_t /*aux*/, bool /*picked*/) {}

  OrderedQueue queue_;

 private:
  Pick last_pick_;
};

}  // namespace proclab
