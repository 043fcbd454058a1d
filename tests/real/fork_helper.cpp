// proclab_fork_helper K [THREADS]: a plain program for the tracer tests. Calls fork() exactly K
// times (K <= 10; every process runs the remaining forks, so 2^K processes), each process prints
// "1" and waits for its children. With THREADS > 0 the first process also starts that many
// threads, which must be shown as threads, not processes.
// proclab_fork_helper --serial N: forks N children one after another, each exiting at once and
// reaped before the next is forked (the tracer benchmark's workload).
// proclab_fork_helper --fan N: forks N children that all stay alive (blocked reading a pipe) until
// the last one is forked, so N+1 processes surely exist at once.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <thread>
#include <vector>

namespace {
int fork_serially(int n) {
  for (int i = 0; i < n; ++i) {
    const pid_t child = fork();
    if (child == 0) _exit(0);
    if (child < 0 || waitpid(child, nullptr, 0) != child) return 1;
  }
  return 0;
}
int fan_out(int n) {
  int p[2];
  if (pipe(p) != 0) return 1;
  for (int i = 0; i < n; ++i) {
    const pid_t child = fork();
    if (child == 0) {
      close(p[1]);
      char c;
      while (read(p[0], &c, 1) > 0) {
      }
      _exit(0);
    }
  }
  close(p[1]);
  while (wait(nullptr) > 0) {
  }
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string_view(argv[1]) == "--serial") {
    const int n = std::atoi(argv[2]);
    return n >= 0 && n <= 100000 ? fork_serially(n) : 2;
  }
  if (argc == 3 && std::string_view(argv[1]) == "--fan") {
    const int n = std::atoi(argv[2]);
    return n >= 0 && n <= 64 ? fan_out(n) : 2;
  }
  const int k = argc > 1 ? std::atoi(argv[1]) : 0;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 0;
  if (k < 0 || k > 10 || threads < 0 || threads > 8) {
    std::fprintf(stderr, "usage: proclab_fork_helper K (0-10) [THREADS (0-8)]\n");
    return 2;
  }
  std::vector<std::thread> pool;
  for (int i = 0; i < threads; ++i) pool.emplace_back([] { usleep(20000); });
  for (auto& t : pool) t.join();
  for (int i = 0; i < k; ++i) fork();
  std::printf("1\n");
  std::fflush(stdout);
  while (wait(nullptr) > 0) {
  }
  return 0;
}
