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
      {{"fcfs", "first come, first served (alias fifo); runs each process until it blocks", false, false}, make_fcfs},
      {{"sjf", "shortest job first: the shortest next CPU burst runs to its end", false, false}, make_sjf},
      {{"srtf", "shortest remaining time first (alias psjf): a strictly shorter burst preempts", true, false}, make_srtf},
      {{"rr", "round-robin: FIFO order, at most --quantum ticks per turn", true, true}, make_round_robin},
      {{"priority", "lowest priority number first, runs to its end; --aging improves waiting ones", false, false},
       make_priority},
      {{"priority-preemptive", "lowest priority number first; a strictly better one preempts; --aging", true, false},
       make_priority_preemptive},
      {{"mlfq", "multi-level feedback queue (OSTEP 8): levels, quanta, allotment, boost", true, true}, make_mlfq,
       check_mlfq},
      {{"lottery", "lottery: a seeded random draw of tickets picks who runs each quantum", true, true}, make_lottery},
      {{"stride", "stride: the lowest pass runs a quantum; pass += 50,400,000 / tickets per tick", true, true},
       make_stride},
      {{"cfs", "completely fair (Linux-like): lowest nice-weighted vruntime; slice = latency share", true, false},
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
  const PolicyInfo* info = find_policy(name);
  return info ? std::optional<std::string>(info->name) : std::nullopt;
}

const PolicyInfo* find_policy(std::string_view name) {
  if (name == "fifo") name = "fcfs";
  if (name == "psjf") name = "srtf";
  for (const auto& info : policy_catalog())
    if (info.name == name) return &info;
  return nullptr;
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
