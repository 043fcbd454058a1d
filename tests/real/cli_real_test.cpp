// proclab-cli real / trace as a user runs them: the JSON names issue 4 fixes, and bad flags.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_cli.h"

namespace proclab::real {
namespace {

TEST(RealCli, JsonReportUsesTheFixedNames) {
  const auto r = test::run_cli(PROCLAB_CLI, {"real", "fork-twice", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  for (const char* layer : {"pid_namespace", "user_namespace", "cgroup", "rlimit", "budget"})
    EXPECT_TRUE(j["containment"][layer].is_boolean()) << layer;
  EXPECT_TRUE(j["containment"]["notes"].is_string());
  EXPECT_EQ(j["cap"], 64);
  EXPECT_TRUE(j["peak_processes"].is_number());
  EXPECT_EQ(j["fork_failures"], 0);
  EXPECT_EQ(j["survivors"], 0);
  ASSERT_EQ(j["processes"].size(), 5U);  // init and the four processes
  for (const auto& p : j["processes"])
    for (const char* key : {"pid", "host_pid", "ppid", "original_ppid", "exit_code", "observed_states"})
      EXPECT_TRUE(p.contains(key)) << key;
  EXPECT_EQ(j["output"].size(), 6U);
  EXPECT_TRUE(j["output"][0].contains("time") && j["output"][0].contains("pid") && j["output"][0].contains("text"));
  bool fork_event = false;
  for (const auto& e : j["events"]) fork_event = fork_event || e["type"] == "fork";
  EXPECT_TRUE(fork_event);
}

TEST(RealCli, ListShowsEveryDemo) {
  const auto r = test::run_cli(PROCLAB_CLI, {"real", "--list"});
  ASSERT_EQ(r.exit_code, 0);
  for (const char* demo : {"fork-once", "fork-twice", "fork-three", "globals-after-fork", "zombie", "orphan", "wait",
                           "waitpid", "fork-bomb", "cpu-burners"})
    EXPECT_NE(r.out.find(demo), std::string::npos) << demo;
}

class BadFlags : public ::testing::TestWithParam<std::vector<std::string>> {};

TEST_P(BadFlags, GiveOneLineOnStderrAndExitCode2) {
  const auto r = test::run_cli(PROCLAB_CLI, GetParam());
  EXPECT_EQ(r.exit_code, 2);
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
}

INSTANTIATE_TEST_SUITE_P(RealCli, BadFlags,
                         ::testing::Values(std::vector<std::string>{"real", "no-such-demo"},
                                           std::vector<std::string>{"real", "fork-once", "--cap", "0"},
                                           std::vector<std::string>{"real", "fork-once", "--cap", "many"},
                                           std::vector<std::string>{"real", "fork-once", "--timeout", "-1"},
                                           std::vector<std::string>{"real", "fork-once", "--format", "xml"},
                                           std::vector<std::string>{"real"},
                                           std::vector<std::string>{"trace", "--cap", "5"}));

TEST(RealCli, TraceOfAMissingCommandSaysCommandNotFoundAndExits2) {
  const auto r = test::run_cli(PROCLAB_CLI, {"trace", "--", "/nonexistent"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "proclab-cli: trace: /nonexistent: command not found\n");
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace proclab::real
