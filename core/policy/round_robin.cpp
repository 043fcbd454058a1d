// Round-robin: FIFO order, each process runs at most one quantum before going to the back.
#include <fmt/format.h>

#include "fifo_queue.h"
#include "policies.h"

namespace proclab {
namespace {

class RoundRobin final : public FifoQueue {
 public:
  explicit RoundRobin(Tick quantum) : quantum_(quantum) {}
  std::string_view name() const override { return "rr"; }
  Tick quantum(const Process&) const override { return quantum_; }

 private:
  std::string fmt_reason(Pid pid, Locale locale) const override {
    if (locale == Locale::Zh)
      return fmt::format("pid {} 位于就绪队列队首；它最多可以运行 {} 个时钟周期", pid, quantum_);
    return fmt::format("pid {} is at the head of the ready queue; it may run {} ticks", pid,
                       quantum_);
  }
  Tick quantum_;
};

}  // namespace

std::unique_ptr<Policy> make_round_robin(const PolicyParams& params) {
  return std::make_unique<RoundRobin>(params.quantum);
}

}  // namespace proclab
