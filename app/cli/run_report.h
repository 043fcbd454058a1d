// The reports of `proclab-cli run`: output lines, a ps-like table, a pstree-like tree, JSON.
// Pure functions of the finished kernel (its trace and process table).
#pragma once

#include <string>

#include "proclab/kernel.h"

namespace proclab::cli {

// Every output record, in order: "[t=12 pid 101] text" (multi-line texts indent their rest).
std::string output_lines(const Kernel& k);
// PID PPID STAT TIME CMD for every process ever created; STAT is the Linux letter, TIME its CPU ticks.
std::string ps_table(const Kernel& k);
// The fork tree: init and its descendants by creating parent; zombies are marked <defunct>,
// exited ones (exit N), orphans with their new parent.
std::string process_tree(const Kernel& k);
// {"output", "processes", "events", "ticks", "stopped_by"} (names fixed by the issue).
std::string run_json(const Kernel& k);

}  // namespace proclab::cli
