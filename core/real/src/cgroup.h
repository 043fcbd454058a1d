// The lab's pids cgroup: created with pids.max before the lab init forks, swept and removed at
// the end. Works with cgroup v2 (a subtree where the pids controller can be enabled) or the v1
// pids controller. Only the app and the jailer call these.
#pragma once

#include <string>
#include <sys/types.h>

#include "proclab/error.h"

namespace proclab::real::detail {

struct LabCgroup {
  std::string path;  // e.g. /sys/fs/cgroup/pids/proclab-lab-1234-0
  bool v2 = false;
  std::string notes;  // what was set up, for the report
};

// Creates a lab cgroup with pids.max = pids_max. Error: why no pids cgroup is available here
// (no pids controller, no write access, ...), worded for the report.
Expected<LabCgroup> create_lab_cgroup(int pids_max);
// Moves host_pid into the cgroup. False on failure (errno set).
bool join_cgroup(const LabCgroup& cg, pid_t host_pid);
// Processes currently charged to the cgroup (pids.current; zombies count). -1 when unreadable.
int cgroup_pids_current(const std::string& path);
// Stop-and-kill sweep of everything in the cgroup, waits (up to ~2 s) until pids.current is 0 and
// removes the directory. Returns the processes still charged when it gave up (0 on success).
int sweep_and_remove_cgroup(const std::string& path);
// Stale lab cgroups (their proclab process is gone): swept and removed. Returns how many.
int remove_stale_cgroups();

}  // namespace proclab::real::detail
