// The lab init (pid 1 of the lab's PID namespace) and the preparation of workload processes.
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include "demo_api.h"
#include "demo_bodies.h"
#include "sandbox.h"
#include "workload.h"

namespace proclab::real::detail {

bool become_workload(const LabPlan& plan) {
  // Output goes through records; the workload never writes to the app's terminal.
  const int null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null_fd >= 0) {
    dup2(null_fd, 0);
    dup2(null_fd, 1);
    dup2(null_fd, 2);
    close(null_fd);
  }
  if (plan.rlimit_nproc > 0) {
    const rlimit limit{static_cast<rlim_t>(plan.rlimit_nproc), static_cast<rlim_t>(plan.rlimit_nproc)};
    if (setrlimit(RLIMIT_NPROC, &limit) != 0) return false;
  }
  // The workload keeps the invoking user's uid (so it reads the user's files as the user does)
  // but none of the capabilities the lab init holds in the lab's user namespace.
  return drop_privileges();
}

namespace {

[[noreturn]] void start_demo_root(const LabPlan& plan) {
  if (!become_workload(plan)) _exit(126);
  set_demo_shared(plan.shared);
  report_host(*plan.shared);
  run_demo_body(*plan.demo);
}

int run_demo_from_init(const LabPlan& plan) {
  if (plan.shared->budget_cap > 0) plan.shared->budget_live = 1;  // the demo's first process
  const std::int64_t before = lab_time_us(*plan.shared);
  const pid_t root = fork();
  if (root < 0) return 126;
  if (root == 0) start_demo_root(plan);
  report_fork(*plan.shared, 1, root, before);
  int root_code = 0;
  // Init reaps the demo's first process and every orphan it adopts.
  for (;;) {
    int code = 0;
    const pid_t got = reap_and_record(-1, &code, *plan.shared, 1);
    if (got < 0) break;  // ECHILD: nothing left
    if (got == root) {
      root_code = code;
      if (plan.demo->ends_with_root) break;
    }
  }
  return root_code;
}

}  // namespace

void init_main(const LabPlan& plan, int go_fd) {
  // Not the jailer's death-signal handling (sandbox.h's exec_clean resets the rest for a command).
  signal(SIGTERM, SIG_DFL);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  if (plan.options.pdeathsig) prctl(PR_SET_PDEATHSIG, SIGKILL);
  // The parent-still-alive check: the jailer sends "go" only after setting us up; if it died
  // (before or after our prctl), the pipe reads EOF.
  char go = 0;
  if (read(go_fd, &go, 1) != 1) _exit(1);
  close(go_fd);
  close(plan.lifeline_fd);
  close(plan.out_fd);
  if (const std::string error = enter_sandbox(plan); !error.empty()) {
    Record r;
    r.kind = RecordKind::Setup;
    r.a = errno;
    write_text_records(plan.shared->record_fd, r, "sandbox: " + error);
    _exit(126);
  }
  const int code = plan.demo ? run_demo_from_init(plan) : trace_command(plan);
  _exit(code < 0 ? 128 - code : code);
}

}  // namespace proclab::real::detail
