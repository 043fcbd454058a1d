// glReadPixels + stb_image_write.
#include "png_capture.h"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <algorithm>
#include <vector>

namespace proclab::gui {

std::string write_framebuffer_png(const std::string& path, int x, int y, int w, int h, int fb_height) {
  if (w <= 0 || h <= 0) return path + ": nothing to capture (the view is hidden)";
  std::vector<unsigned char> pixels(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(x, fb_height - y - h, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // OpenGL's rows go bottom-up; PNG's top-down.
  const size_t row = static_cast<size_t>(w) * 4;
  for (int r = 0; r < h / 2; ++r)
    std::swap_ranges(pixels.begin() + static_cast<std::ptrdiff_t>(row * static_cast<size_t>(r)),
                     pixels.begin() + static_cast<std::ptrdiff_t>(row * static_cast<size_t>(r + 1)),
                     pixels.begin() + static_cast<std::ptrdiff_t>(row * static_cast<size_t>(h - 1 - r)));
  for (size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;  // opaque, whatever the GL alpha
  if (!stbi_write_png(path.c_str(), w, h, 4, pixels.data(), static_cast<int>(row))) return path + ": cannot write PNG";
  return "";
}

}  // namespace proclab::gui
