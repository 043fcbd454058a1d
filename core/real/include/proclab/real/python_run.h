// A Python program's real run: the program proclab simulates, run by CPython (/usr/bin/python3)
// in a fresh lab under the tracer. This is what "run for real" and `proclab-cli compare` run.
#pragma once

#include <future>
#include <string>

#include "proclab/real/lab.h"

namespace proclab::real {

// The interpreter real runs use (the system one: the pyenv shim on PATH is slower).
inline constexpr const char* kPython = "/usr/bin/python3";

// Writes `source` to `file_name` in a fresh directory readable by the lab's workload, runs it with
// kPython under run_traced (options.argv is replaced) and removes the directory. Errors: those of
// run_traced, or the file could not be written (the message says where).
Expected<LabResult> run_python_source(const std::string& source, const std::string& file_name,
                                      const LabOptions& options);

// run_python_source on a dedicated thread that lives until the run ends (see start_demo).
std::future<Expected<LabResult>> start_python_source(std::string source, std::string file_name, LabOptions options);

}  // namespace proclab::real
