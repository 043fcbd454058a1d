// The View base (as in ImHex): draw() frames a window around draw_content(). Views read the
// session's const state and change things only through Controller commands.
#pragma once

#include <imgui.h>

#include <string>

#include "proclab/session.h"
#include "ui_text.h"

namespace proclab::gui {

// Per-frame UI state shared by the views (not model state): what is selected, where the
// cursor is, how big things are drawn.
struct UiState {
  Pid selected = kNoPid;   // pinned by pid in every view
  Tick hover_tick = -1;    // the timeline's time cursor; -1 when the mouse is elsewhere
  float scale = 1.0f;      // classroom scale
  bool dark = true;
  double time = 0;         // seconds since start (animations)
  double last_step_time = 0;  // when the session last moved (transition animations)
  ImFont* code_font = nullptr;
  std::string lesson_title;    // in the current language
  std::string lesson_explain;
};

// The commands views may send; everything else they only read.
class Controller {
 public:
  explicit Controller(Session& s) : s_(s) {}
  void toggle_play() { s_.toggle_play(); }
  void step() { s_.step(); }
  void step_back() { s_.step_back(); }
  void reset() { s_.reset(); }
  void seek(Tick t) { s_.seek(t); }
  void set_speed(double v) { s_.set_speed(v); }
  void set_policy(PolicyParams p) { s_.set_policy(std::move(p)); }
  void set_cpus(int n) { s_.set_cpus(n); }
  void set_max_procs(int n) { s_.set_max_procs(n); }
  void set_reparent(ReparentRule r) { s_.set_reparent(r); }
  void set_seed(std::uint64_t seed) { s_.set_seed(seed); }
  void set_child_first(bool b) { s_.set_child_first(b); }
  int send_signal(Pid pid, int sig) { return s_.send_signal(pid, sig); }
  int set_priority(Pid pid, int prio) { return s_.set_priority(pid, prio); }
  int set_nice(Pid pid, int nice) { return s_.set_nice(pid, nice); }
  void edit_source(std::string src) { s_.edit_source(std::move(src)); }
  void edit_jobs(std::vector<JobSpec> jobs) { s_.edit_jobs(std::move(jobs)); }
  void load(Document d) { s_.load(std::move(d)); }

 private:
  Session& s_;
};

// What the views draw: the shown run source (the simulation, or a real run): its model, its
// scheduler info when it has one, and what it can do. Read through the source each time, since
// a command a view sends mid-frame (seek, reset) rebuilds the simulated source's model.
struct ViewContext {
  const Session& session;  // the document's owner
  Controller& control;
  UiState& ui;
  const RunSource& source;

  const RunModel& model() const { return source.model(); }
  const SchedulerInfo* scheduler() const { return source.scheduler(); }
  RunCapabilities caps() const { return source.capabilities(); }
  // Changes whenever the model does (views cache records on it).
  std::uint64_t revision() const { return source.revision(); }
};

// Where a window opens before the user moves it, in fractions of the work area.
struct DefaultRect {
  float x, y, w, h;
};

class View {
 public:
  View(S title, const char* id, DefaultRect rect) : title_(title), id_(id), rect_(rect) {}
  virtual ~View() = default;
  // Frames the window and calls draw_content(). `area_min/size`: the work area in pixels;
  // `force_layout` puts the window back at its default rect.
  void draw(ViewContext& c, ImVec2 area_min, ImVec2 area_size, bool force_layout);
  bool& open() { return open_; }
  S title() const { return title_; }
  // Screen rectangle of the window in the last frame (PNG export).
  ImVec2 rect_min() const { return rect_min_; }
  ImVec2 rect_max() const { return rect_max_; }

 protected:
  virtual void draw_content(ViewContext& c) = 0;
  virtual ImGuiWindowFlags flags() const { return 0; }

 private:
  S title_;
  const char* id_;
  DefaultRect rect_;
  bool open_ = true;
  ImVec2 rect_min_{}, rect_max_{};
};

// Small shared drawing helpers.
ImU32 with_alpha(ImU32 color, float alpha);
// The pid's color for text on the window background: darkened on light themes so that pale
// hues stay readable.
ImU32 pid_text(Pid pid);
// Black or white, whichever reads better on `background`.
ImU32 text_on(ImU32 background);
// A pid chip: a rounded box in the pid's color with the pid in it; returns true when clicked.
bool pid_chip(Pid pid, bool selected);
// "(error message)" in red, wrapped.
void error_text(const std::string& message);

}  // namespace proclab::gui
