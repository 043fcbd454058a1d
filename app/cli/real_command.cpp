// proclab-cli real: run a built-in demo with real processes inside a lab.
#include <fmt/format.h>

#include <iostream>

#include "commands.h"
#include "lab_flags.h"
#include "proclab/real/demos.h"

namespace proclab::cli {

namespace {

struct RealFlags {
  LabFlags lab;
  std::string demo;
  bool list = false;
};

void run_real(const RealFlags& f) {
  if (f.list) {
    for (const auto& d : proclab::real::demo_catalog()) std::cout << fmt::format("{:<20} {}\n", d.name, d.summary);
    return;
  }
  if (f.demo.empty()) throw Exit{kExitBadInput, "proclab-cli real: expected a DEMO name or --list"};
  if (!proclab::real::find_demo(f.demo))
    throw Exit{kExitBadInput,
               fmt::format("proclab-cli real: unknown demo '{}' (run 'proclab-cli real --list')", f.demo)};
  print_lab_result(proclab::real::run_demo(f.demo, lab_options(f.lab)), f.lab);
}

}  // namespace

void add_real_command(CLI::App& app) {
  auto f = std::make_shared<RealFlags>();
  CLI::App* cmd = app.add_subcommand("real", "Run a built-in fork demo with real processes, contained in a lab");
  cmd->add_option("demo", f->demo, "Demo name (see --list)");
  cmd->add_flag("--list", f->list, "List the demos");
  add_lab_flags(*cmd, f->lab);
  // Runs on the main thread, which lives until the lab is cleaned up.
  cmd->callback([f] { run_real(*f); });
}

}  // namespace proclab::cli
