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

// Runs `binary` with `args` (no shell), feeding it nothing on stdin.
CliResult run_cli(const std::string& binary, const std::vector<std::string>& args);

// Writes `content` to a fresh file in a temporary directory; returns its path.
std::string write_temp_file(const std::string& name, const std::string& content);

}  // namespace proclab::test
