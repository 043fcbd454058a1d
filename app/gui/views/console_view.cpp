// Console drawing: lines from console_lines(), clipped, scrolled to the newest.
#include "console_view.h"

#include "proclab/view_records.h"

namespace proclab::gui {

void ConsoleView::draw_content(ViewContext& c) {
  ImGui::SetNextItemWidth(140 * c.ui.scale);
  ImGui::InputInt(tr(S::FilterPid), &filter_, 1, 10);
  if (filter_ < 0) filter_ = 0;
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(S::AllProcesses))) filter_ = 0;
  if (c.model().empty()) return;
  const std::vector<ConsoleLine> lines = console_lines(c.model(), filter_ > 0 ? filter_ : kNoPid);
  ImGui::BeginChild("lines", {0, 0}, true);
  if (lines.empty()) ImGui::TextDisabled("%s", tr(S::NoOutput));
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(lines.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const ConsoleLine& l = lines[static_cast<size_t>(i)];
      if (l.time == c.ui.hover_tick) {  // the timeline's cursor: the lines printed at that tick
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(p, {p.x + ImGui::GetContentRegionAvail().x, p.y + ImGui::GetFrameHeight()},
                                                  ImGui::GetColorU32(ImGuiCol_Header));
      }
      ImGui::TextDisabled("%4d", l.time);
      ImGui::SameLine();
      ImGui::PushID(i);
      if (pid_chip(l.pid, c.ui.selected == l.pid)) filter_ = l.pid;
      ImGui::PopID();
      ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_Text, pid_text(l.pid));
      ImGui::TextUnformatted(l.text.data(), l.text.data() + l.text.size());
      ImGui::PopStyleColor();
    }
  }
  if (lines.size() != last_count_) ImGui::SetScrollHereY(1.0f);
  last_count_ = lines.size();
  ImGui::EndChild();
}

}  // namespace proclab::gui
