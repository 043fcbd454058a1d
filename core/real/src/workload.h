// Inside the lab: what the lab init does, and how a workload process is prepared.
#pragma once

#include "jailer.h"

namespace proclab::real::detail {

// Runs as pid 1 of the lab's namespace. go_fd delivers one byte once the jailer has finished the
// setup; EOF instead means the jailer died, and init exits.
// It enters the sandbox (sandbox.h) first; a failure is reported as a Setup record.
[[noreturn]] void init_main(const LabPlan& plan, int go_fd);

// Lowers RLIMIT_NPROC as the plan says and drops every capability (sandbox.h). Returns false
// (errno set) on failure; the caller must then exit.
bool become_workload(const LabPlan& plan);

// Traces plan.options.argv from init: forks it under PTRACE_TRACEME, follows every fork, clone
// and exec, records output written to fds 1 and 2, and returns the command's exit code (127 when
// it could not be executed) once no tracee is left.
int trace_command(const LabPlan& plan);

}  // namespace proclab::real::detail
