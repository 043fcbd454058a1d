// Lessons: the notes' demos, ready to load, run and change (format in docs/lessons.md).
// A lesson is assets/lessons/NAME.json naming either a Python program (NAME.py beside it, run by
// the snippet language) or a burst workload (a scenario, for the scheduling lessons).
// The CLI (`run --lesson`, `lessons`) and the GUI's lesson list both call exactly these.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "proclab/error.h"
#include "proclab/kernel.h"
#include "proclab/lang.h"
#include "proclab/policy.h"
#include "proclab/scenario.h"

namespace proclab {

// What a run of the lesson must show: the note's printed lines, compared as a multiset unless
// `ordered` (scheduling decides the order of forked processes' lines).
struct LessonExpect {
  std::vector<std::string> output;  // the whole output; empty: no claim
  bool ordered = false;
  std::vector<std::string> includes;  // lines that must each appear (programs that never end)
  std::string stopped_by;           // "exit", "max_ticks" or "deadlock"; empty: no claim
};

struct Lesson {
  std::string name;             // file stem: `--lesson NAME`
  std::string title_en, title_zh;
  std::string explain_en, explain_zh;  // two or three sentences each
  std::string seed;             // the note it comes from (file in shared/seeds)
  std::string real_demo;        // the real backend's demo that mirrors it; "" when none
  std::string program_file;     // NAME.py, when the lesson is a program
  std::string source;           // the program's text (empty for a workload lesson)
  std::vector<JobSpec> jobs;    // the workload, when the lesson is not a program
  KernelConfig kernel;          // the lesson's machine (cpus, limits, ...)
  PolicyParams policy;          // the lesson's default policy
  LangOptions lang;             // file_name is program_file
  Tick max_ticks = 100000;
  LessonExpect expect;

  bool is_program() const { return !source.empty(); }
};

// Reads every *.json lesson in `dir`, sorted by name. Fails on the first bad lesson with
// "path: field: expected ..." (or "path:line:col: ..." for malformed JSON), or when dir cannot
// be read. Programs are compiled while loading, so a lesson that loads runs.
Expected<std::vector<Lesson>> load_lessons(const std::string& dir);
// The lessons shipped with proclab (PROCLAB_ASSETS_DIR/lessons).
std::string default_lessons_dir();
// The lesson the app opens with: three forks printing eight 1s.
inline constexpr const char* kDefaultLesson = "fork-three";
// nullptr when no lesson has that name.
const Lesson* find_lesson(const std::vector<Lesson>& lessons, std::string_view name);

// A kernel with the program spawned as its first process (pid config.first_pid), ready to step.
// Fails with the compile error (file:line:col, the line and a caret) or a bad policy/config.
Expected<std::unique_ptr<Kernel>> build_program_kernel(std::string_view source,
                                                       const KernelConfig& config,
                                                       const PolicyParams& policy,
                                                       const LangOptions& lang);
// The lesson's program or workload on the given machine and policy (pass lesson.kernel,
// lesson.policy, lesson.lang to run it as the lesson says).
Expected<std::unique_ptr<Kernel>> build_lesson_kernel(const Lesson& lesson,
                                                      const KernelConfig& config,
                                                      const PolicyParams& policy,
                                                      const LangOptions& lang);

}  // namespace proclab
