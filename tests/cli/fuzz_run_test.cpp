// Fuzzing `proclab-cli run` (issue 14): the lesson programs of assets/lessons mutated (lines
// deleted, repeated or cut, hostile numbers and statements, byte noise, unicode, indentation),
// each run bounded in CPU, wall time and memory, must keep the exit contract (fuzz_support.h).
// Fixed seed: the same cases on every run; a failing case's program stays on disk and is named.
// FormerLangCrashes: the issue's inputs that once crashed or hung the language, as regressions.
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

#if defined(__SANITIZE_ADDRESS__)
constexpr int kProgramCases = 60;  // each run is several times slower: the same seed, a prefix of the cases
#else
constexpr int kProgramCases = 200;
#endif

std::vector<std::string> lesson_programs() {
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(std::string(PROCLAB_ASSETS_DIR) + "/lessons"))
    if (e.path().extension() == ".py") paths.push_back(e.path());
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

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

class ProgramMutator {
 public:
  explicit ProgramMutator(std::uint32_t seed) : rng_(seed) {}

  size_t below(size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

  std::string mutate(const std::string& program) {
    std::string t = program;
    for (int i = 0, n = 1 + static_cast<int>(below(3)); i < n; ++i) t = mutate_once(t);
    return t;
  }

 private:
  std::string mutate_once(const std::string& text) {
    std::vector<std::string> lines = split_lines(text);
    if (lines.empty()) lines.push_back("");
    const size_t at = below(lines.size());
    const std::string indent = lines[at].substr(0, lines[at].find_first_not_of(' '));
    switch (below(8)) {
      case 0: lines.erase(lines.begin() + static_cast<long>(at)); break;
      case 1: lines.insert(lines.begin() + static_cast<long>(at), pick(std::vector<size_t>{1, 2, 50}), lines[at]); break;
      case 2: {  // a hostile number in place of the line's first digit run
        std::string& l = lines[at];
        const size_t d = l.find_first_of("0123456789");
        if (d == std::string::npos) break;
        const size_t e = l.find_first_not_of("0123456789", d);
        l = l.substr(0, d) +
            pick(std::vector<std::string>{"9223372036854775807", "9223372036854775808", "-1", "0", "1e308", "2147483648",
                                          "10 ** 18", "-9223372036854775808", "0.0"}) +
            (e == std::string::npos ? "" : l.substr(e));
        break;
      }
      case 3:  // a statement that probes an error path or a limit
        lines.insert(lines.begin() + static_cast<long>(at),
                     indent + pick(std::vector<std::string>{
                                  "x = [[[[[[1]]]]]]", "print('\xe4\xb8\xad\xe6\x96\x87' * 3)", "x = 1 / 0", "os.fork()",
                                  "import os", "raise ValueError('x')", "x = 'a' * 100000", "del x", "x = {1: [2, (3,)]}",
                                  "print(*range(100))", "os._exit(3)", "os.wait()", "os.kill(os.getpid(), 9)",
                                  "time.sleep(-1)", "import nonexistent", "while True: pass", "x = undefined_name",
                                  "os.waitpid(-1, 0)", "print(len([0] * 100000))", "exit(2)", "return 1", "break"}));
        break;
      case 4: return text.substr(0, below(text.size() + 1));
      case 5: {  // byte noise
        std::string t = text;
        const std::string alphabet = "()[]{}:,.'\"\n\t #=+-*/%0123456789\\";
        for (int i = 0, n = 1 + static_cast<int>(below(4)); i < n && !t.empty(); ++i) t[below(t.size())] = alphabet[below(alphabet.size())];
        return t;
      }
      case 6:  // indentation noise
        lines[at] = below(2) == 0 ? " " + lines[at] : lines[at].substr(std::min<size_t>(lines[at].size(), 4));
        break;
      default: {  // unicode and odd bytes
        std::string& l = lines[at];
        const size_t pos = below(l.size() + 1);
        l.insert(pos, pick(std::vector<std::string>{"\xc3\xa9", "\xe4\xb8\xad", "\xff", std::string(1, '\0'), "\xe2\x80\xa8",
                                                     "\xef\xbb\xbf", "\t", "\r"}));
        break;
      }
    }
    return join_lines(lines);
  }

  std::mt19937 rng_;
};

const std::vector<std::string> kBounds{"--max-ticks", "3000", "--max-procs", "32"};

TEST(FuzzRun, MutatedLessonProgramsKeepTheExitContract) {
  const std::vector<std::string> programs = lesson_programs();
  ASSERT_FALSE(programs.empty());
  ProgramMutator m(1414);
  std::array<int, 4> exits{};
  for (int i = 0; i < kProgramCases; ++i) {
    const std::string file = write_temp_file("fuzz-" + std::to_string(i) + ".py", m.mutate(m.pick(programs)));
    std::vector<std::string> args{"run", file};
    args.insert(args.end(), kBounds.begin(), kBounds.end());
    if (m.below(3) == 0) args.insert(args.end(), {"--policy", m.pick(std::vector<std::string>{"rr", "cfs", "mlfq", "lottery"})});
    if (m.below(3) == 0) args.insert(args.end(), {"--format", m.pick(std::vector<std::string>{"json", "tree"})});
    const CliResult r = run_cli(PROCLAB_CLI, args, fuzz_limits());
    const bool kept = keeps_the_exit_contract(r, /*compile_errors_allowed=*/true);
    EXPECT_TRUE(keeps_the_exit_contract(r, true)) << "case " << i << ": " << file;
    if (kept) std::remove(file.c_str());
    ++exits[std::min(r.exit_code, 3)];
  }
  std::printf("fuzz lesson programs: exit 0: %d, exit 1: %d, exit 2: %d, other: %d\n", exits[0], exits[1], exits[2],
              exits[3]);
}

// Issue 14's inputs that used to crash `run` (SIGSEGV: the parser's recursion) or hang it (a
// repeat that never ended its tick); each must now keep the exit contract.
struct KnownCrash {
  const char* name;
  std::string program;
};

std::string repeated(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

class FormerLangCrashes : public ::testing::TestWithParam<KnownCrash> {};

TEST_P(FormerLangCrashes, KeepTheExitContract) {
  const std::string file = write_temp_file(std::string(GetParam().name) + ".py", GetParam().program);
  const CliResult r = run_cli(PROCLAB_CLI, {"run", file, "--max-ticks", "2000"}, fuzz_limits());
  EXPECT_TRUE(keeps_the_exit_contract(r, true)) << file;
}

INSTANTIATE_TEST_SUITE_P(
    Issue14, FormerLangCrashes,
    ::testing::Values(KnownCrash{"ChainedSlices", "x = 'abc'" + repeated("[0:1]", 20000) + "\n"},
                      KnownCrash{"ChainedMethodCalls", "x = 'abc'" + repeated(".upper()", 20000) + "\n"},
                      KnownCrash{"FiftyThousandElifs", [] {
                                   std::string p = "x = 1\nif x == 0:\n    pass\n";
                                   for (int i = 1; i < 50000; ++i) p += "elif x == " + std::to_string(i) + ":\n    pass\n";
                                   return p;
                                 }()},
                      KnownCrash{"EmptyStringTimesInt64Max", "x = '' * 9223372036854775807\n"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace proclab::test
