// Processes: a ps-like sortable table; right-click a row to send a signal or change its
// priority or nice value.
#pragma once

#include "proclab/view_records.h"
#include "view.h"

namespace proclab::gui {

class ProcessTableView final : public View {
 public:
  ProcessTableView() : View(S::Processes, "table", {0.71f, 0.65f, 0.29f, 0.35f}) {}

 protected:
  void draw_content(ViewContext& c) override;

 private:
  bool show_reaped_ = false;
  int edit_value_ = 0;
  int nice_value_ = 0;
};

}  // namespace proclab::gui
