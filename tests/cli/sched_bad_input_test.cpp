// Bad input to `proclab-cli sched` never crashes and never prints a stack trace: one line on
// stderr naming the file or flag and what was expected, and exit code 2.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <optional>

#include "run_cli.h"

namespace proclab::test {
namespace {

using ::testing::HasSubstr;

struct BadInput {
  const char* name;         // the test's name: what is wrong
  std::optional<std::string> file_content;  // a scenario file to write
  std::vector<std::string> args;  // "{file}" stands for the written file
  const char* must_mention; // what the one line must say
};

const char* kGood = R"({"processes": [{"name": "P1", "burst": 5}]})";

// A JSON array nested `depth` deep: [[[...]]].
std::string nested(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

class SchedBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(SchedBadInput, PrintsOneLineNamingTheProblemAndExitsTwo) {
  const BadInput& c = GetParam();
  std::vector<std::string> args{"sched"};
  std::string file;
  if (c.file_content) file = write_temp_file(std::string(c.name) + ".json", *c.file_content);
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
    {"QuantumOverflowFlag", std::nullopt, {"--jobs", "5", "--quantum", "99999999999"}, "--quantum"},
    {"UnknownPolicyFlag", kGood, {"{file}", "--policy", "shortest"}, "unknown policy 'shortest'"},
    {"UnknownPolicyInFile", R"({"policy": "lifo", "processes": [{"burst": 1}]})", {"{file}"}, "unknown policy 'lifo'"},
    {"TooManyCpusFlag", kGood, {"{file}", "--cpus", "65"}, "cpus: expected 1 to 64"},
    {"ZeroCpusInFile", R"({"cpus": 0, "processes": [{"burst": 1}]})", {"{file}"}, "cpus: expected a number from 1 to 64"},
    {"MissingFile", std::nullopt, {"/nonexistent/workload.json"}, "/nonexistent/workload.json: cannot open file"},
    {"BinaryGarbage", "\x7f" "ELF\x02\x01\x01\x00\xff\xfe", {"{file}"}, "malformed JSON"},
    {"JobsWithLetterArrival", std::nullopt, {"--jobs", "P1:x:3"}, "--jobs: job 1 'P1:x:3': the arrival"},
    {"JobsWithEmptyItem", std::nullopt, {"--jobs", "24,,3"}, "--jobs: job 2"},
    {"JobsWithZeroBurst", std::nullopt, {"--jobs", "P1:0:0"}, "the burst must be a whole number of ticks from 1 to 1000000000"},
    {"NoWorkloadAtAll", std::nullopt, {}, "expected a SCENARIO.json file or --jobs"},
    {"UnknownFormat", kGood, {"{file}", "--format", "xml"}, "--format"},
    {"UnknownFlag", kGood, {"{file}", "--quantm", "3"}, "--quantm"},
    {"BadTieRule", kGood, {"{file}", "--tie", "random"}, "--tie"},
    // Issue 14: hostile input that crashed or misled sched before the input limits.
    {"NestingInAKnownField", R"({"processes": [{"burst": 1}], "policy": )" + nested(100000) + "}", {"{file}"},
     "nested deeper than 64 levels"},
    {"NestingInExpect", R"({"processes": [{"burst": 1}], "expect": )" + nested(200000) + "}", {"{file}"},
     "nested deeper than 64 levels"},
    {"NestingJustPastTheLimit", R"({"processes": [{"burst": 1}], "expect": )" + nested(64) + "}", {"{file}"},
     "nested deeper than 64 levels"},
    {"NumberPastDoubleRange", R"({"processes": [{"burst": 1e309}]})", {"{file}"}, "number out of range: 1e309"},
    {"IntegerOf310Digits", R"({"processes": [{"burst": )" + std::string(310, '9') + "}]}", {"{file}"},
     "number out of range"},
    {"IoBurstThatWouldOverflowTheClock", R"({"processes": [{"bursts": "cpu 1, io 2147483647, cpu 1"}]})", {"{file}"},
     "processes[0].bursts: the bursts add up to 2147483649 ticks; expected at most 1000000000"},
    {"BurstsAddingUpPastTheLimit", R"({"processes": [{"bursts": "cpu 600000000, io 600000000, cpu 1"}]})",
     {"{file}"}, "expected at most 1000000000"},
    {"BurstNearTwoToThe31", R"({"processes": [{"burst": 2147483000}]})", {"{file}"},
     "processes[0].burst: expected a burst from 1 to 1000000000 ticks"},
    {"ArrivalNearTwoToThe31", R"({"processes": [{"burst": 1, "arrival": 2147483000}]})", {"{file}"},
     "processes[0].arrival: expected at most 1000000000, got 2147483000"},
    {"JobsArrivalNearTwoToThe31", std::nullopt, {"--jobs", "P1:2147483000:1"}, "the arrival must be a whole number from 0 to 1000000000"},
    {"JobsBurstNearTwoToThe31", std::nullopt, {"--jobs", "2147483000"}, "from 1 to 1000000000"},
    {"QuantumPastTheLimitFlag", std::nullopt, {"--jobs", "5", "--policy", "rr", "--quantum", "2000000000"},
     "quantum: expected at most 1000000000 ticks"},
    {"ContextSwitchPastTheLimitFlag", std::nullopt, {"--jobs", "5", "--context-switch", "2000000000"}, "context switch"},
    {"MaxTicksPastTheLimit", std::nullopt, {"--jobs", "5", "--max-ticks", "2000000000"}, "--max-ticks"},
    {"DevZero", std::nullopt, {"/dev/zero"}, "/dev/zero: is a device; expected a regular file"},
    {"Directory", std::nullopt, {"/tmp"}, "/tmp: is a directory; expected a regular file"},
    {"FileOverTheSizeLimit", kGood, {"{file}", "--max-input-size", "16"},
     "larger than the input size limit of 16 bytes (raise it with --max-input-size)"},
    {"FileOverTheDefaultSizeLimit", R"({"processes": [{"burst": 1}], "description": ")" + std::string(5 << 20, 'x') + "\"}",
     {"{file}"}, "larger than the input size limit of 4 MiB (raise it with --max-input-size)"},
    {"NewlineInAPolicyNameStaysOnOneLine", R"({"policy": "a\nb", "processes": [{"burst": 1}]})", {"{file}"}, "unknown policy 'a?b'"},
    {"NonsenseTimeout", kGood, {"{file}", "--timeout", "-1"}, "--timeout"},
};

INSTANTIATE_TEST_SUITE_P(Cases, SchedBadInput, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(SchedBadInputFile, AFifoIsRefusedAtOnceInsteadOfWaitingForAWriter) {
  const std::string fifo = write_temp_file("fifo.json", "") + ".fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  const CliResult r = run_cli(PROCLAB_CLI, {"sched", fifo});
  std::remove(fifo.c_str());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "proclab-cli: " + fifo + ": is a FIFO (named pipe); expected a regular file\n");
}

}  // namespace
}  // namespace proclab::test
