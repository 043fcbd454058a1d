// Bounded reading of user files (see proclab/input_file.h).
#include "proclab/input_file.h"

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

namespace proclab {

namespace {

namespace fs = std::filesystem;

std::string_view kind_of(fs::file_type t) {
  switch (t) {
    case fs::file_type::directory: return "a directory";
    case fs::file_type::character:
    case fs::file_type::block: return "a device";
    case fs::file_type::fifo: return "a FIFO (named pipe)";
    case fs::file_type::socket: return "a socket";
    default: return "not a regular file";
  }
}

std::string too_big(const std::string& path, const InputLimits& limits) {
  return fmt::format("{}: larger than the input size limit of {}{}", path, format_bytes(limits.max_bytes),
                     limits.raise_flag.empty() ? "" : fmt::format(" (raise it with {})", limits.raise_flag));
}

}  // namespace

std::string format_bytes(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return fmt::format("{} MiB", bytes >> 20);
  if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return fmt::format("{} KiB", bytes >> 10);
  return fmt::format("{} bytes", bytes);
}

Expected<std::string> read_input_file(const std::string& path, const InputLimits& limits) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);  // follows symlinks: a link to /dev/zero is a device
  if (ec || !fs::exists(status))
    return Error{fmt::format("{}: cannot open file (does it exist and is it readable?)", path)};
  if (!fs::is_regular_file(status))
    return Error{fmt::format("{}: is {}; expected a regular file", path, kind_of(status.type()))};
  if (const auto size = fs::file_size(path, ec); !ec && size > limits.max_bytes) return Error{too_big(path, limits)};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{fmt::format("{}: cannot open file (does it exist and is it readable?)", path)};
  std::string text;
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    const auto got = static_cast<std::size_t>(in.gcount());
    if (text.size() + got > limits.max_bytes) return Error{too_big(path, limits)};
    text.append(chunk, got);
  }
  if (in.bad()) return Error{fmt::format("{}: cannot read file", path)};
  return text;
}

}  // namespace proclab
