// The reports of `proclab-cli run`: output lines, a ps-like table, a pstree-like tree, JSON.
// Pure functions of a RunModel (the fold of the run's trace), so a real run prints the same way.
#pragma once

#include <string>
#include <string_view>

#include "proclab/kernel.h"
#include "proclab/run_model.h"

namespace proclab::cli {

// "exit", "max_ticks" or "deadlock" (the JSON's stopped_by).
std::string_view stopped_by(StopReason r);
// Every output line up to the model's now, in order: "[t=12 pid 101] text" (multi-line texts
// indent their rest).
std::string output_lines(const RunModel& m);
// PID PPID STAT TIME CMD for every process ever created; STAT is the Linux letter, TIME its CPU time.
std::string ps_table(const RunModel& m);
// The fork tree: init and its descendants by creating parent; zombies are marked <defunct>,
// exited ones (exit N), orphans with their new parent.
std::string process_tree(const RunModel& m);
// {"output", "processes", "events", "ticks", "stopped_by"} (names fixed by the issue).
std::string run_json(const RunModel& m, std::string_view stopped);

}  // namespace proclab::cli
