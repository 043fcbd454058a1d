// OSTEP's CPU homework simulators (remzi-arpacidusseau/ostep-homework: process-run.py,
// scheduler.py, mlfq.py, lottery.py, multi.py, fork.py), reproduced: the same flags, spelled and
// defaulted as the scripts spell them, and the same output byte for byte, bugs included
// (docs/ostep.md lists them).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace proclab::ostep {

// What a simulator printed and how it ended. exit_code 0 and 1 are the script's own (it prints
// its own complaints, e.g. "bad action (x), must be ...", on stdout and exits 1); 1 with `err`
// set is a proclab limit (the script would go on without end, or print more than the output
// limit); 2 with `err` set is input on which the script itself would crash with a Python
// exception, or that optparse rejects (the err line names it).
struct Output {
  std::string out;
  std::string err;
  int exit_code = 0;
};

inline constexpr std::size_t kMaxOutputBytes = 16u << 20;  // what one run may print

// "process-run", "scheduler", "mlfq", "lottery", "multi", "fork".
const std::vector<std::string_view>& simulator_names();

// Runs simulator `name` with the script's arguments. `entropy_seed` seeds fork.py's generator
// when its -s is -1 (the script then seeds from os.urandom, so no run repeats). The caller must
// pass a name from simulator_names().
Output run_simulator(std::string_view name, std::span<const std::string> args, std::uint64_t entropy_seed);

}  // namespace proclab::ostep
