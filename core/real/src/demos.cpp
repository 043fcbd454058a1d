// Built-in demos. Sections: 1. catalog  2. fork basics (the notes' print orders)
// 3. zombie, orphan, wait  4. fork bomb  5. cpu burners  6. dispatch
#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <csignal>
#include <ctime>

#include "demo_api.h"
#include "demo_bodies.h"

namespace proclab::real {

// ---- 1. catalog -------------------------------------------------------------------------

namespace {
constexpr std::array kDemos{
    DemoInfo{"fork-once", "one fork: parent and child print their pid and ppid", false, false},
    DemoInfo{"fork-twice", "two forks, 4 processes: prints 1, 2, 11, 11, 22, 22 (in the scheduler's order)", false,
             false},
    DemoInfo{"fork-three", "three forks, 8 processes: prints eight 1s", false, false},
    DemoInfo{"globals-after-fork", "g_num = 100; the child adds 1: child prints 101, parent 100", false, false},
    DemoInfo{"zombie", "child exits, parent sleeps without waiting: /proc shows the child as Z until the reap",
             false, false},
    DemoInfo{"orphan", "parent exits first: the child's ppid becomes the lab's init (pid 1), which reaps it", false,
             false},
    DemoInfo{"wait", "three children end after 120, 40 and 80 ms; wait() reaps them in the order they end", false,
             false},
    DemoInfo{"waitpid", "three children; waitpid() reaps them in the order the parent asks", false, false},
    DemoInfo{"fork-bomb",
             "every process forks forever (after trying setsid, double fork and nohup escapes) until the cap "
             "makes fork fail with EAGAIN",
             true, true},
    DemoInfo{"cpu-burners", "busy children with nice 0, 5, 10, 19: their real CPU shares and CPUs", false, false},
};
}  // namespace

std::span<const DemoInfo> demo_catalog() { return kDemos; }

const DemoInfo* find_demo(std::string_view name) {
  for (const DemoInfo& d : kDemos)
    if (d.name == name) return &d;
  return nullptr;
}

namespace detail {
namespace {

// Waits for every child of the calling process, recording each reap.
void reap_all_children() {
  int code = 0;
  while (lab_wait(-1, &code) > 0) {
  }
}

// ---- 2. fork basics ---------------------------------------------------------------------

[[noreturn]] void fork_once() {
  const pid_t child = lab_fork();
  if (child == 0) {
    lab_print(fmt::format("child: pid={} ppid={}", getpid(), getppid()));
    lab_exit(0);
  }
  lab_print(fmt::format("parent: pid={} ppid={} fork returned {}", getpid(), getppid(), child));
  reap_all_children();
  lab_exit(0);
}

// Source: seeds/000 (two os.fork() calls print 1, 2, 11, 11, 22, 22).
[[noreturn]] void fork_twice() {
  lab_print(lab_fork() == 0 ? "1" : "2");
  lab_print(lab_fork() == 0 ? "11" : "22");
  reap_all_children();
  lab_exit(0);
}

// Source: seeds/000 (three os.fork() calls, then print('1'): eight 1s).
[[noreturn]] void fork_three() {
  lab_fork();
  lab_fork();
  lab_fork();
  lab_print("1");
  reap_all_children();
  lab_exit(0);
}

// Source: seeds/003 (g_num: process-c - 101, process-p - 100).
int g_num = 100;
[[noreturn]] void globals_after_fork() {
  if (lab_fork() == 0) {
    g_num += 1;
    lab_print(fmt::format("process-c - {}", g_num));
    lab_exit(0);
  }
  reap_all_children();
  lab_print(fmt::format("process-p - {}", g_num));
  lab_exit(0);
}

// ---- 3. zombie, orphan, wait ------------------------------------------------------------

// Source: seeds/001 (child ends, parent does not wait: ps shows Z).
[[noreturn]] void zombie() {
  const pid_t child = lab_fork();
  if (child == 0) {
    lab_print("child: exiting now");
    lab_exit(0);
  }
  siginfo_t info{};
  // WNOWAIT: learn that the child has ended without reaping it, so it stays a zombie.
  while (waitid(P_PID, static_cast<id_t>(child), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR) {
  }
  lab_print(fmt::format("parent: child {} has exited; not waiting yet, so it is a zombie (Z)", child));
  lab_sleep_ms(100);
  int code = 0;
  lab_wait(child, &code);
  lab_print(fmt::format("parent: waited for {}: it is gone", child));
  lab_exit(0);
}

// Source: seeds/001 (the parent os._exit()s first; init adopts the child).
[[noreturn]] void orphan() {
  const pid_t parent = getpid();
  const pid_t child = lab_fork();
  if (child == 0) {
    while (getppid() == parent) lab_sleep_ms(1);  // the parent may even be gone before we run
    lab_sleep_ms(50);  // let the sampler see the new parent
    lab_print(fmt::format("child: my parent was {}, now it is {}", parent, getppid()));
    lab_exit(0);
  }
  lab_print(fmt::format("parent: exiting before my child {}", child));
  lab_exit(0);
}

[[noreturn]] void wait_demo(bool by_pid) {
  constexpr int kDelays[] = {120, 40, 80};  // far apart, so the order survives a busy machine
  pid_t children[3] = {};
  for (int i = 0; i < 3; ++i) {
    children[i] = lab_fork();
    if (children[i] == 0) {
      lab_sleep_ms(kDelays[i]);
      lab_exit(i + 1);
    }
  }
  for (int i = 0; i < 3; ++i) {
    int code = 0;
    const pid_t got = lab_wait(by_pid ? children[i] : -1, &code);
    lab_print(fmt::format("{} reaped pid {} (exit code {})", by_pid ? "waitpid" : "wait", got, code));
  }
  lab_exit(0);
}

// ---- 4. fork bomb -----------------------------------------------------------------------

// The usual ways a process tries to outlive its parent. Each one stays inside the lab.
void spawn_escapers() {
  if (lab_fork() == 0) {
    setsid();
    lab_hold();
  }
  if (lab_fork() == 0) {
    if (lab_fork() == 0) lab_hold();  // double fork: the grandchild is orphaned at once
    lab_exit(0);
  }
  if (lab_fork() == 0) {
    signal(SIGHUP, SIG_IGN);  // nohup
    lab_hold();
  }
}

// Source: seeds/000 (while True: os.fork()). Every process forks until fork fails, then waits
// to be killed; the first process ends the run shortly after its own fork fails.
[[noreturn]] void fork_bomb() {
  spawn_escapers();
  const pid_t root = getpid();
  for (;;) {
    const pid_t child = lab_fork();
    if (child >= 0) continue;  // parent and child both go on forking
    if (getpid() != root) lab_hold();
    lab_sleep_ms(100);  // let the others hit the cap too, and the sampler see the full tree
    lab_print("fork failed with EAGAIN: the cap holds");
    lab_exit(0);
  }
}

// ---- 5. cpu burners ---------------------------------------------------------------------

std::int64_t cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000 + ts.tv_nsec / 1'000'000;
}

[[noreturn]] void cpu_burners() {
  constexpr int kNice[] = {0, 5, 10, 19};
  constexpr int kBurnMs = 400;
  for (int nice_value : kNice) {
    if (lab_fork() == 0) {
      setpriority(PRIO_PROCESS, 0, nice_value);
      const std::int64_t end = monotonic_ns() + kBurnMs * 1'000'000LL;
      volatile std::uint64_t spin = 0;
      while (monotonic_ns() < end) spin = spin + 1;
      lab_print(fmt::format("nice {:>2}: {} ms of CPU in {} ms, last on CPU {}", nice_value, cpu_ms(), kBurnMs,
                            sched_getcpu()));
      lab_exit(0);
    }
  }
  reap_all_children();
  lab_exit(0);
}

}  // namespace

// ---- 6. dispatch ------------------------------------------------------------------------

void run_demo_body(const DemoInfo& demo) {
  const std::string_view n = demo.name;
  if (n == "fork-once") fork_once();
  if (n == "fork-twice") fork_twice();
  if (n == "fork-three") fork_three();
  if (n == "globals-after-fork") globals_after_fork();
  if (n == "zombie") zombie();
  if (n == "orphan") orphan();
  if (n == "wait") wait_demo(false);
  if (n == "waitpid") wait_demo(true);
  if (n == "fork-bomb") fork_bomb();
  if (n == "cpu-burners") cpu_burners();
  lab_exit(127);
}

}  // namespace detail
}  // namespace proclab::real
