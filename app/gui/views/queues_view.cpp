// Queues drawing: one row per QueueRow, pids as colored chips.
#include "queues_view.h"
#include "text_wrap.h"

#include <algorithm>

#include "proclab/view_records.h"

namespace proclab::gui {

namespace {

const char* row_title(const QueueRow& r) {
  switch (r.kind) {
    case QueueRow::Kind::Cpu: return r.label.c_str();
    case QueueRow::Kind::Ready: return tr(S::ReadyQueue);
    case QueueRow::Kind::Blocked: return tr(S::BlockedList);
    case QueueRow::Kind::Stopped: return tr(S::StoppedList);
    case QueueRow::Kind::Zombie: return tr(S::Zombies);
  }
  return "";
}

}  // namespace

void QueuesView::draw_content(ViewContext& c) {
  if (c.model().empty()) return;
  const Locale locale = language() == Lang::Zh ? Locale::Zh : Locale::En;
  // "Why this one?" only where proclab's own policy picked (a real run's picks are the host's).
  if (c.scheduler()) {
    const std::string why = c.scheduler()->last_reason(locale);
    ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.3f, 1), "%s", tr(S::WhyThisOne));
    ImGui::SameLine();
    text_wrapped(why.empty() ? "-" : why);
    ImGui::Separator();
  }
  constexpr size_t kMaxChips = 40;  // a fork bomb's queue: show the head and a count
  const std::vector<QueueRow> rows = queue_rows(c.model(), c.scheduler(), locale);
  const auto ready_rows = std::count_if(rows.begin(), rows.end(), [](const QueueRow& r) { return r.kind == QueueRow::Kind::Ready; });
  // The chips start after the widest row title.
  float label_w = ImGui::CalcTextSize(tr(S::ReadyQueue)).x;
  for (const QueueRow& r : rows)
    label_w = std::max(label_w, ImGui::CalcTextSize(r.kind == QueueRow::Kind::Ready && ready_rows > 1 ? r.label.c_str() : row_title(r)).x);
  label_w += 24 * c.ui.scale;
  for (const QueueRow& r : rows) {
    if (r.kind == QueueRow::Kind::Stopped && r.pids.empty()) continue;
    ImGui::AlignTextToFramePadding();
    if (r.kind == QueueRow::Kind::Ready && ready_rows > 1) ImGui::TextUnformatted(r.label.c_str());
    else ImGui::TextUnformatted(row_title(r));
    ImGui::SameLine(label_w);
    if (r.pids.empty()) {
      ImGui::TextDisabled("%s", r.kind == QueueRow::Kind::Cpu ? tr(S::Idle) : tr(S::Empty));
      continue;
    }
    const float right = ImGui::GetWindowContentRegionMax().x;
    const float chip_w = ImGui::CalcTextSize("00000").x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
    for (size_t i = 0; i < r.pids.size() && i < kMaxChips; ++i) {
      // Wrap under the first chip when the next one would not fit.
      if (i > 0) {
        const float next_x = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x;
        if (next_x + chip_w <= right) ImGui::SameLine();
        else ImGui::SetCursorPosX(label_w);
      }
      if (pid_chip(r.pids[i], c.ui.selected == r.pids[i])) c.ui.selected = r.pids[i];
    }
    if (r.pids.size() > kMaxChips) {
      ImGui::SameLine();
      ImGui::Text("+%zu", r.pids.size() - kMaxChips);
    }
  }
}

}  // namespace proclab::gui
