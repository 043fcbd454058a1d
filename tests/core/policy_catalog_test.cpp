// The catalog: names, order (`--policy help`, --compare), aliases.
#include <gtest/gtest.h>

#include "proclab/policy.h"

namespace proclab {
namespace {

TEST(PolicyCatalog, ListsEveryPolicyInHelpOrder) {
  std::vector<std::string> names;
  for (const PolicyInfo& p : policy_catalog()) names.emplace_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"fcfs", "sjf", "srtf", "rr", "priority", "priority-preemptive", "mlfq",
                                             "lottery", "stride", "cfs"}));
}

TEST(PolicyCatalog, PsjfIsAnAliasOfSrtf) { EXPECT_EQ(canonical_policy_name("psjf"), "srtf"); }

TEST(PolicyCatalog, FifoIsAnAliasOfFcfs) { EXPECT_EQ(canonical_policy_name("fifo"), "fcfs"); }

TEST(PolicyCatalog, EveryPolicyReportsItsCatalogName) {
  for (const PolicyInfo& info : policy_catalog()) {
    PolicyParams p;
    p.name = std::string(info.name);
    EXPECT_EQ(make_policy(p).value()->name(), info.name);
  }
}

TEST(PolicyCatalog, UnknownNameListsTheValidOnes) {
  PolicyParams p;
  p.name = "sfj";
  EXPECT_EQ(make_policy(p).error().message,
            "unknown policy 'sfj': expected one of fcfs, sjf, srtf, rr, priority, priority-preemptive, mlfq, lottery, "
            "stride, cfs");
}

}  // namespace
}  // namespace proclab
