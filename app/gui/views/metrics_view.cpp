// Metrics drawing: a table, compare bars and the process-count curve.
#include "metrics_view.h"

#include <algorithm>
#include <cstdio>

#include "proclab/view_records.h"

namespace proclab::gui {

namespace {

void opt_cell(const std::optional<Tick>& v) {
  ImGui::TableNextColumn();
  if (v) ImGui::Text("%d", *v);
  else ImGui::TextDisabled("%s", tr(S::NotFinished));
}

}  // namespace

void MetricsView::draw_content(ViewContext& c) {
  if (c.model().empty()) return;
  if (built_for_ != c.revision()) {
    metrics_ = compute_metrics(c.model().trace(), c.model().cpus(), c.model().now());
    const std::vector<int> series = process_count_series(c.model());
    counts_.assign(series.begin(), series.end());
    built_for_ = c.revision();
  }
  if (ImGui::BeginTabBar("metrics")) {
    if (ImGui::BeginTabItem(tr(S::Metrics))) {
      const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                    ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
      const float table_h = std::max(60.f, ImGui::GetContentRegionAvail().y - ImGui::GetTextLineHeightWithSpacing() * 3.4f);
      if (ImGui::BeginTable("m", 6, flags, {0, table_h})) {
        ImGui::TableSetupScrollFreeze(0, 1);
        for (S h : {S::Pid, S::Arrival, S::CpuTime, S::Completion, S::Turnaround, S::Waiting}) ImGui::TableSetupColumn(tr(h));
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(metrics_.processes.size()));
        while (clipper.Step()) {
          for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const ProcessMetrics& p = metrics_.processes[static_cast<size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pid_text(p.pid)), "%d %s", p.pid, p.name.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", p.arrival);
            ImGui::TableNextColumn();
            ImGui::Text("%d", p.cpu_time);
            opt_cell(p.completion);
            opt_cell(p.turnaround);
            ImGui::TableNextColumn();
            ImGui::Text("%d", p.waiting);
          }
        }
        ImGui::EndTable();
      }
      ImGui::TextWrapped("%s: %s %.2f   %s %.2f   %s %.2f", tr(S::Average), tr(S::Turnaround), metrics_.avg_turnaround,
                         tr(S::Waiting), metrics_.avg_waiting, tr(S::Response), metrics_.avg_response);
      ImGui::Text("%s %.0f%%   %s %d", tr(S::Utilization), metrics_.utilization * 100, tr(S::ContextSwitches),
                  metrics_.context_switches);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr(S::ComparePolicies))) {
      // Ten runs of the document happen on a worker thread; the bars show the latest finished set.
      const std::uint64_t doc_rev = c.session.document_revision();
      compare_.request(c.session.document(), doc_rev, ImGui::Button(tr(S::RunCompare)));
      if (!compare_.ready(doc_rev)) {
        ImGui::SameLine();
        ImGui::TextDisabled("...");
      }
      ImDrawList* dl = ImGui::GetWindowDrawList();
      const ImVec2 o = ImGui::GetCursorScreenPos();
      const float w = ImGui::GetContentRegionAvail().x;
      const float row = ImGui::GetTextLineHeightWithSpacing() * 1.25f;
      const float name_w = 110 * c.ui.scale;
      double top = 1;
      for (const auto& r : compare_.result()) top = std::max({top, r.avg_turnaround, r.avg_waiting});
      float y = o.y;
      ImGui::TextDisabled("%s / %s", tr(S::Waiting), tr(S::Turnaround));
      y += row;
      for (const auto& r : compare_.result()) {
        dl->AddText({o.x, y}, ImGui::GetColorU32(r.policy == c.session.document().settings.policy.name ? ImGuiCol_Text : ImGuiCol_TextDisabled), r.policy.c_str());
        const float span = w - name_w - 60 * c.ui.scale;
        const float wt = static_cast<float>(r.avg_waiting / top) * span, tt = static_cast<float>(r.avg_turnaround / top) * span;
        dl->AddRectFilled({o.x + name_w, y + row * 0.05f}, {o.x + name_w + tt, y + row * 0.75f}, state_color(ProcState::Blocked), 3);
        dl->AddRectFilled({o.x + name_w, y + row * 0.05f}, {o.x + name_w + wt, y + row * 0.75f}, state_color(ProcState::Ready), 3);
        char buf[48];
        std::snprintf(buf, sizeof buf, "%.1f / %.1f", r.avg_waiting, r.avg_turnaround);
        dl->AddText({o.x + name_w + tt + 6, y}, ImGui::GetColorU32(ImGuiCol_Text), buf);
        y += row;
      }
      ImGui::Dummy({w, y - o.y});
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr(S::ProcessCountOverTime))) {
      const float peak = counts_.empty() ? 1 : *std::max_element(counts_.begin(), counts_.end());
      char overlay[32];
      std::snprintf(overlay, sizeof overlay, "max %.0f", peak);
      ImGui::PlotLines("##count", counts_.data(), static_cast<int>(counts_.size()), 0, overlay, 0, std::max(1.f, peak * 1.1f),
                       ImGui::GetContentRegionAvail());
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
}

}  // namespace proclab::gui
