// Two runs of one program side by side (proclab-cli compare, the GUI's "Compare with real"):
// the simulated run and the real one, each a RunModel. Processes are matched by their position in
// the fork tree, so real pids map to simulated ones: the workload's first process is "1", the
// k-th child a process forked is its path plus ".k" (children in creation order).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "proclab/run_model.h"

namespace proclab {

struct ComparedPart {
  std::vector<std::string> simulated, real;
  bool same = false;
};

struct RunComparison {
  ComparedPart tree;        // fork-tree paths, depth first ("1", "1.1", "1.1.1", "1.2", ...)
  ComparedPart output;      // every line printed, sorted (a multiset); real pids in the text mapped
                            // (only in a line that as printed matches no simulated one)
  ComparedPart exit_codes;  // "PATH: CODE" ("PATH: -" when it did not exit)
  ComparedPart states;      // "PATH: R S R Z X": each process's states, Linux letters, repeats collapsed
  bool same = false;        // all four parts are the same
  std::vector<std::string> notes;  // where and why the runs differ, in words
  std::unordered_map<Pid, Pid> real_to_simulated;  // matched by tree position (init to init)
};

RunComparison compare_runs(const RunModel& simulated, const RunModel& real);

// Each process's tree path, depth first, children in creation order (init excluded). The
// workload's roots are init's children in creation order ("1", "2", ...).
std::vector<std::pair<std::string, const ProcessRow*>> fork_tree_paths(const RunModel& model);

// `text` with every whole number that is a key of `pids` replaced by its value.
std::string map_pids(std::string_view text, const std::unordered_map<Pid, Pid>& pids);

}  // namespace proclab
