// The same document under every policy: the numbers behind the metrics view's compare bars.
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

}  // namespace proclab
