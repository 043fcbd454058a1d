// The snippet language: the part of Python the notes use, run inside the simulated kernel.
// Contract shared by the interpreter (core/lang), the CLI `run` command and the GUI.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "proclab/error.h"
#include "proclab/program.h"

namespace proclab {

struct LangOptions {
  std::string file_name = "program.py";  // used in error messages: file:line:col
  Tick statement_cost = 1;                // CPU ticks per executed statement
  Tick ticks_per_second = 10;             // time.sleep(s) blocks s * ticks_per_second ticks
};

// Parsed and checked code, immutable and shared by every process that runs it.
struct CompiledProgram;

// Fails with "file:line:col: SyntaxError: message" (then the line and a caret on the next two
// lines), or "file:line:col: not supported in proclab: ...", before anything runs.
Expected<std::shared_ptr<const CompiledProgram>> compile_program(std::string_view source,
                                                                 const LangOptions& options);
// A fresh process running the program from its first line (__name__ == "__main__").
std::unique_ptr<Program> make_interpreter(std::shared_ptr<const CompiledProgram> program);

}  // namespace proclab
