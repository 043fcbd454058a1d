// The tracer, run by the lab init. Sections: 1. the traced child  2. bookkeeping  3. the loop
#include <linux/filter.h>
#include <sys/ptrace.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <map>
#include <set>
#include <string>

#include "demo_api.h"
#include "sandbox.h"
#include "workload.h"

namespace proclab::real::detail {

namespace {

// ---- 1. the traced child ----------------------------------------------------------------

// Only write() (to record output) and clone(CLONE_UNTRACED) (see on_syscall) stop at the tracer;
// clone3 fails with ENOSYS, as in most container runtimes, so that libc falls back to clone,
// whose flags a filter can read. Every other call runs untraced.
bool install_syscall_filter() {
  sock_filter filter[] = {
      /* 0 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
      /* 1 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_write, 5, 0),   // -> 7
      /* 2 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone3, 5, 0),  // -> 8
      /* 3 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 1, 0),   // -> 5
      /* 4 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
      // clone's flags: the low 32 bits of its first argument (little-endian).
      /* 5 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, args[0])),
      /* 6 */ BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_UNTRACED, 0, 2),  // -> 7, else 9
      /* 7 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE),
      /* 8 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
      /* 9 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  sock_fprog prog{static_cast<unsigned short>(sizeof filter / sizeof filter[0]), filter};
  return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 && prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) == 0;
}

[[noreturn]] void exec_target(const LabPlan& plan) {
  if (!become_workload(plan)) _exit(126);
  if (ptrace(PTRACE_TRACEME, 0, nullptr, nullptr) != 0) _exit(126);
  if (!install_syscall_filter()) _exit(126);
  raise(SIGSTOP);  // wait until the tracer has set its options
  exec_clean(plan, plan.options.argv);
  _exit(127);
}

// ---- 2. bookkeeping ---------------------------------------------------------------------

struct Tracee {
  pid_t tgid = 0;
  bool awaiting_initial_stop = false;
  bool counted = true;  // false for children killed at the cap
};

class Tracer {
 public:
  Tracer(const LabPlan& plan, pid_t root) : plan_(plan), root_(root) {
    tracees_[root] = {root, false, true};
    live_ = 1;
  }

  int run();

 private:
  void send(RecordKind kind, pid_t pid, int a = 0, int b = 0) {
    Record r;
    r.time_us = lab_time_us(*plan_.shared);
    r.kind = kind;
    r.pid = pid;
    r.a = a;
    r.b = b;
    write_record(plan_.shared->record_fd, r);
  }

  void on_new_task(pid_t parent_tid, int event, pid_t tid);
  void on_syscall(pid_t tid);
  void on_output(pid_t tid, const __ptrace_syscall_info& info);
  void flush_output(pid_t tgid, bool all);
  void resume(pid_t tid, int sig) { ptrace(PTRACE_CONT, tid, nullptr, reinterpret_cast<void*>(static_cast<long>(sig))); }

  const LabPlan& plan_;
  pid_t root_;
  std::map<pid_t, Tracee> tracees_;   // by thread id
  std::set<pid_t> early_stops_;       // new tasks whose first stop came before their parent's event
  std::map<pid_t, std::string> out_;  // unfinished output line by process
  static constexpr int kMaxLines = 10000;  // a report is for reading: later output is dropped
  static constexpr size_t kMaxLineLength = 4096;
  int lines_ = 0;
  int live_ = 0;
  bool exec_seen_ = false;
  int root_code_ = 0;
};

void Tracer::on_new_task(pid_t parent_tid, int event, pid_t tid) {
  const pid_t parent = tracees_[parent_tid].tgid;
  // A thread shares its creator's thread group: tgkill with signal 0 succeeds only then.
  const bool thread = event == PTRACE_EVENT_CLONE && syscall(SYS_tgkill, parent, tid, 0) == 0;
  const bool stopped_already = early_stops_.erase(tid) > 0;
  if (thread) {
    tracees_[tid] = {parent, !stopped_already, true};
    send(RecordKind::Thread, parent, tid);
  } else if (live_ >= plan_.options.cap) {
    // Past the cap: the child dies before it runs; the program sees it killed.
    kill(tid, SIGKILL);
    tracees_[tid] = {tid, false, false};
    send(RecordKind::ForkFailed, parent, EAGAIN);
    if (stopped_already) resume(tid, 0);
    return;
  } else {
    ++live_;
    tracees_[tid] = {tid, !stopped_already, true};
    send(RecordKind::Fork, tid, parent);
  }
  if (stopped_already) resume(tid, 0);
}

// A seccomp stop: a write (output), or a clone asking not to be traced. That flag is cleared
// before the kernel runs the call, so the child is followed, capped and counted like any other.
void Tracer::on_syscall(pid_t tid) {
  __ptrace_syscall_info info{};
  if (ptrace(PTRACE_GET_SYSCALL_INFO, tid, sizeof info, &info) <= 0 || info.op != PTRACE_SYSCALL_INFO_SECCOMP) return;
  if (info.seccomp.nr == __NR_write) return on_output(tid, info);
#if defined(__x86_64__)
  if (info.seccomp.nr == __NR_clone) {
    user_regs_struct regs{};
    if (ptrace(PTRACE_GETREGS, tid, nullptr, &regs) != 0) return;
    regs.rdi &= ~static_cast<unsigned long long>(CLONE_UNTRACED);
    ptrace(PTRACE_SETREGS, tid, nullptr, &regs);
  }
#endif
}

void Tracer::on_output(pid_t tid, const __ptrace_syscall_info& info) {
  const auto fd = info.seccomp.args[0];
  if (fd != 1 && fd != 2) return;
  std::string buf(std::min<size_t>(info.seccomp.args[2], 65536), '\0');
  iovec local{buf.data(), buf.size()};
  iovec remote{reinterpret_cast<void*>(info.seccomp.args[1]), buf.size()};
  const ssize_t n = process_vm_readv(tid, &local, 1, &remote, 1, 0);
  if (n <= 0) return;
  buf.resize(static_cast<size_t>(n));
  const pid_t tgid = tracees_[tid].tgid;
  out_[tgid] += buf;
  flush_output(tgid, false);
}

void Tracer::flush_output(pid_t tgid, bool all) {
  std::string& pending = out_[tgid];
  const auto emit = [&](std::string_view line) {
    if (lines_ > kMaxLines) return;
    Record r;
    r.time_us = lab_time_us(*plan_.shared);
    r.kind = RecordKind::Output;
    r.pid = tgid;
    write_text_records(plan_.shared->record_fd, r,
                       ++lines_ > kMaxLines ? fmt::format("[proclab: output cut after {} lines]", kMaxLines) : line);
  };
  size_t start = 0;
  for (size_t nl; (nl = pending.find('\n', start)) != std::string::npos; start = nl + 1)
    emit(std::string_view(pending).substr(start, nl - start));
  pending.erase(0, start);
  // A line without an end (cat /dev/zero) is cut into pieces instead of growing without bound.
  if ((all && !pending.empty()) || pending.size() > kMaxLineLength) {
    emit(pending);
    pending.clear();
  }
}

// ---- 3. the loop ------------------------------------------------------------------------

int Tracer::run() {
  for (;;) {
    int status = 0;
    const pid_t tid = waitpid(-1, &status, __WALL);
    if (tid < 0) {
      if (errno == EINTR) continue;
      break;  // ECHILD: no tracee and no adopted child left
    }
    if (WIFEXITED(status) || WIFSIGNALED(status)) {
      const auto it = tracees_.find(tid);
      if (it != tracees_.end() && it->second.tgid == tid && tid == root_) root_code_ = decode_wait_status(status);
      if (it != tracees_.end()) tracees_.erase(it);
      continue;
    }
    if (!WIFSTOPPED(status)) continue;
    const int sig = WSTOPSIG(status);
    const int event = status >> 16;
    if (!tracees_.contains(tid)) {
      // Its first stop arrived before its creator's fork/clone event: remember and keep it stopped.
      early_stops_.insert(tid);
      continue;
    }
    Tracee& t = tracees_[tid];
    if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK || event == PTRACE_EVENT_CLONE) {
      unsigned long child = 0;
      ptrace(PTRACE_GETEVENTMSG, tid, nullptr, &child);
      on_new_task(tid, event, static_cast<pid_t>(child));
      resume(tid, 0);
    } else if (event == PTRACE_EVENT_EXEC) {
      if (tid == root_) exec_seen_ = true;
      send(RecordKind::Exec, t.tgid);
      resume(tid, 0);
    } else if (event == PTRACE_EVENT_EXIT) {
      if (t.tgid == tid && t.counted) {
        unsigned long exit_status = 0;
        ptrace(PTRACE_GETEVENTMSG, tid, nullptr, &exit_status);
        flush_output(tid, true);
        send(RecordKind::Exit, tid, decode_wait_status(static_cast<int>(exit_status)));
        --live_;
      }
      resume(tid, 0);
    } else if (event == PTRACE_EVENT_SECCOMP) {
      on_syscall(tid);
      resume(tid, 0);
    } else if (sig == SIGSTOP && t.awaiting_initial_stop) {
      t.awaiting_initial_stop = false;  // the stop every auto-attached child starts with
      resume(tid, 0);
    } else if (sig == SIGSTOP && tid == root_ && !exec_seen_) {
      ptrace(PTRACE_SETOPTIONS, tid, nullptr,
             reinterpret_cast<void*>(PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
                                     PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL |
                                     PTRACE_O_TRACESECCOMP));
      resume(tid, 0);
    } else {
      siginfo_t si{};
      const bool group_stop = ptrace(PTRACE_GETSIGINFO, tid, nullptr, &si) != 0 && errno == EINVAL;
      if (!group_stop) resume(tid, sig == SIGTRAP ? 0 : sig);
    }
  }
  return exec_seen_ ? root_code_ : 127;
}

}  // namespace

int trace_command(const LabPlan& plan) {
  const pid_t child = fork();
  if (child < 0) return 126;
  if (child == 0) exec_target(plan);
  Record r;
  r.time_us = lab_time_us(*plan.shared);
  r.kind = RecordKind::Fork;
  r.pid = child;
  r.a = 1;
  write_record(plan.shared->record_fd, r);
  return Tracer(plan, child).run();
}

}  // namespace proclab::real::detail
