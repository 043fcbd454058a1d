// The list of policies, their aliases, and validation of their parameters.
#include <fmt/format.h>

#include "policies.h"

namespace proclab {

namespace {
struct Entry {
  PolicyInfo info;
  std::unique_ptr<Policy> (*make)(const PolicyParams&);
  std::optional<Error> (*check)(const PolicyParams&) = nullptr;  // the policy's own parameters
};

std::optional<Error> check_cfs(const PolicyParams& params) {
  if (params.cfs_latency < 1) return Error{fmt::format("cfs: latency must be at least 1 tick, got {}", params.cfs_latency)};
  if (params.cfs_min_granularity < 1 || params.cfs_min_granularity > params.cfs_latency)
    return Error{fmt::format("cfs: min_granularity must be from 1 to the latency ({}), got {}", params.cfs_latency,
                             params.cfs_min_granularity)};
  return std::nullopt;
}

const std::vector<Entry>& entries() {
  static const std::vector<Entry> all = {
      {{"fcfs", "first come, first served (alias fifo); runs each process until it blocks", false}, make_fcfs},
      {{"sjf", "shortest job first: the shortest next CPU burst runs to its end", false}, make_sjf},
      {{"srtf", "shortest remaining time first (alias psjf): a strictly shorter burst preempts", true}, make_srtf},
      {{"rr", "round-robin: FIFO order, at most --quantum ticks per turn", true}, make_round_robin},
      {{"priority", "lowest priority number first, runs to its end; --aging improves waiting ones", false},
       make_priority},
      {{"priority-preemptive", "lowest priority number first; a strictly better one preempts; --aging", true},
       make_priority_preemptive},
      {{"mlfq", "multi-level feedback queue (OSTEP 8): levels, quanta, allotment, boost", true}, make_mlfq,
       check_mlfq},
      {{"lottery", "lottery: a seeded random draw of tickets picks who runs each quantum", true}, make_lottery},
      {{"stride", "stride: the lowest pass runs a quantum; pass += 50,400,000 / tickets per tick", true},
       make_stride},
      {{"cfs", "completely fair (Linux-like): lowest nice-weighted vruntime; slice = latency share", true},
       make_cfs, check_cfs},
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
  for (const auto& e : entries()) {
    if (e.info.name != *canonical) continue;
    if (e.check)
      if (auto bad = e.check(params)) return *bad;
    return e.make(params);
  }
  return Error{"unreachable"};
}

}  // namespace proclab
