// proclab's OSTEP simulators against the output of OSTEP's own scripts (goldens/README.md says
// how each golden was produced): same stdout byte for byte, same exit code.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "proclab/ostep.h"

namespace {

struct GoldenCase {
  std::string id;
  int exit_code;
  std::string simulator;
  std::vector<std::string> args;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<GoldenCase> load_cases() {
  std::vector<GoldenCase> cases;
  std::istringstream index(slurp(std::string(PROCLAB_OSTEP_GOLDENS) + "/index.txt"));
  std::string line;
  while (std::getline(index, line)) {
    std::istringstream fields(line);
    GoldenCase c;
    std::string code;
    std::getline(fields, c.id, '\t');
    std::getline(fields, code, '\t');
    c.exit_code = std::stoi(code);
    fields >> c.simulator;
    for (std::string a; fields >> a;) c.args.push_back(a);
    cases.push_back(c);
  }
  return cases;
}

class OstepGolden : public testing::TestWithParam<GoldenCase> {};

TEST_P(OstepGolden, PrintsWhatTheScriptPrints) {
  const GoldenCase& c = GetParam();
  const auto out = proclab::ostep::run_simulator(c.simulator, c.args, 0);
  EXPECT_EQ(out.out, slurp(std::string(PROCLAB_OSTEP_GOLDENS) + "/" + c.id + ".out"));
  EXPECT_EQ(out.exit_code, c.exit_code) << out.err;
}

INSTANTIATE_TEST_SUITE_P(Scripts, OstepGolden, testing::ValuesIn(load_cases()),
                         [](const testing::TestParamInfo<GoldenCase>& info) {
                           std::string name = info.param.simulator + "_" + info.param.id;
                           for (auto& ch : name) {
                             if (ch == '-') ch = '_';
                           }
                           return name;
                         });

TEST(OstepGoldens, EachSimulatorHasAtLeastTwentyCases) {
  for (const auto name : proclab::ostep::simulator_names()) {
    int n = 0;
    for (const auto& c : load_cases()) n += c.simulator == name ? 1 : 0;
    EXPECT_GE(n, 20) << name;
  }
}

}  // namespace
