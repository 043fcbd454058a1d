// proclab-cli ostep NAME [FLAGS]: one of OSTEP's CPU homework simulators, as its script runs
// (docs/ostep.md). Everything after NAME is the script's own command line.
#include <iostream>
#include <random>

#include "commands.h"
#include "proclab/ostep.h"

namespace proclab::cli {
namespace {

std::string names_list() {
  std::string list;
  for (const auto n : proclab::ostep::simulator_names()) list += (list.empty() ? "" : ", ") + std::string(n);
  return list;
}

void run_ostep(const std::vector<std::string>& all) {
  if (all.empty()) throw Exit{kExitBadInput, "proclab-cli ostep: name a simulator: " + names_list()};
  const std::string& name = all.front();
  const auto& names = proclab::ostep::simulator_names();
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    throw Exit{kExitBadInput, "proclab-cli ostep: unknown simulator '" + name + "' (expected one of " + names_list() + ")"};
  }
  const std::vector<std::string> args(all.begin() + 1, all.end());
  std::random_device entropy;  // fork.py without -s seeds from os.urandom
  const auto out = proclab::ostep::run_simulator(name, args, (std::uint64_t{entropy()} << 32) | entropy());
  std::cout << out.out << std::flush;
  if (out.exit_code != 0 || !out.err.empty()) throw Exit{out.exit_code, out.err};
}

}  // namespace

void add_ostep_command(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("ostep", "OSTEP's CPU homework simulators, byte for byte (process-run, scheduler, "
                                              "mlfq, lottery, multi, fork); NAME -h lists a simulator's flags");
  cmd->prefix_command();
  cmd->set_help_flag();
  cmd->callback([cmd] { run_ostep(cmd->remaining()); });
}

}  // namespace proclab::cli
