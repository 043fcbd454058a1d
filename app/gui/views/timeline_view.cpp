// Timeline drawing: bands from cpu_bands() and process_bands(), clipped to what is visible.
#include "timeline_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace proclab::gui {

namespace {

const Band* band_at(const std::vector<Band>& bands, float t) {
  auto it = std::upper_bound(bands.begin(), bands.end(), t, [](float v, const Band& b) { return v < static_cast<float>(b.start); });
  if (it == bands.begin()) return nullptr;
  --it;
  return t < static_cast<float>(it->end) ? &*it : nullptr;
}

void legend_item(ProcState s) {
  const float h = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + h * 0.15f}, {p.x + h * 1.2f, p.y + h * 0.85f}, state_color(s), 3);
  ImGui::Dummy({h * 1.3f, h});
  ImGui::SameLine();
  ImGui::TextUnformatted(state_name(s));
  ImGui::SameLine();
}

}  // namespace

void TimelineView::draw_content(ViewContext& c) {
  ImGui::Checkbox(tr(S::Follow), &follow_);
  ImGui::SameLine();
  for (ProcState s : {ProcState::Running, ProcState::Ready, ProcState::Blocked, ProcState::Stopped, ProcState::Zombie}) legend_item(s);
  ImGui::NewLine();
  if (c.model().empty()) return;
  const RunModel& m = c.model();
  const Tick now = m.now();
  // Real runs count microseconds: the axis reads in milliseconds and may zoom out much further.
  const bool micro = m.unit() == TimeUnit::Microsecond;
  if (built_for_ != c.revision()) {
    cpu_ = cpu_bands(m);
    lanes_ = process_bands(m);
    built_for_ = c.revision();
  }
  std::vector<std::vector<Band>> per_cpu(static_cast<size_t>(m.cpus()));
  for (const Band& b : cpu_)
    if (b.lane >= 0 && b.lane < m.cpus()) per_cpu[static_cast<size_t>(b.lane)].push_back(b);

  const float s = c.ui.scale;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (avail.x < 40 || avail.y < 40) return;
  ImGui::InvisibleButton("canvas", avail);
  const bool hovered = ImGui::IsItemHovered();
  ImGuiIO& io = ImGui::GetIO();

  const float label_w = 78 * s, axis_h = ImGui::GetTextLineHeight() + 6 * s;
  const float cpu_h = std::max(ImGui::GetTextLineHeight() + 10 * s, 26 * s), lane_h = std::max(ImGui::GetTextLineHeight() + 4 * s, 20 * s);
  const float plot_x = origin.x + label_w, plot_w = avail.x - label_w;
  const float cpus_bottom = origin.y + axis_h + cpu_h * static_cast<float>(per_cpu.size()) + 6 * s;

  if (follow_) {
    px_per_tick_ = std::clamp(plot_w / static_cast<float>(std::max<Tick>(now, 16)), micro ? 1e-6f : 3 * s, 48 * s);
    t0_ = std::max(0.f, static_cast<float>(now) - plot_w / px_per_tick_);
  }
  if (hovered && io.MouseWheel != 0) {
    if (io.KeyShift) {
      scroll_y_ = std::max(0.f, scroll_y_ - io.MouseWheel * lane_h * 3);
    } else {
      const float t_mouse = t0_ + (io.MousePos.x - plot_x) / px_per_tick_;
      px_per_tick_ = std::clamp(px_per_tick_ * std::pow(1.2f, io.MouseWheel), micro ? 1e-6f : 0.05f, 200 * s);
      t0_ = std::max(0.f, t_mouse - (io.MousePos.x - plot_x) / px_per_tick_);
      follow_ = false;
    }
  }
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3)) {
    t0_ = std::max(0.f, t0_ - io.MouseDelta.x / px_per_tick_);
    scroll_y_ = std::max(0.f, scroll_y_ - io.MouseDelta.y);
    follow_ = false;
  }
  const float t1 = t0_ + plot_w / px_per_tick_;
  const auto x_of = [&](float t) { return plot_x + (t - t0_) * px_per_tick_; };

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Separator, 0.5f);
  dl->PushClipRect(origin, {origin.x + avail.x, origin.y + avail.y}, true);

  // Axis: a label every `step` ticks, step chosen so labels never touch.
  const float label_px = ImGui::CalcTextSize("0000").x + 12 * s;
  int step = 1;
  for (int cand : {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000,
                   500000, 1000000, 2000000, 5000000, 10000000})
    if ((step = cand) * px_per_tick_ >= label_px) break;
  for (int t = static_cast<int>(std::floor(t0_ / static_cast<float>(step))) * step; static_cast<float>(t) <= t1; t += step) {
    if (t < 0) continue;
    const float x = x_of(static_cast<float>(t));
    char buf[24];
    if (micro) std::snprintf(buf, sizeof buf, "%g ms", t / 1000.0);
    else std::snprintf(buf, sizeof buf, "%d", t);
    dl->AddText({x + 2, origin.y}, dim, buf);
    dl->AddLine({x, origin.y + axis_h - 4 * s}, {x, origin.y + avail.y}, grid);
  }

  const Band* hover_band = nullptr;
  const char* hover_lane = nullptr;
  char hover_lane_buf[32];
  const float mouse_t = t0_ + (io.MousePos.x - plot_x) / px_per_tick_;
  const auto draw_bands = [&](const std::vector<Band>& bands, float y, float h, bool cpu_lane) {
    auto first = std::lower_bound(bands.begin(), bands.end(), t0_, [](const Band& b, float t) { return static_cast<float>(b.end) < t; });
    for (auto it = first; it != bands.end() && static_cast<float>(it->start) <= t1; ++it) {
      const float xa = std::max(plot_x, x_of(static_cast<float>(it->start))), xb = x_of(static_cast<float>(it->end));
      const ImU32 col = it->context_switch ? IM_COL32(150, 150, 150, 255) : cpu_lane ? pid_color(it->pid) : state_color(it->state);
      dl->AddRectFilled({xa, y}, {std::max(xa + 1, xb - (cpu_lane ? 1 : 0)), y + h}, col, cpu_lane ? 3 * s : 0);
      if (cpu_lane && !it->context_switch) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%d", it->pid);
        const ImVec2 ts = ImGui::CalcTextSize(buf);
        if (xb - xa > ts.x + 4) dl->AddText({(xa + xb - ts.x) / 2, y + (h - ts.y) / 2}, text_on(col), buf);
      }
      if (c.ui.selected == it->pid && !cpu_lane) dl->AddRect({xa, y}, {xb, y + h}, text, 0, 0, 1.5f);
    }
    if (hovered && io.MousePos.y >= y && io.MousePos.y < y + h) hover_band = band_at(bands, mouse_t);
  };

  float y = origin.y + axis_h;
  for (size_t cpu = 0; cpu < per_cpu.size(); ++cpu, y += cpu_h) {
    char buf[24];
    std::snprintf(buf, sizeof buf, tr(S::Cpu), static_cast<int>(cpu));
    dl->AddText({origin.x + 4, y + (cpu_h - ImGui::GetTextLineHeight()) / 2}, text, buf);
    dl->AddRectFilled({plot_x, y + 2}, {origin.x + avail.x, y + cpu_h - 2}, ImGui::GetColorU32(ImGuiCol_FrameBg));
    draw_bands(per_cpu[cpu], y + 2, cpu_h - 4, true);
    if (hovered && io.MousePos.y >= y && io.MousePos.y < y + cpu_h && !hover_lane) {
      std::snprintf(hover_lane_buf, sizeof hover_lane_buf, "%s", buf);
      hover_lane = hover_lane_buf;
    }
  }
  dl->AddLine({origin.x, cpus_bottom - 3 * s}, {origin.x + avail.x, cpus_bottom - 3 * s}, ImGui::GetColorU32(ImGuiCol_Separator), 2);

  // Process lanes: only the visible rows are drawn (10,000 processes stay cheap).
  const float lanes_h = origin.y + avail.y - cpus_bottom;
  scroll_y_ = std::clamp(scroll_y_, 0.f, std::max(0.f, lane_h * static_cast<float>(lanes_.size()) - lanes_h));
  dl->PushClipRect({origin.x, cpus_bottom}, {origin.x + avail.x, origin.y + avail.y}, true);
  const size_t first = static_cast<size_t>(scroll_y_ / lane_h);
  const auto& procs = m.processes();
  const size_t rec0 = (!procs.empty() && procs.front().pid == kInitPid) ? 1 : 0;
  for (size_t i = first; i < lanes_.size(); ++i) {
    const float ly = cpus_bottom + static_cast<float>(i) * lane_h - scroll_y_;
    if (ly > origin.y + avail.y) break;
    const Pid pid = procs[i + rec0].pid;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d", pid);
    const ImU32 pc = pid_color(pid);
    dl->AddRectFilled({origin.x + 4, ly + 2}, {origin.x + 4 + 6 * s, ly + lane_h - 2}, pc);
    dl->AddText({origin.x + 8 + 6 * s, ly + (lane_h - ImGui::GetTextLineHeight()) / 2}, text, buf);
    draw_bands(lanes_[i], ly + 2, lane_h - 4, false);
    if (hovered && io.MousePos.y >= ly && io.MousePos.y < ly + lane_h && io.MousePos.y >= cpus_bottom) {
      if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && io.MousePos.x < plot_x) c.ui.selected = pid;
    }
  }
  dl->PopClipRect();

  // Now: a bold line; the hovered tick: a thin one, shared with every view through ui.
  dl->AddLine({x_of(static_cast<float>(now)), origin.y + axis_h}, {x_of(static_cast<float>(now)), origin.y + avail.y}, IM_COL32(230, 60, 60, 255), 2.5f * s);
  c.ui.hover_tick = -1;
  if (hovered && io.MousePos.x >= plot_x) {
    const Tick t = static_cast<Tick>(std::floor(mouse_t));
    c.ui.hover_tick = t;
    dl->AddLine({x_of(static_cast<float>(t)), origin.y + axis_h}, {x_of(static_cast<float>(t)), origin.y + avail.y}, dim, 1);
    ImGui::BeginTooltip();
    if (micro) ImGui::Text("%.3f ms", t / 1000.0);
    else ImGui::Text("%s %d", tr(S::Tick), t);
    if (hover_band) {
      ImGui::Text("PID %d: %s", hover_band->pid, hover_band->context_switch ? tr(S::ContextSwitch) : state_name(hover_band->state));
      ImGui::Text("[%d, %d)", hover_band->start, hover_band->end);
    }
    ImGui::EndTooltip();
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3)) {
      if (hover_band) c.ui.selected = hover_band->pid;
      if (c.caps().step_back) c.control.seek(std::clamp<Tick>(t + 1, 0, now));
    }
  }
  dl->PopClipRect();
}

}  // namespace proclab::gui
