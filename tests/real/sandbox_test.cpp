// The lab as a sandbox (issue 14): a probe program (Python, run by /usr/bin/python3 in the lab
// under the tracer) tries to reach one thing per test and prints what it got. ctest runs these
// as root and again as uid 65534 (run_unprivileged.sh). Network: 127.0.0.1 only.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <string>
#include <vector>

#include "lab_test_support.h"
#include "proclab/real/lab.h"

namespace proclab::real {
namespace {

// A private directory (mode 0700) with a script of mode 0600, removed at the end.
class PrivateScript {
 public:
  explicit PrivateScript(const std::string& source, std::string parent = "/tmp") {
    std::string pattern = parent + "/proclab-probe-XXXXXX";
    if (!mkdtemp(pattern.data())) return;
    dir_ = pattern;
    path_ = dir_ + "/probe.py";
    std::ofstream(path_) << source;
    chmod(path_.c_str(), 0600);
  }
  ~PrivateScript() {
    if (!path_.empty()) unlink(path_.c_str());
    if (!dir_.empty()) rmdir(dir_.c_str());
  }
  bool ok() const { return !dir_.empty(); }
  const std::string& dir() const { return dir_; }
  const std::string& path() const { return path_; }

 private:
  std::string dir_, path_;
};

std::vector<std::string> output_of(const LabResult& r) {
  std::vector<std::string> out;
  for (const Event& e : r.trace.events())
    if (e.kind == EventKind::Output) out.emplace_back(r.trace.text(e.detail));
  return out;
}

// Runs `python3 SCRIPT ARGS` in a lab with options o.
Expected<LabResult> run_probe(const std::string& source, std::vector<std::string> args, LabOptions o) {
  const auto python = testing::system_python3();
  if (!python) return Error{"no python3"};
  PrivateScript script(source);
  if (!script.ok()) return Error{"cannot create the probe"};
  o.argv = {*python, script.path()};
  o.argv.insert(o.argv.end(), args.begin(), args.end());
  return run_traced(o);
}

// The probe's output lines, or a line saying what failed.
std::vector<std::string> probe(const std::string& source, std::vector<std::string> args = {}) {
  auto r = run_probe(source, std::move(args), testing::test_options());
  if (!r.ok()) return {"lab failed: " + r.error().message};
  if (r->report.survivors != 0) return {"survivors"};
  return output_of(*r);
}

#define SKIP_WITHOUT_PYTHON() \
  if (!testing::system_python3()) GTEST_SKIP() << "no /usr/bin/python3"

TEST(RealSandbox, ServerOnTheHostsLoopbackIsNotReachable) {
  SKIP_WITHOUT_PYTHON();
  const int server = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(server, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(listen(server, 4), 0);
  socklen_t len = sizeof addr;
  getsockname(server, reinterpret_cast<sockaddr*>(&addr), &len);
  const auto out = probe(
      "import socket, sys, errno\n"
      "try:\n"
      "    socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=2)\n"
      "    print('connected')\n"
      "except OSError as e:\n"
      "    print(errno.errorcode.get(e.errno, str(e)))\n",
      {std::to_string(ntohs(addr.sin_port))});
  EXPECT_EQ(out, std::vector<std::string>{"ECONNREFUSED"});
  EXPECT_LT(accept(server, nullptr, nullptr), 0) << "the lab reached the host's server";
  close(server);
}

TEST(RealSandbox, LoopbackInsideTheLabWorks) {
  SKIP_WITHOUT_PYTHON();
  const auto out = probe(
      "import socket\n"
      "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(1)\n"
      "c = socket.create_connection(s.getsockname(), timeout=2); a, _ = s.accept()\n"
      "c.sendall(b'ping'); print(a.recv(4).decode())\n");
  EXPECT_EQ(out, std::vector<std::string>{"ping"});
}

TEST(RealSandbox, OnlyTheLabsProcessesAreVisible) {
  SKIP_WITHOUT_PYTHON();
  // The lab's own /proc: its init (pid 1) and the probe, nothing of the host.
  const auto out = probe("import os\nprint(sorted(int(p) for p in os.listdir('/proc') if p.isdigit()))\n");
  EXPECT_EQ(out, std::vector<std::string>{"[1, 2]"});
}

TEST(RealSandbox, InheritedFileDescriptorIsClosed) {
  SKIP_WITHOUT_PYTHON();
  const int fd = open("/dev/null", O_RDONLY);  // no O_CLOEXEC: the lab inherits it
  ASSERT_GE(fd, 3);
  const auto out = probe(
      "import os, sys, errno\n"
      "try:\n"
      "    os.fstat(int(sys.argv[1])); print('open')\n"
      "except OSError as e:\n"
      "    print(errno.errorcode[e.errno])\n",
      {std::to_string(fd)});
  close(fd);
  EXPECT_EQ(out, std::vector<std::string>{"EBADF"});
}

TEST(RealSandbox, EnvironmentHasOnlyPathHomeLangAndTerm) {
  SKIP_WITHOUT_PYTHON();
  setenv("PROCLAB_PROBE_SECRET", "the app's environment", 1);
  // CPython itself may add LC_CTYPE (PEP 538 locale coercion): not from the app.
  const auto out = probe(
      "import os\n"
      "print(' '.join(sorted(k for k in os.environ if k != 'LC_CTYPE')))\n"
      "print(os.environ['HOME'])\n");
  unsetenv("PROCLAB_PROBE_SECRET");
  EXPECT_EQ(out, (std::vector<std::string>{"HOME LANG PATH TERM", "/lab"}));
}

TEST(RealSandbox, HostTmpIsNotVisible) {
  SKIP_WITHOUT_PYTHON();
  char host_file[] = "/tmp/proclab-host-XXXXXX";
  const int fd = mkstemp(host_file);
  ASSERT_GE(fd, 0);
  close(fd);
  // Passed as "path=FILE": a file argument itself would be bound into the lab (sandbox.h).
  const auto out = probe("import os, sys\nprint(os.path.exists(sys.argv[1][5:]))\n", {std::string("path=") + host_file});
  unlink(host_file);
  EXPECT_EQ(out, std::vector<std::string>{"False"});
}

TEST(RealSandbox, LabTmpAndShmVanishWithTheRun) {
  SKIP_WITHOUT_PYTHON();
  const std::string name = "proclab-lab-only-" + std::to_string(getpid());
  const auto out = probe(
      "import sys\n"
      "for d in ('/tmp', '/dev/shm', '/lab'):\n"
      "    open(d + '/' + sys.argv[1], 'w').write('x')\n"
      "print('written')\n",
      {name});
  EXPECT_EQ(out, std::vector<std::string>{"written"});
  for (const std::string dir : {"/tmp/", "/dev/shm/"}) {
    struct stat st{};
    EXPECT_NE(stat((dir + name).c_str(), &st), 0) << dir << name << " is on the host";
  }
}

TEST(RealSandbox, HostFileSystemIsReadOnly) {
  SKIP_WITHOUT_PYTHON();
  const auto out = probe(
      "import errno, os\n"
      "try:\n"
      "    open(os.getcwd() + '/proclab-probe-was-here', 'w'); print('written')\n"
      "except OSError as e:\n"
      "    print(errno.errorcode[e.errno])\n");
  EXPECT_EQ(out, std::vector<std::string>{"EROFS"});
}

TEST(RealSandbox, AllocatingThreeGiBFails) {
  SKIP_WITHOUT_PYTHON();
  const auto out = probe(
      "try:\n"
      "    b = bytearray(3 << 30); print('allocated')\n"
      "except MemoryError:\n"
      "    print('MemoryError')\n");
  EXPECT_EQ(out, std::vector<std::string>{"MemoryError"});
}

TEST(RealSandbox, UsersMode0600ScriptInA0700DirectoryRuns) {
  SKIP_WITHOUT_PYTHON();
  // probe() writes the script as this user, mode 0600, in a fresh mode-0700 directory.
  const auto out = probe("import os, sys\nprint(oct(os.stat(sys.argv[0]).st_mode & 0o777), os.getuid() == int(sys.argv[1]))\n",
                         {std::to_string(getuid())});
  EXPECT_EQ(out, std::vector<std::string>{"0o600 True"});
}

TEST(RealSandbox, RelativeScriptInA0700WorkingDirectoryRunsAsPython3ScriptPy) {
  SKIP_WITHOUT_PYTHON();
  PrivateScript script("print(open('probe.py').read().count('\\n'))\n");
  ASSERT_TRUE(script.ok());
  char old_cwd[4096];
  ASSERT_NE(getcwd(old_cwd, sizeof old_cwd), nullptr);
  ASSERT_EQ(chdir(script.dir().c_str()), 0);
  LabOptions o = testing::test_options();
  o.argv = {"python3", "probe.py"};  // found on the lab's PATH, as a user types it
  auto r = run_traced(o);
  ASSERT_EQ(chdir(old_cwd), 0);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(output_of(*r), std::vector<std::string>{"1"});
  EXPECT_EQ(r->report.exit_code, 0);
}

// clone(CLONE_UNTRACED) asks ptrace not to follow the child: the lab clears the flag, so the
// child counts against the cap, and its output is recorded, like any fork's.
TEST(RealSandbox, UntracedClonesAreFollowedAndCapped) {
  SKIP_WITHOUT_PYTHON();
  LabOptions o = testing::test_options(5);
  auto r = run_probe(
      "import ctypes, os, time\n"
      "libc = ctypes.CDLL(None, use_errno=True)\n"
      "CLONE_UNTRACED, SIGCHLD, SYS_clone = 0x00800000, 17, 56\n"
      "for i in range(6):\n"
      "    if libc.syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0, 0, 0, 0) == 0:\n"
      "        os.write(1, b'child\\n'); time.sleep(0.3); os._exit(0)\n"
      "time.sleep(0.5)\n",
      {}, o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->report.peak_processes, 5);  // python and 4 children: the cap
  // The 5th is killed by the tracer (a fork failure); the 6th may instead be refused by the pids
  // cgroup while the 5th still exists, which the tracer does not see.
  EXPECT_GE(r->report.fork_failures, 1);
  EXPECT_EQ(output_of(*r), std::vector<std::string>(4, "child"));
}

// SIGKILL of proclab-cli in the middle of a traced run: within 1 s no process it started is
// left (not even a zombie) and its cgroup is gone, without waiting for the next proclab.
TEST(RealSandbox, KilledCliDuringATraceLeavesNoProcessAndNoCgroup) {
  testing::WatchedCli cli =
      testing::start_watched_cli({"trace", "--timeout", "20", "--", "/bin/sh", "-c", "sleep 30 & sleep 30 & sleep 30"});
  ASSERT_GT(cli.pid, 0);
  std::vector<pid_t> started;
  for (int i = 0; i < 5000 && (started = testing::descendants(cli.pid)).size() < 6; ++i) usleep(1000);
  ASSERT_GE(started.size(), 6U) << "jailer, init, sh and three sleeps never all appeared";
  kill(cli.pid, SIGKILL);
  EXPECT_TRUE(testing::watch_reaches_eof(cli, 1000)) << "the jailer or the init outlived proclab-cli by 1 s";
  usleep(100'000);  // the traced sleeps do not hold the watch pipe (fds above 2 are closed)
  const pid_t killed = cli.pid;
  testing::finish_watched_cli(cli);  // reaps the jailer, which the test adopted as subreaper
  for (pid_t p : started) {
    struct stat st{};
    EXPECT_NE(stat(("/proc/" + std::to_string(p)).c_str(), &st), 0) << "pid " << p << " is still there";
  }
  const std::string prefix = "proclab-lab-" + std::to_string(killed) + "-";
  for (const char* base : {"/sys/fs/cgroup/pids", "/sys/fs/cgroup", "/sys/fs/cgroup/unified"}) {
    DIR* dir = opendir(base);
    if (!dir) continue;
    while (dirent* e = readdir(dir)) EXPECT_NE(std::string(e->d_name).rfind(prefix, 0), 0U) << base << "/" << e->d_name;
    closedir(dir);
  }
}

}  // namespace
}  // namespace proclab::real
