// Shared by the fuzz tests: the contract every proclab-cli run must keep, whatever its input,
// and the bounds each fuzzed run gets.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "run_cli.h"

namespace proclab::test {

// CPU, wall clock and (outside AddressSanitizer, which needs a huge address space) memory.
inline ChildLimits fuzz_limits() {
  ChildLimits l;
  l.cpu_seconds = 10;
  l.wall_seconds = 20;
#if !defined(__SANITIZE_ADDRESS__)
  l.memory_bytes = 2ull << 30;
#endif
  return l;
}

// Exit code 0 (done, nothing on stderr), 1 (a limit) or 2 (bad input), never a signal; an
// error is one line starting with "proclab-cli" (or, for `run`'s compile errors, the
// program's file:line:col: and its line with a caret); never a C++ exception's text.
inline testing::AssertionResult keeps_the_exit_contract(const CliResult& r, bool compile_errors_allowed = false) {
  const auto fail = [&](const char* what) {
    return testing::AssertionFailure() << what << " (exit " << r.exit_code << ", stderr: "
                                       << r.err.substr(0, 300) << ")";
  };
  if (r.exit_code > 2 || r.exit_code < 0) return fail("ended by a signal or an unexpected exit code");
  if (r.err.find("terminate called") != std::string::npos || r.err.find("what():") != std::string::npos)
    return fail("printed a C++ exception");
  if (r.exit_code == 0) return r.err.empty() ? testing::AssertionSuccess() : fail("exit 0 with text on stderr");
  const size_t lines = static_cast<size_t>(std::count(r.err.begin(), r.err.end(), '\n'));
  if (r.err.starts_with("proclab-cli")) {
    return lines == 1 && r.err.back() == '\n' ? testing::AssertionSuccess() : fail("error is not one line");
  }
  if (compile_errors_allowed && r.exit_code == 2 && lines >= 1 && lines <= 3) return testing::AssertionSuccess();
  return fail("error does not start with proclab-cli");
}

}  // namespace proclab::test
