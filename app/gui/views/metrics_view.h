// Metrics: per-process times and averages, the same workload under every policy as bars,
// and the process count over time (the fork bomb's growth curve).
#pragma once

#include <optional>

#include "proclab/metrics.h"
#include "proclab/session.h"
#include "view.h"

namespace proclab::gui {

class MetricsView final : public View {
 public:
  explicit MetricsView(ProgramKernelBuilder builder)
      : View(S::Metrics, "metrics", {0.0f, 0.58f, 0.29f, 0.42f}), compare_(std::move(builder), 20000) {}

 protected:
  void draw_content(ViewContext& c) override;

 private:
  Metrics metrics_;
  std::vector<float> counts_;
  std::uint64_t built_for_ = ~0ull;
  PolicyComparisonJob compare_;
};

}  // namespace proclab::gui
