// Reading a file the user names (a scenario, a program, a lesson): only regular files, and at
// most a size limit, so `/dev/zero`, a FIFO or a huge file is a one-line error, never a hang
// or an exhausted memory. Every proclab executable reads user files through this.
#pragma once

#include <cstddef>
#include <string>

#include "proclab/error.h"

namespace proclab {

inline constexpr std::size_t kDefaultMaxInputBytes = std::size_t{4} << 20;  // 4 MiB

struct InputLimits {
  std::size_t max_bytes = kDefaultMaxInputBytes;
  // How the user raises the limit ("--max-input-size"); named in the error when not empty.
  std::string raise_flag;
};

// The whole file. Fails with one line starting with `path: `: cannot open, not a regular file
// (directory, device, FIFO, socket), or larger than limits.max_bytes (checked while reading
// too, so a file that grows or lies about its size is still bounded).
Expected<std::string> read_input_file(const std::string& path, const InputLimits& limits = {});

// "4 MiB", "512 KiB", "100 bytes": a byte count for messages.
std::string format_bytes(std::size_t bytes);

}  // namespace proclab
