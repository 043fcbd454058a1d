// proclab: the desktop app. Boilerplate after Dear ImGui's example_glfw_opengl3/main.cpp, plus
// the headless screenshot mode (--screenshot OUT.png) used by the tests and the README.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>
#include <filesystem>
#include <string>

#include "app.h"
#include "proclab/lesson.h"
#include "proclab/real/demos.h"
#include "png_capture.h"

// Under -DPROCLAB_SANITIZE=ON: the system's OpenGL driver (Mesa, loaded and unloaded with
// dlopen) leaves allocations LeakSanitizer reports as leaks of an unknown module, which no
// suppression can name. Leak checking stays on for all of proclab's own GUI code through
// proclab_gui_tests (the whole App, headless, no driver); ASan and UBSan stay on here.
extern "C" const char* __asan_default_options() { return "detect_leaks=0"; }

namespace {

constexpr int kExitBadInput = 2;

struct Options {
  std::string file;
  std::string screenshot;
  std::string lesson;
  int ticks = 0;
  std::string lang = "en";
  std::string size;   // default: 1280x800 headless, 90% of the screen otherwise
  float scale = 0;    // default: from the window size (1.5x from 1800x1000, 2x from 3000x1800)
  std::string theme = "dark";
  bool real = false;
};

// $XDG_CONFIG_HOME/proclab/imgui.ini (or ~/.config/...); "" when there is no home.
std::string ini_path() {
  std::filesystem::path dir;
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) dir = x;
  else if (const char* h = std::getenv("HOME"); h && *h) dir = std::filesystem::path(h) / ".config";
  else return "";
  dir /= "proclab";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  return ec ? "" : (dir / "imgui.ini").string();
}

void upload_fonts(proclab::gui::App& app) {
  app.rebuild_fonts();
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

int run(int argc, char** argv) {
  Options o;
  CLI::App cli{"proclab: watch processes being scheduled, forked and reaped"};
  cli.add_option("file", o.file, "a program (.py) or scenario (.json) to open instead of a lesson");
  cli.add_option("--screenshot", o.screenshot, "render once, write this PNG and exit (no window shown)");
  cli.add_option("--lesson", o.lesson, "lesson to open (default: fork-three)");
  cli.add_option("--ticks", o.ticks, "run this many ticks first")->check(CLI::Range(0, 10000000));
  cli.add_option("--lang", o.lang, "en or zh")->check(CLI::IsMember({"en", "zh"}));
  cli.add_option("--size", o.size, "window size WxH (default: 1280x800 for screenshots, 90% of the screen)");
  cli.add_option("--scale", o.scale, "classroom scale: 1, 1.5 or 2 (default: from the window size)")->check(CLI::Range(0.5f, 3.0f));
  cli.add_flag("--run-for-real", o.real, "also run the lesson's real demo in the lab and show it (with --screenshot)");
  cli.add_option("--theme", o.theme, "dark or light")->check(CLI::IsMember({"dark", "light"}));
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return cli.exit(e);
    std::fprintf(stderr, "proclab: %s\n", e.what());
    return kExitBadInput;
  }
  int width = 1280, height = 800;
  char x = 'x';
  if (!o.size.empty() && (std::sscanf(o.size.c_str(), "%d%c%d", &width, &x, &height) != 3 || x != 'x' || width < 320 ||
                          height < 240 || width > 8192 || height > 8192)) {
    std::fprintf(stderr, "proclab: --size: expected WIDTHxHEIGHT between 320x240 and 8192x8192, got \"%s\"\n", o.size.c_str());
    return kExitBadInput;
  }
  const bool headless = !o.screenshot.empty();
  // Flags naming lessons are checked before any window opens (no display needed to be told).
  if (!o.lesson.empty() || o.real) {
    const proclab::gui::Catalog catalog = proclab::gui::load_catalog();
    const int index = proclab::gui::find_entry(catalog, o.lesson.empty() ? proclab::kDefaultLesson : o.lesson);
    if (index < 0) {
      std::string names;
      for (const auto& e : catalog.entries) names += (names.empty() ? "" : ", ") + e.name;
      std::fprintf(stderr, "proclab: --lesson: no lesson named \"%s\"; expected one of: %s\n", o.lesson.c_str(), names.c_str());
      return kExitBadInput;
    }
    const std::string& demo = catalog.entries[static_cast<size_t>(index)].real_demo;
    if (o.real && (demo.empty() || !proclab::real::find_demo(demo))) {
      std::fprintf(stderr, "proclab: --run-for-real: lesson \"%s\" has no real demo\n", catalog.entries[static_cast<size_t>(index)].name.c_str());
      return kExitBadInput;
    }
  }

  glfwSetErrorCallback([](int, const char*) {});
  if (!glfwInit()) {
    std::fprintf(stderr, "proclab: no display found: run it in a desktop session, render with "
                         "`xvfb-run -a proclab --screenshot out.png`, or use proclab-cli\n");
    return kExitBadInput;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  if (headless) glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  if (o.size.empty() && !headless) {
    if (GLFWmonitor* m = glfwGetPrimaryMonitor()) {
      int mx = 0, my = 0, mw = 0, mh = 0;
      glfwGetMonitorWorkarea(m, &mx, &my, &mw, &mh);
      if (mw >= 800 && mh >= 600) width = mw * 9 / 10, height = mh * 9 / 10;
    }
  }
  if (o.scale == 0) o.scale = (width >= 3000 && height >= 1800) ? 2.0f : (width >= 1800 && height >= 1000) ? 1.5f : 1.0f;
  GLFWwindow* window = glfwCreateWindow(width, height, "proclab", nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "proclab: cannot open an OpenGL 3.3 window on this display; use proclab-cli instead\n");
    glfwTerminate();
    return kExitBadInput;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(headless ? 0 : 1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  const std::string ini = headless ? "" : ini_path();
  io.IniFilename = ini.empty() ? nullptr : ini.c_str();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330");

  int exit_code = 0;
  {
    proclab::gui::AppOptions options{o.lesson, o.lang == "zh" ? proclab::gui::Lang::Zh : proclab::gui::Lang::En,
                                     o.scale, o.theme == "dark"};
    options.lang_given = cli.count("--lang") > 0;
    options.scale_given = cli.count("--scale") > 0;
    options.theme_given = cli.count("--theme") > 0;
    proclab::gui::App app(options);
    if (!o.file.empty() && exit_code == 0) {
      if (const std::string err = app.open_file(o.file); !err.empty()) {
        std::fprintf(stderr, "proclab: %s\n", err.c_str());
        exit_code = kExitBadInput;
      }
    }
    for (int i = 0; i < o.ticks && exit_code == 0; ++i)
      if (!app.session().step()) break;
    if (o.real && exit_code == 0) app.start_real();

    // Headless: a few frames let windows settle (auto-sized widgets, first-use layout).
    int frames_left = headless ? 4 : -1;
    bool fullscreen = false;
    int windowed[4] = {100, 100, width, height};
    std::optional<proclab::gui::PngRequest> pending_png;
    int png_delay = 0;
    double last = glfwGetTime();
    while (exit_code == 0 && !glfwWindowShouldClose(window) && !app.quit_requested()) {
      if (!headless) glfwPollEvents();
      if (app.fonts_dirty()) upload_fonts(app);
      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      const double now = glfwGetTime();
      app.frame(headless ? 0.0 : now - last);
      last = now;
      ImGui::Render();
      int fb_w = 0, fb_h = 0;
      glfwGetFramebufferSize(window, &fb_w, &fb_h);
      glViewport(0, 0, fb_w, fb_h);
      const ImVec4 bg = app.ui().dark ? ImVec4(0.06f, 0.06f, 0.07f, 1) : ImVec4(0.85f, 0.86f, 0.88f, 1);
      glClearColor(bg.x, bg.y, bg.z, bg.w);
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      const float sx = io.DisplaySize.x > 0 ? static_cast<float>(fb_w) / io.DisplaySize.x : 1.f;
      const float sy = io.DisplaySize.y > 0 ? static_cast<float>(fb_h) / io.DisplaySize.y : 1.f;
      if (headless && app.real_running()) frames_left = 4;  // wait for the lab's result
      if (headless && --frames_left == 0) {
        const std::string err = proclab::gui::write_framebuffer_png(o.screenshot, 0, 0, fb_w, fb_h, fb_h);
        if (!err.empty()) {
          std::fprintf(stderr, "proclab: %s\n", err.c_str());
          exit_code = kExitBadInput;
        }
        break;
      }
      // An export waits two frames so the file dialog is gone from the picture.
      if (auto req = app.take_png_request()) pending_png = req, png_delay = 2;
      if (pending_png && --png_delay < 0) {
        const auto& r = *pending_png;
        const std::string err = proclab::gui::write_framebuffer_png(
            r.path, static_cast<int>(r.min.x * sx), static_cast<int>(r.min.y * sy), static_cast<int>((r.max.x - r.min.x) * sx),
            static_cast<int>((r.max.y - r.min.y) * sy), fb_h);
        if (!err.empty()) std::fprintf(stderr, "proclab: %s\n", err.c_str());
        pending_png.reset();
      }
      if (app.take_fullscreen_toggle()) {
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        if (!fullscreen && monitor) {
          glfwGetWindowPos(window, &windowed[0], &windowed[1]);
          glfwGetWindowSize(window, &windowed[2], &windowed[3]);
          const GLFWvidmode* mode = glfwGetVideoMode(monitor);
          glfwSetWindowMonitor(window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
          fullscreen = true;
        } else if (fullscreen) {
          glfwSetWindowMonitor(window, nullptr, windowed[0], windowed[1], windowed[2], windowed[3], 0);
          fullscreen = false;
        }
      }
      glfwSwapBuffers(window);
    }
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  // No exception reaches the user as std::terminate's text: one line and an exit code.
  try {
    return run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::fputs("proclab: out of memory\n", stderr);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "proclab: internal error: %s\n", e.what());
  }
  return 1;
}
