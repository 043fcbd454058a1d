// The lab as a sandbox (docs/real-backend.md, "What the lab isolates"). The lab init calls
// enter_sandbox once, before it starts the workload; each workload process calls
// drop_privileges, and a traced command is started with exec_clean. Modelled on bubblewrap
// (a tmpfs root with read-only binds of the host's directories, pivot_root, a fresh /proc,
// loopback only) without its option language: the lab always builds the same box.
#pragma once

#include <string>
#include <vector>

#include "jailer.h"

namespace proclab::real::detail {

// Where the lab's private writable work directory is (also the program's HOME).
inline constexpr const char* kLabHome = "/lab";

// In the lab init, which is already in new user, PID, mount, network, IPC and UTS namespaces:
// enters a new cgroup namespace, names the host "proclab-lab", brings up loopback, and replaces
// the file system by the lab's (read-only host directories, the user's working directory and
// the directories of the command's files, a fresh /proc, a minimal /dev, private /tmp, /dev/shm
// and /lab). Returns "" on success, else the step that failed with its error.
std::string enter_sandbox(const LabPlan& plan);

// Drops every capability for good (bounding set, ambient set, securebits locked so that uid 0
// gains nothing at exec) and sets no_new_privs. False on failure (errno set).
bool drop_privileges();

// Limits of a traced command (RLIMIT_AS from plan.options.memory_mib, CPU time, file size, open
// files, no core files), then a clean environment (PATH, HOME, LANG, TERM), every fd above 2
// closed, and execvp of argv. Returns only when the exec failed (errno set).
void exec_clean(const LabPlan& plan, const std::vector<std::string>& argv);

// The command's path as the lab will run it: argv0 itself when it holds a '/', else the first
// executable match on the lab's PATH. Empty when there is none ("command not found").
std::string resolve_command(const std::string& argv0);

}  // namespace proclab::real::detail
