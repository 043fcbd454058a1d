#include <charconv>
#include <numeric>

#include <fmt/format.h>

#include "proclab/workload.h"

namespace proclab {

namespace {

class BurstProgram final : public Program {
 public:
  explicit BurstProgram(std::shared_ptr<const std::vector<Burst>> bursts)
      : bursts_(std::move(bursts)) {}

  StepResult step(ProcessContext&) override {
    if (++done_ < (*bursts_)[index_].length) return StepResult::run();
    done_ = 0;
    if (++index_ == bursts_->size()) return StepResult::exit(0);
    const Tick io = (*bursts_)[index_].length;
    ++index_;  // normalized: an I/O burst is always followed by a CPU burst
    return StepResult::io(io);
  }
  std::unique_ptr<Program> fork_child() const override { return clone(); }
  std::unique_ptr<Program> clone() const override { return std::make_unique<BurstProgram>(*this); }
  std::optional<Tick> remaining_burst() const override {
    return (*bursts_)[index_].length - done_;
  }
  std::optional<Tick> remaining_total() const override {
    Tick left = -done_;
    for (size_t i = index_; i < bursts_->size(); ++i)
      if ((*bursts_)[i].kind == Burst::Kind::Cpu) left += (*bursts_)[i].length;
    return left;
  }

 private:
  std::shared_ptr<const std::vector<Burst>> bursts_;  // shared: forks copy only the position
  size_t index_ = 0;
  Tick done_ = 0;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

Expected<std::vector<Burst>> normalize_bursts(std::vector<Burst> bursts, std::string_view where) {
  std::vector<Burst> merged;
  for (const Burst& b : bursts) {
    if (b.length < 1)
      return Error{fmt::format("{}: burst lengths must be at least 1, got {}", where, b.length)};
    if (!merged.empty() && merged.back().kind == b.kind) {
      if (merged.back().length > std::numeric_limits<Tick>::max() - b.length)
        return Error{fmt::format("{}: bursts add up to more than {} ticks", where,
                                 std::numeric_limits<Tick>::max())};
      merged.back().length += b.length;
    } else {
      merged.push_back(b);
    }
  }
  if (merged.empty()) return Error{fmt::format("{}: expected at least one cpu burst", where)};
  if (merged.front().kind != Burst::Kind::Cpu || merged.back().kind != Burst::Kind::Cpu)
    return Error{fmt::format("{}: a program must start and end with a cpu burst", where)};
  return merged;
}

Expected<std::vector<Burst>> parse_bursts(std::string_view text) {
  std::vector<Burst> bursts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view item = trim(text.substr(start, comma - start));
    Burst b;
    if (item.starts_with("cpu")) {
      item = trim(item.substr(3));
    } else if (item.starts_with("io")) {
      b.kind = Burst::Kind::Io;
      item = trim(item.substr(2));
    }
    auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), b.length);
    if (item.empty() || ec != std::errc{} || end != item.data() + item.size())
      return Error{fmt::format("bursts '{}': expected 'cpu N' or 'io N' with N a whole number "
                               "of ticks, got '{}'", text, item)};
    bursts.push_back(b);
    start = comma + 1;
  }
  return normalize_bursts(std::move(bursts), fmt::format("bursts '{}'", text));
}

std::string format_bursts(const std::vector<Burst>& bursts) {
  std::string out;
  for (const Burst& b : bursts)
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", b.kind == Burst::Kind::Cpu ? "cpu" : "io",
                       b.length);
  return out;
}

Tick total_cpu(const std::vector<Burst>& bursts) {
  return std::accumulate(bursts.begin(), bursts.end(), Tick{0}, [](Tick sum, const Burst& b) {
    return b.kind == Burst::Kind::Cpu ? sum + b.length : sum;
  });
}

std::unique_ptr<Program> make_burst_program(std::vector<Burst> bursts) {
  return std::make_unique<BurstProgram>(
      std::make_shared<const std::vector<Burst>>(std::move(bursts)));
}

}  // namespace proclab
