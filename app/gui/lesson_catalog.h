// The lesson picker's list: the lessons from assets/lessons (lesson.h) and the textbook
// workloads from assets/scenarios, as Session documents.
#pragma once

#include <string>
#include <vector>

#include "proclab/session.h"

namespace proclab::gui {

struct LessonEntry {
  std::string name;  // --lesson NAME
  std::string title_en, title_zh, explain_en, explain_zh;
  std::string real_demo;  // "" when the lesson has no real demo
  Document doc;
};

struct Catalog {
  std::vector<LessonEntry> entries;  // lessons first, then scenarios; never empty
  std::string warning;               // why some lessons could not be loaded, or ""
};

Catalog load_catalog();
// Index of the entry named `name`, or -1.
int find_entry(const Catalog& catalog, const std::string& name);
// Builds a kernel for a Program document with the snippet interpreter (Session's builder).
Expected<std::unique_ptr<Kernel>> build_program_document(const Document& doc);

}  // namespace proclab::gui
