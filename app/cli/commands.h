// Each subcommand of proclab-cli registers itself on the app and runs from its callback.
// Exit codes: 0 success, 2 bad input (one line on stderr), 1 a run that failed for another reason.
#pragma once

#include <CLI/CLI.hpp>

namespace proclab::cli {

inline constexpr int kExitBadInput = 2;

// Thrown by a subcommand to end the program with `code` after printing `message` on stderr.
struct Exit {
  int code;
  std::string message;
};

void add_sched_command(CLI::App& app);
void add_run_command(CLI::App& app);  // run and lessons
void add_real_command(CLI::App& app);
void add_trace_command(CLI::App& app);
void add_compare_command(CLI::App& app);
void add_ostep_command(CLI::App& app);  // OSTEP's homework simulators

}  // namespace proclab::cli
