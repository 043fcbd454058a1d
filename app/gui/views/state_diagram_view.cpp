// State diagram drawing: fixed positions for the states, arrows for the legal transitions.
#include "state_diagram_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "proclab/view_records.h"

namespace proclab::gui {

namespace {

// Positions in a unit box: New -> Ready <-> Running -> Zombie -> Terminated, Blocked below,
// Stopped above.
const ImVec2 kPos[kProcStateCount] = {
    {0.00f, 0.50f},  // New
    {0.30f, 0.50f},  // Ready
    {0.66f, 0.50f},  // Running
    {0.48f, 1.00f},  // Blocked
    {0.48f, 0.00f},  // Stopped
    {1.00f, 0.22f},  // Zombie
    {1.00f, 0.88f},  // Terminated
};

struct Arrow {
  ProcState from, to;
  float bend;  // sideways offset of the curve, in units of the box
};
constexpr Arrow kArrows[] = {
    {ProcState::New, ProcState::Ready, 0},          {ProcState::Ready, ProcState::Running, -0.07f},
    {ProcState::Running, ProcState::Ready, -0.07f}, {ProcState::Running, ProcState::Blocked, 0},
    {ProcState::Blocked, ProcState::Ready, 0},      {ProcState::Running, ProcState::Zombie, 0},
    {ProcState::Zombie, ProcState::Terminated, 0},  {ProcState::Ready, ProcState::Stopped, 0},
    {ProcState::Running, ProcState::Stopped, 0},    {ProcState::Stopped, ProcState::Ready, 0.06f},
    {ProcState::Blocked, ProcState::Stopped, 0.05f}, {ProcState::Stopped, ProcState::Blocked, 0.05f},
    {ProcState::Ready, ProcState::Zombie, 0.1f},    {ProcState::Blocked, ProcState::Zombie, 0.08f},
    {ProcState::Stopped, ProcState::Zombie, 0.0f},
};

ImVec2 bezier(ImVec2 a, ImVec2 c, ImVec2 b, float t) {
  const float u = 1 - t;
  return {u * u * a.x + 2 * u * t * c.x + t * t * b.x, u * u * a.y + 2 * u * t * c.y + t * t * b.y};
}

}  // namespace

void StateDiagramView::draw_content(ViewContext& c) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (c.model().empty() || avail.x < 40 || avail.y < 40) return;
  ImGui::Dummy(avail);
  const StateCounts counts = state_counts(c.model(), c.scheduler() ? c.session.last_tick_events() : c.model().folded_events());
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float s = c.ui.scale;
  // Sizes follow the space (a small window at 2x scale still shows the whole diagram).
  ImFont* font = ImGui::GetFont();
  const float lf = std::min(ImGui::GetFontSize(), std::max(10.f, std::min(avail.x / 26, avail.y / 12)));
  const float r = std::clamp(std::min(avail.x * 0.075f, avail.y * 0.12f), 10.f, 46 * s);
  // Circles inside the box with room for the label under the lowest ones.
  const float label_h = lf + 2;
  const float margin_x = std::max(r, font->CalcTextSizeA(lf, 1e9f, 0, state_name(ProcState::Terminated)).x * 0.5f + lf);
  const auto at = [&](ProcState st) {
    const ImVec2 p = kPos[static_cast<size_t>(st)];
    return ImVec2{origin.x + margin_x + p.x * (avail.x - 2 * margin_x), origin.y + r + 2 + p.y * (avail.y - 2 * r - label_h - 4)};
  };
  const float anim = static_cast<float>(std::clamp((c.ui.time - c.ui.last_step_time) / 0.7, 0.0, 1.0));
  const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);

  for (const Arrow& a : kArrows) {
    ImVec2 p0 = at(a.from), p1 = at(a.to);
    const ImVec2 d{p1.x - p0.x, p1.y - p0.y};
    const float len = std::sqrt(d.x * d.x + d.y * d.y);
    if (len < 1) continue;
    const ImVec2 n{-d.y / len, d.x / len};
    const float bend = a.bend * std::min(avail.x, avail.y);
    const ImVec2 ctrl{(p0.x + p1.x) / 2 + n.x * bend * 2, (p0.y + p1.y) / 2 + n.y * bend * 2};
    // Start and end on the circles' edges.
    const auto toward = [&](ImVec2 from, ImVec2 to) {
      const float dx = to.x - from.x, dy = to.y - from.y, l = std::sqrt(dx * dx + dy * dy);
      return ImVec2{from.x + dx / l * r, from.y + dy / l * r};
    };
    p0 = toward(p0, ctrl);
    p1 = toward(p1, ctrl);
    const int moved = counts.moved[static_cast<size_t>(a.from)][static_cast<size_t>(a.to)];
    const bool hot = moved > 0 && anim < 1;
    const ImU32 col = hot ? state_color(a.to) : dim;
    const float w = hot ? 4 * s : 1.5f * s;
    dl->AddBezierQuadratic(p0, ctrl, p1, col, w);
    // Arrow head.
    const ImVec2 tip = p1, back = bezier(p0, ctrl, p1, 0.9f);
    const float hx = tip.x - back.x, hy = tip.y - back.y, hl = std::max(0.001f, std::sqrt(hx * hx + hy * hy));
    const float hs = (hot ? 14 : 10) * s;
    const ImVec2 u{hx / hl, hy / hl};
    dl->AddTriangleFilled(tip, {tip.x - u.x * hs - u.y * hs * 0.5f, tip.y - u.y * hs + u.x * hs * 0.5f},
                          {tip.x - u.x * hs + u.y * hs * 0.5f, tip.y - u.y * hs - u.x * hs * 0.5f}, col);
    if (hot) {
      // A dot per moving process travels along the arrow during the animation.
      const ImVec2 dot = bezier(p0, ctrl, p1, anim);
      dl->AddCircleFilled(dot, 7 * s, state_color(a.to));
      char buf[16];
      std::snprintf(buf, sizeof buf, "%d", moved);
      dl->AddText({dot.x + 8 * s, dot.y - 8 * s}, ImGui::GetColorU32(ImGuiCol_Text), buf);
    }
  }

  for (int i = 0; i < kProcStateCount; ++i) {
    const auto st = static_cast<ProcState>(i);
    const ImVec2 p = at(st);
    const int n = counts.count[static_cast<size_t>(i)];
    const ImU32 col = state_color(st);
    dl->AddCircleFilled(p, r, n > 0 ? col : with_alpha(col, 0.25f), 40);
    dl->AddCircle(p, r, col, 40, 2 * s);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d", n);
    const float big = std::min(r * 0.95f, ImGui::GetFontSize() * 1.6f);
    const ImVec2 ts = font->CalcTextSizeA(big, 1e9f, 0, buf);
    dl->AddText(font, big, {p.x - ts.x / 2, p.y - ts.y / 2}, n > 0 ? text_on(col) : ImGui::GetColorU32(ImGuiCol_Text), buf);
    char label[64];
    std::snprintf(label, sizeof label, "%s (%c)", state_name(st), linux_letter(st));
    const ImVec2 ls = font->CalcTextSizeA(lf, 1e9f, 0, label);
    const ImVec2 lp{std::clamp(p.x - ls.x / 2, origin.x, origin.x + avail.x - ls.x), p.y + r + 1};
    dl->AddRectFilled({lp.x - 3, lp.y}, {lp.x + ls.x + 3, lp.y + ls.y}, ImGui::GetColorU32(ImGuiCol_WindowBg, 0.85f), 3);
    dl->AddText(font, lf, lp, ImGui::GetColorU32(ImGuiCol_Text), label);
  }
}

}  // namespace proclab::gui
