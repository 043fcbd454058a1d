// Runs proclab-cli as a user would and captures what it prints.
#pragma once

#include <string>
#include <vector>

namespace proclab::test {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Bounds on the child (0: none): CPU seconds (RLIMIT_CPU, then SIGXCPU), wall seconds (alarm,
// then SIGALRM) and address space (RLIMIT_AS). A child ended by a signal has exit_code 128+sig.
struct ChildLimits {
  unsigned cpu_seconds = 0;
  unsigned wall_seconds = 0;
  unsigned long long memory_bytes = 0;
};

// Runs `binary` with `args` (no shell), feeding it nothing on stdin.
CliResult run_cli(const std::string& binary, const std::vector<std::string>& args,
                  const ChildLimits& limits = {});

// Writes `content` to a fresh file in a temporary directory; returns its path.
std::string write_temp_file(const std::string& name, const std::string& content);

}  // namespace proclab::test
