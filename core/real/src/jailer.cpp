// The jailer. Sections: 1. setup (namespaces, uid maps, cgroup)  2. sampling /proc
// 3. the relay loop  4. cleanup
#include "jailer.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <map>
#include <set>

#include "proc_stat.h"
#include "workload.h"

namespace proclab::real::detail {

namespace {

void send_setup_error(const LabPlan& plan, std::string_view step, int err) {
  Record r;
  r.kind = RecordKind::Setup;
  r.a = err;
  write_text_records(plan.out_fd, r, fmt::format("{}: {}", step, std::strerror(err)));
}

bool write_proc_file(pid_t pid, const char* name, const std::string& text) {
  const int fd = open(fmt::format("/proc/{}/{}", pid, name).c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  close(fd);
  return ok;
}

// ---- 1. setup ---------------------------------------------------------------------------

// Creates the lab init; returns its host pid, or -1 after reporting why.
pid_t spawn_init(const LabPlan& plan) {
  int go[2];
  if (pipe2(go, O_CLOEXEC) != 0) {
    send_setup_error(plan, "pipe", errno);
    return -1;
  }
  // Every namespace at once; the cgroup namespace follows once init is in the lab cgroup.
  const unsigned long flags =
      CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | SIGCHLD;
  // A raw clone behaves like fork (no new stack): this process is single-threaded.
  const long pid = syscall(SYS_clone, flags, nullptr, nullptr, nullptr, nullptr);
  if (pid < 0) {
    send_setup_error(plan, "clone(CLONE_NEWUSER|CLONE_NEWPID|CLONE_NEWNS|CLONE_NEWNET|CLONE_NEWIPC|CLONE_NEWUTS)", errno);
    return -1;
  }
  if (pid == 0) {
    close(go[1]);
    init_main(plan, go[0]);
  }
  close(go[0]);
  const auto fail = [&](std::string_view step) {
    send_setup_error(plan, step, errno);
    kill(static_cast<pid_t>(pid), SIGKILL);
    waitpid(static_cast<pid_t>(pid), nullptr, 0);
    close(go[1]);
    return -1;
  };
  // The invoking user is itself inside (as bubblewrap maps it): its files stay its own.
  if (!write_proc_file(static_cast<pid_t>(pid), "setgroups", "deny") ||
      !write_proc_file(static_cast<pid_t>(pid), "uid_map", fmt::format("{0} {0} 1", plan.outer_uid)) ||
      !write_proc_file(static_cast<pid_t>(pid), "gid_map", fmt::format("{0} {0} 1", plan.outer_gid)))
    return fail("writing the user namespace's uid_map");
  if (plan.cgroup && !join_cgroup(*plan.cgroup, static_cast<pid_t>(pid))) return fail("joining the lab cgroup");
  Record r;
  r.kind = RecordKind::Init;
  r.pid = 1;
  r.host = static_cast<std::int32_t>(pid);
  write_record(plan.out_fd, r);
  if (write(go[1], "g", 1) != 1) return fail("starting the lab init");
  close(go[1]);
  return static_cast<pid_t>(pid);
}

// ---- 2. sampling /proc ------------------------------------------------------------------

struct Seen {
  pid_t ns_pid = 0;
  char state = 0;
  pid_t ppid_host = -1;
  int cpu = -1;
  long cpu_ticks = 0;
  std::int64_t last_sent_us = 0;
  unsigned long long start_time = 0;
  bool gone = false;
};

class Sampler {
 public:
  Sampler(const LabPlan& plan, pid_t init_host) : plan_(plan), init_host_(init_host) {
    seen_[init_host].ns_pid = 1;
  }

  void learn(pid_t ns_pid, pid_t host) {
    if (host > 0 && !seen_.contains(host)) seen_[host].ns_pid = ns_pid;
  }

  // Host pid of a lab pid, walking the tree once if it is not known yet. 0 when not found.
  pid_t host_of(pid_t ns_pid) {
    for (int attempt = 0; attempt < 2; ++attempt) {
      for (const auto& [host, s] : seen_)
        if (s.ns_pid == ns_pid && !s.gone) return host;
      discover();
    }
    return 0;
  }

  // One round: find the lab's processes, read each stat, send what changed.
  void sample(bool report_disappearance) {
    discover();
    const std::int64_t now = lab_time_us(*plan_.shared);
    for (auto& [host, s] : seen_) {
      if (s.gone) continue;
      const auto st = read_proc_stat(host);
      if (!st || (s.start_time != 0 && st->start_time != s.start_time)) {
        s.gone = true;
        if (report_disappearance && s.ns_pid != 1) send_reap(s, now);
        continue;
      }
      s.start_time = st->start_time;
      const bool changed = st->state != s.state || st->ppid != s.ppid_host || st->processor != s.cpu;
      if (!changed && now - s.last_sent_us < 50'000) continue;
      s.state = st->state;
      s.ppid_host = st->ppid;
      s.cpu = st->processor;
      s.cpu_ticks = st->utime_stime;
      s.last_sent_us = now;
      Record r;
      r.time_us = now;
      r.kind = RecordKind::Sample;
      r.pid = s.ns_pid;
      r.host = host;
      r.a = ns_of(st->ppid);
      r.b = st->processor;
      r.c = static_cast<std::int32_t>(st->utime_stime * 1000 / sysconf(_SC_CLK_TCK));
      r.text[0] = st->state;
      r.text[1] = static_cast<char>(st->nice + 20);
      write_record(plan_.out_fd, r);
    }
  }

  // Lab processes still alive (not zombies) among those ever seen.
  int alive() const {
    int n = 0;
    for (const auto& [host, s] : seen_) {
      if (s.gone) continue;
      const auto st = read_proc_stat(host);
      if (st && st->start_time == s.start_time && st->state != 'Z' && st->state != 'X') ++n;
    }
    return n;
  }

 private:
  void discover() {
    std::vector<pid_t> queue{init_host_};
    std::set<pid_t> visited;
    while (!queue.empty()) {
      const pid_t p = queue.back();
      queue.pop_back();
      if (!visited.insert(p).second) continue;
      if (!seen_.contains(p)) {
        const auto inner = read_innermost_pid(p);
        if (!inner) continue;
        seen_[p].ns_pid = *inner;
      }
      for (pid_t c : read_children(p)) queue.push_back(c);
    }
  }

  pid_t ns_of(pid_t host) const {
    const auto it = seen_.find(host);
    return it == seen_.end() ? 0 : it->second.ns_pid;
  }

  void send_reap(const Seen& s, std::int64_t now) {
    Record r;
    r.time_us = now;
    r.kind = RecordKind::Reap;
    r.pid = s.ns_pid;
    r.a = ns_of(s.ppid_host);
    r.b = INT32_MIN;  // code unknown here
    write_record(plan_.out_fd, r);
  }

  const LabPlan& plan_;
  pid_t init_host_;
  std::map<pid_t, Seen> seen_;
};

// ---- 3. the relay loop ------------------------------------------------------------------

// Forwards records from the lab to the app; true when the lab's write ends are all closed.
bool relay(const LabPlan& plan, int lab_fd, Sampler& sampler) {
  Record batch[64];
  for (;;) {
    const ssize_t n = read(lab_fd, batch, sizeof batch);
    if (n == 0) return true;
    if (n < 0) return false;  // EAGAIN: nothing more for now
    for (ssize_t i = 0; i < n / static_cast<ssize_t>(sizeof(Record)); ++i) {
      Record& r = batch[i];
      if (r.kind == RecordKind::Host) sampler.learn(r.pid, r.host);
      if (r.kind == RecordKind::Exec && r.text[0] == '\0') {
        // The tracer cannot read /proc in the lab's terms; the command line is read here.
        const pid_t host = sampler.host_of(r.pid);
        std::string cmd = host ? read_small_file(fmt::format("/proc/{}/cmdline", host)) : "";
        for (char& c : cmd)
          if (c == '\0') c = ' ';
        while (!cmd.empty() && cmd.back() == ' ') cmd.pop_back();
        r.host = host;
        write_text_records(plan.out_fd, r, cmd.empty() ? "?" : cmd);
        continue;
      }
      write_record(plan.out_fd, r);
    }
  }
}

// ---- 4. cleanup -------------------------------------------------------------------------

[[noreturn]] void finish(const LabPlan& plan, pid_t init, int lab_fd, Sampler& sampler, bool timed_out) {
  if (init > 0) {
    kill(init, SIGKILL);  // the kernel then kills every process of the namespace
    waitpid(init, nullptr, 0);
  }
  int left = 0;
  bool removed = true;
  if (plan.cgroup) {
    left = sweep_and_remove_cgroup(plan.cgroup->path);
    removed = access(plan.cgroup->path.c_str(), F_OK) != 0;
  }
  if (lab_fd >= 0) {
    fcntl(lab_fd, F_SETFL, 0);
    relay(plan, lab_fd, sampler);  // whatever the lab wrote before it died
  }
  Record r;
  r.time_us = lab_time_us(*plan.shared);
  r.kind = RecordKind::Done;
  r.a = std::max(left, sampler.alive());
  r.b = timed_out ? 1 : 0;
  r.c = removed ? 1 : 0;
  write_record(plan.out_fd, r);
  _exit(0);
}

// Set by SIGTERM, the jailer's parent-death signal: the app is gone, clean up for it.
volatile sig_atomic_t g_app_died = 0;
void on_app_death(int) { g_app_died = 1; }

[[noreturn]] void clean_up_for_a_dead_app(const LabPlan& plan, pid_t init) {
  if (init > 0) {
    kill(init, SIGKILL);
    waitpid(init, nullptr, 0);
  }
  if (plan.cgroup) sweep_and_remove_cgroup(plan.cgroup->path);
  _exit(0);
}

}  // namespace

void jailer_main(const LabPlan& plan) {
  // The jailer outlives the app by design, just long enough to remove the lab: its parent-death
  // signal is one it catches (SIGTERM, handled only while it waits in ppoll), not SIGKILL.
  sigset_t term;
  sigemptyset(&term);
  sigaddset(&term, SIGTERM);
  sigprocmask(SIG_BLOCK, &term, nullptr);
  struct sigaction sa{};
  sa.sa_handler = on_app_death;
  sigaction(SIGTERM, &sa, nullptr);
  if (plan.options.pdeathsig) {
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != plan.app_pid) clean_up_for_a_dead_app(plan, -1);  // it died before we could follow it
  }
  signal(SIGPIPE, SIG_IGN);
  int lab[2];
  if (pipe2(lab, O_CLOEXEC) != 0) {
    send_setup_error(plan, "pipe", errno);
    _exit(1);
  }
  fcntl(lab[1], F_SETPIPE_SZ, 1 << 20);  // 8,192 records between two drains (best effort)
  plan.shared->record_fd = lab[1];
  plan.shared->t0_ns = monotonic_ns();
  const pid_t init = spawn_init(plan);
  close(lab[1]);
  if (init < 0) _exit(1);
  fcntl(lab[0], F_SETFL, O_NONBLOCK);
  Sampler sampler(plan, init);
  const bool trace_mode = plan.demo == nullptr;
  const std::int64_t deadline_us = static_cast<std::int64_t>(plan.options.timeout_s * 1e6);
  const int period_us = plan.options.sample_period_us;
  std::int64_t next_sample_us = 0;
  for (;;) {
    // Wake once per period (or when the app goes away), not once per record: records wait in
    // the enlarged pipe, and the lab does not pay a jailer wake-up for every fork it makes.
    pollfd fds[2] = {{-1, 0, 0}, {plan.options.lifeline ? plan.lifeline_fd : -1, POLLIN, 0}};
    const std::int64_t until_sample = std::max<std::int64_t>(0, next_sample_us - lab_time_us(*plan.shared));
    const timespec wait{0, static_cast<long>(until_sample) * 1000L};
    sigset_t unblocked;
    sigprocmask(SIG_SETMASK, nullptr, &unblocked);
    sigdelset(&unblocked, SIGTERM);
    const int ready = ppoll(fds, 2, &wait, &unblocked);
    // The app is gone (its death signal, or its lifeline closed): nobody reads our report.
    if (g_app_died || (ready > 0 && (fds[1].revents & (POLLHUP | POLLIN | POLLERR))))
      clean_up_for_a_dead_app(plan, init);
    const bool lab_closed = relay(plan, lab[0], sampler);
    if (lab_time_us(*plan.shared) >= next_sample_us) {
      sampler.sample(trace_mode);
      next_sample_us = lab_time_us(*plan.shared) + period_us;
    }
    int status = 0;
    if (waitpid(init, &status, WNOHANG) == init) {
      sampler.sample(trace_mode);
      finish(plan, -1, lab_closed ? -1 : lab[0], sampler, false);
    }
    if (lab_time_us(*plan.shared) > deadline_us) finish(plan, init, lab[0], sampler, true);
  }
}

}  // namespace proclab::real::detail
