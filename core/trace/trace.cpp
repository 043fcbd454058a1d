#include "proclab/trace.h"

#include <algorithm>

namespace proclab {

std::int32_t Trace::add_text(std::string text) {
  texts_.push_back(std::move(text));
  return static_cast<std::int32_t>(texts_.size() - 1);
}

void Trace::add_process(ProcessRecord record) { processes_.push_back(record); }

const ProcessRecord* Trace::process(Pid pid) const {
  // Simulated pids ascend in creation order; the real backend's nearly always do.
  auto it = std::lower_bound(processes_.begin(), processes_.end(), pid,
                             [](const ProcessRecord& r, Pid p) { return r.pid < p; });
  if (it != processes_.end() && it->pid == pid) return &*it;
  for (const auto& r : processes_)
    if (r.pid == pid) return &r;
  return nullptr;
}

std::string_view Trace::name(Pid pid) const {
  const ProcessRecord* r = process(pid);
  return r ? text(r->name) : std::string_view{};
}

}  // namespace proclab
