#include "run_cli.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace proclab::test {

namespace {
std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string& temp_dir() {
  static const std::string dir = [] {
    char templ[] = "/tmp/proclab-test-XXXXXX";
    if (!mkdtemp(templ)) throw std::runtime_error("mkdtemp failed");
    return std::string(templ);
  }();
  return dir;
}
}  // namespace

std::string write_temp_file(const std::string& name, const std::string& content) {
  const std::string path = temp_dir() + "/" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

CliResult run_cli(const std::string& binary, const std::vector<std::string>& args, const ChildLimits& limits) {
  static int counter = 0;
  const std::string base = temp_dir() + "/run" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  const std::string out_path = base + ".out", err_path = base + ".err";
  const pid_t child = fork();
  if (child == 0) {
    const int in = open("/dev/null", O_RDONLY);
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    if (limits.cpu_seconds > 0) {
      const rlimit cpu{limits.cpu_seconds, limits.cpu_seconds + 1};
      setrlimit(RLIMIT_CPU, &cpu);
    }
    if (limits.memory_bytes > 0) {
      const rlimit as{limits.memory_bytes, limits.memory_bytes};
      setrlimit(RLIMIT_AS, &as);
    }
    if (limits.wall_seconds > 0) alarm(limits.wall_seconds);  // kept across execv
    std::vector<char*> argv{const_cast<char*>(binary.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(child, &status, 0);
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(out_path);
  r.err = slurp(err_path);
  std::remove(out_path.c_str());
  std::remove(err_path.c_str());
  return r;
}

}  // namespace proclab::test
