// Constructors of the policies, one per file; make_policy() in catalog.cpp picks among them.
// A constructor may assume its parameters passed the catalog's checks (and its own check_*).
#pragma once

#include <memory>
#include <optional>

#include "proclab/policy.h"

namespace proclab {

std::unique_ptr<Policy> make_fcfs(const PolicyParams& params);
std::unique_ptr<Policy> make_sjf(const PolicyParams& params);
std::unique_ptr<Policy> make_srtf(const PolicyParams& params);
std::unique_ptr<Policy> make_round_robin(const PolicyParams& params);
std::unique_ptr<Policy> make_priority(const PolicyParams& params);
std::unique_ptr<Policy> make_priority_preemptive(const PolicyParams& params);
std::unique_ptr<Policy> make_mlfq(const PolicyParams& params);
std::unique_ptr<Policy> make_lottery(const PolicyParams& params);
std::unique_ptr<Policy> make_stride(const PolicyParams& params);
std::unique_ptr<Policy> make_cfs(const PolicyParams& params);

// MLFQ's own parameters (levels, quanta, allotment, boost); a message naming the bad one.
std::optional<Error> check_mlfq(const PolicyParams& params);

}  // namespace proclab
