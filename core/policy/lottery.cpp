// Lottery scheduling (OSTEP chapter 9): each pick draws a winning ticket from the tickets of
// the Ready processes, counted through them in the order they entered the ready queue (OSTEP's
// list walk). The draws come from a generator seeded with PolicyParams::seed, so the same
// scenario and seed give the same schedule. Each winner runs at most one quantum.
#include <algorithm>
#include <random>

#include <fmt/format.h>

#include "policies.h"
#include "ticket_tree.h"

namespace proclab {
namespace {

class Lottery final : public Policy {
 public:
  Lottery(Tick quantum, std::uint64_t seed) : quantum_(quantum), rng_(seed) {}
  std::string_view name() const override { return "lottery"; }

  void enqueue(Process& p, EnqueueReason, Tick) override {
    slots_.push_back({p.sched.seq, &p, p.tickets});
    tickets_.push_back(p.tickets);
    ++count_;
  }

  Process* pick(int, Tick) override {
    if (count_ == 0) return nullptr;
    const std::int64_t total = tickets_.total();
    const std::int64_t winner = draw(total);
    const size_t slot = tickets_.find(winner);
    Process* p = slots_[slot].process;
    last_reason_ = fmt::format("ticket {} of {} won; pid {} holds {} of them", winner, total, p->pid,
                               slots_[slot].tickets);
    vacate(slot);
    return p;
  }

  void remove(Process& p) override {
    // Slots ascend by sequence number (they are appended as processes enter the queue).
    const auto it = std::lower_bound(slots_.begin(), slots_.end(), p.sched.seq,
                                     [](const Slot& s, std::uint64_t seq) { return s.seq < seq; });
    assert(it != slots_.end() && it->process == &p);
    vacate(static_cast<size_t>(it - slots_.begin()));
  }

  size_t ready_count() const override { return count_; }
  Tick quantum(const Process&) const override { return quantum_; }

  std::vector<ReadyRow> ready_rows() const override {
    ReadyRow row{"ready (ticket order)", {}};
    for (const Slot& s : slots_)
      if (s.process) row.pids.push_back(s.process->pid);
    return {row};
  }

 private:
  struct Slot {
    std::uint64_t seq;
    Process* process;  // nullptr: vacated
    std::int64_t tickets;
  };

  // A uniform number in [0, bound): rejection sampling keeps it unbiased and, unlike
  // std::uniform_int_distribution, the same on every standard library.
  std::int64_t draw(std::int64_t bound) {
    const auto b = static_cast<std::uint64_t>(bound);
    const std::uint64_t threshold = (0 - b) % b;  // 2^64 mod b
    std::uint64_t r = rng_();
    while (r < threshold) r = rng_();
    return static_cast<std::int64_t>(r % b);
  }

  void vacate(size_t slot) {
    tickets_.add(slot, -slots_[slot].tickets);
    slots_[slot].process = nullptr;
    slots_[slot].tickets = 0;
    --count_;
    if (slots_.size() > 2 * count_ + 64) compact();
  }

  // Drops vacated slots (amortized O(1) per removal), keeping the order.
  void compact() {
    std::erase_if(slots_, [](const Slot& s) { return s.process == nullptr; });
    tickets_.clear();
    for (const Slot& s : slots_) tickets_.push_back(s.tickets);
  }

  Tick quantum_;
  std::mt19937_64 rng_;  // its output sequence is fixed by the C++ standard
  std::vector<Slot> slots_;
  TicketTree tickets_;
  size_t count_ = 0;
};

}  // namespace

std::unique_ptr<Policy> make_lottery(const PolicyParams& params) {
  return std::make_unique<Lottery>(params.quantum, params.seed);
}

}  // namespace proclab
