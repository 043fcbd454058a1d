// The jailer and the lab init: the two processes between the app and the workload.
// The app forks the jailer (from a thread that outlives the run); the jailer creates the lab init
// in new namespaces, relays the lab's records to the app, samples /proc, enforces the timeout and
// cleans up. Nothing here returns: each function ends its process.
#pragma once

#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

#include "cgroup.h"
#include "channel.h"
#include "proclab/real/demos.h"
#include "proclab/real/lab.h"

namespace proclab::real::detail {

// Everything the jailer needs, decided by the app before it forks.
struct LabPlan {
  LabOptions options;
  const DemoInfo* demo = nullptr;  // nullptr: trace options.argv
  std::optional<LabCgroup> cgroup;
  bool user_namespace = false;  // not root: a user namespace comes first
  uid_t outer_uid = 0;          // the uid/gid mapped to 0 inside the user namespace
  gid_t outer_gid = 0;
  bool drop_to_lab_uid = false;  // root: the workload runs as a dedicated uid (RLIMIT_NPROC)
  int rlimit_nproc = 0;          // 0: layer off
  pid_t app_pid = 0;
  int lifeline_fd = -1;  // read end; EOF means the app is gone
  int out_fd = -1;       // write end of the records pipe to the app
  LabShared* shared = nullptr;
};

// The uid a root-run lab's workload uses: unique per lab so the RLIMIT_NPROC count is the lab's.
uid_t lab_uid_for(pid_t jailer_pid);

[[noreturn]] void jailer_main(const LabPlan& plan);

}  // namespace proclab::real::detail
