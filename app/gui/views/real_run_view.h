// Real run: a lesson's real demo run in the lab (core/real): real pids (namespace and host),
// the states /proc showed, exit codes, the output, and which containment layers were active.
// The run happens on its own thread; the view polls it each frame.
#pragma once

#include <future>
#include <optional>

#include "proclab/real/lab.h"
#include "proclab/view_records.h"
#include "view.h"

namespace proclab::gui {

class RealRunView final : public View {
 public:
  RealRunView() : View(S::RealRun, "real", {0.14f, 0.08f, 0.72f, 0.84f}) { open() = false; }
  // Starts `demo` with at most `cap` processes; an earlier run still going is left to finish.
  void start(const std::string& demo, int cap);
  bool running() const { return pending_.valid(); }

 protected:
  void draw_content(ViewContext& c) override;

 private:
  void draw_result(ViewContext& c, const real::LabResult& r);

  std::future<Expected<real::LabResult>> pending_;
  std::string demo_;
  std::optional<Expected<real::LabResult>> result_;
  std::vector<std::vector<Band>> lanes_;
  Tick start_ = 0, end_ = 0;  // microseconds of the first and last event
};

}  // namespace proclab::gui
