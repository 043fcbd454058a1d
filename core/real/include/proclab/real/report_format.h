// How a lab run is shown: JSON (field names fixed by issue 4), a text report and a process tree.
// Pure functions of the LabResult.
#pragma once

#include <string>

#include "proclab/real/lab.h"

namespace proclab::real {

// {"what", "containment": {<layer>: bool, ..., "notes": "..."}, "layers": {<layer>: {"active", "notes"}},
//  "cap", "peak_processes", "fork_failures", "processes": [...], "events": [...], "output": [...],
//  "survivors", "timed_out", "cgroup_removed", "exit_code"}
std::string lab_report_json(const LabResult& result);
// Containment layers, the output lines in time order, one row per process, and a summary.
std::string lab_report_text(const LabResult& result);
// The process tree by original parent, with each process's states and exit code.
std::string lab_report_tree(const LabResult& result);

}  // namespace proclab::real
