// The application: the session, the lesson list, the views, the menu bar and toolbar, the
// keyboard shortcuts and the file dialogs. Pure ImGui: the GLFW/OpenGL shell (main.cpp) and
// the headless tests both drive it with frame().
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fonts.h"
#include "lesson_catalog.h"
#include "proclab/session.h"
#include "view.h"

namespace proclab::gui {

struct AppOptions {
  std::string lesson;  // "" : the default lesson
  Lang lang = Lang::En;
  float scale = 1.0f;
  bool dark = true;
  // Given on the command line: wins over the value saved in imgui.ini.
  bool lang_given = false, scale_given = false, theme_given = false;
};

// A PNG the shell should write after rendering this frame: the pixels of [min, max).
struct PngRequest {
  std::string path;
  ImVec2 min, max;
};

// GLFW key codes the shortcuts use (io.KeysDown is indexed by them in the GLFW backend).
inline constexpr int kKeyO = 'O', kKeyR = 'R', kKeyS = 'S', kKeyF11 = 300;

class App {
 public:
  explicit App(AppOptions options);
  ~App();

  // Draws the whole UI; call between ImGui::NewFrame() and ImGui::Render().
  // `seconds`: wall time since the previous frame (drives play).
  void frame(double seconds);

  // Fonts must be (re)built before the next NewFrame when this is true (scale, first frame).
  bool fonts_dirty() const { return fonts_dirty_; }
  // Rebuilds io.Fonts for the current scale; the caller then uploads the atlas texture.
  void rebuild_fonts();
  std::optional<PngRequest> take_png_request();
  bool quit_requested() const { return quit_; }
  bool take_fullscreen_toggle();

  // Loads a lesson by name; returns false (and keeps the current one) when unknown.
  bool load_lesson(const std::string& name);
  // Opens a program (.py, any other extension too) or a scenario (.json). Returns "" or the
  // error (the program's own errors show in the program view, not here).
  std::string open_file(const std::string& path);
  const Catalog& catalog() const { return catalog_; }
  Session& session() { return session_; }
  Controller& control() { return control_; }
  UiState& ui() { return ui_; }
  // Runs the current lesson's real demo in the lab (returns false when it has none);
  // real_running() until the result is in.
  bool start_real();
  bool real_running() const;
  void set_scale(float scale);
  void set_dark(bool dark);
  // Every view, for tests that toggle them.
  const std::vector<std::unique_ptr<View>>& views() const { return views_; }

 private:
  void load_entry(int index);
  void register_settings();  // app_settings.cpp
  void menu_bar();
  void toolbar(ImVec2 pos, float width, float height);
  void policy_controls();
  void shortcuts();
  void file_popup();
  void refresh_lesson_text();
  float toolbar_height() const;
  std::string chinese_text() const;

  AppOptions options_;
  Catalog catalog_;
  Session session_;
  Controller control_;
  UiState ui_;
  std::vector<std::unique_ptr<View>> views_;
  View* console_ = nullptr;
  View* metrics_ = nullptr;
  View* tree_ = nullptr;
  View* timeline_ = nullptr;
  class RealRunView* real_ = nullptr;
  int current_ = -1;
  bool fonts_dirty_ = true;
  float toolbar_measured_ = 0;  // the toolbar's content height last frame (it wraps when narrow)
  bool force_layout_ = false;
  bool quit_ = false;
  bool fullscreen_toggle_ = false;
  bool show_shortcuts_ = false;
  bool chinese_font_ = true;
  std::optional<PngRequest> png_;
  std::string status_;

  enum class FileAction { None, Open, Save, ExportTimeline, ExportTree, ExportTrace };
  FileAction file_action_ = FileAction::None;
  bool open_file_popup_ = false;
  std::string file_path_;
  std::string file_error_;
};

}  // namespace proclab::gui
