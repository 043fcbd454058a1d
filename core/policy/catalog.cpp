// The list of policies, their aliases, and validation of their parameters.
#include <fmt/format.h>

#include "policies.h"

namespace proclab {

namespace {
struct Entry {
  PolicyInfo info;
  std::unique_ptr<Policy> (*make)(const PolicyParams&);
};

const std::vector<Entry>& entries() {
  static const std::vector<Entry> all = {
      {{"fcfs", "first come, first served (alias fifo); runs each process until it blocks", false}, make_fcfs},
      {{"rr", "round-robin: FIFO order, at most --quantum ticks per turn", true}, make_round_robin},
  };
  return all;
}
}  // namespace

const std::vector<PolicyInfo>& policy_catalog() {
  static const std::vector<PolicyInfo> infos = [] {
    std::vector<PolicyInfo> v;
    for (const auto& e : entries()) v.push_back(e.info);
    return v;
  }();
  return infos;
}

std::optional<std::string> canonical_policy_name(std::string_view name) {
  if (name == "fifo") return "fcfs";
  if (name == "psjf") return "srtf";
  for (const auto& e : entries())
    if (e.info.name == name) return std::string(name);
  return std::nullopt;
}

Expected<std::unique_ptr<Policy>> make_policy(const PolicyParams& params) {
  const auto canonical = canonical_policy_name(params.name);
  if (!canonical) {
    std::string names;
    for (const auto& e : entries()) names += (names.empty() ? "" : ", ") + std::string(e.info.name);
    return Error{fmt::format("unknown policy '{}': expected one of {}", params.name, names)};
  }
  if (params.quantum < 1) return Error{fmt::format("quantum must be at least 1, got {}", params.quantum)};
  if (params.aging < 0) return Error{fmt::format("aging must be 0 (off) or more, got {}", params.aging)};
  for (const auto& e : entries())
    if (e.info.name == *canonical) return e.make(params);
  return Error{"unreachable"};
}

}  // namespace proclab
