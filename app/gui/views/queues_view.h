// Queues: what each CPU runs, the ready queue in pick order (MLFQ levels and priority bands
// as rows), the blocked, stopped and zombie processes, and why the policy chose last.
#pragma once

#include "view.h"

namespace proclab::gui {

class QueuesView final : public View {
 public:
  QueuesView() : View(S::Queues, "queues", {0.71f, 0.37f, 0.29f, 0.28f}) {}

 protected:
  void draw_content(ViewContext& c) override;
};

}  // namespace proclab::gui
