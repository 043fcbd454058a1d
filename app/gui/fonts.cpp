// Font loading with glyph ranges kept small enough for one atlas texture.
#include "fonts.h"

#include <filesystem>

namespace proclab::gui {

std::string find_cjk_font() {
  for (const char* path : {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                           "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                           "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"}) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return path;
  }
  return "";
}

FontSet build_fonts(float pixels, const std::string& extra_text) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // The ranges must outlive the atlas build; a static keeps the latest set.
  static ImVector<ImWchar> ui_ranges, code_ranges;
  FontSet out;
  const std::string path = find_cjk_font();
  if (path.empty()) {
    ImFontConfig cfg;
    cfg.SizePixels = pixels;
    out.ui = io.Fonts->AddFontDefault(&cfg);
    out.code = out.ui;
    io.Fonts->Build();
    return out;
  }
  ui_ranges.clear();
  code_ranges.clear();
  ImFontGlyphRangesBuilder ui, code;
  ui.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
  ui.AddText(extra_text.c_str());
  ui.AddText("→←↑↓▶■●…·×✓");
  ui.BuildRanges(&ui_ranges);
  code.AddRanges(io.Fonts->GetGlyphRangesDefault());
  code.AddText(extra_text.c_str());
  code.BuildRanges(&code_ranges);

  ImFontConfig cfg;
  cfg.OversampleH = 1;  // CJK glyphs are many: keep the atlas within one texture
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  cfg.FontNo = 0;  // WenQuanYi Micro Hei
  out.ui = io.Fonts->AddFontFromFileTTF(path.c_str(), pixels, &cfg, ui_ranges.Data);
  cfg.FontNo = 1;  // WenQuanYi Micro Hei Mono
  out.code = io.Fonts->AddFontFromFileTTF(path.c_str(), pixels, &cfg, code_ranges.Data);
  if (!out.code) out.code = out.ui;
  out.chinese = out.ui != nullptr;
  if (!out.ui) {
    ImFontConfig def;
    def.SizePixels = pixels;
    out.ui = out.code = io.Fonts->AddFontDefault(&def);
  }
  io.Fonts->Build();
  return out;
}

}  // namespace proclab::gui
