// Shortest job first (non-preemptive): the Ready process with the shortest next CPU burst runs
// until it blocks or exits.
#include "policies.h"
#include "shortest_burst.h"

namespace proclab {

std::unique_ptr<Policy> make_sjf(const PolicyParams&) {
  return std::make_unique<ShortestBurst>("sjf", false);
}

}  // namespace proclab
