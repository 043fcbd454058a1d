// The bodies of the built-in demos. Each runs as the lab's first workload process and ends with
// lab_exit; every process it forks ends with lab_exit too (or holds until the lab's cleanup).
#pragma once

#include "proclab/real/demos.h"

namespace proclab::real::detail {

[[noreturn]] void run_demo_body(const DemoInfo& demo);

}  // namespace proclab::real::detail
