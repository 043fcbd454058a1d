// Test helper: runs a snippet on a fresh simulated kernel and collects what it printed.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "proclab/lesson.h"

namespace proclab::testing {

struct ProgramRun {
  std::unique_ptr<Kernel> kernel;
  std::vector<std::string> lines;            // every output record, in order
  std::vector<std::pair<Pid, std::string>> by_pid;
  StopReason stopped = StopReason::Running;
};

inline std::vector<std::pair<Pid, std::string>> outputs(const Kernel& k) {
  std::vector<std::pair<Pid, std::string>> out;
  for (const Event& e : k.trace().events())
    if (e.kind == EventKind::Output) out.emplace_back(e.pid, std::string(k.trace().text(e.detail)));
  return out;
}

// A kernel with `source` spawned, not yet run (ADD_FAILURE and nullptr when it does not compile).
inline std::unique_ptr<Kernel> start_program(const std::string& source, KernelConfig config = {},
                                             PolicyParams policy = {}, LangOptions lang = {}) {
  auto k = build_program_kernel(source, config, policy, lang);
  if (!k) {
    ADD_FAILURE() << k.error().message;
    return nullptr;
  }
  return std::move(k.value());
}

inline ProgramRun run_program(const std::string& source, KernelConfig config = {}, PolicyParams policy = {},
                              Tick max_ticks = 100000, LangOptions lang = {}) {
  ProgramRun r;
  r.kernel = start_program(source, config, policy, lang);
  if (!r.kernel) return r;
  r.stopped = r.kernel->run(max_ticks);
  r.by_pid = outputs(*r.kernel);
  for (const auto& [pid, text] : r.by_pid) r.lines.push_back(text);
  return r;
}

// The compile error of `source` ("" when it compiles).
inline std::string compile_error(const std::string& source, LangOptions lang = {}) {
  auto c = compile_program(source, lang);
  return c ? "" : c.error().message;
}

}  // namespace proclab::testing
