// Priority scheduling (non-preemptive): the Ready process with the lowest priority number runs
// until it blocks or exits. Optional aging (priority_bands.h).
#include "policies.h"
#include "priority_bands.h"

namespace proclab {

std::unique_ptr<Policy> make_priority(const PolicyParams& params) {
  return std::make_unique<PriorityBands>("priority", false, params.aging);
}

}  // namespace proclab
