#include "lab_test_support.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace proclab::real::testing {

LabOptions test_options(int cap) {
  LabOptions o;
  o.cap = cap;
  o.timeout_s = 20;
  return o;
}

namespace {
std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

std::vector<pid_t> descendants(pid_t pid) {
  std::vector<pid_t> out, queue{pid};
  while (!queue.empty()) {
    const pid_t p = queue.back();
    queue.pop_back();
    std::istringstream tasks(slurp("/proc/" + std::to_string(p) + "/task/" + std::to_string(p) + "/children"));
    for (pid_t c; tasks >> c;) {
      out.push_back(c);
      queue.push_back(c);
    }
  }
  return out;
}

bool alive(pid_t pid) {
  const std::string stat = slurp("/proc/" + std::to_string(pid) + "/stat");
  const size_t close = stat.rfind(')');
  return close != std::string::npos && close + 2 < stat.size() && stat[close + 2] != 'Z';
}

WatchedCli start_watched_cli(const std::vector<std::string>& args) {
  // Whatever the killed CLI leaves orphaned (its jailer, the lab init) is re-parented to this test
  // process, which reaps it: the test leaves no zombie for the machine's pid 1 to collect.
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  int p[2];
  if (pipe2(p, O_CLOEXEC) != 0) return {};
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(p[1], 3);  // dup2 clears close-on-exec: everything the CLI starts inherits fd 3
    const int null_fd = open("/dev/null", O_WRONLY);
    dup2(null_fd, 1);
    dup2(null_fd, 2);
    std::vector<char*> argv{const_cast<char*>(PROCLAB_CLI)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(PROCLAB_CLI, argv.data());
    _exit(127);
  }
  close(p[1]);
  return {pid, p[0]};
}

bool watch_reaches_eof(const WatchedCli& cli, int timeout_ms) {
  pollfd fd{cli.watch_fd, POLLIN, 0};
  if (poll(&fd, 1, timeout_ms) <= 0) return false;
  char c;
  return read(cli.watch_fd, &c, 1) == 0;
}

void finish_watched_cli(WatchedCli& cli) {
  if (cli.pid > 0) waitpid(cli.pid, nullptr, 0);
  while (waitpid(-1, nullptr, 0) > 0) {
  }
  if (cli.watch_fd >= 0) close(cli.watch_fd);
  cli = {};
}

std::optional<std::string> system_python3() {
  for (const char* p : {"/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"})
    if (access(p, X_OK) == 0) return std::string(p);
  return std::nullopt;
}

}  // namespace proclab::real::testing
