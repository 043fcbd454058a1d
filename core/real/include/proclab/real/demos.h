// The built-in real demos: native C++ calling fork() for real, mirroring the lessons' notes.
#pragma once

#include <span>
#include <string_view>

namespace proclab::real {

struct DemoInfo {
  std::string_view name;
  std::string_view summary;
  bool needs_kernel_cap = false;  // refuses to start without the cgroup or rlimit layer
  bool ends_with_root = false;    // the run ends when the first workload process exits
};

// Every demo, in the order `proclab-cli real --list` shows them.
std::span<const DemoInfo> demo_catalog();
// nullptr when there is no demo called name.
const DemoInfo* find_demo(std::string_view name);

}  // namespace proclab::real
