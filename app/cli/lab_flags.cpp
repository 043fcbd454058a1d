#include "lab_flags.h"

#include <fmt/format.h>

#include <iostream>

#include "commands.h"
#include "proclab/real/report_format.h"

namespace proclab::cli {

void add_lab_flags(CLI::App& cmd, LabFlags& flags) {
  cmd.add_option("--cap", flags.options.cap, "Most lab processes alive at once (1-4096, default 64)")
      ->check(CLI::Range(1, 4096));
  cmd.add_option("--timeout", flags.options.timeout_s, "Wall-clock limit in seconds (default 10)")
      ->check(CLI::Range(0.001, 3600.0));
  cmd.add_option("--sample-us", flags.options.sample_period_us, "/proc sampling period in microseconds (default 1000)")
      ->check(CLI::Range(100, 1000000));
  cmd.add_option("--memory", flags.options.memory_mib, "trace: the command's memory in MiB (RLIMIT_AS, default 1024)")
      ->check(CLI::Range(16, 65536));
  cmd.add_option("--format", flags.format, "Output: text, json or tree")
      ->check(CLI::IsMember({"text", "json", "tree"}));
  // For the safety tests: run with one layer or cleanup path switched off. Not shown in --help.
  cmd.add_option("--without", flags.without, "")
      ->group("")
      ->check(CLI::IsMember({"cgroup", "rlimit", "budget", "pdeathsig", "lifeline"}));
}

proclab::real::LabOptions lab_options(const LabFlags& flags) {
  proclab::real::LabOptions o = flags.options;
  for (const std::string& w : flags.without) {
    if (w == "cgroup") o.use_cgroup = false;
    if (w == "rlimit") o.use_rlimit = false;
    if (w == "budget") o.use_budget = false;
    if (w == "pdeathsig") o.pdeathsig = false;
    if (w == "lifeline") o.lifeline = false;
  }
  return o;
}

void print_lab_result(const Expected<proclab::real::LabResult>& result, const LabFlags& flags) {
  if (!result) throw Exit{1, "proclab-cli: " + result.error().message};
  const auto& r = result.value();
  if (flags.format == "json") std::cout << proclab::real::lab_report_json(r);
  else if (flags.format == "tree") std::cout << proclab::real::lab_report_tree(r);
  else std::cout << proclab::real::lab_report_text(r);
  std::cout.flush();
  if (r.report.survivors > 0 || !r.report.cgroup_removed)
    throw Exit{1, fmt::format("proclab-cli: {} lab process(es) survived the cleanup{}", r.report.survivors,
                              r.report.cgroup_removed ? "" : "; the lab cgroup could not be removed")};
}

}  // namespace proclab::cli
