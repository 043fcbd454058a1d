// A CFS-like fair policy (after Linux's Completely Fair Scheduler, OSTEP chapter 9):
//   - vruntime grows by 1024/weight per tick run, weight from Linux's nice-to-weight table
//     (nice 0 = 1024; each nice step is about 10% of CPU);
//   - the Ready process with the lowest vruntime runs;
//   - its slice is the target latency times its share of the runnable weight (the ready queue
//     plus itself), at least min_granularity;
//   - a process entering the ready queue from outside (new, woken, continued) starts at
//     min_vruntime if its own vruntime is lower.
// vruntime is kept in 1/1024 ticks (SchedData::vruntime). Details in docs/scheduling.md.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "ordered_queue.h"
#include "policies.h"

namespace proclab {
namespace {

// Linux's sched_prio_to_weight (kernel/sched/core.c), nice -20 .. 19.
constexpr std::array<std::int64_t, 40> kNiceToWeight = {
    88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916,
    9548,  7620,  6100,  4904,  3906,  3121,  2501,  1991,  1586,  1277,
    1024,  820,   655,   526,   423,   335,   272,   215,   172,   137,
    110,   87,    70,    56,    45,    36,    29,    23,    18,    15};
constexpr std::int64_t kNice0Weight = 1024;

std::int64_t weight_of(const Process& p) {
  return kNiceToWeight[static_cast<size_t>(std::clamp(p.nice, -20, 19) + 20)];
}

class Cfs final : public OrderedPolicy {
 public:
  Cfs(Tick latency, Tick min_granularity) : latency_(latency), min_granularity_(min_granularity) {}
  std::string_view name() const override { return "cfs"; }

  Tick quantum(const Process& p) const override {
    const std::int64_t w = weight_of(p);
    const std::int64_t slice = std::int64_t{latency_} * w / (ready_weight_ + w);
    return static_cast<Tick>(std::max<std::int64_t>(slice, min_granularity_));
  }

  void on_ran(Process& p, Tick) override {
    p.sched.vruntime += static_cast<std::uint64_t>(kNice0Weight * kNice0Weight / weight_of(p));
    raise_floor(min_vruntime_, p.sched.vruntime);
  }

 private:
  std::int64_t key(const Process& p) const override { return static_cast<std::int64_t>(p.sched.vruntime); }
  std::int64_t aux(const Process& p) const override { return weight_of(p); }
  std::int64_t detail(const Process& p) const override { return p.nice; }
  std::string reason(const Pick& pick, Locale locale) const override {
    if (locale == Locale::Zh)
      return fmt::format("pid {} 的虚拟运行时间最小（{:.3f} 个时钟周期，nice {}）", pick.pid,
                         static_cast<double>(pick.key) / kNice0Weight, pick.detail);
    return fmt::format("pid {} has the lowest vruntime ({:.3f} ticks, nice {})", pick.pid,
                       static_cast<double>(pick.key) / kNice0Weight, pick.detail);
  }
  void before_enqueue(Process& p, EnqueueReason why, Tick) override {
    if (why != EnqueueReason::Preempt) p.sched.vruntime = std::max(p.sched.vruntime, min_vruntime_);
    ready_weight_ += weight_of(p);
  }
  void on_leave(Process&, std::int64_t weight, bool) override { ready_weight_ -= weight; }

  Tick latency_;
  Tick min_granularity_;
  std::int64_t ready_weight_ = 0;  // sum of the weights of the queued processes
  std::uint64_t min_vruntime_ = 0;
};

}  // namespace

std::unique_ptr<Policy> make_cfs(const PolicyParams& params) {
  return std::make_unique<Cfs>(params.cfs_latency, params.cfs_min_granularity);
}

}  // namespace proclab
