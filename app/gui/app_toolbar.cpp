// The toolbar: lesson, time controls, status, language/scale/theme (row 1); policy and machine
// settings (row 2).
#include <algorithm>
#include <cstdio>

#include "app.h"
#include "proclab/real/demos.h"
#include "views/real_run_view.h"

namespace proclab::gui {

namespace {

const char* status_text(const Session& s) {
  if (!s.kernel()) return tr(S::StatusError);
  switch (s.kernel()->status()) {
    case StopReason::Running: return tr(S::StatusRunning);
    case StopReason::Exit: return tr(S::StatusExit);
    case StopReason::Deadlock: return tr(S::StatusDeadlock);
    case StopReason::MaxTicks: return tr(S::StatusMaxTicks);
  }
  return "";
}

// An integer field applied on Enter or a click on its -/+ buttons (not on every keystroke).
bool int_field(const char* label, int* value, float width, int lo, int hi) {
  ImGui::SetNextItemWidth(width);
  const bool done = ImGui::InputInt(label, value, 1, 10, ImGuiInputTextFlags_EnterReturnsTrue);
  *value = std::clamp(*value, lo, hi);
  return done;
}

// Continues the current row, or starts a new one when an item `width` wide would not fit.
void flow(float width) {
  ImGui::SameLine();
  if (ImGui::GetCursorPosX() + width > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
}

float label_width(const char* label) { return ImGui::CalcTextSize(label).x + ImGui::GetStyle().ItemSpacing.x; }

}  // namespace

void App::toolbar(ImVec2 pos, float width, float height) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize({width, height});
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar;
  if (!ImGui::Begin("###toolbar", nullptr, flags)) {
    ImGui::End();
    return;
  }
  const float s = ui_.scale;
  // Row 1: lesson and time.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::Lesson));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(260 * s);
  const std::string current = current_ >= 0 ? pick(catalog_.entries[static_cast<size_t>(current_)].title_en,
                                                   catalog_.entries[static_cast<size_t>(current_)].title_zh)
                                            : ui_.lesson_title.empty() ? tr(S::NoDocument) : ui_.lesson_title;
  if (ImGui::BeginCombo("##lesson", current.c_str(), ImGuiComboFlags_HeightLarge)) {
    for (size_t i = 0; i < catalog_.entries.size(); ++i) {
      const LessonEntry& e = catalog_.entries[i];
      if (ImGui::Selectable(pick(e.title_en, e.title_zh).c_str(), static_cast<int>(i) == current_)) load_entry(static_cast<int>(i));
    }
    ImGui::EndCombo();
  }
  flow(110 * s);
  const bool playing = session_.playing();
  ImGui::PushStyleColor(ImGuiCol_Button, playing ? IM_COL32(200, 120, 40, 255) : IM_COL32(40, 150, 70, 255));
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
  char play_label[64];
  std::snprintf(play_label, sizeof play_label, "%s %s###play", playing ? "||" : ">", playing ? tr(S::Pause) : tr(S::Play));
  if (ImGui::Button(play_label, {110 * s, 0})) control_.toggle_play();
  ImGui::PopStyleColor(2);
  flow(label_width(tr(S::StepBack)) * 3 + label_width(tr(S::Reset)) + 60 * s);
  if (ImGui::Button((std::string("< ") + tr(S::StepBack) + "###back").c_str())) control_.step_back();
  ImGui::SameLine();
  if (ImGui::Button((std::string(tr(S::Step)) + " >###step").c_str())) control_.step();
  ImGui::SameLine();
  if (ImGui::Button((std::string(tr(S::Reset)) + "###reset").c_str())) control_.reset();
  // A lesson with a real demo can run it in the lab, with real processes (capped).
  const std::string demo = current_ >= 0 ? catalog_.entries[static_cast<size_t>(current_)].real_demo : "";
  if (!demo.empty() && real::find_demo(demo)) {
    flow(label_width(tr(S::RunForReal)) + 20 * s);
    ImGui::BeginDisabled(real_->running());
    if (ImGui::Button((std::string(tr(S::RunForReal)) + "###real").c_str())) start_real();
    ImGui::EndDisabled();
  }
  flow(150 * s);
  float speed = static_cast<float>(session_.speed());
  ImGui::SetNextItemWidth(150 * s);
  if (ImGui::SliderFloat("##speed", &speed, 0.5f, 200.f, tr(S::TicksPerSecond), ImGuiSliderFlags_Logarithmic)) control_.set_speed(speed);
  char tick_label[64];
  std::snprintf(tick_label, sizeof tick_label, "%s %d", tr(S::Tick), session_.now());
  flow(label_width(tick_label) + label_width(status_text(session_)));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tick_label);
  ImGui::SameLine();
  const bool bad = !session_.kernel() || session_.kernel()->status() == StopReason::Deadlock;
  if (bad) ImGui::TextColored({0.95f, 0.35f, 0.3f, 1}, "%s", status_text(session_));
  else ImGui::TextDisabled("%s", status_text(session_));
  // Language, scale, theme: one group, always reachable.
  flow(label_width(tr(S::Lang_)) + label_width("1.5x") * 3 + 90 * s + label_width(tr(S::Light)));
  if (ImGui::Button(tr(S::Lang_))) {
    set_language(language() == Lang::En ? Lang::Zh : Lang::En);
    refresh_lesson_text();
  }
  for (float sc : {1.0f, 1.5f, 2.0f}) {
    ImGui::SameLine();
    char label[16];
    std::snprintf(label, sizeof label, "%gx", static_cast<double>(sc));
    if (ImGui::RadioButton(label, ui_.scale == sc)) set_scale(sc);
  }
  ImGui::SameLine();
  if (ImGui::Button(ui_.dark ? tr(S::Light) : tr(S::Dark))) set_dark(!ui_.dark);

  // Then policy and machine, on a new row.
  policy_controls();
  toolbar_measured_ = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y;
  ImGui::End();
}

bool App::start_real() {
  const std::string demo = current_ >= 0 ? catalog_.entries[static_cast<size_t>(current_)].real_demo : "";
  if (demo.empty() || !real::find_demo(demo)) return false;
  real_->start(demo, session_.document().settings.kernel.max_procs);
  return true;
}

bool App::real_running() const { return real_->running(); }

void App::policy_controls() {
  const float s = ui_.scale;
  const Scenario& settings = session_.document().settings;
  PolicyParams params = settings.policy;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::Policy));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(150 * s);
  if (ImGui::BeginCombo("##policy", params.name.c_str())) {
    for (const PolicyInfo& p : policy_catalog()) {
      if (ImGui::Selectable(std::string(p.name).c_str(), p.name == params.name)) {
        params.name = std::string(p.name);
        control_.set_policy(params);
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(p.summary).c_str());
    }
    ImGui::EndCombo();
  }
  const auto field = [&](S label, int value, int lo, int hi, auto apply) {
    flow(label_width(tr(label)) + 95 * s);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(label));
    ImGui::SameLine();
    ImGui::PushID(static_cast<int>(label));
    if (int_field("##v", &value, 95 * s, lo, hi)) apply(value);
    ImGui::PopID();
  };
  const bool quantum_policy = params.name != "fcfs" && params.name != "sjf" && params.name != "priority";
  if (quantum_policy)
    field(S::Quantum, params.quantum, 1, 1000, [&](int v) { params.quantum = v; control_.set_policy(params); });
  if (params.name.find("priority") != std::string::npos)
    field(S::Aging, params.aging, 0, 1000, [&](int v) { params.aging = v; control_.set_policy(params); });
  if (params.name == "mlfq")
    field(S::MlfqLevels, params.mlfq.levels, 1, 8, [&](int v) { params.mlfq.levels = v; control_.set_policy(params); });
  field(S::Cpus, settings.kernel.cpus, 1, kMaxCpus, [&](int v) { control_.set_cpus(v); });
  field(S::ProcessLimit, settings.kernel.max_procs, 1, 100000, [&](int v) { control_.set_max_procs(v); });
  flow(label_width(tr(S::ReparentTo)) + 130 * s);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::ReparentTo));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(130 * s);
  if (ImGui::BeginCombo("##reparent", std::string(to_string(settings.kernel.reparent)).c_str())) {
    for (ReparentRule r : {ReparentRule::Init, ReparentRule::Subreaper, ReparentRule::Grandparent})
      if (ImGui::Selectable(std::string(to_string(r)).c_str(), r == settings.kernel.reparent)) control_.set_reparent(r);
    ImGui::EndCombo();
  }
  field(S::Seed, static_cast<int>(settings.kernel.seed), 0, 1 << 30, [&](int v) { control_.set_seed(static_cast<std::uint64_t>(v)); });
  flow(label_width(tr(S::ChildFirst)) + 40 * s);
  bool child_first = settings.kernel.child_first;
  if (ImGui::Checkbox(tr(S::ChildFirst), &child_first)) control_.set_child_first(child_first);
}

}  // namespace proclab::gui
