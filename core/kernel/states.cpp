#include <array>

#include "proclab/event.h"
#include "proclab/kernel.h"
#include "proclab/types.h"

namespace proclab {

namespace {
constexpr std::array<std::string_view, kProcStateCount> kStateNames = {
    "new", "ready", "running", "blocked", "stopped", "zombie", "terminated"};
constexpr std::array<std::string_view, kEventKindCount> kEventNames = {
    "arrive", "dispatch", "preempt", "block", "wake", "exit", "reap", "fork",
    "fork_failed", "reparent", "signal", "output", "context_switch", "exec", "sample"};
}  // namespace

std::string_view to_string(ProcState s) { return kStateNames[static_cast<size_t>(s)]; }

char linux_letter(ProcState s) {
  switch (s) {
    case ProcState::New: return '-';
    case ProcState::Ready:
    case ProcState::Running: return 'R';
    case ProcState::Blocked: return 'S';
    case ProcState::Stopped: return 'T';
    case ProcState::Zombie: return 'Z';
    case ProcState::Terminated: return 'X';
  }
  return '?';
}

std::string_view chinese_name(ProcState s) {
  switch (s) {
    case ProcState::New: return "新建态";
    case ProcState::Ready: return "就绪态";
    case ProcState::Running: return "执行态";
    case ProcState::Blocked: return "等待态";
    case ProcState::Stopped: return "暂停态";
    case ProcState::Zombie: return "僵尸态";
    case ProcState::Terminated: return "终止态";
  }
  return "";
}

std::optional<ProcState> proc_state_from_string(std::string_view name) {
  for (size_t i = 0; i < kStateNames.size(); ++i)
    if (kStateNames[i] == name) return static_cast<ProcState>(i);
  return std::nullopt;
}

bool is_legal_transition(ProcState from, ProcState to) {
  using S = ProcState;
  switch (from) {
    case S::New: return to == S::Ready;
    case S::Ready: return to == S::Running || to == S::Stopped || to == S::Zombie;
    case S::Running:
      return to == S::Ready || to == S::Blocked || to == S::Stopped || to == S::Zombie;
    case S::Blocked: return to == S::Ready || to == S::Stopped || to == S::Zombie;
    case S::Stopped: return to == S::Ready || to == S::Blocked || to == S::Zombie;
    case S::Zombie: return to == S::Terminated;
    case S::Terminated: return false;
  }
  return false;
}

std::string_view to_string(EventKind k) { return kEventNames[static_cast<size_t>(k)]; }

std::optional<EventKind> event_kind_from_string(std::string_view name) {
  for (size_t i = 0; i < kEventNames.size(); ++i)
    if (kEventNames[i] == name) return static_cast<EventKind>(i);
  return std::nullopt;
}

std::string_view to_string(BlockReason r) {
  switch (r) {
    case BlockReason::Io: return "io";
    case BlockReason::Sleep: return "sleep";
    case BlockReason::Wait: return "wait";
  }
  return "io";
}

std::string_view to_string(ReparentRule r) {
  switch (r) {
    case ReparentRule::Init: return "init";
    case ReparentRule::Subreaper: return "subreaper";
    case ReparentRule::Grandparent: return "grandparent";
  }
  return "init";
}

std::optional<ReparentRule> reparent_rule_from_string(std::string_view name) {
  for (auto r : {ReparentRule::Init, ReparentRule::Subreaper, ReparentRule::Grandparent})
    if (to_string(r) == name) return r;
  return std::nullopt;
}

std::string_view to_string(StopReason r) {
  switch (r) {
    case StopReason::Running: return "running";
    case StopReason::Exit: return "exit";
    case StopReason::MaxTicks: return "max_ticks";
    case StopReason::Deadlock: return "deadlock";
  }
  return "running";
}

}  // namespace proclab
