// Sections: 1. finding a pids hierarchy  2. create and join  3. sweep and remove  4. stale labs
#include "cgroup.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <sstream>
#include <vector>

#include "channel.h"
#include "proc_stat.h"

namespace proclab::real::detail {

namespace {

constexpr std::string_view kPrefix = "proclab-lab-";

bool write_file(const std::string& path, const std::string& text) {
  const int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  const int err = errno;
  close(fd);
  errno = err;
  return ok;
}

bool exists(const std::string& path) { return access(path.c_str(), F_OK) == 0; }

// ---- 1. finding a pids hierarchy ----------------------------------------------------------

struct Hierarchy {
  std::string base;  // the directory lab cgroups are created in
  bool v2 = false;
};

// Our own cgroup path in the hierarchy whose /proc/self/cgroup line has this controller field
// ("" for the v2 line "0::/path").
std::string own_path(std::string_view controllers_field) {
  std::istringstream in(read_small_file("/proc/self/cgroup"));
  for (std::string line; std::getline(in, line);) {
    const size_t a = line.find(':');
    const size_t b = line.find(':', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    const std::string field = line.substr(a + 1, b - a - 1);
    bool match = field == controllers_field;
    if (!controllers_field.empty() && !match) {
      std::istringstream names(field);
      for (std::string n; std::getline(names, n, ',');) match = match || n == controllers_field;
    }
    if (match) return line.substr(b + 1);
  }
  return {};
}

bool has_word(const std::string& text, std::string_view word) {
  std::istringstream in(text);
  for (std::string w; in >> w;)
    if (w == word) return true;
  return false;
}

// cgroup v2: labs go under the root cgroup when we may write there (root; the root cgroup is
// exempt from the no-internal-processes rule), else under our own cgroup (a delegated subtree).
Expected<Hierarchy> find_hierarchy() {
  std::string why = "no pids cgroup controller is mounted (neither cgroup v2 with pids nor v1 pids)";
  for (const char* mount : {"/sys/fs/cgroup", "/sys/fs/cgroup/unified"}) {
    const std::string m = mount;
    if (!exists(m + "/cgroup.controllers")) continue;
    for (const std::string& base : {m, m + own_path("")}) {
      if (!has_word(read_small_file(base + "/cgroup.controllers"), "pids") || access(base.c_str(), W_OK) != 0) continue;
      if (has_word(read_small_file(base + "/cgroup.subtree_control"), "pids") ||
          write_file(base + "/cgroup.subtree_control", "+pids"))
        return Hierarchy{base, true};
      why = fmt::format("cannot enable the pids controller in {} ({})", base, std::strerror(errno));
    }
  }
  if (exists("/sys/fs/cgroup/pids/cgroup.procs")) return Hierarchy{"/sys/fs/cgroup/pids" + own_path("pids"), false};
  return Error{why};
}

}  // namespace

// ---- 2. create and join -----------------------------------------------------------------

Expected<LabCgroup> create_lab_cgroup(int pids_max) {
  auto h = find_hierarchy();
  if (!h) return h.error();
  static std::atomic<int> sequence{0};
  std::string base = h->base;
  if (!base.empty() && base.back() == '/') base.pop_back();
  const std::string path = fmt::format("{}/{}{}-{}", base, kPrefix, getpid(), sequence++);
  if (mkdir(path.c_str(), 0755) != 0)
    return Error{fmt::format("cannot create {} ({}): a pids cgroup needs root or a delegated subtree", path,
                             std::strerror(errno))};
  if (!write_file(path + "/pids.max", std::to_string(pids_max))) {
    const std::string why = std::strerror(errno);
    rmdir(path.c_str());
    return Error{fmt::format("cannot write {}/pids.max ({})", path, why)};
  }
  return LabCgroup{path, h->v2,
                   fmt::format("pids.max={} in {} (cgroup {} pids controller; counts the lab init too)", pids_max,
                               path, h->v2 ? "v2" : "v1")};
}

bool join_cgroup(const LabCgroup& cg, pid_t host_pid) {
  return write_file(cg.path + "/cgroup.procs", std::to_string(host_pid));
}

int cgroup_pids_current(const std::string& path) {
  const std::string text = read_small_file(path + "/pids.current");
  return text.empty() ? -1 : std::atoi(text.c_str());
}

// ---- 3. sweep and remove ----------------------------------------------------------------

namespace {
std::vector<pid_t> cgroup_procs(const std::string& path) {
  std::vector<pid_t> out;
  std::istringstream in(read_small_file(path + "/cgroup.procs"));
  for (pid_t p; in >> p;) out.push_back(p);
  return out;
}

void sleep_us(long us) { usleep(static_cast<useconds_t>(us)); }
}  // namespace

int sweep_and_remove_cgroup(const std::string& path) {
  if (!exists(path)) return 0;
  const bool can_kill = exists(path + "/cgroup.kill");
  for (int round = 0; round < 2000; ++round) {
    if (can_kill) write_file(path + "/cgroup.kill", "1");
    // Stop everything first so nothing forks between our reading the list and the kill.
    const std::vector<pid_t> procs = cgroup_procs(path);
    for (pid_t p : procs) kill(p, SIGSTOP);
    for (pid_t p : procs) kill(p, SIGKILL);
    // Wait for pids.current 0 (zombies are still charged), but not forever: a lab init orphaned by
    // a killed proclab stays charged until the machine's pid 1 reaps it, and does not block rmdir.
    if (procs.empty() && (cgroup_pids_current(path) <= 0 || round >= 200) && rmdir(path.c_str()) == 0) return 0;
    if (!exists(path)) return 0;
    sleep_us(1000);
  }
  const int left = cgroup_pids_current(path);
  return left > 0 ? left : 1;
}

// ---- 4. stale labs ----------------------------------------------------------------------

int remove_stale_cgroups() {
  auto h = find_hierarchy();
  if (!h) return 0;
  DIR* dir = opendir(h->base.c_str());
  if (!dir) return 0;
  std::vector<std::string> stale;
  while (dirent* e = readdir(dir)) {
    const std::string_view name = e->d_name;
    if (!name.starts_with(kPrefix)) continue;
    const pid_t owner = std::atoi(std::string(name.substr(kPrefix.size())).c_str());
    // The owner is alive only if that pid still runs a proclab binary (pids are reused).
    const std::string comm = read_small_file(fmt::format("/proc/{}/comm", owner));
    if (owner > 0 && comm.starts_with("proclab")) continue;
    stale.push_back(h->base + "/" + std::string(name));
  }
  closedir(dir);
  int removed = 0;
  for (const std::string& path : stale) removed += sweep_and_remove_cgroup(path) == 0 ? 1 : 0;
  return removed;
}

}  // namespace proclab::real::detail
