// Ticket counts laid out in the order processes entered the ready queue, with O(log n) append,
// change and "which slot holds ticket number w" (a Fenwick tree of prefix sums). Lottery uses it.
#pragma once

#include <cassert>
#include <cstdint>
#include <vector>

namespace proclab {

class TicketTree {
 public:
  // Appends a slot holding `tickets`; returns its index.
  size_t push_back(std::int64_t tickets) {
    const size_t i = tree_.size() + 1;  // 1-based
    // tree_[i] covers slots (i - lowbit(i), i]: this slot plus the tail of that range.
    tree_.push_back(tickets + prefix(i - 1) - prefix(i - (i & (~i + 1))));
    total_ += tickets;
    return i - 1;
  }
  void add(size_t slot, std::int64_t delta) {
    for (size_t i = slot + 1; i <= tree_.size(); i += i & (~i + 1)) tree_[i - 1] += delta;
    total_ += delta;
  }
  // The slot holding ticket number `ticket` (0-based, < total()).
  size_t find(std::int64_t ticket) const {
    assert(ticket >= 0 && ticket < total_);
    size_t pos = 0;
    size_t step = 1;
    while (step * 2 <= tree_.size()) step *= 2;
    for (; step > 0; step /= 2)
      if (pos + step <= tree_.size() && tree_[pos + step - 1] <= ticket) {
        pos += step;
        ticket -= tree_[pos - 1];
      }
    return pos;
  }
  std::int64_t total() const { return total_; }
  size_t size() const { return tree_.size(); }
  void clear() {
    tree_.clear();
    total_ = 0;
  }

 private:
  std::int64_t prefix(size_t n) const {  // sum of slots [0, n)
    std::int64_t sum = 0;
    for (size_t i = n; i > 0; i -= i & (~i + 1)) sum += tree_[i - 1];
    return sum;
  }

  std::vector<std::int64_t> tree_;
  std::int64_t total_ = 0;
};

}  // namespace proclab
