#include "wall_clock_limit.h"

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

namespace proclab::cli {

double default_timeout_seconds(Tick max_ticks) { return 10.0 + 2.0 * static_cast<double>(max_ticks) / 1e6; }

WallClockLimit::WallClockLimit(std::string command, double seconds)
    : command_(std::move(command)),
      seconds_(seconds),
      deadline_(Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds))),
      watchdog_([this] { watch(); }) {}

WallClockLimit::~WallClockLimit() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_cv_.notify_one();
  watchdog_.join();
}

void WallClockLimit::watch() {
  std::unique_lock lock(mutex_);
  if (stop_cv_.wait_until(lock, deadline_ + kGrace, [this] { return stopping_; })) return;
  // The command is stuck past its limit: end it here, the only way to stop a tick that never returns.
  const std::string line = message() + "\n";
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  std::_Exit(1);
}

bool WallClockLimit::expired() const { return Clock::now() >= deadline_; }

std::string WallClockLimit::message() const {
  return fmt::format("proclab-cli: {}: timeout of {:g} s reached (raise it with --timeout)", command_, seconds_);
}

WallClockLimit::Stop WallClockLimit::run(Kernel& kernel, Tick max_ticks, std::size_t max_events) {
  // Reading the clock costs about as much as an idle tick: check it once per batch of ticks,
  // the batch sized so that a check comes every 1-10 ms.
  std::uint32_t batch = 1;
  Clock::time_point last = Clock::now();
  while (kernel.status() == StopReason::Running && kernel.now() < max_ticks) {
    for (std::uint32_t i = 0; i < batch && kernel.now() < max_ticks && kernel.step(); ++i) {
    }
    const Clock::time_point now = Clock::now();
    if (now >= deadline_) return Stop::Timeout;
    if (kernel.trace().events().size() > max_events) return Stop::MaxEvents;
    const auto took = now - last;
    last = now;
    if (took < std::chrono::milliseconds(1) && batch < (1u << 20)) batch *= 2;
    else if (took > std::chrono::milliseconds(10) && batch > 1) batch /= 2;
  }
  kernel.run(max_ticks);  // marks MaxTicks when the clock got there
  return Stop::Ended;
}

}  // namespace proclab::cli
