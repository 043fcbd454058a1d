// The calls a built-in demo makes inside the lab: fork, wait, print and exit, each reported to the
// jailer as a record with a CLOCK_MONOTONIC timestamp. Only for processes running inside a lab.
#pragma once

#include <string_view>
#include <sys/types.h>

#include "channel.h"

namespace proclab::real::detail {

// Set once in the lab's first workload process; inherited by every fork.
void set_demo_shared(LabShared* shared);
LabShared& demo_shared();

// fork() that first takes one unit of the shared budget (when that layer is on). Returns what
// fork returns; on failure errno is EAGAIN (budget or kernel cap) and a fork_failed is recorded.
pid_t lab_fork();
// Records that parent forked child: timed before the fork (before_us), with c saying when the
// child surely existed, which is what peak_processes counts from (so the trace never shows more
// processes at once than really existed). Written by the parent, so a child killed before it
// ever ran is still in the trace.
void report_fork(LabShared& shared, pid_t parent, pid_t child, std::int64_t before_us);
// Records the calling process's host pid: only it can read it (/proc/self is the host's view).
void report_host(LabShared& shared);
// Records the exit and _exits with code.
[[noreturn]] void lab_exit(int code);
// Records one output line.
void lab_print(std::string_view line);
// waitpid(pid, ..., 0) (pid -1: any child) that records the reap and gives the budget unit back. Returns the reaped pid (-1 on error) and stores
// the exit code (or -signal) in *code.
pid_t lab_wait(pid_t pid, int* code);
// The same for any process of the lab (init reaps with reaper 1). Returns -1 when there is no
// child (errno ECHILD).
pid_t reap_and_record(pid_t pid, int* code, LabShared& shared, pid_t reaper);
// Sleeps ms milliseconds (restarting after signals).
void lab_sleep_ms(int ms);
// Never returns: what a process does while it waits to be killed by the lab's cleanup.
[[noreturn]] void lab_hold();

// Decodes a wait status: the exit code, or -signal when a signal killed the process.
int decode_wait_status(int status);

}  // namespace proclab::real::detail
