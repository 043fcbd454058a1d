// Stride scheduling (OSTEP chapter 9): each process's stride is a big constant divided by its
// tickets; the Ready process with the lowest pass runs, and its pass grows by its stride for
// every tick it runs. A process entering the ready queue from outside (new, woken, continued)
// starts at the lowest pass of the runnable processes if its own is lower, so it cannot
// monopolize the CPU to catch up (docs/scheduling.md).
#include <algorithm>

#include <fmt/format.h>

#include "ordered_queue.h"
#include "policies.h"

namespace proclab {
namespace {

// OSTEP's constant 10,000 times 5040, so that strides stay whole numbers (and the book's
// ties stay ties) for every ticket count dividing 50,400,000, while a pass cannot overflow
// even at one ticket for 2^31 ticks.
constexpr std::int64_t kStrideOne = 10000LL * 5040;

std::int64_t stride_of(const Process& p) { return kStrideOne / std::max(p.tickets, 1); }

class Stride final : public OrderedPolicy {
 public:
  explicit Stride(Tick quantum) : quantum_(quantum) {}
  std::string_view name() const override { return "stride"; }
  Tick quantum(const Process&) const override { return quantum_; }
  void on_ran(Process& p, Tick) override {
    p.sched.pass += static_cast<std::uint64_t>(stride_of(p));
    raise_floor(floor_, p.sched.pass);
  }

 private:
  std::int64_t key(const Process& p) const override { return static_cast<std::int64_t>(p.sched.pass); }
  std::int64_t detail(const Process& p) const override { return std::max(p.tickets, 1); }
  std::string reason(const Pick& pick, Locale locale) const override {
    if (locale == Locale::Zh)
      return fmt::format("pid {} 的行程值（pass）最小（{}；{} 张彩票，步长 {}）", pick.pid, pick.key, pick.detail,
                         kStrideOne / pick.detail);
    return fmt::format("pid {} has the lowest pass ({}; stride {} for {} tickets)", pick.pid, pick.key,
                       kStrideOne / pick.detail, pick.detail);
  }
  void before_enqueue(Process& p, EnqueueReason why, Tick) override {
    if (why != EnqueueReason::Preempt) p.sched.pass = std::max(p.sched.pass, floor_);
  }

  Tick quantum_;
  std::uint64_t floor_ = 0;  // the lowest pass of the runnable processes, as last seen
};

}  // namespace

std::unique_ptr<Policy> make_stride(const PolicyParams& params) {
  return std::make_unique<Stride>(params.quantum);
}

}  // namespace proclab
