// Real run drawing: layers, summary, process table, state lanes and output of a LabResult.
#include "real_run_view.h"
#include "text_wrap.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "proclab/view_records.h"

namespace proclab::gui {

void RealRunView::start(const std::string& demo, int cap) {
  if (pending_.valid()) return;
  real::LabOptions options;
  options.cap = std::clamp(cap, 1, 4096);
  demo_ = demo;
  result_.reset();
  lanes_.clear();
  pending_ = real::start_demo(demo, options);
  open() = true;
}

void RealRunView::draw_content(ViewContext& c) {
  if (pending_.valid() && pending_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    result_ = pending_.get();
    if (result_->ok()) {
      const real::LabResult& r = result_->value();
      end_ = 0;
      start_ = r.trace.events().empty() ? 0 : r.trace.events().front().time;
      for (const Event& e : r.trace.events()) end_ = std::max(end_, e.time), start_ = std::min(start_, e.time);
      lanes_ = process_bands(RunModel::of(r.trace, 1, end_ + 1));
    }
  }
  if (pending_.valid()) {
    ImGui::Text(tr(S::RealRunning), demo_.c_str());
    return;
  }
  if (!result_) return;
  if (!result_->ok()) {
    ImGui::TextUnformatted(tr(S::RealError));
    error_text(result_->error().message);
    return;
  }
  draw_result(c, result_->value());
}

void RealRunView::draw_result(ViewContext& c, const real::LabResult& r) {
  const real::LabReport& rep = r.report;
  ImGui::Text("%s: %s", tr(S::RealRun), rep.what.c_str());
  ImGui::Text(tr(S::RealSummary), rep.peak_processes, rep.cap, rep.fork_failures, rep.survivors,
              rep.timed_out ? " (timeout)" : "");
  if (ImGui::CollapsingHeader(tr(S::RealLayers), ImGuiTreeNodeFlags_DefaultOpen)) {
    for (int i = 0; i < real::kLayerCount; ++i) {
      const auto layer = static_cast<real::Layer>(i);
      const real::LayerStatus& st = rep.layer(layer);
      ImGui::TextColored(st.active ? ImVec4(0.3f, 0.8f, 0.4f, 1) : ImVec4(0.6f, 0.6f, 0.6f, 1), "%s %s",
                         st.active ? "[x]" : "[ ]", std::string(real::to_string(layer)).c_str());
      ImGui::SameLine(200 * c.ui.scale);
      text_wrapped(st.notes);
    }
  }
  const float half = ImGui::GetContentRegionAvail().y * 0.5f;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
  if (ImGui::BeginTable("real_ps", 7, flags, {0, half})) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (S h : {S::Pid, S::HostPid, S::Ppid, S::ObservedStates, S::ExitCode, S::CpuTime, S::Command}) ImGui::TableSetupColumn(tr(h));
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rep.processes.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const real::ProcessReport& p = rep.processes[static_cast<size_t>(i)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pid_text(p.pid)), "%d%s", p.pid, p.is_init ? " (init)" : "");
        ImGui::TableNextColumn();
        ImGui::Text("%d", p.host_pid);
        ImGui::TableNextColumn();
        ImGui::Text("%d", p.ppid);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.observed_states.c_str());
        ImGui::TableNextColumn();
        if (p.exit_code) ImGui::Text("%d", *p.exit_code);
        else ImGui::TextDisabled("-");
        ImGui::TableNextColumn();
        ImGui::Text("%ld ms", p.cpu_time_ms);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.command.c_str());
      }
    }
    ImGui::EndTable();
  }
  // State lanes from the /proc samples, scaled to the run's length.
  ImGui::TextDisabled("%s", tr(S::RealTimeline));
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float label_w = 70 * c.ui.scale, lane_h = ImGui::GetTextLineHeight() + 2;
  const int rows = std::min<int>(static_cast<int>(lanes_.size()), std::max(0, static_cast<int>(avail.y / lane_h) - 1));
  ImGui::Dummy({avail.x, std::max(0.f, avail.y)});
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // The lab takes a while to set up: the scale starts at the first event, not at 0.
  const float px = end_ > start_ ? (avail.x - label_w) / static_cast<float>(end_ - start_) : 1;
  const auto& procs = r.trace.processes();
  const size_t first = (!procs.empty() && procs.front().pid == kInitPid) ? 1 : 0;
  for (int i = 0; i < rows; ++i) {
    const float y = o.y + static_cast<float>(i) * lane_h;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d", procs[static_cast<size_t>(i) + first].pid);
    dl->AddText({o.x, y}, ImGui::GetColorU32(ImGuiCol_Text), buf);
    for (const Band& b : lanes_[static_cast<size_t>(i)])
      dl->AddRectFilled({o.x + label_w + static_cast<float>(b.start - start_) * px, y + 1},
                        {o.x + label_w + std::max(static_cast<float>(b.end - start_) * px, static_cast<float>(b.start - start_) * px + 1),
                         y + lane_h - 1},
                        state_color(b.state));
  }
}

}  // namespace proclab::gui
