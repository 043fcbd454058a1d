// Loading lessons (assets/lessons/*.json) and building the kernel that runs one.
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "json_text.h"
#include "proclab/input_file.h"
#include "proclab/lesson.h"

namespace proclab {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// Reads doc[key] as a string into out; "" and no error when absent.
bool get_string(const json& doc, const char* key, std::string& out, std::string& error) {
  if (!doc.contains(key)) return true;
  if (!doc[key].is_string()) {
    error = fmt::format("{}: expected a string", key);
    return false;
  }
  out = doc[key].get<std::string>();
  return true;
}

// {"en": "...", "zh": "..."}, both required.
bool get_bilingual(const json& doc, const char* key, std::string& en, std::string& zh,
                   std::string& error) {
  if (!doc.contains(key) || !doc[key].is_object() || !doc[key].contains("en") ||
      !doc[key].contains("zh") || !doc[key]["en"].is_string() || !doc[key]["zh"].is_string()) {
    error = fmt::format("{}: expected {{\"en\": \"...\", \"zh\": \"...\"}}", key);
    return false;
  }
  en = doc[key]["en"].get<std::string>();
  zh = doc[key]["zh"].get<std::string>();
  return true;
}

bool get_int(const json& obj, const char* key, long long min, long long max, auto& out,
             std::string& error) {
  if (!obj.contains(key)) return true;
  if (!obj[key].is_number_integer() || obj[key].get<long long>() < min ||
      obj[key].get<long long>() > max) {
    error = fmt::format("{}: expected a whole number from {} to {}", key, min, max);
    return false;
  }
  out = static_cast<std::remove_reference_t<decltype(out)>>(obj[key].get<long long>());
  return true;
}

// "kernel": {"cpus", "max_procs", "first_pid", "child_first", "reparent", "seed"}.
bool read_kernel(const json& v, KernelConfig& k, std::string& error) {
  if (!v.is_object()) {
    error = "kernel: expected an object";
    return false;
  }
  if (!get_int(v, "cpus", 1, kMaxCpus, k.cpus, error) ||
      !get_int(v, "max_procs", 1, 10000000, k.max_procs, error) ||
      !get_int(v, "first_pid", 2, 1000000, k.first_pid, error) ||
      !get_int(v, "seed", 0, std::numeric_limits<std::int64_t>::max(), k.seed, error))
    return false;
  if (v.contains("child_first")) {
    if (!v["child_first"].is_boolean()) {
      error = "kernel.child_first: expected true or false";
      return false;
    }
    k.child_first = v["child_first"].get<bool>();
  }
  if (v.contains("reparent")) {
    const auto rule = v["reparent"].is_string()
                          ? reparent_rule_from_string(v["reparent"].get<std::string>())
                          : std::nullopt;
    if (!rule) {
      error = "kernel.reparent: expected \"init\", \"subreaper\" or \"grandparent\"";
      return false;
    }
    k.reparent = *rule;
  }
  return true;
}

bool read_lines(const json& v, const char* key, std::vector<std::string>& out, std::string& error) {
  if (!v.contains(key)) return true;
  if (!v[key].is_array()) {
    error = fmt::format("expect.{}: expected a list of lines", key);
    return false;
  }
  for (const json& line : v[key]) {
    if (!line.is_string()) {
      error = fmt::format("expect.{}: expected a list of strings", key);
      return false;
    }
    out.push_back(line.get<std::string>());
  }
  return true;
}

bool read_expect(const json& v, LessonExpect& e, std::string& error) {
  if (!v.is_object()) {
    error = "expect: expected an object";
    return false;
  }
  if (!read_lines(v, "output", e.output, error) || !read_lines(v, "includes", e.includes, error)) return false;
  if (v.contains("ordered")) e.ordered = v["ordered"].is_boolean() && v["ordered"].get<bool>();
  if (!get_string(v, "stopped_by", e.stopped_by, error)) return false;
  return true;
}

Expected<Lesson> read_lesson(const fs::path& path) {
  auto text = read_input_file(path.string());
  if (!text) return text.error();
  auto parsed = parse_json_text(text.value(), path.string());
  if (!parsed) return parsed.error();
  const json& doc = parsed.value();
  Lesson l;
  l.name = path.stem().string();
  std::string error;
  const auto fail = [&](std::string what) {
    return Error{fmt::format("{}: {}", path.string(), what)};
  };
  if (!doc.is_object()) return fail("expected a JSON object");
  if (!get_bilingual(doc, "title", l.title_en, l.title_zh, error) ||
      !get_bilingual(doc, "explain", l.explain_en, l.explain_zh, error) ||
      !get_string(doc, "seed", l.seed, error) || !get_string(doc, "real_demo", l.real_demo, error) ||
      !get_string(doc, "program", l.program_file, error) ||
      !get_int(doc, "max_ticks", 1, 100000000, l.max_ticks, error) ||
      (doc.contains("kernel") && !read_kernel(doc["kernel"], l.kernel, error)) ||
      (doc.contains("expect") && !read_expect(doc["expect"], l.expect, error)))
    return fail(error);
  if (doc.contains("policy")) {
    if (!doc["policy"].is_object() || !get_string(doc["policy"], "name", l.policy.name, error) ||
        !get_int(doc["policy"], "quantum", 1, 1000000, l.policy.quantum, error) ||
        !get_int(doc["policy"], "aging", 0, 1000000, l.policy.aging, error))
      return fail(error.empty() ? "policy: expected an object" : "policy." + error);
  }
  if (l.program_file.empty() == !doc.contains("scenario"))
    return fail("expected exactly one of \"program\" (a .py file beside it) or \"scenario\"");
  if (!l.program_file.empty()) {
    auto source = read_input_file((path.parent_path() / l.program_file).string());
    if (!source) return source.error();
    l.source = std::move(source.value());
    l.lang.file_name = l.program_file;
    if (auto compiled = compile_program(l.source, l.lang); !compiled) return compiled.error();
  } else {
    auto scenario = parse_scenario(doc["scenario"].dump(), path.string() + ": scenario");
    if (!scenario) return scenario.error();
    l.jobs = std::move(scenario->jobs);
    l.kernel.cpus = scenario->kernel.cpus;
    l.kernel.context_switch = scenario->kernel.context_switch;
    l.kernel.preempted_first = scenario->kernel.preempted_first;
    l.policy = scenario->policy;
  }
  l.policy.seed = l.kernel.seed;
  if (!canonical_policy_name(l.policy.name)) return fail("policy.name: unknown policy " + l.policy.name);
  return l;
}

}  // namespace

std::string default_lessons_dir() { return std::string(PROCLAB_ASSETS_DIR) + "/lessons"; }

Expected<std::vector<Lesson>> load_lessons(const std::string& dir) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".json") files.push_back(it->path());
  if (ec) return Error{fmt::format("{}: cannot read lesson folder ({})", dir, ec.message())};
  std::sort(files.begin(), files.end());
  std::vector<Lesson> lessons;
  for (const fs::path& f : files) {
    auto lesson = read_lesson(f);
    if (!lesson) return lesson.error();
    lessons.push_back(std::move(lesson.value()));
  }
  return lessons;
}

const Lesson* find_lesson(const std::vector<Lesson>& lessons, std::string_view name) {
  for (const Lesson& l : lessons)
    if (l.name == name) return &l;
  return nullptr;
}

Expected<std::unique_ptr<Kernel>> build_program_kernel(std::string_view source,
                                                       const KernelConfig& config,
                                                       const PolicyParams& policy,
                                                       const LangOptions& lang) {
  auto compiled = compile_program(source, lang);
  if (!compiled) return compiled.error();
  if (config.cpus < 1 || config.cpus > kMaxCpus)
    return Error{fmt::format("cpus: expected 1 to {}, got {}", kMaxCpus, config.cpus)};
  if (config.max_procs < 1) return Error{fmt::format("max procs: expected 1 or more, got {}", config.max_procs)};
  PolicyParams params = policy;
  params.seed = config.seed;
  auto made = make_policy(params);
  if (!made) return made.error();
  auto kernel = std::make_unique<Kernel>(config, std::move(made.value()));
  kernel->spawn({"python3 " + lang.file_name, 0, 0, 100, 0, make_interpreter(compiled.value())});
  return kernel;
}

Expected<std::unique_ptr<Kernel>> build_lesson_kernel(const Lesson& lesson,
                                                      const KernelConfig& config,
                                                      const PolicyParams& policy,
                                                      const LangOptions& lang) {
  if (lesson.is_program()) return build_program_kernel(lesson.source, config, policy, lang);
  Scenario s;
  s.kernel = config;
  s.policy = policy;
  s.jobs = lesson.jobs;
  return build_kernel(s);
}

}  // namespace proclab
