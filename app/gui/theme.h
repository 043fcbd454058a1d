// Light and dark themes at classroom scales (1x, 1.5x, 2x).
#pragma once

namespace proclab::gui {

// Resets ImGui's style to the theme and scales every size by `scale`.
void apply_theme(bool dark, float scale);

}  // namespace proclab::gui
