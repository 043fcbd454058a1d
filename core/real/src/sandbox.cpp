// The lab's sandbox. Sections: 1. helpers  2. the file system  3. enter_sandbox
// 4. privileges  5. exec
#include "sandbox.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <linux/capability.h>
#include <linux/securebits.h>
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <set>

namespace proclab::real::detail {

namespace {

// ---- 1. helpers -------------------------------------------------------------------------

constexpr const char* kLabPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

std::string failed(std::string_view step) { return fmt::format("{}: {}", step, std::strerror(errno)); }

// mkdir -p (each missing directory mode 0755). False on failure.
bool make_dirs(const std::string& path) {
  for (size_t slash = 1; slash <= path.size(); ++slash) {
    if (slash != path.size() && path[slash] != '/') continue;
    const std::string part = path.substr(0, slash);
    if (mkdir(part.c_str(), 0755) != 0 && errno != EEXIST) return false;
  }
  return true;
}

// Makes the mount at path (and every mount below it) read-only, no setuid, no devices.
bool make_read_only(const char* path) {
  mount_attr attr{};
  attr.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV;
  if (syscall(SYS_mount_setattr, AT_FDCWD, path, AT_RECURSIVE, &attr, sizeof attr) == 0) return true;
  return mount(nullptr, path, nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, nullptr) == 0;
}

bool bind_read_only(const std::string& from, const std::string& to) {
  return mount(from.c_str(), to.c_str(), nullptr, MS_BIND | MS_REC, nullptr) == 0 && make_read_only(to.c_str());
}

bool mount_tmpfs(const char* path, const char* options) {
  return mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, options) == 0;
}

bool pivot_root(const char* new_root, const char* put_old) {
  return syscall(SYS_pivot_root, new_root, put_old) == 0;
}

// ---- 2. the file system -----------------------------------------------------------------

// Host directories the lab never sees (it gets its own): they hold other processes' sockets,
// the host's processes and devices, and other programs' temporary files.
const std::set<std::string> kPrivateTopLevel = {"proc", "sys", "dev", "tmp", "run", "newroot", "oldroot", "lab"};

// Under /newroot, with the host's root at /oldroot: every other top-level directory of the host
// read-only at its own path, and its top-level symlinks (/bin -> usr/bin) as they are.
std::string bind_host_tree() {
  DIR* dir = opendir("/oldroot");
  if (!dir) return failed("opendir /oldroot");
  std::string error;
  while (dirent* e = readdir(dir)) {
    const std::string name = e->d_name;
    if (name == "." || name == ".." || kPrivateTopLevel.contains(name)) continue;
    const std::string from = "/oldroot/" + name, to = "/newroot/" + name;
    struct stat st{};
    if (lstat(from.c_str(), &st) != 0) continue;
    if (S_ISLNK(st.st_mode)) {
      char target[4096];
      const ssize_t n = readlink(from.c_str(), target, sizeof target - 1);
      if (n > 0 && symlink(std::string(target, static_cast<size_t>(n)).c_str(), to.c_str()) != 0)
        error = failed("symlink " + to);
    } else if (S_ISDIR(st.st_mode)) {
      if (mkdir(to.c_str(), 0755) != 0 || !bind_read_only(from, to)) error = failed("binding " + from);
    }
    if (!error.empty()) break;
  }
  closedir(dir);
  return error;
}

// The user's directories (or single files) that fall under a private top-level directory (a
// script in /tmp/x, or /tmp/x.py itself): bound read-only at the same path, so the program finds
// them where the user left them. A private directory as a whole (/tmp) never is.
std::string bind_user_paths(const std::vector<std::string>& paths) {
  for (const std::string& p : paths) {
    const size_t end = p.find('/', 1);
    const std::string top = p.substr(1, end == std::string::npos ? std::string::npos : end - 1);
    // Never a private directory as a whole (a program started in /tmp gets the lab's /tmp).
    if (!kPrivateTopLevel.contains(top) || end == std::string::npos || top == "proc" || top == "sys" || top == "dev")
      continue;
    const std::string from = "/oldroot" + p, to = "/newroot" + p;
    struct stat st{};
    if (stat(from.c_str(), &st) != 0) continue;
    bool ready = false;
    if (S_ISDIR(st.st_mode)) {
      ready = make_dirs(to);
    } else if (make_dirs(to.substr(0, to.rfind('/')))) {
      const int fd = open(to.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);  // a file as mount point
      ready = fd >= 0 && close(fd) == 0;
    }
    if (!ready || !bind_read_only(from, to)) return failed("binding " + p);
  }
  return {};
}

// A fresh /proc of the lab's PID namespace; the parts that change the whole machine read-only.
std::string mount_proc() {
  if (mkdir("/newroot/proc", 0555) != 0 || mount("proc", "/newroot/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC,
                                                 nullptr) != 0)
    return failed("mounting /proc");
  // No user namespaces inside the lab: their creator gets every capability again inside them.
  const int fd = open("/newroot/proc/sys/user/max_user_namespaces", O_WRONLY | O_CLOEXEC);
  if (fd < 0 && errno != ENOENT) return failed("opening /proc/sys/user/max_user_namespaces");
  const bool written = fd < 0 || write(fd, "0", 1) == 1;
  if (fd >= 0) close(fd);
  if (!written) return failed("writing /proc/sys/user/max_user_namespaces");
  for (const char* part : {"sys", "sysrq-trigger", "irq", "bus"}) {
    const std::string path = fmt::format("/newroot/proc/{}", part);
    if (access(path.c_str(), F_OK) == 0 && !bind_read_only(path, path)) return failed("protecting " + path);
  }
  return {};
}

// A minimal /dev: the harmless character devices, the fd symlinks and a private /dev/shm.
std::string mount_dev() {
  if (mkdir("/newroot/dev", 0755) != 0 || !mount_tmpfs("/newroot/dev", "mode=0755,size=64k"))
    return failed("mounting /dev");
  for (const char* name : {"null", "zero", "full", "random", "urandom", "tty"}) {
    const std::string to = fmt::format("/newroot/dev/{}", name);
    const int fd = open(to.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0666);
    if (fd < 0) return failed("creating " + to);
    close(fd);
    if (mount(fmt::format("/oldroot/dev/{}", name).c_str(), to.c_str(), nullptr, MS_BIND, nullptr) != 0)
      return failed("binding /dev/" + std::string(name));
  }
  const std::pair<const char*, const char*> links[] = {
      {"/proc/self/fd", "/newroot/dev/fd"},
      {"/proc/self/fd/0", "/newroot/dev/stdin"},
      {"/proc/self/fd/1", "/newroot/dev/stdout"},
      {"/proc/self/fd/2", "/newroot/dev/stderr"}};
  for (const auto& [target, link] : links)
    if (symlink(target, link) != 0) return failed(fmt::format("symlink {}", link));
  if (mkdir("/newroot/dev/shm", 01777) != 0 || !mount_tmpfs("/newroot/dev/shm", "mode=1777,size=64m"))
    return failed("mounting /dev/shm");
  return {};
}

std::string build_file_system(const LabPlan& plan) {
  // Nothing we mount may propagate back to the host.
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return failed("making / private");
  // As bubblewrap: a scratch tmpfs on /tmp becomes the root, so the host's root (with its own
  // /tmp uncovered again) is reachable at /oldroot while /newroot is populated.
  if (!mount_tmpfs("/tmp", "mode=0755,size=64k") || mkdir("/tmp/newroot", 0755) != 0 ||
      mkdir("/tmp/oldroot", 0755) != 0 || !mount_tmpfs("/tmp/newroot", "mode=0755,size=1m"))
    return failed("mounting the scratch root");
  if (chdir("/tmp") != 0 || !pivot_root(".", "oldroot") || chdir("/") != 0) return failed("pivot_root");
  std::string error = bind_host_tree();
  if (error.empty() && (mkdir("/newroot/tmp", 01777) != 0 || !mount_tmpfs("/newroot/tmp", "mode=1777,size=64m")))
    error = failed("mounting /tmp");
  if (error.empty() && (mkdir("/newroot/lab", 0755) != 0 || !mount_tmpfs("/newroot/lab", "mode=0755,size=64m")))
    error = failed(std::string("mounting ") + kLabHome);
  if (error.empty()) error = bind_user_paths(plan.user_paths);
  if (error.empty()) error = mount_proc();
  if (error.empty()) error = mount_dev();
  if (!error.empty()) return error;
  if (umount2("/oldroot", MNT_DETACH) != 0) return failed("detaching the host's root");
  if (chdir("/newroot") != 0 || !pivot_root(".", ".") || umount2(".", MNT_DETACH) != 0 || chdir("/") != 0)
    return failed("pivot_root into the lab");
  if (mount(nullptr, "/", nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, nullptr) != 0)
    return failed("making the lab's root read-only");
  if (chdir(plan.cwd.c_str()) != 0 && chdir(kLabHome) != 0) return failed("chdir");
  return {};
}

// A new network namespace has only a loopback device, and it is down.
std::string bring_up_loopback() {
  const int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (s < 0) return failed("socket");
  ifreq req{};
  std::strncpy(req.ifr_name, "lo", IFNAMSIZ - 1);
  bool ok = ioctl(s, SIOCGIFFLAGS, &req) == 0;
  req.ifr_flags = static_cast<short>(req.ifr_flags | IFF_UP | IFF_RUNNING);
  ok = ok && ioctl(s, SIOCSIFFLAGS, &req) == 0;
  const int err = errno;
  close(s);
  errno = err;
  return ok ? std::string() : failed("bringing up loopback");
}

}  // namespace

// ---- 3. enter_sandbox -------------------------------------------------------------------

std::string enter_sandbox(const LabPlan& plan) {
  // After the jailer put us in the lab cgroup: that cgroup becomes the lab's cgroup root.
  if (unshare(CLONE_NEWCGROUP) != 0) return failed("unshare(CLONE_NEWCGROUP)");
  if (sethostname("proclab-lab", 11) != 0) return failed("sethostname");
  if (std::string e = bring_up_loopback(); !e.empty()) return e;
  // The built-in demos (our code, never exec'd) report their host pids through the host's /proc.
  if (plan.demo) plan.shared->host_proc_fd = open("/proc", O_PATH | O_DIRECTORY | O_CLOEXEC);
  return build_file_system(plan);
}

// ---- 4. privileges ----------------------------------------------------------------------

bool drop_privileges() {
  // Locked securebits: uid 0 gains no capabilities at exec, and nothing can undo that.
  if (prctl(PR_SET_SECUREBITS, SECBIT_NOROOT | SECBIT_NOROOT_LOCKED | SECBIT_NO_SETUID_FIXUP |
                                   SECBIT_NO_SETUID_FIXUP_LOCKED | SECBIT_KEEP_CAPS_LOCKED |
                                   SECBIT_NO_CAP_AMBIENT_RAISE | SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED) != 0)
    return false;
  for (int cap = 0; prctl(PR_CAPBSET_READ, cap) >= 0; ++cap)
    if (prctl(PR_CAPBSET_DROP, cap) != 0) return false;
  if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0) return false;
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[2] = {};
  if (syscall(SYS_capset, &header, data) != 0) return false;
  return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0;
}

// ---- 5. exec ----------------------------------------------------------------------------

std::string resolve_command(const std::string& argv0) {
  const auto executable = [](const std::string& p) {
    struct stat st{};
    return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(p.c_str(), X_OK) == 0;
  };
  if (argv0.empty()) return {};
  if (argv0.find('/') != std::string::npos) return executable(argv0) ? argv0 : std::string();
  std::string_view path = kLabPath;
  while (!path.empty()) {
    const size_t colon = path.find(':');
    const std::string candidate = fmt::format("{}/{}", path.substr(0, colon), argv0);
    if (executable(candidate)) return candidate;
    path = colon == std::string_view::npos ? std::string_view() : path.substr(colon + 1);
  }
  return {};
}

void exec_clean(const LabPlan& plan, const std::vector<std::string>& argv) {
  const auto limit = [](int resource, rlim_t value) {
    const rlimit l{value, value};
    setrlimit(resource, &l);
  };
  if (plan.options.memory_mib > 0) limit(RLIMIT_AS, static_cast<rlim_t>(plan.options.memory_mib) << 20);
  limit(RLIMIT_CPU, static_cast<rlim_t>(std::ceil(plan.options.timeout_s)) + 1);
  limit(RLIMIT_FSIZE, rlim_t{64} << 20);
  limit(RLIMIT_NOFILE, 256);
  limit(RLIMIT_CORE, 0);
  const char* lang = std::getenv("LANG");
  const char* term = std::getenv("TERM");
  const std::string lang_value = lang && *lang ? lang : "C.UTF-8";
  const std::string term_value = term && *term ? term : "dumb";
  clearenv();
  setenv("PATH", kLabPath, 1);
  setenv("HOME", kLabHome, 1);
  setenv("LANG", lang_value.c_str(), 1);
  setenv("TERM", term_value.c_str(), 1);
  syscall(SYS_close_range, 3U, ~0U, 0U);
  // Dispositions the lab's own processes set (the jailer ignores SIGPIPE) are not the program's.
  for (int sig = 1; sig < NSIG; ++sig) signal(sig, SIG_DFL);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execvp(args[0], args.data());
}

}  // namespace proclab::real::detail
