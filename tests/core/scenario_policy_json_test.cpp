// Scenario JSON keeps every policy parameter (docs/scheduling.md lists them).
#include <gtest/gtest.h>

#include "proclab/scenario.h"

namespace proclab {
namespace {

TEST(ScenarioJson, PolicyParametersSurviveARoundTrip) {
  const auto s = parse_scenario(R"({"policy": {"name": "mlfq", "quantum": 3, "aging": 2, "levels": 2,
      "quanta": [3, 9], "allotment": 9, "boost": 40, "latency": 24, "min_granularity": 3},
      "processes": [{"burst": 5}]})", "test.json");
  ASSERT_TRUE(s.ok()) << s.error().message;
  const auto back = parse_scenario(scenario_to_json(s.value()).dump(), "back.json");
  ASSERT_TRUE(back.ok()) << back.error().message;
  const PolicyParams& p = back.value().policy;
  EXPECT_EQ(std::tie(p.name, p.quantum, p.aging, p.mlfq.levels, p.mlfq.quanta, p.mlfq.allotment, p.mlfq.boost,
                     p.cfs_latency, p.cfs_min_granularity),
            std::make_tuple(std::string("mlfq"), 3, 2, 2, std::vector<Tick>{3, 9}, 9, 40, 24, 3));
}

}  // namespace
}  // namespace proclab
