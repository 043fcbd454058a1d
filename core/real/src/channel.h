// What lab processes tell the jailer, and the jailer tells the app: fixed-size records on pipes.
// One record is one write() below PIPE_BUF, so concurrent writers never interleave.
#pragma once

#include <atomic>
#include <cstdint>
#include <string_view>

namespace proclab::real::detail {

enum class RecordKind : std::int32_t {
  Fork,        // pid: child (ns), a: parent (ns), c: us from the event until it surely existed
  Host,        // pid (ns), host: its host pid
  ForkFailed,  // pid: parent, a: errno
  Exit,        // pid, a: exit code
  Reap,        // pid: reaped child, a: reaper, b: code or -signal
  Output,      // pid, text (b = 1: the line continues in the next record)
  Exec,        // pid, host, text: command (b = 1: continues)
  Thread,      // pid: the process (tgid), a: new thread id
  Sample,      // pid (host), text[0]: state letter, a: ppid (host), b: cpu, c: utime+stime ticks
  Init,        // host: the lab init's host pid
  Setup,       // a: errno, text: which step failed
  Done,        // a: survivors, b: 1 when timed out, c: 1 when the cgroup was removed
};

struct Record {
  std::int64_t time_us = 0;  // CLOCK_MONOTONIC since the lab's start
  RecordKind kind = RecordKind::Output;
  std::int32_t pid = 0;
  std::int32_t host = 0;
  std::int32_t a = 0;
  std::int32_t b = 0;
  std::int32_t c = 0;
  char text[96] = {};
};
static_assert(sizeof(Record) == 128);

// Memory shared by every process of a lab (MAP_SHARED, created before the jailer forks).
struct LabShared {
  std::int64_t t0_ns = 0;          // CLOCK_MONOTONIC at the lab's start
  int record_fd = -1;              // write end of the lab's record pipe
  int budget_cap = 0;              // 0: budget layer off
  int host_proc_fd = -1;           // demos: O_PATH fd of the host's /proc (for host pids); never exec'd
  std::atomic<int> budget_live{0}; // workload processes counted by the budget
};

std::int64_t monotonic_ns();
// Microseconds since shared.t0_ns.
std::int64_t lab_time_us(const LabShared& shared);
// Writes r whole to fd, retrying on EINTR. Returns false when the reader is gone.
bool write_record(int fd, const Record& r);
// Sends text as one or more records of kind (Output or Exec), splitting long text.
void write_text_records(int fd, Record base, std::string_view text);

}  // namespace proclab::real::detail
