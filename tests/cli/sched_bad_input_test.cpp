// Bad input to `proclab-cli sched` never crashes and never prints a stack trace: one line on
// stderr naming the file or flag and what was expected, and exit code 2.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "run_cli.h"

namespace proclab::test {
namespace {

using ::testing::HasSubstr;

struct BadInput {
  const char* name;         // the test's name: what is wrong
  const char* file_content; // a scenario file to write, or nullptr
  std::vector<std::string> args;  // "{file}" stands for the written file
  const char* must_mention; // what the one line must say
};

const char* kGood = R"({"processes": [{"name": "P1", "burst": 5}]})";

class SchedBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(SchedBadInput, PrintsOneLineNamingTheProblemAndExitsTwo) {
  const BadInput& c = GetParam();
  std::vector<std::string> args{"sched"};
  std::string file;
  if (c.file_content) file = write_temp_file(std::string(c.name) + ".json", c.file_content);
  for (const auto& a : c.args) args.push_back(a == "{file}" ? file : a);
  const CliResult r = run_cli(PROCLAB_CLI, args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr(c.must_mention));
  EXPECT_EQ(r.out, "");
}

const BadInput kCases[] = {
    {"MalformedJsonGivesLineAndColumn", "{\n  \"processes\": [\n    {\"burst\": 5,}\n  ]\n}", {"{file}"}, ".json:3:17: malformed JSON"},
    {"TruncatedJson", "{\"processes\": [", {"{file}"}, "malformed JSON"},
    {"UnknownTopLevelField", R"({"procesess": [], "processes": [{"burst": 1}]})", {"{file}"}, "procesess: unknown field"},
    {"UnknownProcessField", R"({"processes": [{"burst": 1, "prio": 2}]})", {"{file}"}, "processes[0].prio: unknown field"},
    {"NegativeBurst", R"({"processes": [{"burst": -3}]})", {"{file}"}, "processes[0].burst: expected a burst from 1"},
    {"ZeroBurst", R"({"processes": [{"burst": 0}]})", {"{file}"}, "processes[0].burst"},
    {"BurstStringNotANumber", R"({"processes": [{"bursts": "cpu five"}]})", {"{file}"}, "expected 'cpu N' or 'io N'"},
    {"ProgramEndingWithIo", R"({"processes": [{"bursts": "cpu 2, io 3"}]})", {"{file}"}, "must start and end with a cpu burst"},
    {"OverflowingBurst", R"({"processes": [{"burst": 99999999999999999999}]})", {"{file}"}, "processes[0].burst"},
    {"OverflowingArrival", R"({"processes": [{"burst": 1, "arrival": 4294967296}]})", {"{file}"}, "processes[0].arrival: expected"},
    {"ArrivalOfWrongType", R"({"processes": [{"burst": 1, "arrival": "zero"}]})", {"{file}"}, "expected a whole number"},
    {"EmptyProcessList", R"({"processes": []})", {"{file}"}, "processes: expected a non-empty list"},
    {"QuantumZeroInFile", R"({"policy": {"name": "rr", "quantum": 0}, "processes": [{"burst": 1}]})", {"{file}"}, "policy.quantum"},
    {"QuantumZeroFlag", kGood, {"{file}", "--policy", "rr", "--quantum", "0"}, "quantum must be at least 1"},
    {"QuantumOverflowFlag", nullptr, {"--jobs", "5", "--quantum", "99999999999"}, "--quantum"},
    {"UnknownPolicyFlag", kGood, {"{file}", "--policy", "shortest"}, "unknown policy 'shortest'"},
    {"UnknownPolicyInFile", R"({"policy": "lifo", "processes": [{"burst": 1}]})", {"{file}"}, "unknown policy 'lifo'"},
    {"TooManyCpusFlag", kGood, {"{file}", "--cpus", "65"}, "cpus: expected 1 to 64"},
    {"ZeroCpusInFile", R"({"cpus": 0, "processes": [{"burst": 1}]})", {"{file}"}, "cpus: expected a number from 1 to 64"},
    {"MissingFile", nullptr, {"/nonexistent/workload.json"}, "/nonexistent/workload.json: cannot open file"},
    {"BinaryGarbage", "\x7f" "ELF\x02\x01\x01\x00\xff\xfe", {"{file}"}, "malformed JSON"},
    {"JobsWithLetterArrival", nullptr, {"--jobs", "P1:x:3"}, "--jobs: job 1 'P1:x:3': the arrival"},
    {"JobsWithEmptyItem", nullptr, {"--jobs", "24,,3"}, "--jobs: job 2"},
    {"JobsWithZeroBurst", nullptr, {"--jobs", "P1:0:0"}, "the burst must be a whole number of ticks >= 1"},
    {"NoWorkloadAtAll", nullptr, {}, "expected a SCENARIO.json file or --jobs"},
    {"UnknownFormat", kGood, {"{file}", "--format", "xml"}, "--format"},
    {"UnknownFlag", kGood, {"{file}", "--quantm", "3"}, "--quantm"},
    {"BadTieRule", kGood, {"{file}", "--tie", "random"}, "--tie"},
};

INSTANTIATE_TEST_SUITE_P(Cases, SchedBadInput, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace proclab::test
