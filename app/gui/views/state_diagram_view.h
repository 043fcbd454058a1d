// State diagram: the seven states with live counts; each transition of the latest tick is
// animated along its arrow.
#pragma once

#include "view.h"

namespace proclab::gui {

class StateDiagramView final : public View {
 public:
  StateDiagramView() : View(S::StateDiagram, "states", {0.71f, 0.0f, 0.29f, 0.37f}) {}

 protected:
  void draw_content(ViewContext& c) override;
};

}  // namespace proclab::gui
