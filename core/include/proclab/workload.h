// Burst workloads: the textbook description of a process as CPU and I/O bursts.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "proclab/error.h"
#include "proclab/program.h"

namespace proclab {

struct Burst {
  enum class Kind : std::uint8_t { Cpu, Io };
  Kind kind = Kind::Cpu;
  Tick length = 0;
  bool operator==(const Burst&) const = default;
};

// Parses "cpu 5, io 3, cpu 2" (or a bare "24", meaning "cpu 24"). Lengths must be >= 1 and
// the program must start and end with CPU; consecutive bursts of one kind are merged.
Expected<std::vector<Burst>> parse_bursts(std::string_view text);
// Checks a burst list by the rules above; `where` prefixes the message.
Expected<std::vector<Burst>> normalize_bursts(std::vector<Burst> bursts, std::string_view where);
std::string format_bursts(const std::vector<Burst>& bursts);
Tick total_cpu(const std::vector<Burst>& bursts);

// Runs the bursts: one tick of CPU per step; an I/O burst blocks the process for its length.
std::unique_ptr<Program> make_burst_program(std::vector<Burst> bursts);

}  // namespace proclab
