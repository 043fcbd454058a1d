// Shortest remaining time first (preemptive SJF, alias psjf): a process whose next burst is
// strictly shorter than the running process's remaining burst takes its CPU.
#include "policies.h"
#include "shortest_burst.h"

namespace proclab {

std::unique_ptr<Policy> make_srtf(const PolicyParams&) {
  return std::make_unique<ShortestBurst>("srtf", true);
}

}  // namespace proclab
