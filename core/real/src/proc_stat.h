// Reading /proc as the host sees it. Every function returns nullopt/empty when the process is gone.
#pragma once

#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace proclab::real::detail {

struct ProcStat {
  char state = '?';   // R, S, D, T, t, Z, X, I
  pid_t ppid = 0;
  long utime_stime = 0;  // clock ticks
  int nice = 0;
  unsigned long long start_time = 0;
  int processor = -1;
};

// Parses the text of /proc/<pid>/stat. The command name may contain spaces and ')', so fields are
// counted after the last ')'. nullopt when the text is malformed.
std::optional<ProcStat> parse_proc_stat(const std::string& text);
std::optional<ProcStat> read_proc_stat(pid_t host_pid);
// The pid in the innermost PID namespace (last NSpid field of /proc/<pid>/status).
std::optional<pid_t> read_innermost_pid(pid_t host_pid);
// Host pids of the children of every thread of host_pid.
std::vector<pid_t> read_children(pid_t host_pid);
// The first line of a small file, or "" when it cannot be read.
std::string read_small_file(const std::string& path);

}  // namespace proclab::real::detail
