// Multi-level feedback queue, as in OSTEP chapter 8 ("Scheduling: The Multi-Level Feedback
// Queue"). Rules (docs/scheduling.md):
//   1, 2. A higher level runs first (and preempts a lower one); within a level, round-robin in
//         the order processes entered the ready queue.
//   3.    A new process enters the top level (0).
//   4.    Once a process has used its allotment at a level, however often it gave up the CPU,
//         it moves down one level. A slice never crosses the allotment's end.
//   5.    Every `boost` ticks every process returns to the top level with a fresh allotment.
// Boosts reach processes that are not queued (running, blocked) lazily, through
// SchedData::boosts_seen, so a boost costs only the queued processes.
#include <set>

#include <fmt/format.h>

#include "policies.h"

namespace proclab {
namespace {

class Mlfq final : public Policy {
 public:
  Mlfq(std::vector<Tick> quanta, std::vector<Tick> allotments, Tick boost)
      : quanta_(std::move(quanta)), allotments_(std::move(allotments)), boost_(boost),
        levels_(quanta_.size()) {
    // Formatted only when a view asks: picks are on the hot path.
    last_reason_ = [this](Locale locale) {
      if (last_pid_ == kNoPid) return std::string();
      if (locale == Locale::Zh)
        return fmt::format("pid {} 位于第 {} 级队列队首，这是有就绪进程的最高一级", last_pid_, last_level_);
      return fmt::format("pid {} is first in level {}, the highest level with a ready process", last_pid_, last_level_);
    };
  }
  Mlfq(const Mlfq&) = delete;  // last_reason_ holds `this`
  Mlfq& operator=(const Mlfq&) = delete;

  std::string_view name() const override { return "mlfq"; }

  void enqueue(Process& p, EnqueueReason, Tick) override {
    catch_up(p);
    levels_[static_cast<size_t>(p.sched.level)].insert({p.sched.seq, &p});
    ++count_;
  }

  Process* pick(int, Tick) override {
    for (size_t level = 0; level < levels_.size(); ++level) {
      if (levels_[level].empty()) continue;
      Process* p = levels_[level].begin()->second;
      levels_[level].erase(levels_[level].begin());
      --count_;
      last_pid_ = p->pid;
      last_level_ = level;
      return p;
    }
    return nullptr;
  }

  void remove(Process& p) override {
    levels_[static_cast<size_t>(p.sched.level)].erase({p.sched.seq, &p});
    --count_;
  }

  size_t ready_count() const override { return count_; }

  Tick quantum(const Process& p) const override {
    const auto level = static_cast<size_t>(level_of(p));
    if (level + 1 == quanta_.size()) return quanta_[level];  // the bottom level never demotes
    return std::min(quanta_[level], allotments_[level] - used_of(p));
  }

  bool should_preempt(const Process& running, Tick) const override {
    const int best = best_level();
    return best >= 0 && best < level_of(running);
  }

  // Rule 5: at every multiple of `boost` (tick 0 excluded) all processes return to level 0.
  void on_tick(Tick now) override {
    if (boost_ == 0 || now == 0 || now % boost_ != 0) return;
    ++boosts_;
    std::set<std::pair<std::uint64_t, Process*>> top;
    for (auto& level : levels_) {
      for (auto& [seq, p] : level) {
        catch_up(*p);
        top.insert({seq, p});
      }
      level.clear();
    }
    levels_[0] = std::move(top);
  }

  // Rule 4: allotment used up -> one level down.
  void on_ran(Process& p, Tick) override {
    catch_up(p);
    ++p.sched.level_used;
    const auto level = static_cast<size_t>(p.sched.level);
    if (level + 1 < quanta_.size() && p.sched.level_used >= allotments_[level]) {
      ++p.sched.level;
      p.sched.level_used = 0;
    }
  }

  std::vector<ReadyRow> ready_rows(Locale locale) const override {
    std::vector<ReadyRow> rows;
    for (size_t level = 0; level < levels_.size(); ++level) {
      ReadyRow row{locale == Locale::Zh ? fmt::format("第 {} 级（时间片 {}）", level, quanta_[level])
                                        : fmt::format("level {} (quantum {})", level, quanta_[level]),
                   {}};
      for (const auto& entry : levels_[level]) row.pids.push_back(entry.second->pid);
      rows.push_back(std::move(row));
    }
    return rows;
  }

 private:
  bool boosted_since(const Process& p) const { return p.sched.boosts_seen != boosts_; }
  int level_of(const Process& p) const { return boosted_since(p) ? 0 : p.sched.level; }
  Tick used_of(const Process& p) const { return boosted_since(p) ? 0 : p.sched.level_used; }
  // Applies the boosts p missed while it was not queued.
  void catch_up(Process& p) const {
    if (!boosted_since(p)) return;
    p.sched.level = 0;
    p.sched.level_used = 0;
    p.sched.boosts_seen = boosts_;
  }
  int best_level() const {
    for (size_t level = 0; level < levels_.size(); ++level)
      if (!levels_[level].empty()) return static_cast<int>(level);
    return -1;
  }

  std::vector<Tick> quanta_;      // per level, top first
  std::vector<Tick> allotments_;  // per level
  Tick boost_;
  std::uint32_t boosts_ = 0;
  // Per level: (order of entering the ready queue, process). Sequence numbers are unique.
  std::vector<std::set<std::pair<std::uint64_t, Process*>>> levels_;
  size_t count_ = 0;
  Pid last_pid_ = kNoPid;  // the last pick and its level, for last_reason()
  size_t last_level_ = 0;
};

}  // namespace

std::optional<Error> check_mlfq(const PolicyParams& params) {
  const MlfqParams& m = params.mlfq;
  if (m.levels < 1 || m.levels > 16)
    return Error{fmt::format("mlfq: levels must be from 1 to 16, got {}", m.levels)};
  if (!m.quanta.empty() && m.quanta.size() != static_cast<size_t>(m.levels))
    return Error{fmt::format("mlfq: quanta lists {} quanta but there are {} levels (give one per level, top first)",
                             m.quanta.size(), m.levels)};
  for (Tick q : m.quanta)
    if (q < 1) return Error{fmt::format("mlfq: every quantum must be at least 1, got {}", q)};
  if (m.quanta.empty() && params.quantum > (std::numeric_limits<Tick>::max() >> (m.levels - 1)))
    return Error{fmt::format("mlfq: the bottom level's quantum ({} x 2^{}) is too large", params.quantum, m.levels - 1)};
  if (m.allotment < 0) return Error{fmt::format("mlfq: allotment must be 0 (one quantum) or more, got {}", m.allotment)};
  if (m.boost < 0) return Error{fmt::format("mlfq: boost must be 0 (never) or more, got {}", m.boost)};
  return std::nullopt;
}

std::unique_ptr<Policy> make_mlfq(const PolicyParams& params) {
  const MlfqParams& m = params.mlfq;
  std::vector<Tick> quanta = m.quanta;
  if (quanta.empty())
    for (int level = 0; level < m.levels; ++level) quanta.push_back(params.quantum << level);
  std::vector<Tick> allotments;
  for (Tick q : quanta) allotments.push_back(m.allotment > 0 ? m.allotment : q);
  return std::make_unique<Mlfq>(std::move(quanta), std::move(allotments), m.boost);
}

}  // namespace proclab
