// `proclab --screenshot` as a user runs it: under xvfb-run, a PNG of the requested size with
// the app drawn in it; without a display, a one-line hint and exit code 2.
#include <gtest/gtest.h>

#include <stb_image.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>

namespace {

struct RunResult {
  int code;
  std::string err;
};

// A directory of this test process's own: ctest runs several test processes at once.
const std::filesystem::path& own_temp_dir() {
  static const std::filesystem::path dir = [] {
    std::string templ = (std::filesystem::temp_directory_path() / "proclab-shots-XXXXXX").string();
    return std::filesystem::path(mkdtemp(templ.data()) ? templ : std::filesystem::temp_directory_path().string());
  }();
  return dir;
}

RunResult run(const std::string& cmd) {
  const std::string err_file = (own_temp_dir() / "stderr.txt").string();
  const int status = std::system((cmd + " >/dev/null 2>" + err_file).c_str());
  std::string err;
  if (FILE* f = std::fopen(err_file.c_str(), "rb")) {
    std::array<char, 4096> buf{};
    size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) err.append(buf.data(), n);
    std::fclose(f);
  }
  return {WEXITSTATUS(status), err};
}

bool have_xvfb() { return std::system("command -v xvfb-run >/dev/null 2>&1") == 0; }

std::string shot(const std::string& name) { return (own_temp_dir() / ("proclab_" + name + ".png")).string(); }

struct Image {
  int w = 0, h = 0;
  int colors = 0;
};

Image load(const std::string& path) {
  Image img;
  int n = 0;
  unsigned char* px = stbi_load(path.c_str(), &img.w, &img.h, &n, 4);
  if (!px) return img;
  std::set<unsigned> seen;
  for (size_t i = 0; i < static_cast<size_t>(img.w) * static_cast<size_t>(img.h); i += 7) {
    unsigned v;
    std::memcpy(&v, px + i * 4, 4);
    seen.insert(v);
  }
  img.colors = static_cast<int>(seen.size());
  stbi_image_free(px);
  return img;
}

void expect_screenshot(const std::string& args, const std::string& name, int w, int h) {
  if (!have_xvfb()) GTEST_SKIP() << "xvfb-run is not installed (apt install xvfb xauth)";
  const std::string out = shot(name);
  std::filesystem::remove(out);
  const RunResult r = run("xvfb-run -a " PROCLAB_GUI " --screenshot " + out + " " + args);
  ASSERT_EQ(r.code, 0) << r.err;
  const Image img = load(out);
  EXPECT_EQ(img.w, w);
  EXPECT_EQ(img.h, h);
  EXPECT_GT(img.colors, 200) << "the picture looks blank";
}

TEST(Screenshot, DefaultLessonInEnglishAt1280x800) { expect_screenshot("--ticks 20", "default_en", 1280, 800); }

TEST(Screenshot, ZombieLessonInChinese) { expect_screenshot("--lesson zombie --ticks 60 --lang zh", "zombie_zh", 1280, 800); }

TEST(Screenshot, ForkBombAtOneAndAHalf) {
  expect_screenshot("--lesson fork-bomb --ticks 80 --scale 1.5 --size 1920x1080", "bomb", 1920, 1080);
}

TEST(Screenshot, ChineseAt1920x1080) { expect_screenshot("--ticks 20 --lang zh --size 1920x1080", "zh_1080", 1920, 1080); }

TEST(Screenshot, ClassroomScaleTwo) { expect_screenshot("--ticks 5 --scale 2 --size 1920x1080", "scale2", 1920, 1080); }

TEST(Screenshot, TextbookWorkloadLightTheme) {
  expect_screenshot("--lesson textbook-rr --ticks 12 --theme light", "rr_light", 1280, 800);
}

TEST(Screenshot, UnknownLessonIsOneLineAndExitTwo) {
  const RunResult r = run("env -u DISPLAY " PROCLAB_GUI " --screenshot " + shot("bad") + " --lesson no-such-lesson");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("no lesson named \"no-such-lesson\""), std::string::npos) << r.err;
}

TEST(Screenshot, BadSizeIsOneLineAndExitTwo) {
  const RunResult r = run("env -u DISPLAY " PROCLAB_GUI " --screenshot " + shot("bad") + " --size huge");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--size"), std::string::npos) << r.err;
}

TEST(Screenshot, WithoutADisplayPrintsAHintAndExitsTwo) {
  const RunResult r = run("env -u DISPLAY -u WAYLAND_DISPLAY " PROCLAB_GUI);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("proclab-cli"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
}

}  // namespace

namespace {

TEST(Screenshot, RunForRealShowsTheLabRun) {
  expect_screenshot("--lesson fork-three --ticks 20 --run-for-real", "real", 1280, 800);
}

TEST(Screenshot, RunForRealOnALessonWithoutDemoIsExitTwo) {
  const RunResult r = run("env -u DISPLAY " PROCLAB_GUI " --screenshot " + shot("bad") + " --lesson textbook-rr --run-for-real");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("no real demo"), std::string::npos) << r.err;
}

}  // namespace
