// Text renderings of a scheduling run: the per-process table and textbook-style Gantt charts.
#pragma once

#include <string>

#include "proclab/metrics.h"
#include "proclab/policy.h"
#include "proclab/trace.h"

namespace proclab::cli {

std::string metrics_table(const Metrics& m);
// One chart per CPU, like the textbook figures: | P1 | P2 | ... with the times underneath.
// Very long runs show their first slices and say how many are left out.
std::string gantt_chart(const Metrics& m, const Trace& trace, int cpus);

}  // namespace proclab::cli
