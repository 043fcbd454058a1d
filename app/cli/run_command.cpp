// proclab-cli run: a Python snippet (or a lesson) on the simulated kernel; proclab-cli lessons.
#include <iostream>

#include <fmt/format.h>

#include "commands.h"
#include "one_line.h"
#include "proclab/input_file.h"
#include "proclab/lesson.h"
#include "run_report.h"

namespace proclab::cli {

namespace {

struct RunOptions {
  std::string program;
  std::string lesson;
  std::string policy;
  Tick quantum = 4;
  int cpus = 1;
  std::uint64_t seed = 1;
  int max_procs = 64;
  Tick max_ticks = 100000;
  std::string reparent;
  bool child_first = false;
  std::string format = "text";
  std::size_t max_input_size = kDefaultMaxInputBytes;
};

std::vector<Lesson> lessons_or_exit() {
  auto lessons = load_lessons(default_lessons_dir());
  if (!lessons) throw Exit{1, "proclab-cli: " + lessons.error().message};
  return std::move(lessons.value());
}

std::unique_ptr<Kernel> build(const RunOptions& o, const CLI::App& cmd, Tick* max_ticks) {
  const auto given = [&](const char* flag) { return cmd.count(flag) > 0; };
  KernelConfig config;
  PolicyParams policy;
  LangOptions lang;
  std::string source;
  std::optional<Lesson> lesson;
  *max_ticks = o.max_ticks;
  if (!o.lesson.empty()) {
    auto all = lessons_or_exit();
    const Lesson* l = find_lesson(all, o.lesson);
    if (!l) throw Exit{kExitBadInput, fmt::format("proclab-cli run: no lesson named '{}' (see 'proclab-cli lessons')", o.lesson)};
    lesson = *l;
    config = l->kernel;
    policy = l->policy;
    lang = l->lang;
    if (!given("--max-ticks")) *max_ticks = l->max_ticks;
  }
  if (!o.program.empty()) {
    auto text = read_input_file(o.program, {o.max_input_size, "--max-input-size"});
    if (!text) throw Exit{kExitBadInput, one_line("proclab-cli run: " + text.error().message)};
    source = std::move(text.value());
    lang.file_name = o.program;
  } else if (!lesson) {
    throw Exit{kExitBadInput, "proclab-cli run: expected PROGRAM.py or --lesson NAME"};
  }
  if (given("--policy")) policy.name = o.policy;
  if (given("--quantum")) policy.quantum = o.quantum;
  if (given("--cpus")) config.cpus = o.cpus;
  if (given("--seed")) config.seed = o.seed;
  if (given("--max-procs")) config.max_procs = o.max_procs;
  if (given("--reparent")) config.reparent = *reparent_rule_from_string(o.reparent);
  if (given("--child-first")) config.child_first = o.child_first;
  if (!canonical_policy_name(policy.name))
    throw Exit{kExitBadInput, "proclab-cli run: --policy: " + make_policy(policy).error().message};
  auto kernel = !source.empty() ? build_program_kernel(source, config, policy, lang)
                                : build_lesson_kernel(*lesson, config, policy, lang);
  // Compile errors start with the program's file:line:col.
  if (!kernel) throw Exit{kExitBadInput, kernel.error().message};
  return std::move(kernel.value());
}

std::string summary(const Kernel& k, Tick max_ticks) {
  switch (k.status()) {
    case StopReason::MaxTicks: return fmt::format("stopped: --max-ticks {} reached with processes still running", max_ticks);
    case StopReason::Deadlock:
      return fmt::format("stopped at t={}: deadlock, live processes remain but none can ever run again", k.now());
    default: return fmt::format("finished at t={}: every process has exited", k.now());
  }
}

void run_program(const RunOptions& o, const CLI::App& cmd) {
  Tick max_ticks = 0;
  auto kernel = build(o, cmd, &max_ticks);
  kernel->run(max_ticks);
  const Kernel& k = *kernel;
  if (o.format == "json") {
    std::cout << run_json(k);
  } else if (o.format == "tree") {
    std::cout << process_tree(k);
  } else {
    std::cout << output_lines(k) << "\n" << summary(k, max_ticks) << "\n\n" << ps_table(k) << "\n" << process_tree(k);
  }
}

void list_lessons() {
  for (const Lesson& l : lessons_or_exit())
    std::cout << fmt::format("{:<22} {}  /  {}{}\n", l.name, l.title_en, l.title_zh,
                             l.name == kDefaultLesson ? "  (default)" : "");
}

}  // namespace

void add_run_command(CLI::App& app) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "Run a Python fork snippet (or a lesson) on the simulated kernel");
  cmd->add_option("program", o->program, "The Python program (the subset in docs/snippet-language.md)");
  cmd->add_option("--lesson", o->lesson, "Run a lesson (see 'proclab-cli lessons'); a PROGRAM replaces its code");
  cmd->add_option("--policy", o->policy, "Scheduling policy (default fcfs; 'proclab-cli sched --policy help')");
  cmd->add_option("--quantum", o->quantum, "Time slice in ticks")->check(CLI::Range(1, 1000000));
  cmd->add_option("--cpus", o->cpus, "Number of CPUs (1-64)")->check(CLI::Range(1, kMaxCpus));
  cmd->add_option("--seed", o->seed, "Seed of random.random/randint and random policies");
  cmd->add_option("--max-procs", o->max_procs, "Process limit: fork fails with EAGAIN beyond it (default 64)")
      ->check(CLI::Range(1, 10000000));
  cmd->add_option("--max-ticks", o->max_ticks, "Stop the run after this many ticks (default 100000)")
      ->check(CLI::Range(1, 1000000000));
  cmd->add_option("--reparent", o->reparent, "Who adopts orphans: init (default), subreaper or grandparent")
      ->check(CLI::IsMember({"init", "subreaper", "grandparent"}));
  cmd->add_flag("--child-first", o->child_first, "After fork the child runs first");
  cmd->add_option("--format", o->format, "Output: text (default), json or tree")
      ->check(CLI::IsMember({"text", "json", "tree"}));
  cmd->add_option("--max-input-size", o->max_input_size,
                  fmt::format("Largest program file read, in bytes; 8MiB or 500KiB also work (default {})",
                              format_bytes(kDefaultMaxInputBytes)))
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30));
  cmd->callback([o, cmd] { run_program(*o, *cmd); });

  CLI::App* lessons = app.add_subcommand("lessons", "List the lessons (the notes' demos)");
  lessons->callback([] { list_lessons(); });
}

}  // namespace proclab::cli
