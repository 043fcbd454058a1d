// Program: the lesson's explanation and its code with each process's current line marked in
// that process's color (a debugger with many processes), editable, errors shown at line:col.
// For a burst workload: the job table editor.
#pragma once

#include "view.h"

namespace proclab::gui {

class ProgramView final : public View {
 public:
  ProgramView() : View(S::Program, "program", {0.0f, 0.0f, 0.29f, 0.58f}) {}

 protected:
  void draw_content(ViewContext& c) override;

 private:
  void draw_code(ViewContext& c);
  void draw_jobs(ViewContext& c);

  bool editing_ = false;
  std::string buffer_;
  std::string job_error_;
  int followed_line_ = 0;  // line the code view last scrolled to
};

}  // namespace proclab::gui
