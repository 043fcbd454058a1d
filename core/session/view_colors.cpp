// Colors shared by every view: one per pid, one per state.
#include <cmath>

#include "proclab/view_records.h"

namespace proclab {

namespace {

std::uint32_t pack(float r, float g, float b) {
  const auto byte = [](float v) { return static_cast<std::uint32_t>(std::lround(std::fmin(1.f, std::fmax(0.f, v)) * 255)); };
  return 0xFF000000u | (byte(b) << 16) | (byte(g) << 8) | byte(r);
}

// HSV to RGB with s, v fixed by the caller.
std::uint32_t from_hsv(float h, float s, float v) {
  const float i = std::floor(h * 6);
  const float f = h * 6 - i;
  const float p = v * (1 - s), q = v * (1 - f * s), t = v * (1 - (1 - f) * s);
  switch (static_cast<int>(i) % 6) {
    case 0: return pack(v, t, p);
    case 1: return pack(q, v, p);
    case 2: return pack(p, v, t);
    case 3: return pack(p, q, v);
    case 4: return pack(t, p, v);
    default: return pack(v, p, q);
  }
}

}  // namespace

std::uint32_t pid_color(Pid pid) {
  // Golden-ratio hue steps: consecutive pids land far apart on the color wheel.
  const double hue = std::fmod(0.07 + 0.6180339887 * static_cast<double>(pid < 0 ? 0 : pid), 1.0);
  const float value = (pid % 3 == 0) ? 0.80f : 0.90f;
  return from_hsv(static_cast<float>(hue), 0.62f, value);
}

std::uint32_t state_color(ProcState s) {
  switch (s) {
    case ProcState::New: return pack(0.62f, 0.62f, 0.66f);
    case ProcState::Ready: return pack(0.96f, 0.70f, 0.16f);
    case ProcState::Running: return pack(0.22f, 0.72f, 0.32f);
    case ProcState::Blocked: return pack(0.29f, 0.53f, 0.91f);
    case ProcState::Stopped: return pack(0.80f, 0.36f, 0.80f);
    case ProcState::Zombie: return pack(0.55f, 0.55f, 0.55f);
    case ProcState::Terminated: return pack(0.40f, 0.40f, 0.44f);
  }
  return pack(1, 0, 1);
}

}  // namespace proclab
