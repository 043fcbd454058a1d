// Reads the current OpenGL framebuffer and writes it as a PNG (headless screenshots, exports).
#pragma once

#include <string>

namespace proclab::gui {

// Writes the framebuffer rectangle [x, y, w, h) (pixels, top-left origin) of a framebuffer
// `fb_height` pixels tall to `path`. Returns "" or a one-line error.
std::string write_framebuffer_png(const std::string& path, int x, int y, int w, int h, int fb_height);

}  // namespace proclab::gui
