// proclab-cli compare PROGRAM.py | --lesson NAME: the program simulated and run for real (python3
// in a lab under the tracer), side by side: tree, output, exit codes, states (core: run_compare.h).
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "commands.h"
#include "proclab/export.h"
#include "proclab/lesson.h"
#include "proclab/real/python_run.h"
#include "proclab/run_compare.h"

namespace proclab::cli {

namespace {

struct CompareOptions {
  std::string program;
  std::string lesson;
  std::string format = "text";
  int cap = 64;
  double timeout_s = 10;
};

// The program to compare: its source, the name its file has, and how the simulation runs it.
struct Subject {
  std::string title;
  std::string source;
  std::string file_name;
  std::optional<Lesson> lesson;
  KernelConfig config;
  PolicyParams policy;
  LangOptions lang;
  Tick max_ticks = 100000;
};

Subject load_subject(const CompareOptions& o) {
  Subject s;
  if (!o.lesson.empty()) {
    auto all = load_lessons(default_lessons_dir());
    if (!all) throw Exit{1, "proclab-cli: " + all.error().message};
    const Lesson* l = find_lesson(all.value(), o.lesson);
    if (!l) throw Exit{kExitBadInput, fmt::format("proclab-cli compare: no lesson named '{}' (see 'proclab-cli lessons')", o.lesson)};
    if (!l->is_program()) throw Exit{kExitBadInput, fmt::format("proclab-cli compare: lesson '{}' is a workload, not a program", o.lesson)};
    s = {l->name, l->source, l->program_file, *l, l->kernel, l->policy, l->lang, l->max_ticks};
  } else if (!o.program.empty()) {
    std::ifstream in(o.program, std::ios::binary);
    if (!in) throw Exit{kExitBadInput, fmt::format("proclab-cli compare: {}: cannot open file", o.program)};
    std::ostringstream text;
    text << in.rdbuf();
    s.title = o.program;
    s.source = text.str();
    s.file_name = o.program.substr(o.program.find_last_of('/') + 1);
    s.lang.file_name = o.program;
  } else {
    throw Exit{kExitBadInput, "proclab-cli compare: expected PROGRAM.py or --lesson NAME"};
  }
  // The real lab allows `cap` processes; the simulation gets the same limit.
  s.config.max_procs = o.cap;
  return s;
}

std::string json_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + json_quote(items[i]);
  return out + "]";
}

std::string json_part(const ComparedPart& p) {
  return fmt::format("{{\"simulated\": {}, \"real\": {}, \"same\": {}}}", json_list(p.simulated), json_list(p.real), p.same);
}

std::string comparison_json(const std::string& title, const RunComparison& c) {
  std::string pids = "[";
  std::vector<std::pair<Pid, Pid>> sorted(c.real_to_simulated.begin(), c.real_to_simulated.end());
  std::sort(sorted.begin(), sorted.end());
  for (size_t i = 0; i < sorted.size(); ++i)
    pids += fmt::format("{}{{\"real\": {}, \"simulated\": {}}}", i ? ", " : "", sorted[i].first, sorted[i].second);
  return fmt::format("{{\n  \"program\": {},\n  \"tree\": {},\n  \"output\": {},\n  \"exit_codes\": {},\n  \"states\": {},\n"
                     "  \"same\": {},\n  \"notes\": {},\n  \"pids\": {}]\n}}\n",
                     json_quote(title), json_part(c.tree), json_part(c.output), json_part(c.exit_codes),
                     json_part(c.states), c.same, json_list(c.notes), pids);
}

// Two columns: simulated | real, a '*' where the rows differ.
std::string columns(const ComparedPart& p) {
  size_t w = std::string_view("simulated").size();
  for (const std::string& s : p.simulated) w = std::max(w, s.size());
  std::string out = fmt::format("    {:<{}}   {}\n", "simulated", w, "real");
  for (size_t i = 0; i < std::max(p.simulated.size(), p.real.size()); ++i) {
    const std::string a = i < p.simulated.size() ? p.simulated[i] : "", b = i < p.real.size() ? p.real[i] : "";
    out += fmt::format("  {} {:<{}}   {}\n", a == b ? ' ' : '*', a, w, b);
  }
  return out;
}

std::string comparison_text(const std::string& title, const RunComparison& c) {
  std::string out = fmt::format("{}: simulated vs real (python3 in the lab)\n\n", title);
  const auto part = [&](const char* name, const ComparedPart& p) {
    out += fmt::format("{:<11} {}\n", name, p.same ? "same" : "differ");
    out += columns(p);
    out += "\n";
  };
  part("tree", c.tree);
  part("output", c.output);
  part("exit codes", c.exit_codes);
  part("states", c.states);
  std::vector<std::pair<Pid, Pid>> sorted(c.real_to_simulated.begin(), c.real_to_simulated.end());
  std::sort(sorted.begin(), sorted.end());
  out += "pids (real -> simulated):";
  for (const auto& [r, s] : sorted) out += fmt::format(" {}->{}", r, s);
  out += "\n";
  for (const std::string& n : c.notes) out += "note: " + n + "\n";
  out += c.same ? "\nsame: the simulation and the real run agree\n" : "\nsame: no (see the rows marked *)\n";
  return out;
}

void run_compare(const CompareOptions& o) {
  const Subject s = load_subject(o);
  auto kernel = s.lesson ? build_lesson_kernel(*s.lesson, s.config, s.policy, s.lang)
                         : build_program_kernel(s.source, s.config, s.policy, s.lang);
  if (!kernel) throw Exit{kExitBadInput, kernel.error().message};
  Kernel& k = *kernel.value();
  const StopReason why = k.run(s.max_ticks);

  real::LabOptions lab;
  lab.cap = o.cap;
  lab.timeout_s = o.timeout_s;
  const auto real_run = real::run_python_source(s.source, s.file_name, lab);
  if (!real_run) throw Exit{1, "proclab-cli compare: the real run failed: " + real_run.error().message};
  const real::LabResult& r = real_run.value();
  Tick real_end = 0;
  for (const Event& e : r.trace.events()) real_end = std::max(real_end, e.time);

  const RunModel sim_model = RunModel::of(k.trace(), k.config().cpus, k.now());
  const int host_cpus = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const RunModel real_model = RunModel::of(r.trace, std::min(host_cpus, kMaxCpus), real_end);
  const RunComparison c = compare_runs(sim_model, real_model);
  std::cout << (o.format == "json" ? comparison_json(s.title, c) : comparison_text(s.title, c));
  std::cout.flush();
  if (why == StopReason::MaxTicks)
    throw Exit{1, fmt::format("proclab-cli compare: the simulation reached its limit of {} ticks", s.max_ticks)};
  if (r.report.timed_out)
    throw Exit{1, fmt::format("proclab-cli compare: the real run reached --timeout {}", o.timeout_s)};
  if (r.report.survivors > 0 || !r.report.cgroup_removed)
    throw Exit{1, fmt::format("proclab-cli compare: {} lab process(es) survived the cleanup", r.report.survivors)};
}

}  // namespace

void add_compare_command(CLI::App& app) {
  auto o = std::make_shared<CompareOptions>();
  CLI::App* cmd = app.add_subcommand("compare", "Run a Python program simulated and for real, and compare the runs");
  cmd->add_option("program", o->program, "The program (.py)");
  cmd->add_option("--lesson", o->lesson, "A lesson's program instead of a file (see 'proclab-cli lessons')");
  cmd->add_option("--format", o->format, "Output: text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--cap", o->cap, "Most processes at once, in the lab and in the simulation (1-4096, default 64)")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--timeout", o->timeout_s, "Wall-clock limit of the real run in seconds (default 10)")
      ->check(CLI::Range(0.001, 3600.0));
  cmd->callback([o] { run_compare(*o); });
}

}  // namespace proclab::cli
