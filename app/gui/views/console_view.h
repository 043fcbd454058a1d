// Console: the programs' interleaved output, each line in its process's color, filterable by pid.
#pragma once

#include "view.h"

namespace proclab::gui {

class ConsoleView final : public View {
 public:
  ConsoleView() : View(S::Console, "console", {0.0f, 0.58f, 0.29f, 0.42f}) {}

 protected:
  void draw_content(ViewContext& c) override;

 private:
  int filter_ = 0;  // 0: every process
  size_t last_count_ = 0;
};

}  // namespace proclab::gui
