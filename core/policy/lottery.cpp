// Lottery scheduling (OSTEP chapter 9): each pick draws a winning ticket from the tickets of
// the Ready processes, counted through them in the order they entered the ready queue (OSTEP's
// list walk). The draws come from a generator seeded with PolicyParams::seed, so the same
// scenario and seed give the same schedule. Each winner runs at most one quantum.
#include <algorithm>
#include <random>
#include <unordered_map>

#include <fmt/format.h>

#include "policies.h"
#include "ticket_tree.h"

namespace proclab {
namespace {

class Lottery final : public Policy {
 public:
  Lottery(Tick quantum, std::uint64_t seed) : quantum_(quantum), rng_(seed) {
    // Formatted only when a view asks: picks are on the hot path.
    last_reason_ = [this](Locale locale) {
      if (last_.pid == kNoPid) return std::string();
      if (locale == Locale::Zh)
        return fmt::format("共 {} 张彩票，第 {} 张中奖；pid {} 持有其中 {} 张", last_.total, last_.winner, last_.pid,
                           last_.tickets);
      return fmt::format("ticket {} of {} won; pid {} holds {} of them", last_.winner, last_.total, last_.pid,
                         last_.tickets);
    };
  }
  Lottery(const Lottery&) = delete;  // last_reason_ holds `this`
  Lottery& operator=(const Lottery&) = delete;
  std::string_view name() const override { return "lottery"; }

  void enqueue(Process& p, EnqueueReason, Tick) override {
    slot_of_[p.pid] = slots_.size();
    slots_.push_back({&p, p.tickets});
    tickets_.push_back(p.tickets);
    ++count_;
  }

  Process* pick(int, Tick) override {
    if (count_ == 0) return nullptr;
    const std::int64_t total = tickets_.total();
    const std::int64_t winner = draw(total);
    const size_t slot = tickets_.find(winner);
    Process* p = slots_[slot].process;
    last_ = {p->pid, winner, total, slots_[slot].tickets};
    vacate(slot);
    return p;
  }

  void remove(Process& p) override {
    const auto it = slot_of_.find(p.pid);
    assert(it != slot_of_.end() && slots_[it->second].process == &p);
    vacate(it->second);
  }

  size_t ready_count() const override { return count_; }
  Tick quantum(const Process&) const override { return quantum_; }

  std::vector<ReadyRow> ready_rows(Locale) const override {
    ReadyRow row{"ready (ticket order)", {}};
    for (const Slot& s : slots_)
      if (s.process) row.pids.push_back(s.process->pid);
    return {row};
  }

 private:
  struct Slot {
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
    slot_of_.erase(slots_[slot].process->pid);
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
    for (size_t i = 0; i < slots_.size(); ++i) {
      tickets_.push_back(slots_[i].tickets);
      slot_of_[slots_[i].process->pid] = i;
    }
  }

  struct Draw {
    Pid pid = kNoPid;
    std::int64_t winner = 0, total = 0, tickets = 0;
  };

  Tick quantum_;
  Draw last_;  // for last_reason()
  std::mt19937_64 rng_;  // its output sequence is fixed by the C++ standard
  std::vector<Slot> slots_;  // in the order processes entered the queue
  std::unordered_map<Pid, size_t> slot_of_;  // queued pid -> its slot
  TicketTree tickets_;
  size_t count_ = 0;
};

}  // namespace

std::unique_ptr<Policy> make_lottery(const PolicyParams& params) {
  return std::make_unique<Lottery>(params.quantum, params.seed);
}

}  // namespace proclab
