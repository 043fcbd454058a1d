// File dialogs: open and save programs and scenarios, export PNGs and the Chrome trace.
// A path field in a modal popup (Dear ImGui has no file browser; paths are relative to the
// directory proclab was started in).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <filesystem>
#include <fstream>

#include "app.h"
#include "proclab/export.h"
#include "proclab/input_file.h"

namespace proclab::gui {

namespace {

std::string write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  if (!out || !(out << text)) return path + ": cannot write file";
  return "";
}

}  // namespace

std::string App::open_file(const std::string& path) {
  const std::filesystem::path p(path);
  Document d = session_.document();
  d.title = p.stem().string();
  if (p.extension() == ".json") {
    auto s = load_scenario_file(path);
    if (!s) return s.error().message;
    d.kind = DocumentKind::Jobs;
    d.settings = s.value();
    d.source.clear();
  } else {
    auto text = read_input_file(path);  // regular files of at most 4 MiB, as proclab-cli reads them
    if (!text) return text.error().message;
    d.kind = DocumentKind::Program;
    d.source = text.value();
    d.lang.file_name = p.filename().string();
    d.settings.jobs.clear();
  }
  const bool program = d.kind == DocumentKind::Program;
  control_.load(std::move(d));
  console_->open() = program;
  metrics_->open() = !program;
  current_ = -1;
  ui_.selected = kNoPid;
  ui_.lesson_title = path;
  ui_.lesson_explain.clear();
  return "";
}

void App::file_popup() {
  if (open_file_popup_) {
    open_file_popup_ = false;
    file_error_.clear();
    const Document& doc = session_.document();
    switch (file_action_) {
      case FileAction::Open: break;
      case FileAction::Save: file_path_ = doc.title + (doc.kind == DocumentKind::Program ? ".py" : ".json"); break;
      case FileAction::ExportTimeline: file_path_ = doc.title + "-timeline.png"; break;
      case FileAction::ExportTree: file_path_ = doc.title + "-tree.png"; break;
      case FileAction::ExportTrace: file_path_ = doc.title + "-trace.json"; break;
      case FileAction::None: return;
    }
    ImGui::OpenPopup("###file");
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 3}, ImGuiCond_Appearing, {0.5f, 0.5f});
  if (!ImGui::BeginPopupModal((std::string(tr(S::PathPrompt)) + "###file").c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize))
    return;
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(480 * ui_.scale);
  const bool enter = ImGui::InputText("##path", &file_path_, ImGuiInputTextFlags_EnterReturnsTrue);
  if (!file_error_.empty()) error_text(file_error_);
  if (ImGui::Button(tr(S::OK)) || enter) {
    file_error_.clear();
    const Document& doc = session_.document();
    switch (file_action_) {
      case FileAction::Open:
        file_error_ = open_file(file_path_);
        break;
      case FileAction::Save:
        file_error_ = write_file(file_path_, doc.kind == DocumentKind::Program ? doc.source
                                                                             : scenario_to_json(doc.settings).dump(2) + "\n");
        break;
      case FileAction::ExportTrace:
        if (session_.kernel()) file_error_ = write_file(file_path_, chrome_trace_json(session_.kernel()->trace(), session_.now()));
        break;
      case FileAction::ExportTimeline:
      case FileAction::ExportTree: {
        const View* v = file_action_ == FileAction::ExportTree ? tree_ : timeline_;
        png_ = PngRequest{file_path_, v->rect_min(), v->rect_max()};
        break;
      }
      case FileAction::None: break;
    }
    if (file_error_.empty()) {
      char buf[512];
      std::snprintf(buf, sizeof buf, tr(S::SavedTo), file_path_.c_str());
      status_ = file_action_ == FileAction::Open ? file_path_ : buf;
      file_action_ = FileAction::None;
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(S::Cancel)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    file_action_ = FileAction::None;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace proclab::gui
