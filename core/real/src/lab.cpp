// The app side of a lab run. Sections: 1. names  2. choosing the layers  3. running
#include <fcntl.h>
#include <fmt/format.h>
#include <climits>
#include <cstdlib>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <new>

#include "cgroup.h"
#include "collector.h"
#include "jailer.h"
#include "sandbox.h"
#include "proclab/real/demos.h"
#include "proclab/real/lab.h"

namespace proclab::real {

// ---- 1. names ---------------------------------------------------------------------------

std::string_view to_string(Layer layer) {
  constexpr std::array<std::string_view, kLayerCount> kNames{"pid_namespace", "user_namespace", "cgroup", "rlimit",
                                                             "budget"};
  return kNames[static_cast<size_t>(layer)];
}

int remove_stale_lab_cgroups() { return detail::remove_stale_cgroups(); }

std::optional<std::string> missing_command(const LabOptions& options) {
  if (options.argv.empty() || !detail::resolve_command(options.argv[0]).empty()) return std::nullopt;
  return fmt::format("{}: command not found", options.argv[0]);
}

namespace {

using detail::LabPlan;

// ---- 2. choosing the layers -------------------------------------------------------------

// RLIMIT_NPROC is counted per user namespace only since Linux 5.14.
bool kernel_counts_nproc_per_userns() {
  utsname u{};
  if (uname(&u) != 0) return false;
  int major = 0, minor = 0;
  if (std::sscanf(u.release, "%d.%d", &major, &minor) != 2) return false;
  return major > 5 || (major == 5 && minor >= 14);
}

// The user's working directory and the directories of the command's files (a script, the
// program itself), as real paths: the sandbox makes each visible at its own path (sandbox.h).
void add_user_paths(LabPlan& lab, const std::vector<std::string>& argv) {
  char buf[PATH_MAX];
  if (getcwd(buf, sizeof buf)) lab.cwd = buf;
  std::vector<std::string> candidates{lab.cwd};
  for (size_t i = 0; i < argv.size(); ++i)
    candidates.push_back(i == 0 ? detail::resolve_command(argv[0]) : argv[i]);
  for (const std::string& c : candidates) {
    struct stat st{};
    if (c.empty() || !realpath(c.c_str(), buf) || stat(buf, &st) != 0) continue;
    std::string real = buf;
    // A file's directory, except a file right in /tmp or /run: then the file alone.
    const size_t slash = real.rfind('/');
    if (!S_ISDIR(st.st_mode) && slash != 0 && real.find('/', 1) != slash) real = real.substr(0, slash);
    lab.user_paths.push_back(real);
  }
}

struct Plan {
  LabPlan lab;
  LabReport report;
};

Expected<Plan> make_plan(const LabOptions& o, const DemoInfo* demo) {
  if (o.cap < 1 || o.cap > 4096) return Error{fmt::format("--cap {}: expected a number from 1 to 4096", o.cap)};
  if (!(o.timeout_s > 0 && o.timeout_s <= 3600))
    return Error{fmt::format("--timeout {}: expected seconds above 0 and at most 3600", o.timeout_s)};
  if (o.sample_period_us < 100 || o.sample_period_us > 1'000'000)
    return Error{"sample period: expected 100 us to 1 s"};
  if (!demo && o.argv.empty()) return Error{"trace: expected a command after --"};
  if (!demo)
    if (auto missing = missing_command(o)) return Error{*missing};
  Plan p;
  LabPlan& lab = p.lab;
  LabReport& rep = p.report;
  lab.options = o;
  lab.demo = demo;
  lab.app_pid = getpid();
  rep.cap = o.cap;
  add_user_paths(lab, demo ? std::vector<std::string>{} : o.argv);
  const bool root = geteuid() == 0;
  // Kernel caps also count the lab init (cgroup; rlimit when it shares the uid) and, in a traced
  // run, the one child past the cap that exists until the tracer kills it.
  const int transient = demo ? 0 : 1;
  auto& layers = rep.layers;
  auto& pidns = layers[static_cast<int>(Layer::PidNamespace)];
  pidns = {true, "the lab init is pid 1 of a new PID namespace: it adopts and reaps orphans; when it dies the "
                 "kernel kills every lab process"};
  auto& userns = layers[static_cast<int>(Layer::UserNamespace)];
  lab.outer_uid = geteuid();
  lab.outer_gid = getegid();
  userns = {true, fmt::format("uid {} inside is uid {} outside (you), with no capabilities: the program reads "
                              "your files as you do; mount, network, IPC, UTS and cgroup namespaces too",
                              lab.outer_uid, lab.outer_uid)};
  auto& cg = layers[static_cast<int>(Layer::Cgroup)];
  if (!o.use_cgroup) {
    cg = {false, "switched off for this run"};
  } else if (auto created = detail::create_lab_cgroup(o.cap + 1 + transient)) {
    lab.cgroup = created.value();
    rep.cgroup_path = created->path;
    cg = {true, created->notes};
  } else {
    cg = {false, created.error().message};
  }
  auto& rl = layers[static_cast<int>(Layer::Rlimit)];
  if (!o.use_rlimit) {
    rl = {false, "switched off for this run"};
  } else if (root) {
    // The kernel never applies RLIMIT_NPROC to uid 0, and the program runs as you.
    rl = {false, "root (uid 0) is exempt from RLIMIT_NPROC; the pids cgroup counts instead"};
  } else if (kernel_counts_nproc_per_userns()) {
    lab.rlimit_nproc = o.cap + 1 + transient;  // init has the same uid
    rl = {true, fmt::format("RLIMIT_NPROC={} inside the lab's user namespace (counted per user namespace since "
                            "Linux 5.14; includes the lab init)",
                            lab.rlimit_nproc)};
  } else {
    rl = {false, "this kernel counts RLIMIT_NPROC per user across namespaces (before 5.14): not usable as a cap"};
  }
  auto& budget = layers[static_cast<int>(Layer::Budget)];
  if (!demo)
    budget = {true, "the tracer kills children past the cap and records them as fork failures"};
  else if (o.use_budget)
    budget = {true, fmt::format("the demos take one unit of a shared counter (cap {}) before each fork", o.cap)};
  else
    budget = {false, "switched off for this run"};
  // Never a fork bomb without any cap; the budget alone only when a test explicitly allows it.
  const bool capped = cg.active || rl.active || (budget.active && !o.require_kernel_cap);
  if (demo && demo->needs_kernel_cap && !capped) {
    if (lab.cgroup) detail::sweep_and_remove_cgroup(lab.cgroup->path);
    return Error{fmt::format("{} refuses to start: no kernel-enforced cap is available (cgroup: {}; rlimit: {})",
                             demo->name, cg.notes, rl.notes)};
  }
  return p;
}

// ---- 3. running -------------------------------------------------------------------------

Expected<LabResult> run_lab(const LabOptions& options, const DemoInfo* demo) {
  detail::remove_stale_cgroups();
  auto planned = make_plan(options, demo);
  if (!planned) return planned.error();
  LabPlan& lab = planned->lab;
  void* mem = mmap(nullptr, sizeof(detail::LabShared), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) return Error{fmt::format("mmap: {}", std::strerror(errno))};
  lab.shared = new (mem) detail::LabShared;
  lab.shared->budget_cap = demo && options.use_budget ? options.cap : 0;
  int lifeline[2], out[2];
  if (pipe2(lifeline, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) {
    munmap(mem, sizeof(detail::LabShared));
    return Error{fmt::format("pipe: {}", std::strerror(errno))};
  }
  lab.lifeline_fd = lifeline[0];
  lab.out_fd = out[1];
  const pid_t jailer = fork();
  if (jailer == 0) {
    close(lifeline[1]);
    close(out[0]);
    detail::jailer_main(lab);
  }
  close(lifeline[0]);
  close(out[1]);
  detail::Collector collector(demo ? std::string(demo->name) : fmt::format("{}", fmt::join(options.argv, " ")),
                              demo == nullptr);
  if (jailer > 0) {
    detail::Record r;
    for (;;) {
      const ssize_t n = read(out[0], &r, sizeof r);
      if (n == static_cast<ssize_t>(sizeof r)) collector.add(r);
      else if (n < 0 && errno == EINTR) continue;
      else break;
    }
    while (waitpid(jailer, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
  close(out[0]);
  close(lifeline[1]);
  munmap(mem, sizeof(detail::LabShared));
  // The jailer normally removed the cgroup; if it died, do it here.
  if (lab.cgroup) detail::sweep_and_remove_cgroup(lab.cgroup->path);
  if (jailer < 0) return Error{fmt::format("fork (jailer): {}", std::strerror(errno))};
  if (!collector.setup_error().empty()) return Error{"setting up the lab failed: " + collector.setup_error()};
  if (!collector.done_seen()) return Error{"the lab's jailer died before reporting"};
  LabReport base = planned->report;
  const bool removed = !lab.cgroup || access(lab.cgroup->path.c_str(), F_OK) != 0;
  LabResult result = std::move(collector).finish(base);
  result.report.cgroup_removed = removed;
  return result;
}

}  // namespace

Expected<LabResult> run_demo(const std::string& name, const LabOptions& options) {
  const DemoInfo* demo = find_demo(name);
  if (!demo) return Error{fmt::format("unknown demo '{}' (run 'proclab-cli real --list')", name)};
  return run_lab(options, demo);
}

Expected<LabResult> run_traced(const LabOptions& options) { return run_lab(options, nullptr); }

std::future<Expected<LabResult>> start_demo(std::string name, LabOptions options) {
  return std::async(std::launch::async, [name = std::move(name), options = std::move(options)] {
    return run_demo(name, options);
  });
}

}  // namespace proclab::real
