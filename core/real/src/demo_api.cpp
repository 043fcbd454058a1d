#include "demo_api.h"

#include <cerrno>
#include <csignal>
#include <ctime>
#include <sys/wait.h>
#include <unistd.h>

namespace proclab::real::detail {

namespace {
LabShared* g_shared = nullptr;

Record record(RecordKind kind) {
  Record r;
  r.time_us = lab_time_us(*g_shared);
  r.kind = kind;
  r.pid = getpid();
  return r;
}

bool take_budget() {
  LabShared& s = *g_shared;
  if (s.budget_cap <= 0) return true;
  if (s.budget_live.fetch_add(1) < s.budget_cap) return true;
  s.budget_live.fetch_sub(1);
  return false;
}
}  // namespace

void set_demo_shared(LabShared* shared) { g_shared = shared; }
LabShared& demo_shared() { return *g_shared; }

int decode_wait_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return 0;
}

pid_t lab_fork() {
  Record r = record(RecordKind::ForkFailed);
  if (!take_budget()) {
    r.kind = RecordKind::ForkFailed;
    r.a = EAGAIN;
    write_record(g_shared->record_fd, r);
    errno = EAGAIN;
    return -1;
  }
  const pid_t child = fork();
  if (child < 0) {
    const int err = errno;
    if (g_shared->budget_cap > 0) g_shared->budget_live.fetch_sub(1);
    r.a = err;
    write_record(g_shared->record_fd, r);
    errno = err;
    return -1;
  }
  if (child == 0) report_host(*g_shared);
  else report_fork(*g_shared, getpid(), child, r.time_us);
  return child;
}

void report_fork(LabShared& shared, pid_t parent, pid_t child, std::int64_t before_us) {
  Record r;
  r.time_us = before_us;
  r.kind = RecordKind::Fork;
  r.pid = child;
  r.a = parent;
  r.c = static_cast<std::int32_t>(lab_time_us(shared) - before_us);
  write_record(shared.record_fd, r);
}

void report_host(LabShared& shared) {
  char link[32] = {};
  Record r;
  r.time_us = lab_time_us(shared);
  r.kind = RecordKind::Host;
  r.pid = getpid();
  // The lab's own /proc shows lab pids; the host's is reachable only through the init's fd.
  r.host = readlinkat(shared.host_proc_fd, "self", link, sizeof link - 1) > 0 ? std::atoi(link) : 0;
  write_record(shared.record_fd, r);
}

void lab_exit(int code) {
  Record r = record(RecordKind::Exit);
  r.a = code;
  write_record(g_shared->record_fd, r);
  _exit(code);
}

void lab_print(std::string_view line) { write_text_records(g_shared->record_fd, record(RecordKind::Output), line); }

pid_t reap_and_record(pid_t pid, int* code, LabShared& shared, pid_t reaper) {
  // Wait without reaping, take the time, then reap: the recorded reap is never later than the
  // real one. The budget unit comes back only after the real reap (a zombie still holds a pid).
  siginfo_t info{};
  const idtype_t type = pid > 0 ? P_PID : P_ALL;
  while (waitid(type, static_cast<id_t>(pid > 0 ? pid : 0), &info, WEXITED | WNOWAIT) < 0)
    if (errno != EINTR) return -1;
  Record r;
  r.time_us = lab_time_us(shared);
  r.kind = RecordKind::Reap;
  r.a = reaper;
  r.pid = info.si_pid;
  int status = 0;
  while (waitpid(info.si_pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  *code = decode_wait_status(status);
  r.b = *code;
  write_record(shared.record_fd, r);
  if (shared.budget_cap > 0) shared.budget_live.fetch_sub(1);
  return info.si_pid;
}

pid_t lab_wait(pid_t pid, int* code) { return reap_and_record(pid, code, *g_shared, getpid()); }

void lab_sleep_ms(int ms) {
  timespec ts{ms / 1000, (ms % 1000) * 1'000'000L};
  while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {
  }
}

void lab_hold() {
  for (;;) pause();
}

}  // namespace proclab::real::detail
