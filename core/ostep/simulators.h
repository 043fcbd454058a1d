// One function per OSTEP simulator (one file each), and what they share. Internal to core/ostep.
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "opt_parser.h"
#include "proclab/ostep.h"

namespace proclab::ostep {

Output run_process_run(std::span<const std::string> args);
Output run_scheduler(std::span<const std::string> args);
Output run_mlfq(std::span<const std::string> args);
Output run_lottery(std::span<const std::string> args);
Output run_multi(std::span<const std::string> args);
Output run_fork(std::span<const std::string> args, std::uint64_t entropy_seed);

// Ints proclab computes with: |v| <= 10^15, so that sums of a few never overflow. Python's are
// unbounded; a larger value is refused as bad input.
inline constexpr std::int64_t kMaxInt = 1'000'000'000'000'000;
// Jobs, processes, queues, CPUs, actions and instructions a run may create.
inline constexpr std::int64_t kMaxItems = 100'000;

// The output of a run being built, as print() builds it, with the ways a run ends early.
class Printer {
 public:
  template <class... Args>
  void print(fmt::format_string<Args...> f, Args&&... args) {
    fmt::format_to(std::back_inserter(out_.out), f, std::forward<Args>(args)...);
  }
  void text(std::string_view s) { out_.out += s; }
  // True once the run has printed kMaxOutputBytes: the caller stops and returns limit().
  bool full() const { return out_.out.size() > kMaxOutputBytes; }

  Output done(int exit_code = 0) { return finish(exit_code, ""); }
  // The script would stop here with a Python exception ("ZeroDivisionError: float division by zero").
  Output crash(std::string_view script, std::string_view exception) {
    return finish(2, fmt::format("{}: the script stops here with {}", script, exception));
  }
  Output bad_input(std::string_view script, std::string_view what) {
    return finish(2, fmt::format("{}: {}", script, what));
  }
  // A proclab limit stopped the run: by default the output limit.
  Output limit(std::string_view script, std::string_view which = "") {
    const std::string what = which.empty() ? fmt::format("output limit ({} MiB)", kMaxOutputBytes >> 20) : std::string(which);
    return finish(1, fmt::format("{}: stopped at proclab's {}; the script would go on", script, what));
  }
  // What the script writes on stderr before exit(1) (mlfq.py's Abort).
  Output abort(std::string_view message) { return finish(1, std::string(message)); }

 private:
  Output finish(int code, std::string err) {
    out_.exit_code = code;
    out_.err = std::move(err);
    return std::move(out_);
  }
  Output out_;
};

// The parse of a simulator's command line: options, or the Output to return at once (help,
// or optparse's complaint).
struct ParsedCommandLine {
  OptValues values;
  std::optional<Output> early;
};
ParsedCommandLine parse_command_line(std::string_view script, std::span<const OptSpec> specs,
                                     std::span<const std::string> args);

// An int option or field as proclab computes with it; nullopt when beyond kMaxInt.
std::optional<std::int64_t> bounded(const PyInt& v);

// An int option within kMaxInt, or the complaint about it.
Expected<std::int64_t> int_option(const OptValues& values, std::string_view dest, std::string_view flag);
// int(text) of a field the script converts itself (base 10); fails with CPython's ValueError text.
Expected<std::int64_t> int_field(std::string_view text);
// float(text) of such a field; fails with CPython's ValueError text.
Expected<double> float_field(std::string_view text);
// str.split(sep) as Python splits: "" gives one empty piece, every separator one more.
std::vector<std::string> py_split(std::string_view s, char sep);

// The words random.seed(int) seeds with: abs(v) as 32-bit words.
inline std::span<const std::uint32_t> seed_words(const PyInt& v) { return v.words; }

}  // namespace proclab::ostep
