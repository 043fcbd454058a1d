// The lab: every real process proclab creates runs inside one (docs/real-backend.md).
// Chain: app -> jailer -> lab init (pid 1 of a new PID namespace) -> workload. The result is the
// common Trace (TimeUnit::Microsecond, namespace pids; host pids in ProcessRecord::host_pid) plus a
// LabReport saying which containment layers were active and what was left after cleanup.
#pragma once

#include <future>
#include <optional>
#include <string>
#include <vector>

#include "proclab/error.h"
#include "proclab/trace.h"

namespace proclab::real {

enum class Layer { PidNamespace, UserNamespace, Cgroup, Rlimit, Budget };
inline constexpr int kLayerCount = 5;
// "pid_namespace", "user_namespace", "cgroup", "rlimit", "budget" (the JSON names).
std::string_view to_string(Layer layer);

struct LayerStatus {
  bool active = false;
  std::string notes;  // how it was set up, or why it is unavailable
};

// Which cap layers and cleanup paths a run may use. Everything on by default; tests switch single
// layers off to prove each one alone contains a fork bomb.
struct LabOptions {
  int cap = 64;                  // most workload processes alive at once (1..4096)
  double timeout_s = 10.0;       // wall-clock limit of the whole run
  int sample_period_us = 1000;   // /proc sampling period
  int memory_mib = 1024;         // trace: the command's address space (RLIMIT_AS); 0: unlimited
  bool use_cgroup = true;        // pids cgroup with pids.max
  bool use_rlimit = true;        // RLIMIT_NPROC on a dedicated uid / in a user namespace
  bool use_budget = true;        // shared counter the built-in demos check before each fork
  bool pdeathsig = true;         // jailer and init die with their parent (kernel path)
  bool lifeline = true;          // jailer watches a pipe from the app and cleans up when it breaks
  // A fork bomb refuses to start unless cgroup or rlimit is active; tests of the budget layer
  // alone clear this (it never runs with no cap layer at all). Not reachable from the CLI.
  bool require_kernel_cap = true;
  std::vector<std::string> argv;  // trace: the command and its arguments
};

struct ProcessReport {
  Pid pid = kNoPid;        // in the lab's PID namespace
  Pid host_pid = kNoPid;   // as the machine sees it
  Pid ppid = kNoPid;       // last parent observed
  Pid original_ppid = kNoPid;
  std::optional<int> exit_code;  // code, or -signal; empty when killed at cleanup unobserved
  std::string observed_states;   // letters in the order /proc showed them, e.g. "RSZ"
  bool is_init = false;
  int threads = 1;               // trace: threads seen in this process (Tgid)
  std::string command;           // trace: last exec'd command; demos: the demo's name
  bool wrapper = false;          // trace: a shell or shim that only started the target and waited
  long cpu_time_ms = 0;          // utime+stime at the last sample
  std::vector<int> cpus;         // processors it was seen on
  int nice = 0;
};

struct LabReport {
  std::string what;  // demo name or the traced command
  LayerStatus layers[kLayerCount];
  int cap = 0;
  int peak_processes = 0;  // most workload processes existing at once (zombies included)
  int target_processes = 0;  // processes of the workload, wrappers not counted (see ProcessReport)
  int fork_failures = 0;
  std::vector<ProcessReport> processes;  // init first, then in creation order
  int survivors = 0;                     // lab processes still alive after cleanup
  bool timed_out = false;
  bool cgroup_removed = true;
  std::string cgroup_path;  // empty when no cgroup was used
  int exit_code = 0;        // the workload root's exit code (trace: the command's)

  const LayerStatus& layer(Layer l) const { return layers[static_cast<int>(l)]; }
};

struct LabResult {
  Trace trace{TimeUnit::Microsecond};
  LabReport report;
};

// Runs built-in demo `name` (see demos.h) in a fresh lab and cleans the lab up.
// Errors: unknown demo, bad options, a fork bomb without a kernel-enforced cap, or a lab that
// could not be set up (the message says which step failed). Must be called from a thread that
// lives until it returns (PR_SET_PDEATHSIG follows the forking thread).
Expected<LabResult> run_demo(const std::string& name, const LabOptions& options);

// Runs options.argv under ptrace in a fresh lab (proclab-cli trace). Same errors as run_demo,
// plus an empty argv and a command that is not found (missing_command). A command
// found but not executable in the lab is reported as exit code 127.
Expected<LabResult> run_traced(const LabOptions& options);

// Starts run_demo on a dedicated thread that lives until the run ends, so the calling thread may
// exit at once without taking the lab with it (a GUI starts runs this way).
std::future<Expected<LabResult>> start_demo(std::string name, LabOptions options);

// "CMD: command not found" when options.argv[0] names no executable file (a name is looked up
// on the lab's PATH, /usr/local/sbin:...:/bin); nullopt when it does or argv is empty.
std::optional<std::string> missing_command(const LabOptions& options);

// Removes lab cgroups whose proclab process is gone (a proclab killed with SIGKILL leaves them),
// killing anything still inside. Returns how many were removed. Called by run_demo/run_traced.
int remove_stale_lab_cgroups();

}  // namespace proclab::real
