// Language, classroom scale and theme kept in imgui.ini next to the layout ([Proclab][Prefs]),
// so a classroom's settings survive a restart. Command-line flags win over saved values.
#include <imgui_internal.h>

#include <cstdio>
#include <cstring>

#include "app.h"

namespace proclab::gui {

void App::register_settings() {
  ImGuiSettingsHandler h;
  h.TypeName = "Proclab";
  h.TypeHash = ImHashStr("Proclab");
  h.UserData = this;
  h.ReadOpenFn = [](ImGuiContext*, ImGuiSettingsHandler*, const char* name) -> void* {
    return std::strcmp(name, "Prefs") == 0 ? reinterpret_cast<void*>(1) : nullptr;
  };
  h.ReadLineFn = [](ImGuiContext*, ImGuiSettingsHandler* handler, void*, const char* line) {
    auto* app = static_cast<App*>(handler->UserData);
    char lang[8] = {};
    float scale = 0;
    int dark = 0;
    if (std::sscanf(line, "lang=%7s", lang) == 1 && !app->options_.lang_given) {
      set_language(std::strcmp(lang, "zh") == 0 ? Lang::Zh : Lang::En);
      app->refresh_lesson_text();
    } else if (std::sscanf(line, "scale=%f", &scale) == 1 && !app->options_.scale_given && (scale == 1.0f || scale == 1.5f || scale == 2.0f)) {
      app->set_scale(scale);
    } else if (std::sscanf(line, "dark=%d", &dark) == 1 && !app->options_.theme_given) {
      app->set_dark(dark != 0);
    }
  };
  h.WriteAllFn = [](ImGuiContext*, ImGuiSettingsHandler* handler, ImGuiTextBuffer* buf) {
    const auto* app = static_cast<const App*>(handler->UserData);
    buf->appendf("[Proclab][Prefs]\nlang=%s\nscale=%.1f\ndark=%d\n\n", language() == Lang::Zh ? "zh" : "en",
                 static_cast<double>(app->ui_.scale), app->ui_.dark ? 1 : 0);
  };
  ImGui::GetCurrentContext()->SettingsHandlers.push_back(h);
}

}  // namespace proclab::gui
