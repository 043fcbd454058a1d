// Process table drawing: rows from table_rows(), clipped to what is visible.
#include "process_table_view.h"

namespace proclab::gui {

void ProcessTableView::draw_content(ViewContext& c) {
  ImGui::Checkbox(tr(S::ShowReaped), &show_reaped_);
  if (c.model().empty()) return;
  const RunModel& m = c.model();
  const SchedulerInfo* sched = c.scheduler();
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_ScrollX;
  if (!ImGui::BeginTable("ps", kTableColumnCount, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  const S headers[kTableColumnCount] = {S::Pid, S::Ppid, S::Name, S::State, S::Priority, S::Nice, S::CpuTime, S::Arrival};
  for (int i = 0; i < kTableColumnCount; ++i)
    ImGui::TableSetupColumn(tr(headers[i]), i == 0 ? ImGuiTableColumnFlags_DefaultSort : 0);
  ImGui::TableHeadersRow();
  TableColumn column = TableColumn::Pid;
  bool descending = false;
  if (ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs(); sort && sort->SpecsCount > 0) {
    column = static_cast<TableColumn>(sort->Specs[0].ColumnIndex);
    descending = sort->Specs[0].SortDirection == ImGuiSortDirection_Descending;
  }
  const std::vector<const ProcessRow*> rows = table_rows(m, sched, column, descending, show_reaped_);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const ProcessRow* p = rows[static_cast<size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(p->pid);
      ImGui::PushStyleColor(ImGuiCol_Text, pid_text(p->pid));
      char label[16];
      std::snprintf(label, sizeof label, "%d", p->pid);
      if (ImGui::Selectable(label, c.ui.selected == p->pid, ImGuiSelectableFlags_SpanAllColumns)) c.ui.selected = p->pid;
      ImGui::PopStyleColor();
      // Signals, priority and nice go to sources that take them (not a finished real run).
      if (c.caps().signals && ImGui::BeginPopupContextItem("actions")) {
        c.ui.selected = p->pid;
        ImGui::Text("PID %d", p->pid);
        ImGui::Separator();
        const struct { const char* name; int sig; } sigs[] = {
            {"SIGKILL", kSIGKILL}, {"SIGTERM", kSIGTERM}, {"SIGSTOP", kSIGSTOP}, {"SIGCONT", kSIGCONT}};
        for (const auto& s : sigs) {
          std::string item = std::string(tr(S::SendSignal)) + " " + s.name;
          if (ImGui::MenuItem(item.c_str())) c.control.send_signal(p->pid, s.sig);
        }
        ImGui::Separator();
        if (ImGui::IsWindowAppearing()) edit_value_ = sched ? sched->priority(p->pid).value_or(p->priority) : p->priority;
        if (ImGui::IsWindowAppearing()) nice_value_ = sched ? sched->nice(p->pid).value_or(0) : 0;
        ImGui::SetNextItemWidth(120 * c.ui.scale);
        ImGui::InputInt(tr(S::SetPriority), &edit_value_);
        ImGui::SameLine();
        if (ImGui::Button(tr(S::Apply))) c.control.set_priority(p->pid, edit_value_);
        ImGui::SetNextItemWidth(120 * c.ui.scale);
        ImGui::SliderInt(tr(S::SetNice), &nice_value_, -20, 19);
        ImGui::SameLine();
        if (ImGui::Button((std::string(tr(S::Apply)) + "##nice").c_str())) c.control.set_nice(p->pid, nice_value_);
        ImGui::EndPopup();
      }
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::Text("%d", p->ppid);
      ImGui::TableNextColumn();
      const std::string_view name = m.trace().text(p->name);
      ImGui::TextUnformatted(name.data(), name.data() + name.size());
      ImGui::TableNextColumn();
      ImGui::PushStyleColor(ImGuiCol_Text, state_color(p->state));
      ImGui::Text("%c %s", linux_letter(p->state), state_name(p->state));
      ImGui::PopStyleColor();
      ImGui::TableNextColumn();
      // Priority and nice only where proclab schedules (a real run's are the host kernel's).
      if (sched) ImGui::Text("%d", sched->priority(p->pid).value_or(p->priority));
      else ImGui::TextDisabled("-");
      ImGui::TableNextColumn();
      if (sched) ImGui::Text("%d", sched->nice(p->pid).value_or(0));
      else ImGui::TextDisabled("-");
      ImGui::TableNextColumn();
      ImGui::Text("%d", m.cpu_time(*p));
      ImGui::TableNextColumn();
      ImGui::Text("%d", p->created);
    }
  }
  ImGui::EndTable();
}

}  // namespace proclab::gui
