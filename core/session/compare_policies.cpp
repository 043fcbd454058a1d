// The same document under every policy: the numbers behind the metrics view's compare bars.
#include <chrono>

#include "proclab/metrics.h"
#include "proclab/session.h"

namespace proclab {

std::vector<PolicyComparison> compare_policies(const Document& doc, const ProgramKernelBuilder& build_program,
                                               Tick max_ticks) {
  std::vector<PolicyComparison> out;
  for (const PolicyInfo& info : policy_catalog()) {
    Document d = doc;
    d.settings.policy.name = std::string(info.name);
    d.settings.policy.seed = d.settings.kernel.seed;
    Expected<std::unique_ptr<Kernel>> built = Error{""};
    if (d.kind == DocumentKind::Jobs) built = build_kernel(d.settings);
    else if (build_program) built = build_program(d);
    if (!built) continue;
    Kernel& k = *built.value();
    const StopReason why = k.run(max_ticks);
    const Metrics m = compute_metrics(k.trace(), k.config().cpus, k.now());
    out.push_back({std::string(info.name), why == StopReason::Exit, m.avg_turnaround, m.avg_waiting, m.avg_response,
                   m.context_switches});
  }
  return out;
}

PolicyComparisonJob::~PolicyComparisonJob() {
  if (pending_.valid()) pending_.wait();
}

void PolicyComparisonJob::request(const Document& doc, std::uint64_t key, bool again) {
  poll();
  if (!again && ((done_key_ == key && !pending_.valid()) || (pending_.valid() && pending_key_ == key))) return;
  if (pending_.valid()) {
    queued_.emplace(doc, key);
    return;
  }
  pending_key_ = key;
  pending_ = std::async(std::launch::async, [d = doc, b = build_program_, t = max_ticks_] { return compare_policies(d, b, t); });
}

void PolicyComparisonJob::poll() {
  if (!pending_.valid() || pending_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
  done_ = pending_.get();
  done_key_ = pending_key_;
  if (queued_) {
    auto [doc, key] = std::move(*queued_);
    queued_.reset();
    request(doc, key);
  }
}

bool PolicyComparisonJob::ready(std::uint64_t key) {
  poll();
  return done_key_ == key;
}

}  // namespace proclab
