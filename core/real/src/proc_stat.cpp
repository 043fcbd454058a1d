#include "proc_stat.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

namespace proclab::real::detail {

std::string read_small_file(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  close(fd);
  return out;
}

std::optional<ProcStat> parse_proc_stat(const std::string& text) {
  const size_t close_paren = text.rfind(')');
  if (close_paren == std::string::npos) return std::nullopt;
  std::istringstream in(text.substr(close_paren + 1));
  std::vector<std::string> f;  // f[0] is field 3 (state)
  for (std::string tok; in >> tok;) f.push_back(tok);
  if (f.size() < 37 || f[0].size() != 1) return std::nullopt;
  ProcStat s;
  s.state = f[0][0];
  s.ppid = std::atoi(f[1].c_str());
  s.utime_stime = std::atol(f[11].c_str()) + std::atol(f[12].c_str());
  s.nice = std::atoi(f[16].c_str());
  s.start_time = std::strtoull(f[19].c_str(), nullptr, 10);
  s.processor = std::atoi(f[36].c_str());
  return s;
}

std::optional<ProcStat> read_proc_stat(pid_t host_pid) {
  const std::string text = read_small_file("/proc/" + std::to_string(host_pid) + "/stat");
  if (text.empty()) return std::nullopt;
  return parse_proc_stat(text);
}

std::optional<pid_t> read_innermost_pid(pid_t host_pid) {
  const std::string text = read_small_file("/proc/" + std::to_string(host_pid) + "/status");
  const size_t at = text.find("NSpid:");
  if (at == std::string::npos) return std::nullopt;
  const size_t end = text.find('\n', at);
  std::istringstream in(text.substr(at + 6, end - at - 6));
  pid_t last = 0;
  for (pid_t p; in >> p;) last = p;
  if (last <= 0) return std::nullopt;
  return last;
}

std::vector<pid_t> read_children(pid_t host_pid) {
  std::vector<pid_t> out;
  const std::string task_dir = "/proc/" + std::to_string(host_pid) + "/task";
  DIR* dir = opendir(task_dir.c_str());
  if (!dir) return out;
  while (dirent* e = readdir(dir)) {
    if (e->d_name[0] == '.') continue;
    std::istringstream in(read_small_file(task_dir + "/" + e->d_name + "/children"));
    for (pid_t p; in >> p;) out.push_back(p);
  }
  closedir(dir);
  return out;
}

}  // namespace proclab::real::detail
