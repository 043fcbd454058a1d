// --timeout: a wall-clock limit on one proclab-cli command, so that --max-ticks and wall time
// both bound a run (a tick can be slow: a million processes, a costly statement).
//
// Use: construct it when the command starts, run the kernel through run(); when run() returns
// Stop::Timeout print message() and exit 1. A watchdog thread backs it up: if the command is still going
// kGrace after the limit (one tick or the printing never returned), the watchdog prints
// message() itself and ends the process with exit code 1.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <limits>
#include <mutex>
#include <string>
#include <thread>

#include "proclab/kernel.h"

namespace proclab::cli {

// The default --timeout for a run of max_ticks: 10 s plus 2 s per million ticks.
double default_timeout_seconds(Tick max_ticks);

class WallClockLimit {
 public:
  static constexpr std::chrono::seconds kGrace{1};

  // `command` names the subcommand in the message ("sched"); seconds > 0.
  WallClockLimit(std::string command, double seconds);
  ~WallClockLimit();  // stops the watchdog
  WallClockLimit(const WallClockLimit&) = delete;
  WallClockLimit& operator=(const WallClockLimit&) = delete;

  enum class Stop : std::uint8_t { Ended, Timeout, MaxEvents };
  // Steps `kernel` as Kernel::run(max_ticks) does. Ended: the run ended (status() says how:
  // Exit, Deadlock or MaxTicks). Timeout: the wall-clock limit came first; MaxEvents: the trace
  // passed max_events first (checked with the clock, so it may pass by a few thousand).
  // After Timeout or MaxEvents the kernel is left as it was then, still Running.
  Stop run(Kernel& kernel, Tick max_ticks, std::size_t max_events = std::numeric_limits<std::size_t>::max());
  bool expired() const;
  // "proclab-cli: sched: timeout of 2.5 s reached (raise it with --timeout)"
  std::string message() const;

 private:
  using Clock = std::chrono::steady_clock;
  void watch();

  std::string command_;
  double seconds_;
  Clock::time_point deadline_;
  std::mutex mutex_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::thread watchdog_;  // last: starts after the fields it reads
};

}  // namespace proclab::cli
