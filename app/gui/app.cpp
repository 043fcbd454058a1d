// App: construction, lessons, one frame (menu, toolbar, views), shortcuts.
// The toolbar is in app_toolbar.cpp, the file dialogs in app_files.cpp.
#include "app.h"

#include <algorithm>
#include <cmath>

#include "theme.h"
#include "views/console_view.h"
#include "views/fork_tree_view.h"
#include "views/metrics_view.h"
#include "views/process_table_view.h"
#include "views/program_view.h"
#include "views/queues_view.h"
#include "views/real_run_view.h"
#include "views/state_diagram_view.h"
#include "views/timeline_view.h"

#include "proclab/lesson.h"

namespace proclab::gui {

App::App(AppOptions options)
    : options_(std::move(options)), catalog_(load_catalog()), session_(build_program_document), control_(session_) {
  set_language(options_.lang);
  ui_.scale = options_.scale;
  ui_.dark = options_.dark;
  register_settings();
  views_.push_back(std::make_unique<ProgramView>());
  views_.push_back(std::make_unique<ForkTreeView>());
  views_.push_back(std::make_unique<TimelineView>());
  views_.push_back(std::make_unique<StateDiagramView>());
  views_.push_back(std::make_unique<QueuesView>());
  views_.push_back(std::make_unique<ProcessTableView>());
  views_.push_back(std::make_unique<ConsoleView>());
  views_.push_back(std::make_unique<MetricsView>(build_program_document));
  auto real = std::make_unique<RealRunView>();
  real_ = real.get();
  views_.push_back(std::move(real));
  tree_ = views_[1].get();
  timeline_ = views_[2].get();
  console_ = views_[6].get();
  metrics_ = views_[7].get();
  if (options_.lesson.empty() || !load_lesson(options_.lesson)) {
    if (!load_lesson(kDefaultLesson)) load_entry(0);
  }
}

App::~App() = default;

bool App::load_lesson(const std::string& name) {
  const int i = find_entry(catalog_, name);
  if (i < 0) return false;
  load_entry(i);
  return true;
}

void App::load_entry(int index) {
  if (index < 0 || index >= static_cast<int>(catalog_.entries.size())) return;
  current_ = index;
  const LessonEntry& e = catalog_.entries[static_cast<size_t>(index)];
  control_.load(e.doc);
  ui_.selected = kNoPid;
  // Console and metrics share a slot: programs print, workloads are measured.
  const bool program = e.doc.kind == DocumentKind::Program;
  console_->open() = program;
  metrics_->open() = !program;
  refresh_lesson_text();
}

void App::refresh_lesson_text() {
  if (current_ < 0) return;
  const LessonEntry& e = catalog_.entries[static_cast<size_t>(current_)];
  ui_.lesson_title = pick(e.title_en, e.title_zh);
  ui_.lesson_explain = pick(e.explain_en, e.explain_zh);
}

std::string App::chinese_text() const {
  std::string all = all_chinese_text();
  for (const LessonEntry& e : catalog_.entries) all += e.title_zh + e.explain_zh + e.doc.source;
  return all;
}

void App::rebuild_fonts() {
  const FontSet fonts = build_fonts(std::round(17.f * ui_.scale), chinese_text());
  ui_.code_font = fonts.code;
  chinese_font_ = fonts.chinese;
  apply_theme(ui_.dark, ui_.scale);
  fonts_dirty_ = false;
}

void App::set_scale(float scale) {
  if (scale == ui_.scale) return;
  ui_.scale = scale;
  fonts_dirty_ = true;
  force_layout_ = true;
}

void App::set_dark(bool dark) {
  ui_.dark = dark;
  apply_theme(dark, ui_.scale);
}

std::optional<PngRequest> App::take_png_request() { return std::exchange(png_, std::nullopt); }
bool App::take_fullscreen_toggle() { return std::exchange(fullscreen_toggle_, false); }

float App::toolbar_height() const {
  const ImGuiStyle& st = ImGui::GetStyle();
  const float two_rows = ImGui::GetFrameHeightWithSpacing() * 2 - st.ItemSpacing.y + st.WindowPadding.y * 2;
  return std::max(two_rows, toolbar_measured_);
}

void App::frame(double seconds) {
  ui_.time += seconds;
  const Tick before = session_.now();
  const std::uint64_t rev = session_.revision();
  session_.advance(seconds);
  shortcuts();
  menu_bar();
  // The work area is computed from the menu bar's height rather than WorkPos, which lags the
  // menu bar by one frame (the first frame decides the first-use layout).
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float menu_h = ImGui::GetFrameHeight();
  const float bar_h = toolbar_height();
  toolbar({vp->Pos.x, vp->Pos.y + menu_h}, vp->Size.x, bar_h);
  // A toolbar that wrapped onto more rows pushes the views down (the first frames, a scale change).
  const float used_h = toolbar_height();
  if (used_h > bar_h + 0.5f) force_layout_ = true;
  const ImVec2 area_min{vp->Pos.x, vp->Pos.y + menu_h + used_h};
  const ImVec2 area_size{vp->Size.x, vp->Size.y - menu_h - used_h};
  ViewContext ctx{session_, control_, ui_, session_};
  for (auto& v : views_) v->draw(ctx, area_min, area_size, force_layout_);
  force_layout_ = false;
  file_popup();
  if (show_shortcuts_) {
    ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2}, ImGuiCond_Appearing, {0.5f, 0.5f});
    if (ImGui::Begin((std::string(tr(S::Shortcuts)) + "###shortcuts").c_str(), &show_shortcuts_, ImGuiWindowFlags_AlwaysAutoResize))
      ImGui::TextUnformatted(tr(S::ShortcutsText));
    ImGui::End();
  }
  if (session_.now() != before || session_.revision() != rev) ui_.last_step_time = ui_.time;
}

void App::shortcuts() {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) control_.toggle_play();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) control_.step();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) control_.step_back();
  if (!io.KeyCtrl && ImGui::IsKeyPressed(kKeyR, false)) control_.reset();
  if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyO, false)) {
    file_action_ = FileAction::Open;
    open_file_popup_ = true;
  }
  if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyS, false)) {
    file_action_ = FileAction::Save;
    open_file_popup_ = true;
  }
  if (ImGui::IsKeyPressed(kKeyF11, false)) fullscreen_toggle_ = true;
}

void App::menu_bar() {
  if (!ImGui::BeginMainMenuBar()) return;
  const auto file_item = [&](S label, const char* keys, FileAction action) {
    if (ImGui::MenuItem(tr(label), keys)) {
      file_action_ = action;
      open_file_popup_ = true;
    }
  };
  if (ImGui::BeginMenu(tr(S::File))) {
    file_item(S::Open, "Ctrl+O", FileAction::Open);
    file_item(S::Save, "Ctrl+S", FileAction::Save);
    ImGui::Separator();
    file_item(S::ExportTimelinePng, nullptr, FileAction::ExportTimeline);
    file_item(S::ExportTreePng, nullptr, FileAction::ExportTree);
    file_item(S::ExportChromeTrace, nullptr, FileAction::ExportTrace);
    ImGui::Separator();
    if (ImGui::MenuItem(tr(S::Quit))) quit_ = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(S::Lessons))) {
    for (size_t i = 0; i < catalog_.entries.size(); ++i) {
      const LessonEntry& e = catalog_.entries[i];
      if (ImGui::MenuItem(pick(e.title_en, e.title_zh).c_str(), e.name.c_str(), static_cast<int>(i) == current_))
        load_entry(static_cast<int>(i));
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(S::View))) {
    for (auto& v : views_) ImGui::MenuItem(tr(v->title()), nullptr, &v->open());
    ImGui::Separator();
    if (ImGui::MenuItem(tr(S::ResetLayout))) force_layout_ = true;
    if (ImGui::MenuItem(tr(S::FullScreen), "F11")) fullscreen_toggle_ = true;
    ImGui::Separator();
    if (ImGui::BeginMenu(tr(S::Scale))) {
      for (float s : {1.0f, 1.5f, 2.0f}) {
        char label[16];
        std::snprintf(label, sizeof label, "%.1fx", s);
        if (ImGui::MenuItem(label, nullptr, ui_.scale == s)) set_scale(s);
      }
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(S::Theme))) {
      if (ImGui::MenuItem(tr(S::Dark), nullptr, ui_.dark)) set_dark(true);
      if (ImGui::MenuItem(tr(S::Light), nullptr, !ui_.dark)) set_dark(false);
      ImGui::EndMenu();
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(S::Language))) {
    if (ImGui::MenuItem("English", nullptr, language() == Lang::En)) set_language(Lang::En), refresh_lesson_text();
    if (ImGui::MenuItem("简体中文", nullptr, language() == Lang::Zh)) set_language(Lang::Zh), refresh_lesson_text();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(S::Help))) {
    if (ImGui::MenuItem(tr(S::Shortcuts))) show_shortcuts_ = true;
    ImGui::EndMenu();
  }
  if (!chinese_font_) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(240, 80, 60, 255));
    ImGui::TextUnformatted(tr(S::FontMissing));
    ImGui::PopStyleColor();
  } else if (!status_.empty()) {
    ImGui::TextDisabled("%s", status_.c_str());
  } else if (!catalog_.warning.empty()) {
    ImGui::TextDisabled("%s", catalog_.warning.c_str());
  }
  ImGui::EndMainMenuBar();
}

}  // namespace proclab::gui
