#include "channel.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <unistd.h>

namespace proclab::real::detail {

std::int64_t monotonic_ns() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

std::int64_t lab_time_us(const LabShared& shared) { return (monotonic_ns() - shared.t0_ns) / 1000; }

bool write_record(int fd, const Record& r) {
  for (;;) {
    const ssize_t n = write(fd, &r, sizeof r);
    if (n == static_cast<ssize_t>(sizeof r)) return true;
    if (n < 0 && errno == EINTR) continue;
    return false;  // EPIPE or a short write: nobody listens any more
  }
}

void write_text_records(int fd, Record base, std::string_view text) {
  constexpr size_t kChunk = sizeof base.text - 1;
  do {
    const size_t n = std::min(kChunk, text.size());
    std::memset(base.text, 0, sizeof base.text);
    std::memcpy(base.text, text.data(), n);
    text.remove_prefix(n);
    base.b = text.empty() ? 0 : 1;
    if (!write_record(fd, base)) return;
  } while (!text.empty());
}

}  // namespace proclab::real::detail
