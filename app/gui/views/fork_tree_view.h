// Fork tree: pid, name and state of every process, edges parent -> child, zombies as ghosts,
// reparenting animated, zoom and pan, big subtrees folded into "+N" badges.
#pragma once

#include "proclab/view_records.h"
#include "view.h"

namespace proclab::gui {

class ForkTreeView final : public View {
 public:
  ForkTreeView() : View(S::ForkTree, "tree", {0.29f, 0.0f, 0.42f, 0.56f}) {}

 protected:
  void draw_content(ViewContext& c) override;
  ImGuiWindowFlags flags() const override { return ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse; }

 private:
  void draw_node(ImDrawList* dl, const TreeNode& n, ImVec2 center, ImVec2 half, const RunModel& m, ViewContext& c);

  TreeLayout layout_;
  std::uint64_t built_for_ = ~0ull;
  Pid built_selected_ = kNoPid;
  bool built_exited_ = true;
  int built_max_children_ = 0;
  bool show_exited_ = true;
  bool fit_ = true;
  float zoom_ = 1;
  ImVec2 pan_{0, 0};
  ImVec2 pinned_at_{0, 0};  // screen offset of the selected node last frame (pinning)
};

}  // namespace proclab::gui
