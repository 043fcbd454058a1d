// Fuzzing `proclab-cli sched` (issue 14): the real scenarios of assets/scenarios mutated (deep
// nesting, huge numbers, wrong types, unicode, truncation, byte noise) and random --jobs specs
// and flags. Every run, bounded in CPU, wall time and memory, must keep the exit contract
// (fuzz_support.h). Fixed seeds: the same cases on every run; a failure prints the input's file.
#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <vector>

#include <gtest/gtest.h>

#include "fuzz_support.h"

namespace proclab::test {
namespace {

// Fewer under the sanitizers (each run is several times slower): the same seed, a prefix of the cases.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kScenarioCases = 100;
constexpr int kJobsCases = 60;
#else
constexpr int kScenarioCases = 300;
constexpr int kJobsCases = 200;
#endif

std::vector<std::string> real_scenarios() {
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(std::string(PROCLAB_ASSETS_DIR) + "/scenarios"))
    if (e.path().extension() == ".json") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    texts.push_back(s.str());
  }
  return texts;
}

struct Span {
  size_t begin, end;
};

// Where the numbers and the strings are in a JSON text (strings include their quotes).
void find_tokens(const std::string& t, std::vector<Span>& numbers, std::vector<Span>& strings) {
  for (size_t i = 0; i < t.size();) {
    if (t[i] == '"') {
      size_t j = i + 1;
      while (j < t.size() && t[j] != '"') j += t[j] == '\\' ? 2 : 1;
      strings.push_back({i, std::min(j + 1, t.size())});
      i = j + 1;
    } else if (t[i] == '-' || (t[i] >= '0' && t[i] <= '9')) {
      size_t j = i + 1;
      while (j < t.size() && std::string_view("0123456789.eE+-").find(t[j]) != std::string_view::npos) ++j;
      numbers.push_back({i, j});
      i = j;
    } else {
      ++i;
    }
  }
}

class Mutator {
 public:
  explicit Mutator(std::uint32_t seed) : rng_(seed) {}

  size_t below(size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

  std::string mutate(std::string t) {
    const int rounds = 1 + static_cast<int>(below(3));
    for (int i = 0; i < rounds; ++i) t = mutate_once(std::move(t));
    return t;
  }

 private:
  std::string mutate_once(std::string t) {
    std::vector<Span> numbers, strings;
    find_tokens(t, numbers, strings);
    std::vector<Span> values = numbers;
    values.insert(values.end(), strings.begin(), strings.end());
    const auto replace = [&](const std::vector<Span>& where, const std::string& with) {
      if (where.empty()) return t;
      const Span s = pick(where);
      return t.substr(0, s.begin) + with + t.substr(s.end);
    };
    switch (below(8)) {
      case 0: {  // deep nesting in place of a value, anywhere (a known field, expect, ...)
        const size_t depth = pick(std::vector<size_t>{10, 64, 65, 1000, 100000, 200000});
        const bool objects = below(2) == 0;
        std::string nest;
        for (size_t i = 0; i < depth; ++i) nest += objects ? "{\"a\": " : "[";
        nest += "1";
        for (size_t i = 0; i < depth; ++i) nest += objects ? "}" : "]";
        return replace(values, nest);
      }
      case 1:  // numbers at and past every range
        return replace(numbers, pick(std::vector<std::string>{
                                    "1e309", "-1e309", std::string(310, '9'), "2147483647", "2147483648", "-2147483648",
                                    "4294967296", "9223372036854775807", "9223372036854775808", "18446744073709551616",
                                    "1000000000", "1000000001", "999999999", "0", "-1", "0.5", "1e-400", "-0", "1E2"}));
      case 2:  // wrong types
        return replace(values, pick(std::vector<std::string>{"null", "true", "\"x\"", "{}", "[]", "[1, 2]",
                                                             "\"cpu 1, io 2147483647, cpu 1\"", "\"cpu 999999999, io 999999999, cpu 1\"",
                                                             "\"\"", "{\"name\": 1}"}));
      case 3: {  // unicode and escapes inside a string
        if (strings.empty()) return t;
        const Span s = pick(strings);
        const size_t at = s.begin + 1 + below(s.end - s.begin - 1);
        return t.substr(0, at) +
               pick(std::vector<std::string>{"\xc3\xa9", "\xe4\xb8\xad\xe6\x96\x87", "\\ud800", "\\u0000", "\xff\xfe",
                                             "\xf0\x9f\x98\x80", "\\n", "\\\"", "\x01", "\xe2\x80\xae"}) +
               t.substr(at);
      }
      case 4:  // truncation
        return t.substr(0, below(t.size() + 1));
      case 5: {  // byte noise
        const std::string alphabet = "{}[]:,\"\\0123456789-e. \nnulltrue";
        for (int i = 0, n = 1 + static_cast<int>(below(5)); i < n && !t.empty(); ++i) t[below(t.size())] = alphabet[below(alphabet.size())];
        return t;
      }
      case 6: {  // many processes: the list's first element repeated
        const size_t open = t.find("\"processes\"");
        const size_t first = open == std::string::npos ? open : t.find('{', open);
        const size_t close = first == std::string::npos ? first : t.find('}', first);
        if (close == std::string::npos || close - first > 200) return t;  // keep the file a few MB
        const std::string item = t.substr(first, close - first + 1);
        std::string many;
        for (size_t i = 0, n = pick(std::vector<size_t>{100, 5000}); i < n; ++i) many += item + ", ";
        return t.substr(0, first) + many + t.substr(first);
      }
      default: {  // an unknown or duplicate key
        const size_t brace = t.find('{', below(t.size()));
        if (brace == std::string::npos) return t;
        return t.substr(0, brace + 1) + pick(std::vector<std::string>{"\"zz\": 1, ", "\"cpus\": 2, ", "\"processes\": 3, ",
                                                                      "\"\xe4\xb8\xad\": [], "}) +
               t.substr(brace + 1);
      }
    }
  }

  std::mt19937 rng_;
};

void print_exit_counts(const char* what, const std::array<int, 4>& exits) {
  std::printf("fuzz %s: exit 0: %d, exit 1: %d, exit 2: %d, other: %d\n", what, exits[0], exits[1], exits[2], exits[3]);
}

// The flags a fuzzed run always gets: a small --max-ticks keeps a case fast, --timeout bounds it.
const std::vector<std::string> kBounds{"--max-ticks", "200000", "--timeout", "5"};

TEST(FuzzSched, MutatedRealScenariosKeepTheExitContract) {
  const std::vector<std::string> scenarios = real_scenarios();
  ASSERT_FALSE(scenarios.empty());
  Mutator m(14);
  std::array<int, 4> exits{};
  for (int i = 0; i < kScenarioCases; ++i) {
    const std::string text = m.mutate(m.pick(scenarios));
    const std::string file = write_temp_file("fuzz-" + std::to_string(i) + ".json", text);
    std::vector<std::string> args{"sched", file};
    args.insert(args.end(), kBounds.begin(), kBounds.end());
    if (m.below(4) == 0) args.push_back("--compare");
    else args.insert(args.end(), {"--format", m.pick(std::vector<std::string>{"table", "json", "gantt", "chrome-trace"})});
    const CliResult r = run_cli(PROCLAB_CLI, args, fuzz_limits());
    const bool kept = keeps_the_exit_contract(r);
    EXPECT_TRUE(keeps_the_exit_contract(r)) << "case " << i << ": " << file;
    if (kept) std::remove(file.c_str());  // a failing case's file stays, to reproduce it
    ++exits[std::min(r.exit_code, 3)];
  }
  print_exit_counts("mutated scenarios", exits);
}

// Nine in ten values are valid, so that many cases run and the rest probe each check.
const std::string& mostly(Mutator& m, const std::vector<std::string>& valid, const std::vector<std::string>& hostile) {
  return m.below(10) == 0 ? m.pick(hostile) : m.pick(valid);
}

std::string random_jobs(Mutator& m) {
  const std::vector<std::string> numbers{"0", "1", "3", "24", "100"};
  const std::vector<std::string> bad_numbers{"-1", "2147483647", "2147483648", "1000000000", "99999999999999999999",
                                             "1e3", "x", "", " 3", "3 ", "\xe4\xb8\xad", "\xff", "+5", "0x10"};
  const std::vector<std::string> names{"P1", "P2", "A", "\xe4\xb8\xad\xe6\x96\x87"};
  const std::vector<std::string> bad_names{"a b", "\n", "", "\x1b[31m", std::string(300, 'n')};
  const std::vector<size_t> field_counts{1, 1, 1, 3, 3, 3, 4, 4, 2, 5};
  std::string spec;
  for (size_t item = 0, n = 1 + m.below(6); item < n; ++item) {
    if (item > 0) spec += ",";
    const size_t fields = m.pick(field_counts);
    if (fields == 1) {
      spec += mostly(m, {"1", "3", "24"}, bad_numbers);
      continue;
    }
    spec += mostly(m, names, bad_names);
    for (size_t f = 1; f < fields; ++f) spec += ":" + mostly(m, numbers, bad_numbers);
  }
  return spec;
}

TEST(FuzzSched, RandomJobSpecsAndFlagsKeepTheExitContract) {
  const std::vector<std::string> values{"1", "2", "4", "16"};
  const std::vector<std::string> bad_values{"0", "-1", "64", "65", "2147483647", "2147483648", "1000000000", "x", "", "1,0"};
  const std::vector<std::string> flags{"--quantum", "--cpus", "--context-switch", "--levels", "--allotment", "--boost",
                                       "--aging", "--latency", "--min-granularity", "--seed", "--quanta"};
  const std::vector<std::string> policies{"fcfs", "sjf", "srtf", "rr", "priority", "priority-preemptive", "mlfq",
                                          "lottery", "stride", "cfs", "bogus"};
  Mutator m(1414);
  std::array<int, 4> exits{};
  for (int i = 0; i < kJobsCases; ++i) {
    std::vector<std::string> args{"sched", "--jobs", random_jobs(m), "--policy", m.pick(policies)};
    args.insert(args.end(), kBounds.begin(), kBounds.end());
    for (size_t f = 0, n = m.below(4); f < n; ++f) args.insert(args.end(), {m.pick(flags), mostly(m, values, bad_values)});
    if (m.below(5) == 0) args.push_back("--compare");
    const CliResult r = run_cli(PROCLAB_CLI, args, fuzz_limits());
    std::string shown;
    for (const auto& a : args) shown += " '" + a + "'";
    EXPECT_TRUE(keeps_the_exit_contract(r)) << "case " << i << ": proclab-cli" << shown;
    ++exits[std::min(r.exit_code, 3)];
  }
  print_exit_counts("job specs and flags", exits);
}

}  // namespace
}  // namespace proclab::test
