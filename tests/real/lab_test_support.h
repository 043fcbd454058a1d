// Helpers for the real-backend tests: running proclab-cli with an inherited pipe, finding
// processes, and the lab options the tests use.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "proclab/real/lab.h"

namespace proclab::real::testing {

// Default options for tests: short timeout, everything on.
LabOptions test_options(int cap = 64);

// Host pids of every descendant of pid (children of all its threads, recursively).
std::vector<pid_t> descendants(pid_t pid);

// A proclab-cli run whose fd 3 is the write end of a pipe nobody else holds: once every process
// that inherited it (the CLI, its jailer and the whole lab) is gone, the read end reports EOF.
struct WatchedCli {
  pid_t pid = -1;
  int watch_fd = -1;  // read end
};
WatchedCli start_watched_cli(const std::vector<std::string>& args);
// True when the watch pipe reached EOF within timeout_ms (every holder is dead).
bool watch_reaches_eof(const WatchedCli& cli, int timeout_ms);
// Reaps the CLI process (after it exited or was killed) and everything it orphaned (the test
// process is a child subreaper), and closes the watch fd.
void finish_watched_cli(WatchedCli& cli);

// A python3 the lab's dedicated uid can execute, or nullopt.
std::optional<std::string> system_python3();

// Whether pid is still a live (non-zombie) process.
bool alive(pid_t pid);

}  // namespace proclab::real::testing
