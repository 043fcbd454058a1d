// Fork tree drawing: records from layout_fork_tree(), then boxes and edges.
#include "fork_tree_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace proclab::gui {

namespace {

ImVec2 lerp(ImVec2 a, ImVec2 b, float t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

// Live or zombie children of pid (what wait() could still collect).
int live_children(const RunModel& m, Pid pid) {
  int n = 0;
  for (const ProcessRow& r : m.processes()) n += r.ppid == pid && (r.alive() || r.state == ProcState::Zombie);
  return n;
}

}  // namespace

void ForkTreeView::draw_content(ViewContext& c) {
  ImGui::Checkbox(tr(S::ShowExited), &show_exited_);
  ImGui::SameLine();
  if (ImGui::Button(tr(S::FitView))) fit_ = true;
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(S::TreeHint));
  if (c.model().empty()) return;
  const RunModel& m = c.model();

  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (avail.x < 10 || avail.y < 10) return;
  // As many children side by side as stay readable in this width; the rest fold into "+N".
  const int max_children = std::clamp(static_cast<int>(avail.x / (70 * c.ui.scale)) - 1, 3, 16);
  if (built_for_ != c.revision() || built_selected_ != c.ui.selected || built_exited_ != show_exited_ ||
      built_max_children_ != max_children) {
    layout_ = layout_fork_tree(m, {.budget = 400, .max_children = max_children, .show_terminated = show_exited_,
                                    .by_fork = show_exited_, .selected = c.ui.selected});
    built_for_ = c.revision();
    built_selected_ = c.ui.selected;
    built_exited_ = show_exited_;
    built_max_children_ = max_children;
  }
  ImGui::InvisibleButton("canvas", avail, ImGuiButtonFlags_MouseButtonLeft);
  const bool hovered = ImGui::IsItemHovered();
  ImGuiIO& io = ImGui::GetIO();

  const float s = c.ui.scale;
  const float slot_w = 92 * s, level_h = 64 * s;
  const ImVec2 half{40 * s, 22 * s};
  const float tree_w = std::max(1.f, layout_.width) * slot_w;
  const float tree_h = (static_cast<float>(layout_.depth) + 1.35f) * level_h;  // room for a label under the last row
  if (fit_) {
    zoom_ = std::clamp(std::min(avail.x / tree_w, avail.y / tree_h), 0.05f, 1.4f);
    pan_ = {(avail.x - tree_w * zoom_) / 2, (avail.y - tree_h * zoom_) / 2};
  }
  const auto to_screen = [&](float x, float y) {
    return ImVec2{origin.x + pan_.x + (x * slot_w + slot_w / 2) * zoom_, origin.y + pan_.y + (y * level_h + level_h / 2) * zoom_};
  };

  // Pinning: a selected node stays where the user clicked it while the tree grows.
  const int sel = layout_.find(c.ui.selected);
  if (!fit_ && sel >= 0) {
    const ImVec2 now = to_screen(layout_.nodes[static_cast<size_t>(sel)].x, layout_.nodes[static_cast<size_t>(sel)].y);
    const ImVec2 want{origin.x + pinned_at_.x, origin.y + pinned_at_.y};
    if (pinned_at_.x != 0 || pinned_at_.y != 0) pan_ = {pan_.x + want.x - now.x, pan_.y + want.y - now.y};
  }

  if (hovered && io.MouseWheel != 0) {
    const float factor = std::pow(1.15f, io.MouseWheel);
    const ImVec2 m{io.MousePos.x - origin.x, io.MousePos.y - origin.y};
    pan_ = {m.x - (m.x - pan_.x) * factor, m.y - (m.y - pan_.y) * factor};
    zoom_ = std::clamp(zoom_ * factor, 0.02f, 6.f);
    fit_ = false;
  }
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2)) {
    pan_ = {pan_.x + io.MouseDelta.x, pan_.y + io.MouseDelta.y};
    fit_ = false;
  }

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(origin, {origin.x + avail.x, origin.y + avail.y}, true);
  const ImVec2 zh{half.x * zoom_, half.y * zoom_};
  const ImU32 edge = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const float anim = static_cast<float>(std::clamp((c.ui.time - c.ui.last_step_time) / 0.6, 0.0, 1.0));

  // Edges first, under the boxes. A fresh reparent slides from the old parent to the new.
  for (const TreeNode& n : layout_.nodes) {
    const int p = n.parent_index;
    if (p < 0) continue;
    ImVec2 from = to_screen(layout_.nodes[static_cast<size_t>(p)].x, layout_.nodes[static_cast<size_t>(p)].y);
    const bool moving = n.reparented_at == c.session.now() && anim < 1;
    if (moving) {
      if (int old = layout_.find(n.previous_parent); old >= 0)
        from = lerp(to_screen(layout_.nodes[static_cast<size_t>(old)].x, layout_.nodes[static_cast<size_t>(old)].y), from, anim);
    }
    const ImVec2 to = to_screen(n.x, n.y);
    const ImVec2 a{from.x, from.y + zh.y}, b{to.x, to.y - zh.y};
    const float mid = (a.y + b.y) / 2;
    dl->AddBezierCubic(a, {a.x, mid}, {b.x, mid}, b, moving ? IM_COL32(240, 90, 60, 255) : edge,
                       std::max(1.f, 2 * s * std::min(zoom_, 1.f)));
  }

  const TreeNode* hover_node = nullptr;
  for (const TreeNode& n : layout_.nodes) {
    const ImVec2 ctr = to_screen(n.x, n.y);
    if (ctr.x + zh.x < origin.x || ctr.x - zh.x > origin.x + avail.x || ctr.y + zh.y < origin.y ||
        ctr.y - zh.y > origin.y + avail.y)
      continue;
    draw_node(dl, n, ctr, zh, m, c);
    if (hovered && std::fabs(io.MousePos.x - ctr.x) <= zh.x && std::fabs(io.MousePos.y - ctr.y) <= zh.y) hover_node = &n;
  }
  dl->PopClipRect();

  if (hover_node && hover_node->pid != kNoPid) {
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2)) {
      c.ui.selected = c.ui.selected == hover_node->pid ? kNoPid : hover_node->pid;
      const ImVec2 at = to_screen(hover_node->x, hover_node->y);
      pinned_at_ = {at.x - origin.x, at.y - origin.y};
    }
    if (const ProcessRow* p = m.process(hover_node->pid)) {
      ImGui::BeginTooltip();
      const std::string_view name = m.trace().text(p->name);
      ImGui::Text("PID %d  %.*s", p->pid, static_cast<int>(name.size()), name.data());
      ImGui::Text("%s: %d", tr(S::ParentPid), p->ppid);
      ImGui::Text("%s: %s (%c)", tr(S::State), state_name(p->state), linux_letter(p->state));
      ImGui::Text("%s: %d", tr(S::CpuTime), m.cpu_time(*p));
      ImGui::Text("%s: %d", tr(S::Children), live_children(m, p->pid));
      if (hover_node->reparented_at >= 0) ImGui::Text(tr(S::ReparentedFrom), hover_node->reparented_at, hover_node->previous_parent);
      ImGui::EndTooltip();
    }
  }
  // Remember where the selection sits so the next frame can keep it there.
  if (sel >= 0) {
    const ImVec2 at = to_screen(layout_.nodes[static_cast<size_t>(sel)].x, layout_.nodes[static_cast<size_t>(sel)].y);
    pinned_at_ = {at.x - origin.x, at.y - origin.y};
  } else {
    pinned_at_ = {0, 0};
  }
}

void ForkTreeView::draw_node(ImDrawList* dl, const TreeNode& n, ImVec2 ctr, ImVec2 half, const RunModel& m,
                             ViewContext& c) {
  const ImVec2 a{ctr.x - half.x, ctr.y - half.y}, b{ctr.x + half.x, ctr.y + half.y};
  const float rounding = 6 * c.ui.scale * zoom_;
  char line1[48], line2[64];
  if (n.pid == kNoPid) {  // a folded subtree: a pill wide enough for its count
    std::snprintf(line1, sizeof line1, tr(S::MoreProcesses), n.folded);
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize() * std::min(1.f, zoom_ * 1.1f);
    const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0, line1);
    const float hw = std::max(half.x, ts.x / 2 + 6);
    dl->AddRectFilled({ctr.x - hw, a.y}, {ctr.x + hw, b.y}, ImGui::GetColorU32(ImGuiCol_FrameBg), half.y);
    dl->AddRect({ctr.x - hw, a.y}, {ctr.x + hw, b.y}, ImGui::GetColorU32(ImGuiCol_Border), half.y, 0, 2);
    dl->AddText(font, size, {ctr.x - ts.x / 2, ctr.y - ts.y / 2}, ImGui::GetColorU32(ImGuiCol_Text), line1);
    return;
  }
  const bool init = n.pid == kInitPid;
  const ProcState st = init ? ProcState::Running : n.state;
  const ImU32 fill = init ? ImGui::GetColorU32(ImGuiCol_FrameBg) : pid_color(n.pid);
  const float alpha = (st == ProcState::Terminated) ? 0.35f : (st == ProcState::Zombie ? 0.5f : 1.f);
  dl->AddRectFilled(a, b, with_alpha(fill, alpha), rounding);
  if (!init) {
    // State: a thick border in the state color; running glows, zombies are dashed ghosts.
    const ImU32 sc = state_color(st);
    const float w = std::max(1.5f, 4 * c.ui.scale * std::min(zoom_, 1.f));
    if (st == ProcState::Zombie) {
      for (int i = 0; i < 12; i += 2) {
        const float t0 = static_cast<float>(i) / 12, t1 = static_cast<float>(i + 1) / 12;
        dl->AddLine({a.x + (b.x - a.x) * t0, a.y}, {a.x + (b.x - a.x) * t1, a.y}, sc, w);
        dl->AddLine({a.x + (b.x - a.x) * t0, b.y}, {a.x + (b.x - a.x) * t1, b.y}, sc, w);
      }
    } else if (st != ProcState::Terminated) {
      if (st == ProcState::Running) dl->AddRect({a.x - w, a.y - w}, {b.x + w, b.y + w}, with_alpha(sc, 0.45f), rounding + w, 0, w);
      dl->AddRect(a, b, sc, rounding, 0, w);
    }
  }
  if (c.ui.selected == n.pid) dl->AddRect({a.x - 5, a.y - 5}, {b.x + 5, b.y + 5}, ImGui::GetColorU32(ImGuiCol_Text), rounding + 4, 0, 2.5f);
  if (zoom_ < 0.35f) return;  // too small to read: shapes only
  const ProcessRow* p = m.process(n.pid);
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize() * std::min(1.f, zoom_ * 1.1f);
  // The name joins the pid where it says something new (P1..Pn of a workload, a new program) and
  // fits; forked children share their parent's name, so their pid says it all.
  const std::string_view name = m.name(n.pid);
  const bool new_name = !init && p && name != m.name(p->original_ppid);
  std::snprintf(line1, sizeof line1, "%d %.*s", n.pid, static_cast<int>(std::min<size_t>(name.size(), 32)), name.data());
  if (!new_name || font->CalcTextSizeA(size, 1e9f, 0, line1).x > (b.x - a.x) - 8) std::snprintf(line1, sizeof line1, "%d", n.pid);
  if (init) std::snprintf(line2, sizeof line2, "init");
  else if (st == ProcState::Zombie) std::snprintf(line2, sizeof line2, "%s", tr(S::Defunct));
  else std::snprintf(line2, sizeof line2, "%s", state_name(st));
  const ImU32 text = init ? ImGui::GetColorU32(ImGuiCol_Text) : with_alpha(text_on(fill), alpha < 1 ? 0.8f : 1.f);
  const ImVec2 s1 = font->CalcTextSizeA(size, 1e9f, 0, line1), s2 = font->CalcTextSizeA(size * 0.85f, 1e9f, 0, line2);
  dl->AddText(font, size, {ctr.x - s1.x / 2, ctr.y - s1.y + 1}, text, line1);
  dl->AddText(font, size * 0.85f, {ctr.x - s2.x / 2, ctr.y + 1}, text, line2);
  // An orphan drawn under the process that forked it says who adopted it.
  if (p && n.adopted_by != kNoPid && zoom_ > 0.5f && st != ProcState::Terminated) {
    char adopted[48];
    std::snprintf(adopted, sizeof adopted, tr(S::AdoptedBy), n.adopted_by);
    const ImVec2 s3 = ImGui::CalcTextSize(adopted);
    dl->AddRectFilled({ctr.x - s3.x / 2 - 2, b.y + 2}, {ctr.x + s3.x / 2 + 2, b.y + 2 + s3.y}, ImGui::GetColorU32(ImGuiCol_WindowBg), 3);
    dl->AddText({ctr.x - s3.x / 2, b.y + 2}, ImGui::GetColorU32(ImGuiCol_TextDisabled), adopted);
  }
}

}  // namespace proclab::gui
