// `proclab-cli sched` as a user runs it: formats, flags and the textbook numbers they print.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "proclab/policy.h"
#include "run_cli.h"

namespace proclab::test {
namespace {

using ::testing::HasSubstr;
using nlohmann::json;

// Silberschatz, Operating System Concepts (9e), 6.3.4: P1 24, P2 3, P3 3 under RR, quantum 4.
const std::vector<std::string> kSilberschatzRr{"sched", "--jobs", "P1:0:24,P2:0:3,P3:0:3", "--policy", "rr", "--quantum", "4"};

json sched_json(std::vector<std::string> args) {
  args.push_back("--format");
  args.push_back("json");
  const CliResult r = run_cli(PROCLAB_CLI, args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

TEST(SchedJson, HasEveryFixedTopLevelName) {
  const json j = sched_json(kSilberschatzRr);
  for (const char* key : {"policy", "quantum", "cpus", "processes", "average", "makespan", "cpu_utilization",
                          "throughput", "context_switches", "gantt"})
    EXPECT_TRUE(j.contains(key)) << key;
}

TEST(SchedJson, ProcessesHaveEveryFixedName) {
  const json p = sched_json(kSilberschatzRr)["processes"][0];
  for (const char* key : {"name", "pid", "arrival", "burst", "priority", "first_run", "completion", "turnaround",
                          "waiting", "response"})
    EXPECT_TRUE(p.contains(key)) << key;
}

TEST(SchedJson, SilberschatzRoundRobinAverageWaitingIs5Point67) {
  EXPECT_NEAR(sched_json(kSilberschatzRr)["average"]["waiting"].get<double>(), 17.0 / 3, 1e-3);
}

TEST(SchedJson, GanttMergesConsecutiveTicksOfOneProcessIntoOneSlice) {
  // P1 runs 10..30 alone: one slice, although its quantum expires five times.
  const json gantt = sched_json(kSilberschatzRr)["gantt"];
  ASSERT_EQ(gantt.size(), 4u);
  EXPECT_EQ(gantt[3], (json{{"cpu", 0}, {"name", "P1"}, {"start", 10}, {"end", 30}}));
}

TEST(SchedJson, GanttFollowsTheTextbookOrder) {
  const json report = sched_json(kSilberschatzRr);
  std::vector<std::string> order;
  for (const json& s : report["gantt"]) order.push_back(s["name"]);
  EXPECT_EQ(order, (std::vector<std::string>{"P1", "P2", "P3", "P1"}));
}

TEST(SchedJson, QuantumIsNullForPoliciesWithoutOne) {
  EXPECT_TRUE(sched_json({"sched", "--jobs", "24,3,3", "--policy", "fcfs"})["quantum"].is_null());
}

TEST(SchedJobs, BareBurstsAreNamedP1ToPnArrivingAtZero) {
  const json procs = sched_json({"sched", "--jobs", "24,3,3"})["processes"];
  ASSERT_EQ(procs.size(), 3u);
  EXPECT_EQ(procs[2]["name"], "P3");
  EXPECT_EQ(procs[2]["arrival"], 0);
}

TEST(SchedJobs, FourthFieldIsThePriority) {
  EXPECT_EQ(sched_json({"sched", "--jobs", "A:0:5:3"})["processes"][0]["priority"], 3);
}

TEST(SchedFlags, FlagsOverrideTheScenarioFile) {
  const std::string file = write_temp_file("override.json", R"({"policy": "fcfs", "processes": [{"burst": 24}, {"burst": 3}, {"burst": 3}]})");
  EXPECT_EQ(sched_json({"sched", file, "--policy", "rr"})["policy"], "rr");
}

TEST(SchedFlags, FifoIsAnAliasOfFcfs) {
  EXPECT_EQ(sched_json({"sched", "--jobs", "3,3", "--policy", "fifo"})["policy"], "fcfs");
}

TEST(SchedFlags, CpusSpreadsProcessesOverCpus) {
  const json j = sched_json({"sched", "--jobs", "4,4", "--cpus", "2"});
  EXPECT_EQ(j["makespan"], 4);
}

TEST(SchedFlags, MlfqLevelsAndQuantaComeFromFlags) {
  // A and B, 6 ticks each, quanta 1,2,3: A 0-1, B 1-2 at level 0, then A 2-4 at level 1.
  const CliResult r = run_cli(PROCLAB_CLI, {"sched", "--jobs", "A:0:6,B:0:6", "--policy", "mlfq", "--levels", "3",
                                            "--quanta", "1,2,3", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["gantt"][2], (json{{"cpu", 0}, {"name", "A"}, {"start", 2}, {"end", 4}}));
}

TEST(SchedFlags, MlfqQuantaCountMustMatchTheLevels) {
  const CliResult r = run_cli(PROCLAB_CLI, {"sched", "--jobs", "6", "--policy", "mlfq", "--levels", "3", "--quanta", "1,2"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("mlfq"));
}

TEST(SchedFlags, CfsMinGranularityAboveLatencyIsRejected) {
  const CliResult r = run_cli(PROCLAB_CLI, {"sched", "--jobs", "6,6", "--policy", "cfs", "--latency", "4", "--min-granularity", "5"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("min_granularity"));
}

TEST(SchedTable, PrintsTheAverageWaitingTime) {
  const CliResult r = run_cli(PROCLAB_CLI, kSilberschatzRr);
  EXPECT_THAT(r.out, HasSubstr("5.67"));
}

TEST(SchedGantt, DrawsTheTextbookChartWithTimesUnderTheBoundaries) {
  std::vector<std::string> args = kSilberschatzRr;
  args.insert(args.end(), {"--format", "gantt"});
  const CliResult r = run_cli(PROCLAB_CLI, args);
  EXPECT_THAT(r.out, ::testing::ContainsRegex(R"(\| +P1 +\| +P2 +\| +P3 +\| +P1 +\|)"));
  EXPECT_THAT(r.out, HasSubstr("\n0            4         7         10 "));
  EXPECT_THAT(r.out, ::testing::EndsWith(" 30\n"));
}

TEST(SchedChromeTrace, HasOneTrackPerCpuAndOnePerProcess) {
  std::vector<std::string> args = kSilberschatzRr;
  args.insert(args.end(), {"--format", "chrome-trace"});
  const json j = json::parse(run_cli(PROCLAB_CLI, args).out);
  std::set<std::pair<int, int>> tracks;
  for (const json& e : j["traceEvents"])
    if (e["ph"] == "X") tracks.insert({e["pid"].get<int>(), e["tid"].get<int>()});
  // CPU 0 in process 0; pids 100, 101, 102 in process 1.
  EXPECT_EQ(tracks, (std::set<std::pair<int, int>>{{0, 0}, {1, 100}, {1, 101}, {1, 102}}));
}

TEST(SchedHelp, PolicyHelpListsEveryPolicy) {
  const CliResult r = run_cli(PROCLAB_CLI, {"sched", "--policy", "help"});
  for (const PolicyInfo& p : policy_catalog()) EXPECT_THAT(r.out, HasSubstr(std::string(p.name))) << p.name;
}

TEST(SchedHelp, HelpDocumentsEveryFlag) {
  const CliResult r = run_cli(PROCLAB_CLI, {"sched", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* flag : {"--jobs", "--policy", "--quantum", "--cpus", "--seed", "--aging", "--format", "--compare",
                           "--context-switch", "--tie", "--max-ticks", "--levels", "--quanta", "--allotment", "--boost",
                           "--latency", "--min-granularity"})
    EXPECT_THAT(r.out, HasSubstr(flag)) << flag;
}

TEST(SchedCompare, PrintsOneRowPerPolicy) {
  const json j = sched_json({"sched", "--jobs", "24,3,3", "--compare"});
  ASSERT_EQ(j["compare"].size(), policy_catalog().size());
  EXPECT_EQ(j["compare"][0]["policy"], policy_catalog()[0].name);
}

}  // namespace
}  // namespace proclab::test
