// Golden cases: every scenario in assets/scenarios carries the numbers its textbook prints
// (its "source" says where) in an "expect" block; this test runs each file and compares.
// Expect keys (a key this test does not know fails the case, so a typo cannot pass):
//   processes: {NAME: {waiting, turnaround, response, completion, first_run}}
//   average:   {waiting, turnaround, response}   numbers, or "17/3" for exact fractions
//   gantt:     [[NAME, start, end], ...]   slices on CPU 0, consecutive ticks merged
//   order:     [NAME, ...]                 the names of those slices
//   ticks:     [NAME, ...]                 who ran in each tick on CPU 0 ("-" idle)
//   makespan, context_switches
#include <filesystem>
#include <optional>

#include "sim_run.h"

namespace proclab {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<std::string> scenario_files() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(fs::path(PROCLAB_ASSETS_DIR) / "scenarios"))
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

// A number, or a string "a/b" for an exact fraction the book prints rounded.
std::optional<double> expected_number(const json& v) {
  if (v.is_number()) return v.get<double>();
  if (!v.is_string()) return std::nullopt;
  const std::string s = v.get<std::string>();
  const size_t slash = s.find('/');
  if (slash == std::string::npos) return std::nullopt;
  try {
    return std::stod(s.substr(0, slash)) / std::stod(s.substr(slash + 1));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void expect_value(const std::string& what, const json& expected, double actual) {
  const auto want = expected_number(expected);
  if (!want) {
    ADD_FAILURE() << what << ": expected a number or \"a/b\", got " << expected.dump();
    return;
  }
  EXPECT_NEAR(actual, *want, 1e-9) << what;
}

void expect_optional(const std::string& what, const json& expected, const std::optional<Tick>& actual) {
  if (!actual) {
    ADD_FAILURE() << what << ": the run has no value";
    return;
  }
  expect_value(what, expected, *actual);
}

void check_process(const test::SimRun& r, const std::string& name, const json& want) {
  const ProcessMetrics& p = r.proc(name);
  for (const auto& [key, value] : want.items()) {
    const std::string what = name + "." + key;
    if (key == "waiting") expect_value(what, value, p.waiting);
    else if (key == "turnaround") expect_optional(what, value, p.turnaround);
    else if (key == "response") expect_optional(what, value, p.response);
    else if (key == "completion") expect_optional(what, value, p.completion);
    else if (key == "first_run") expect_optional(what, value, p.first_run);
    else ADD_FAILURE() << "unknown expect key processes." << what;
  }
}

void check_average(const Metrics& m, const json& want) {
  for (const auto& [key, value] : want.items()) {
    if (key == "waiting") expect_value("average.waiting", value, m.avg_waiting);
    else if (key == "turnaround") expect_value("average.turnaround", value, m.avg_turnaround);
    else if (key == "response") expect_value("average.response", value, m.avg_response);
    else ADD_FAILURE() << "unknown expect key average." << key;
  }
}

std::vector<std::string> gantt_rows(const test::SimRun& r) {
  std::vector<std::string> rows;
  for (const GanttSlice& s : r.metrics.gantt)
    if (s.cpu == 0 && !s.context_switch)
      rows.push_back(json::array({r.kernel->trace().name(s.pid), s.start, s.end}).dump());
  return rows;
}

std::vector<std::string> dumped(const json& list) {
  std::vector<std::string> rows;
  for (const json& item : list) rows.push_back(item.dump());
  return rows;
}

class ScenarioGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(ScenarioGolden, MatchesTheNumbersItsSourcePrints) {
  auto loaded = load_scenario_file(GetParam());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const Scenario& s = loaded.value();
  EXPECT_FALSE(s.source.empty()) << "a golden scenario names its source";
  ASSERT_TRUE(s.expect.is_object() && !s.expect.empty()) << "a golden scenario has an expect block";
  const test::SimRun r = test::run(s);
  ASSERT_EQ(r.kernel->status(), StopReason::Exit);
  for (const auto& [key, value] : s.expect.items()) {
    if (key == "processes") {
      for (const auto& [name, want] : value.items()) check_process(r, name, want);
    } else if (key == "average") {
      check_average(r.metrics, value);
    } else if (key == "gantt") {
      EXPECT_EQ(gantt_rows(r), dumped(value));
    } else if (key == "order") {
      EXPECT_EQ(r.order(), value.get<std::vector<std::string>>());
    } else if (key == "ticks") {
      EXPECT_EQ(r.ticks(), value.get<std::vector<std::string>>());
    } else if (key == "makespan") {
      expect_value(key, value, r.metrics.makespan);
    } else if (key == "context_switches") {
      expect_value(key, value, r.metrics.context_switches);
    } else {
      ADD_FAILURE() << "unknown expect key " << key;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Assets, ScenarioGolden, ::testing::ValuesIn(scenario_files()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = fs::path(info.param).stem().string();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace proclab
