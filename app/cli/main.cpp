// proclab-cli: the headless front end. Thin: parses flags, runs the core, prints.
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "one_line.h"

int main(int argc, char** argv) {
  CLI::App app{"proclab-cli: process scheduling and process lifecycle simulator (headless)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "proclab 0.1");
  proclab::cli::add_sched_command(app);
  proclab::cli::add_run_command(app);
  proclab::cli::add_real_command(app);
  proclab::cli::add_trace_command(app);
  proclab::cli::add_compare_command(app);
  proclab::cli::add_ostep_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion& e) {
    std::cout << e.what() << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    // A subcommand's own --help is a ParseError too: show that subcommand's help.
    if (e.get_name() == "CallForHelp") {
      std::cout << app.help();
      return 0;
    }
    std::cerr << "proclab-cli: " << proclab::cli::one_line(e.what()) << " (run 'proclab-cli --help')\n";
    return proclab::cli::kExitBadInput;
  } catch (const proclab::cli::Exit& e) {
    if (!e.message.empty()) std::cerr << e.message << "\n";
    return e.code;
  } catch (const std::bad_alloc&) {
    std::cerr << "proclab-cli: out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    // A bug, never the user's fault; still one line and an exit code, never std::terminate.
    std::cerr << "proclab-cli: internal error: " << proclab::cli::one_line(e.what()) << "\n";
    return 1;
  } catch (...) {
    std::cerr << "proclab-cli: internal error\n";
    return 1;
  }
  return 0;
}
