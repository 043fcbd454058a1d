// Exporters: the trace and the metrics as JSON documents. Written straight to text (not through
// a JSON tree) because a million-event trace must export in well under a second.
#pragma once

#include <iosfwd>
#include <string>

#include "proclab/metrics.h"
#include "proclab/policy.h"
#include "proclab/trace.h"

namespace proclab {

// The `proclab-cli sched --format json` report. Field names are fixed (README):
// policy, quantum, cpus, processes[], average, makespan, cpu_utilization, throughput,
// context_switches, gantt[].
// Written to `os` as it is produced (a million-tick run's report is ~60 MB).
void write_sched_report_json(std::ostream& os, const PolicyParams& policy, int cpus, const Metrics& metrics,
                             const Trace& trace);

// One JSON object per event: {"time","type","pid", and the fields the type needs}.
std::string events_json(const Trace& trace);

// Chrome Trace Event JSON (opens in Perfetto and chrome://tracing): one track per CPU showing
// which process ran, and one track per process showing its state bands.
std::string chrome_trace_json(const Trace& trace, Tick end);

// Escapes s as a JSON string literal, quotes included.
std::string json_quote(std::string_view s);

}  // namespace proclab
