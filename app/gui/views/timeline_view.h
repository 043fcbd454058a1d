// Timeline: a Gantt lane per CPU and a state-band lane per process; zoom, pan, follow the
// clock, hover for the event behind a band, click to go to a tick.
#pragma once

#include "proclab/view_records.h"
#include "view.h"

namespace proclab::gui {

class TimelineView final : public View {
 public:
  TimelineView() : View(S::Timeline, "timeline", {0.29f, 0.56f, 0.42f, 0.44f}) {}

 protected:
  void draw_content(ViewContext& c) override;
  ImGuiWindowFlags flags() const override { return ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse; }

 private:
  std::vector<Band> cpu_;
  std::vector<std::vector<Band>> lanes_;
  std::uint64_t built_for_ = ~0ull;
  bool follow_ = true;
  float px_per_tick_ = 20;
  float t0_ = 0;        // first visible tick
  float scroll_y_ = 0;  // process lanes scrolled past
};

}  // namespace proclab::gui
