#include "simulators.h"

namespace proclab::ostep {

const std::vector<std::string_view>& simulator_names() {
  static const std::vector<std::string_view> names = {"process-run", "scheduler", "mlfq", "lottery", "multi", "fork"};
  return names;
}

Output run_simulator(std::string_view name, std::span<const std::string> args, std::uint64_t entropy_seed) {
  if (name == "process-run") return run_process_run(args);
  if (name == "scheduler") return run_scheduler(args);
  if (name == "mlfq") return run_mlfq(args);
  if (name == "lottery") return run_lottery(args);
  if (name == "multi") return run_multi(args);
  return run_fork(args, entropy_seed);
}

ParsedCommandLine parse_command_line(std::string_view script, std::span<const OptSpec> specs,
                                     std::span<const std::string> args) {
  ParsedCommandLine result;
  auto parsed = parse_options(specs, args);
  if (!parsed) {
    result.early = Output{"", fmt::format("{}: error: {}", script, parsed.error().message), 2};
  } else if (parsed->help) {
    result.early = Output{format_help(script, specs), "", 0};
  } else {
    result.values = std::move(parsed->values);
  }
  return result;
}

std::optional<std::int64_t> bounded(const PyInt& v) {
  const auto i = v.as_int64();
  if (!i || *i > kMaxInt || *i < -kMaxInt) return std::nullopt;
  return i;
}

Expected<std::int64_t> int_option(const OptValues& values, std::string_view dest, std::string_view flag) {
  const auto v = bounded(values.integer(dest));
  if (!v) return Error{fmt::format("option {}: {} is beyond what proclab simulates (at most 10^15 in size)", flag,
                                   values.integer(dest).to_string())};
  return *v;
}

Expected<std::int64_t> int_field(std::string_view text) {
  const auto v = parse_py_int(text, 10);
  if (!v) return Error{"ValueError: invalid literal for int() with base 10: " + py_str_repr(text)};
  const auto b = bounded(*v);
  if (!b) return Error{fmt::format("{} is beyond what proclab simulates (at most 10^15 in size)", v->to_string())};
  return *b;
}

Expected<double> float_field(std::string_view text) {
  const auto v = parse_py_float(text);
  if (!v) return Error{"ValueError: could not convert string to float: " + py_str_repr(text)};
  return *v;
}

std::vector<std::string> py_split(std::string_view s, char sep) {
  std::vector<std::string> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      pieces.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return pieces;
}

}  // namespace proclab::ostep
