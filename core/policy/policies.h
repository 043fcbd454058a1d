// Constructors of the policies, one per file; make_policy() in catalog.cpp picks among them.
#pragma once

#include <memory>

#include "proclab/policy.h"

namespace proclab {

std::unique_ptr<Policy> make_fcfs(const PolicyParams& params);
std::unique_ptr<Policy> make_round_robin(const PolicyParams& params);

}  // namespace proclab
