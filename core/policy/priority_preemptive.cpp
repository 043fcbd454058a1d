// Preemptive priority scheduling: a Ready process with a strictly lower priority number takes
// the CPU at once. Optional aging (priority_bands.h).
#include "policies.h"
#include "priority_bands.h"

namespace proclab {

std::unique_ptr<Policy> make_priority_preemptive(const PolicyParams& params) {
  return std::make_unique<PriorityBands>("priority-preemptive", true, params.aging);
}

}  // namespace proclab
