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
  uid_t outer_uid = 0;  // the invoking user: mapped to itself in the lab's user namespace
  gid_t outer_gid = 0;
  int rlimit_nproc = 0;  // 0: layer off
  std::string cwd;                      // the user's working directory (the program starts there)
  std::vector<std::string> user_paths;  // directories the lab binds in if they are hidden (sandbox.h)
  pid_t app_pid = 0;
  int lifeline_fd = -1;  // read end; EOF means the app is gone
  int out_fd = -1;       // write end of the records pipe to the app
  LabShared* shared = nullptr;
};

[[noreturn]] void jailer_main(const LabPlan& plan);

}  // namespace proclab::real::detail
