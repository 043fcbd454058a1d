// Session: document, settings and kernel, driven by commands; step back by replay.
#include "proclab/session.h"

#include <algorithm>

namespace proclab {

std::string_view to_string(DocumentKind k) {
  switch (k) {
    case DocumentKind::Jobs: return "jobs";
    case DocumentKind::Program: return "program";
  }
  return "?";
}

// The kernel seen through the questions only a simulated scheduler can answer.
class Session::KernelInfo final : public SchedulerInfo {
 public:
  explicit KernelInfo(const Kernel& k) : k_(k) {}
  std::vector<ReadyRow> ready_rows(Locale locale) const override { return k_.policy().ready_rows(locale); }
  std::string last_reason(Locale locale) const override { return k_.policy().last_reason(locale); }
  std::optional<int> priority(Pid pid) const override {
    const Process* p = k_.process(pid);
    return p ? std::optional<int>(p->priority) : std::nullopt;
  }
  std::optional<int> nice(Pid pid) const override {
    const Process* p = k_.process(pid);
    return p ? std::optional<int>(p->nice) : std::nullopt;
  }
  int current_line(Pid pid) const override {
    const Process* p = k_.process(pid);
    return p && p->alive() && p->program ? p->program->current_line() : 0;
  }

 private:
  const Kernel& k_;
};

Session::Session(ProgramKernelBuilder build_program) : build_program_(std::move(build_program)) {}
Session::~Session() = default;

const SchedulerInfo* Session::scheduler() const { return info_.get(); }

void Session::refold() {
  if (kernel_) model_.advance(kernel_->now());
}

void Session::load(Document doc) {
  doc_ = std::move(doc);
  commands_.clear();
  playing_ = false;
  document_changed(0);
}

void Session::edit_source(std::string source) {
  doc_.source = std::move(source);
  commands_.clear();
  document_changed(0);
}

void Session::edit_jobs(std::vector<JobSpec> jobs) {
  doc_.settings.jobs = std::move(jobs);
  commands_.clear();
  document_changed(0);
}

void Session::set_policy(PolicyParams params) {
  doc_.settings.policy = std::move(params);
  document_changed(now());
}

void Session::set_cpus(int cpus) {
  doc_.settings.kernel.cpus = std::clamp(cpus, 1, kMaxCpus);
  document_changed(now());
}

void Session::set_max_procs(int max_procs) {
  doc_.settings.kernel.max_procs = std::max(1, max_procs);
  document_changed(now());
}

void Session::set_reparent(ReparentRule rule) {
  doc_.settings.kernel.reparent = rule;
  document_changed(now());
}

void Session::set_seed(std::uint64_t seed) {
  doc_.settings.kernel.seed = seed;
  doc_.settings.policy.seed = seed;
  document_changed(now());
}

void Session::set_child_first(bool child_first) {
  doc_.settings.kernel.child_first = child_first;
  document_changed(now());
}

bool Session::step() {
  if (!can_step()) {
    playing_ = false;
    return false;
  }
  last_tick_events_ = kernel_->trace().events().size();
  kernel_->step();
  refold();
  ++revision_;
  if (!can_step()) playing_ = false;
  return true;
}

bool Session::step_back() {
  if (!kernel_ || now() == 0) return false;
  playing_ = false;
  seek(now() - 1);
  return true;
}

void Session::seek(Tick tick) {
  tick = std::max<Tick>(0, tick);
  std::erase_if(commands_, [&](const UserCommand& c) { return c.tick > tick; });
  rebuild_to(tick);
}

void Session::reset() {
  playing_ = false;
  commands_.clear();
  rebuild_to(0);
}

void Session::set_speed(double ticks_per_second) { speed_ = std::clamp(ticks_per_second, 0.25, 1000.0); }

int Session::advance(double seconds) {
  if (!playing_) {
    carry_ = 0;
    return 0;
  }
  carry_ += std::max(0.0, seconds) * speed_;
  int stepped = 0;
  // A long pause (a dragged window, a debugger) must not make the next frame step for ages.
  carry_ = std::min(carry_, speed_ * 0.25 + 1);
  while (carry_ >= 1 && step()) {
    carry_ -= 1;
    ++stepped;
  }
  if (!playing_) carry_ = 0;
  return stepped;
}

int Session::send_signal(Pid pid, int signal) { return record({UserCommand::Kind::Signal, now(), pid, signal}); }
int Session::set_priority(Pid pid, int priority) {
  return record({UserCommand::Kind::Priority, now(), pid, priority});
}
int Session::set_nice(Pid pid, int nice) { return record({UserCommand::Kind::Nice, now(), pid, nice}); }

int Session::record(UserCommand c) {
  if (!kernel_) return kESRCH;
  const Process* p = kernel_->process(c.pid);
  if (!p || c.pid == kInitPid) return kESRCH;
  commands_.push_back(c);
  apply(c);
  refold();
  ++revision_;
  return 0;
}

void Session::apply(const UserCommand& c) {
  switch (c.kind) {
    case UserCommand::Kind::Signal: kernel_->send_signal(c.pid, c.value); break;
    case UserCommand::Kind::Priority: kernel_->set_priority(c.pid, c.value); break;
    case UserCommand::Kind::Nice: kernel_->set_nice(c.pid, c.value); break;
  }
}

void Session::document_changed(Tick replay_to) {
  ++document_revision_;
  rebuild_to(replay_to);
}

void Session::rebuild_to(Tick tick) {
  ++revision_;
  model_ = RunModel();
  info_.reset();
  kernel_.reset();
  error_.clear();
  last_tick_events_ = 0;
  doc_.settings.policy.seed = doc_.settings.kernel.seed;
  Expected<std::unique_ptr<Kernel>> built = Error{""};
  if (doc_.kind == DocumentKind::Jobs) {
    built = build_kernel(doc_.settings);
  } else if (build_program_) {
    built = build_program_(doc_);
  } else {
    built = Error{"programs need the snippet interpreter, which this build does not have"};
  }
  if (!built) {
    error_ = built.error().message;
    playing_ = false;
    return;
  }
  kernel_ = std::move(built.value());
  model_ = RunModel(kernel_->trace(), kernel_->config().cpus);
  info_ = std::make_unique<KernelInfo>(*kernel_);
  size_t next = 0;
  for (;;) {
    while (next < commands_.size() && commands_[next].tick <= kernel_->now()) apply(commands_[next++]);
    if (kernel_->now() >= tick) break;
    last_tick_events_ = kernel_->trace().events().size();
    if (!kernel_->step()) break;
  }
  refold();
  if (!can_step()) playing_ = false;
}

}  // namespace proclab
