// proclab-cli trace -- CMD ARGS: run any program in a lab under ptrace and show its processes.
#include "commands.h"
#include "lab_flags.h"

namespace proclab::cli {

void add_trace_command(CLI::App& app) {
  auto f = std::make_shared<LabFlags>();
  CLI::App* cmd = app.add_subcommand("trace", "Run a command in a lab and record every process it creates");
  add_lab_flags(*cmd, *f);
  cmd->add_option("command", f->options.argv, "The command and its arguments, after --")->required();
  cmd->callback([f] {
    if (auto missing = proclab::real::missing_command(f->options))
      throw Exit{2, "proclab-cli: trace: " + *missing};
    print_lab_result(proclab::real::run_traced(lab_options(*f)), *f);
  });
}

}  // namespace proclab::cli
