// Program view: code with per-process line markers, or the job table.
#include "program_view.h"
#include "text_wrap.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <optional>

#include "proclab/view_records.h"
#include "proclab/workload.h"

namespace proclab::gui {

namespace {

struct ErrorAt {
  int line = 0, column = 0;  // 0: the message names no position
  std::string text;          // the message's first line, after "file:line:col: "
};

// Splits "file:LINE:COL: message" (then the source line and a caret on the next lines).
ErrorAt error_at(const std::string& message) {
  ErrorAt out;
  const std::string first = message.substr(0, message.find('\n'));
  out.text = first;
  const size_t a = first.find(':');
  if (a == std::string::npos) return out;
  const char* p = first.data() + a + 1;
  const char* end = first.data() + first.size();
  auto r1 = std::from_chars(p, end, out.line);
  if (r1.ec != std::errc() || r1.ptr == end || *r1.ptr != ':') return out = {0, 0, first};
  auto r2 = std::from_chars(r1.ptr + 1, end, out.column);
  if (r2.ec != std::errc() || r2.ptr == end || *r2.ptr != ':') return out = {0, 0, first};
  out.text = std::string(r2.ptr + 1 + (r2.ptr + 1 < end && r2.ptr[1] == ' ' ? 1 : 0), end);
  return out;
}

}  // namespace

void ProgramView::draw_content(ViewContext& c) {
  if (!c.ui.lesson_title.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(240, 170, 60, 255));
    text_wrapped(c.ui.lesson_title);
    ImGui::PopStyleColor();
  }
  if (!c.ui.lesson_explain.empty()) {
    // A long explanation scrolls in its own box so the code or job table keeps most of the view.
    const float wrap = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
    const float text_h = text_wrapped_height(c.ui.lesson_explain, wrap);
    const float box_h = std::min(text_h, ImGui::GetContentRegionAvail().y * 0.3f);
    ImGui::BeginChild("explain", {0, box_h});
    text_wrapped(c.ui.lesson_explain);
    ImGui::EndChild();
  }
  ImGui::Separator();
  if (c.session.document().kind == DocumentKind::Program) draw_code(c);
  else draw_jobs(c);
}

void ProgramView::draw_code(ViewContext& c) {
  const Document& doc = c.session.document();
  if (!editing_) {
    if (ImGui::Button(tr(S::Edit))) {
      editing_ = true;
      buffer_ = doc.source;
    }
  } else {
    if (ImGui::Button(tr(S::RunEdited))) {
      c.control.edit_source(buffer_);
      editing_ = !c.session.error().empty();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(S::Revert))) editing_ = false;
  }
  const std::string& err = c.session.error();
  const ErrorAt bad = error_at(err);
  // Above the code, wrapped so nothing is cut; the caret under the line says where.
  if (!err.empty()) error_text(bad.line == 0 ? err : std::to_string(bad.line) + ":" + std::to_string(bad.column) + ": " + bad.text);
  if (c.ui.code_font) ImGui::PushFont(c.ui.code_font);
  if (editing_) {
    ImGui::InputTextMultiline("##src", &buffer_, ImGui::GetContentRegionAvail(), ImGuiInputTextFlags_AllowTabInput);
    if (c.ui.code_font) ImGui::PopFont();
    return;
  }
  // Which processes are at which line.
  // (Only the simulation knows lines; a real run's processes are CPython's.)
  std::map<int, std::vector<Pid>> at_line;
  int running_line = 0;  // kept in view as it moves: the line of the first running process
  if (const SchedulerInfo* sched = c.scheduler()) {
    for (const ProcessRow& p : c.model().processes())
      if (p.alive() && p.pid != kInitPid)
        if (const int line = sched->current_line(p.pid)) at_line[line].push_back(p.pid);
    for (const CpuRow& cpu : c.model().cpu_rows())
      if (cpu.running != kNoPid && (running_line = sched->current_line(cpu.running)) != 0) break;
  }
  const int bad_line = bad.line;
  const bool follow = running_line != 0 && running_line != followed_line_;
  if (running_line != 0) followed_line_ = running_line;
  ImGui::BeginChild("code", {0, 0}, true, ImGuiWindowFlags_HorizontalScrollbar);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  int line_no = 1;
  size_t start = 0;
  const std::string& src = doc.source;
  constexpr size_t kMaxMarkers = 12;
  while (start <= src.size()) {
    size_t end = src.find('\n', start);
    if (end == std::string::npos) end = src.size();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeightWithSpacing();
    const auto it = at_line.find(line_no);
    if (it != at_line.end()) {
      dl->AddRectFilled(p, {p.x + ImGui::GetContentRegionAvail().x + ImGui::GetScrollMaxX(), p.y + h},
                        with_alpha(pid_color(it->second.front()), 0.28f));
    }
    if (line_no == bad_line) dl->AddRectFilled(p, {p.x + ImGui::GetContentRegionAvail().x, p.y + h}, IM_COL32(220, 50, 40, 80));
    if (follow && line_no == running_line) ImGui::SetScrollHereY(0.4f);
    ImGui::TextDisabled("%3d", line_no);
    ImGui::SameLine();
    ImGui::TextUnformatted(src.data() + start, src.data() + end);
    if (it != at_line.end()) {
      // One colored marker per process on this line, right of the code.
      for (size_t i = 0; i < it->second.size() && i < kMaxMarkers; ++i) {
        ImGui::SameLine();
        if (pid_chip(it->second[i], c.ui.selected == it->second[i])) c.ui.selected = it->second[i];
      }
      if (it->second.size() > kMaxMarkers) {
        ImGui::SameLine();
        ImGui::Text("+%zu", it->second.size() - kMaxMarkers);
      }
    }
    if (line_no == bad_line) {
      // The error right under its line, a caret at its column.
      ImGui::TextDisabled("   ");
      ImGui::SameLine();
      const std::string caret = std::string(static_cast<size_t>(std::max(0, bad.column - 1)), ' ') + "^ " + bad.text;
      ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(235, 80, 60, 255));
      ImGui::TextUnformatted(caret.c_str());
      ImGui::PopStyleColor();
    }
    if (end == src.size()) break;
    start = end + 1;
    ++line_no;
  }
  ImGui::EndChild();
  if (c.ui.code_font) ImGui::PopFont();
}

void ProgramView::draw_jobs(ViewContext& c) {
  // Rows are edited on copies; the table is copied only when something changed (10,000 jobs).
  const std::vector<JobSpec>& jobs = c.session.document().settings.jobs;
  std::optional<std::vector<JobSpec>> edited;
  int remove = -1;
  if (!c.session.error().empty()) error_text(c.session.error());
  if (!job_error_.empty()) error_text(job_error_);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("jobs", 5, flags, {0, std::max(80.f, ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 1.3f)})) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(S::Name), 0, 1.0f);
    ImGui::TableSetupColumn(tr(S::Arrival), 0, 1.0f);
    ImGui::TableSetupColumn(tr(S::Bursts), 0, 2.4f);
    ImGui::TableSetupColumn(tr(S::Priority), 0, 1.0f);
    ImGui::TableSetupColumn("", 0, 0.5f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(jobs.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        JobSpec j = jobs[static_cast<size_t>(i)];
        bool changed = false;
        ImGui::PushID(i);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const Pid pid = c.session.document().settings.kernel.first_pid + i;
        ImGui::PushStyleColor(ImGuiCol_Text, pid_text(pid));
        ImGui::SetNextItemWidth(-1);
        changed |= ImGui::InputText("##name", &j.name, ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputInt("##arr", &j.arrival, 0, 0, ImGuiInputTextFlags_EnterReturnsTrue)) changed = true, j.arrival = std::max(0, j.arrival);
        ImGui::TableNextColumn();
        std::string bursts = format_bursts(j.bursts);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputText("##bursts", &bursts, ImGuiInputTextFlags_EnterReturnsTrue)) {
          auto parsed = parse_bursts(bursts);
          if (parsed) {
            j.bursts = parsed.value();
            changed = true;
            job_error_.clear();
          } else {
            job_error_ = j.name;
            job_error_.append(": ").append(parsed.error().message);
          }
        }
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputInt("##prio", &j.priority, 0, 0, ImGuiInputTextFlags_EnterReturnsTrue)) changed = true;
        ImGui::TableNextColumn();
        if (ImGui::SmallButton("x")) remove = i;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::Remove));
        ImGui::PopID();
        if (changed) {
          if (!edited) edited = jobs;
          (*edited)[static_cast<size_t>(i)] = std::move(j);
        }
      }
    }
    ImGui::EndTable();
  }
  if (ImGui::Button(tr(S::AddJob))) {
    JobSpec j;
    j.name = std::string("P").append(std::to_string(jobs.size() + 1));
    j.arrival = jobs.empty() ? 0 : jobs.back().arrival;
    j.bursts = {{Burst::Kind::Cpu, 4}};
    if (!edited) edited = jobs;
    edited->push_back(j);
  }
  if (remove >= 0 && jobs.size() > 1) {
    if (!edited) edited = jobs;
    edited->erase(edited->begin() + remove);
  }
  if (edited) c.control.edit_jobs(std::move(*edited));
}

}  // namespace proclab::gui
