// First come, first served: the process that entered the ready queue first runs until it
// blocks or exits.
#include <fmt/format.h>

#include "fifo_queue.h"
#include "policies.h"

namespace proclab {
namespace {

class Fcfs final : public FifoQueue {
 public:
  std::string_view name() const override { return "fcfs"; }

 private:
  std::string fmt_reason(Pid pid, Locale locale) const override {
    if (locale == Locale::Zh) return fmt::format("pid {} 最先进入就绪队列（先来先服务）", pid);
    return fmt::format("pid {} entered the ready queue first (first come, first served)", pid);
  }
};

}  // namespace

std::unique_ptr<Policy> make_fcfs(const PolicyParams&) { return std::make_unique<Fcfs>(); }

}  // namespace proclab
