// Lesson list: lessons (lesson.h), scenarios (scenario.h), and a built-in fallback.
#include "lesson_catalog.h"

#include <algorithm>
#include <filesystem>

#include "proclab/lesson.h"

namespace proclab::gui {

namespace {

LessonEntry from_lesson(const Lesson& l) {
  LessonEntry e{l.name, l.title_en, l.title_zh, l.explain_en, l.explain_zh, l.real_demo, {}};
  e.doc.kind = l.is_program() ? DocumentKind::Program : DocumentKind::Jobs;
  e.doc.title = l.name;
  e.doc.source = l.source;
  e.doc.lang = l.lang;
  e.doc.settings.name = l.name;
  e.doc.settings.kernel = l.kernel;
  e.doc.settings.policy = l.policy;
  e.doc.settings.jobs = l.jobs;
  return e;
}

LessonEntry from_scenario(const std::string& name, const Scenario& s) {
  LessonEntry e{name, s.name.empty() ? name : s.name, s.name.empty() ? name : s.name, s.description, s.description, "", {}};
  if (!s.source.empty()) {
    for (std::string* text : {&e.explain_en, &e.explain_zh}) {
      if (!text->empty()) text->append("\n");
      text->append(text == &e.explain_en ? "Source: " : "出处：");
      text->append(s.source);
    }
  }
  e.doc.kind = DocumentKind::Jobs;
  e.doc.title = name;
  e.doc.settings = s;
  return e;
}

// Silberschatz's round-robin example, so the app always has something to show.
LessonEntry builtin_rr() {
  Scenario s;
  s.name = "Round robin, quantum 4";
  s.source = "Silberschatz, Operating System Concepts, 6.3.4";
  s.description = "Three processes arrive at 0 with bursts 24, 3 and 3.";
  s.policy.name = "rr";
  s.policy.quantum = 4;
  s.jobs = parse_jobs_spec("P1:0:24,P2:0:3,P3:0:3").value();
  LessonEntry e = from_scenario("textbook-rr", s);
  e.title_zh = "时间片轮转，时间片 4";
  e.explain_zh = "三个进程在 0 时刻到达，CPU 执行时间分别为 24、3、3。\n出处：";
  e.explain_zh.append(s.source);
  return e;
}

}  // namespace

Catalog load_catalog() {
  Catalog out;
  auto lessons = load_lessons(default_lessons_dir());
  if (lessons) {
    for (const Lesson& l : lessons.value()) out.entries.push_back(from_lesson(l));
  } else {
    out.warning = lessons.error().message;
  }
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::path(PROCLAB_ASSETS_DIR) / "scenarios";
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::directory_iterator(dir, ec))
    if (f.path().extension() == ".json") files.push_back(f.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto s = load_scenario_file(f.string());
    if (s) out.entries.push_back(from_scenario(f.stem().string(), s.value()));
    else if (out.warning.empty()) out.warning = s.error().message;
  }
  if (find_entry(out, "textbook-rr") < 0) out.entries.push_back(builtin_rr());
  return out;
}

int find_entry(const Catalog& catalog, const std::string& name) {
  for (size_t i = 0; i < catalog.entries.size(); ++i)
    if (catalog.entries[i].name == name) return static_cast<int>(i);
  return -1;
}

Expected<std::unique_ptr<Kernel>> build_program_document(const Document& doc) {
  return build_program_kernel(doc.source, doc.settings.kernel, doc.settings.policy, doc.lang);
}

}  // namespace proclab::gui
