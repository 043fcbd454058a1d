// Flags shared by `proclab-cli real` and `proclab-cli trace`, and how a lab run is printed.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "proclab/real/lab.h"

namespace proclab::cli {

struct LabFlags {
  proclab::real::LabOptions options;
  std::string format = "text";
  std::vector<std::string> without;  // hidden: layers or cleanup paths switched off (tests)
};

// Adds --cap, --timeout, --sample-us, --format and the hidden --without to cmd.
void add_lab_flags(CLI::App& cmd, LabFlags& flags);
// The options with --without applied.
proclab::real::LabOptions lab_options(const LabFlags& flags);
// Prints the result in flags.format; throws Exit{1} when the run left survivors or its cgroup, or
// Exit{1, message} for a failed run.
void print_lab_result(const Expected<proclab::real::LabResult>& result, const LabFlags& flags);

}  // namespace proclab::cli
