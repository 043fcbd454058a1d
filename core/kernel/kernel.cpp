// The simulated kernel. Sections:
//   1. creation and lookup        2. the one transition function
//   3. one tick: wake, admit, preempt, dispatch, run, apply
//   4. lifecycle: exit, reparent, wait, reap (as in xv6 proc.c)
//   5. signals and user commands  6. when the run is over
#include "proclab/kernel.h"

#include <algorithm>
#include <cassert>
#include <limits>

namespace proclab {

// ---- 1. creation and lookup -------------------------------------------------------------

Kernel::Kernel(KernelConfig config, std::unique_ptr<Policy> policy)
    : config_(config), policy_(std::move(policy)), cpus_(static_cast<size_t>(config.cpus)),
      rng_(static_cast<std::mt19937::result_type>(config.seed)) {
  assert(config_.cpus >= 1 && config_.cpus <= kMaxCpus);
  init_ = std::make_unique<Process>();
  init_->pid = kInitPid;
  init_->ppid = 0;
  init_->original_ppid = 0;
  init_->state = ProcState::Running;  // init is always there; it never takes a CPU here
  trace_.add_process({kInitPid, 0, trace_.add_text("init"), 0, 0, kNoPid});
  status_ = StopReason::Exit;
}

Process* Kernel::find(Pid pid) {
  if (pid == kInitPid) return init_.get();
  const auto index = static_cast<size_t>(pid - config_.first_pid);
  if (pid < config_.first_pid || index >= procs_.size()) return nullptr;
  return procs_[index].get();
}

const Process* Kernel::process(Pid pid) const { return const_cast<Kernel*>(this)->find(pid); }

std::vector<const Process*> Kernel::processes() const {
  std::vector<const Process*> all;
  all.reserve(procs_.size());
  for (const auto& p : procs_) all.push_back(p.get());
  return all;
}

Process& Kernel::create(Pid parent, std::int32_t name, int priority, int tickets, int nice,
                        std::unique_ptr<Program> program, Tick arrival) {
  auto p = std::make_unique<Process>();
  p->pid = config_.first_pid + static_cast<Pid>(procs_.size());
  p->ppid = p->original_ppid = parent;
  p->arrival = arrival;
  p->priority = p->base_priority = priority;
  p->tickets = tickets;
  p->nice = nice;
  p->program = std::move(program);
  trace_.add_process({p->pid, parent, name, arrival, priority, kNoPid});
  find(parent)->children++;
  ++counted_procs_;
  ++live_procs_;
  procs_.push_back(std::move(p));
  return *procs_.back();
}

Pid Kernel::spawn(SpawnSpec spec) {
  Process& p = create(kInitPid, trace_.add_text(std::move(spec.name)), spec.priority,
                      spec.tickets, spec.nice, std::move(spec.program), spec.arrival);
  p.subreaper = config_.reparent == ReparentRule::Subreaper;
  arrivals_.push({spec.arrival, p.pid});
  status_ = StopReason::Running;
  return p.pid;
}

// ---- 2. the one transition function -----------------------------------------------------

void Kernel::record(EventKind kind, Pid pid, std::int32_t detail, int cpu) {
  trace_.add({now_, pid, detail, static_cast<std::int16_t>(cpu), kind, ProcState::New,
              ProcState::New});
}

void Kernel::transition(Process& p, ProcState to, EventKind kind, std::int32_t detail) {
  assert(is_legal_transition(p.state, to));
  trace_.add({now_, p.pid, detail, static_cast<std::int16_t>(p.cpu), kind, p.state, to});
  p.state = to;
}

// ---- 3. one tick ------------------------------------------------------------------------

bool Kernel::step() {
  if (status_ != StopReason::Running) return false;
  policy_->on_tick(now_);
  // Tie rule: by default a process arriving or waking at the tick another's quantum expires
  // enters the ready queue ahead of the preempted one.
  if (config_.preempted_first) expire_quanta();
  wake_due();
  admit_arrivals();
  if (!config_.preempted_first) expire_quanta();
  preempt_for_better();
  dispatch_idle_cpus();
  run_cpus();
  update_status();
  return true;
}

StopReason Kernel::run(Tick max_ticks) {
  while (status_ == StopReason::Running) {
    if (now_ >= max_ticks) {
      status_ = StopReason::MaxTicks;
      break;
    }
    step();
  }
  return status_;
}

void Kernel::make_ready(Process& p, EventKind kind, EnqueueReason why) {
  transition(p, ProcState::Ready, kind);
  p.sched.ready_since = now_;
  p.sched.seq = ++enqueue_seq_;
  policy_->enqueue(p, why, now_);
}

void Kernel::wake_due() {
  while (!wakeups_.empty() && wakeups_.top().first <= now_) {
    auto [time, pid] = wakeups_.top();
    wakeups_.pop();
    Process* p = find(pid);
    if (p->wake_at != time || p->waiting_child) continue;  // stale entry
    if (p->state == ProcState::Blocked)
      make_ready(*p, EventKind::Wake, EnqueueReason::Wake);
    else if (p->state == ProcState::Stopped && p->state_before_stop == ProcState::Blocked)
      p->state_before_stop = ProcState::Ready;  // I/O finished while stopped
  }
}

void Kernel::admit_arrivals() {
  while (!arrivals_.empty() && arrivals_.top().first <= now_) {
    Process* p = find(arrivals_.top().second);
    arrivals_.pop();
    if (p->state == ProcState::New) make_ready(*p, EventKind::Arrive, EnqueueReason::Arrive);
  }
}

void Kernel::expire_quanta() {
  for (auto& cpu : cpus_) {
    Process* p = cpu.running;
    if (!p || p->slice_len == 0 || p->slice_used < p->slice_len) continue;
    if (policy_->ready_count() == 0) {
      // Nobody is waiting: the process keeps its CPU and starts a fresh quantum.
      p->slice_used = 0;
      p->slice_len = policy_->quantum(*p);
    } else {
      preempt(cpu);
    }
  }
}

void Kernel::preempt_for_better() {
  for (auto& cpu : cpus_)
    if (cpu.running && policy_->ready_count() > 0 && policy_->should_preempt(*cpu.running, now_))
      preempt(cpu);
}

void Kernel::preempt(CpuState& cpu) {
  Process& p = *cpu.running;
  make_ready(p, EventKind::Preempt, EnqueueReason::Preempt);
  release_cpu(p);
}

void Kernel::release_cpu(Process& p) {
  if (p.cpu >= 0) cpus_[static_cast<size_t>(p.cpu)].running = nullptr;
  p.cpu = -1;
}

void Kernel::dispatch_idle_cpus() {
  for (size_t i = 0; i < cpus_.size(); ++i) {
    CpuState& cpu = cpus_[i];
    if (cpu.running) continue;
    Process* p = cpu.switching_to;
    if (p && cpu.switch_left > 0) continue;
    if (!p) {
      if (Process* child = find(cpu.handoff); child && child->state == ProcState::Ready) {
        policy_->remove(*child);
        p = child;
      } else {
        p = policy_->pick(static_cast<int>(i), now_);
      }
      cpu.handoff = kNoPid;
      if (!p) continue;
      if (config_.context_switch > 0 && cpu.last_pid != kNoPid && cpu.last_pid != p->pid) {
        cpu.switching_to = p;
        cpu.switch_left = config_.context_switch;
        record(EventKind::ContextSwitch, p->pid, config_.context_switch, static_cast<int>(i));
        continue;
      }
    }
    cpu.switching_to = nullptr;
    p->cpu = static_cast<int>(i);
    p->slice_used = 0;
    p->slice_len = policy_->quantum(*p);
    transition(*p, ProcState::Running, EventKind::Dispatch);
    cpu.running = p;
    cpu.last_pid = p->pid;
  }
}

// The system calls of the process running on one CPU during its tick.
class Kernel::Syscalls final : public ProcessContext {
 public:
  Syscalls(Kernel& k, Process& p) : k_(k), p_(p) {}
  Pid pid() const override { return p_.pid; }
  Pid ppid() const override { return p_.ppid; }
  Tick now() const override { return k_.now_; }

  ForkReply fork() override {
    if (k_.counted_procs_ >= k_.config_.max_procs) {
      k_.record(EventKind::ForkFailed, p_.pid, kEAGAIN, p_.cpu);
      return {kNoPid, kEAGAIN};
    }
    const std::int32_t name = k_.trace_.process(p_.pid)->name;
    Process& child = k_.create(p_.pid, name, p_.priority, p_.tickets, p_.nice,
                               p_.program->fork_child(), k_.now_ + 1);
    child.subreaper = false;
    k_.record(EventKind::Fork, p_.pid, child.pid, p_.cpu);
    k_.forked_.push_back(&child);
    if (k_.config_.child_first) k_.cpus_[static_cast<size_t>(p_.cpu)].handoff = child.pid;
    return {child.pid, 0};
  }

  WaitReply wait(Pid which, bool no_hang) override {
    if (Process* z = k_.zombie_child(p_, which)) {
      const WaitReply reply{WaitReply::Kind::Reaped, z->pid, z->exit_status};
      k_.reap(*z, p_.pid);
      return reply;
    }
    if (!k_.has_child(p_, which)) return {WaitReply::Kind::NoChild, kNoPid, 0};
    if (no_hang) return {WaitReply::Kind::NothingYet, kNoPid, 0};
    p_.wait_for = which;
    return {WaitReply::Kind::WouldBlock, kNoPid, 0};
  }

  int kill(Pid target, int signal) override {
    const Process* t = k_.find(target);
    if (!t || t->state == ProcState::Terminated || t->state == ProcState::New) return kESRCH;
    k_.pending_signals_.emplace_back(target, signal);
    return 0;
  }

  void output(std::string text) override {
    k_.record(EventKind::Output, p_.pid, k_.trace_.add_text(std::move(text)), p_.cpu);
  }

  int nice(int increment) override {
    p_.nice = std::clamp(p_.nice + increment, -20, 19);
    return p_.nice;
  }

  std::uint32_t random() override { return static_cast<std::uint32_t>(k_.rng_()); }

 private:
  Kernel& k_;
  Process& p_;
};

void Kernel::run_cpus() {
  ran_.clear();
  for (auto& cpu : cpus_) {
    if (cpu.switching_to) {
      --cpu.switch_left;
      continue;
    }
    Process* p = cpu.running;
    if (!p) continue;
    Syscalls sys(*this, *p);
    StepResult r = p->program->step(sys);
    ++p->cpu_time;
    ++p->slice_used;
    policy_->on_ran(*p, now_);
    ran_.push_back({p, r});
  }
  ++now_;
  // Effects of the tick happen at its end: children join the ready queue, then the parents'
  // results apply (block, wait, exit), then signals sent during the tick are delivered.
  for (Process* child : forked_) make_ready(*child, EventKind::Arrive, EnqueueReason::Arrive);
  forked_.clear();
  for (auto& [p, r] : ran_) apply(*p, r);
  deliver_pending_signals();
}

void Kernel::apply(Process& p, const StepResult& r) {
  switch (r.kind) {
    case StepResult::Kind::Run:
      if (cpus_[static_cast<size_t>(p.cpu)].handoff != kNoPid) preempt(cpus_[static_cast<size_t>(p.cpu)]);
      return;
    case StepResult::Kind::Block:
      // Saturates: a block longer than the clock can count wakes "never" instead of in the past.
      p.wake_at = now_ + std::clamp<Tick>(r.block_for, 1, std::numeric_limits<Tick>::max() - now_);
      transition(p, ProcState::Blocked, EventKind::Block,
                 static_cast<std::int32_t>(r.sleeping ? BlockReason::Sleep : BlockReason::Io));
      release_cpu(p);
      wakeups_.push({p.wake_at, p.pid});
      return;
    case StepResult::Kind::Wait:
      if (zombie_child(p, p.wait_for)) return;  // a child exited this very tick: retry now
      p.waiting_child = true;
      transition(p, ProcState::Blocked, EventKind::Block,
                 static_cast<std::int32_t>(BlockReason::Wait));
      release_cpu(p);
      return;
    case StepResult::Kind::Exit:
      do_exit(p, r.exit_status);
      return;
  }
}

// ---- 4. lifecycle -----------------------------------------------------------------------

void Kernel::leave_current_state(Process& p) {
  switch (p.state) {
    case ProcState::Ready: {
      auto reserved = std::find_if(cpus_.begin(), cpus_.end(),
                                   [&](const CpuState& c) { return c.switching_to == &p; });
      if (reserved != cpus_.end())
        reserved->switching_to = nullptr;
      else
        policy_->remove(p);
      break;
    }
    default: break;  // Running: the caller releases the CPU after recording (the event keeps
                     // the CPU); Blocked and Stopped hold no queue place
  }
}

// Exit: children go to their adopter, p becomes a Zombie holding `status` until its parent
// waits; init reaps at once. Only live processes exit.
void Kernel::do_exit(Process& p, int status) {
  reparent_children(p);
  p.exit_status = status;
  p.waiting_child = false;
  transition(p, ProcState::Zombie, EventKind::Exit, status);
  release_cpu(p);
  --live_procs_;
  if (p.ppid == kInitPid)
    reap(p, kInitPid);
  else
    wake_waiting_parent(p);
}

Pid Kernel::adopter_for(const Process& dying) const {
  switch (config_.reparent) {
    case ReparentRule::Init: return kInitPid;
    case ReparentRule::Grandparent: {
      const Process* gp = process(dying.ppid);
      return gp && gp->pid != kInitPid && gp->alive() ? gp->pid : kInitPid;
    }
    case ReparentRule::Subreaper:
      for (const Process* a = process(dying.ppid); a && a->pid != kInitPid; a = process(a->ppid))
        if (a->subreaper && a->alive()) return a->pid;
      return kInitPid;
  }
  return kInitPid;
}

void Kernel::reparent_children(Process& dying) {
  if (dying.children == 0) return;
  Process& adopter = *find(adopter_for(dying));
  // A child always has a higher pid than its parent, adopted or not.
  for (size_t i = static_cast<size_t>(dying.pid - config_.first_pid) + 1; i < procs_.size(); ++i) {
    Process& c = *procs_[i];
    if (c.ppid != dying.pid || c.state == ProcState::Terminated) continue;
    c.ppid = adopter.pid;
    --dying.children;
    ++adopter.children;
    record(EventKind::Reparent, c.pid, adopter.pid, c.cpu);
    if (c.state == ProcState::Zombie) {
      if (adopter.pid == kInitPid)
        reap(c, kInitPid);
      else
        wake_waiting_parent(c);
    }
  }
}

bool Kernel::has_child(const Process& parent, Pid which) const {
  if (parent.children == 0) return false;
  if (which > 0) {
    const Process* c = process(which);
    return c && c->ppid == parent.pid && c->state != ProcState::Terminated;
  }
  return true;
}

Process* Kernel::zombie_child(const Process& parent, Pid which) {
  if (parent.children == 0) return nullptr;
  if (which > 0) {
    Process* c = find(which);
    return c && c->ppid == parent.pid && c->state == ProcState::Zombie ? c : nullptr;
  }
  for (size_t i = static_cast<size_t>(std::max(0, parent.pid - config_.first_pid)); i < procs_.size(); ++i)
    if (procs_[i]->ppid == parent.pid && procs_[i]->state == ProcState::Zombie) return procs_[i].get();
  return nullptr;
}

void Kernel::reap(Process& zombie, Pid reaper) {
  transition(zombie, ProcState::Terminated, EventKind::Reap, reaper);
  --counted_procs_;
  --find(zombie.ppid)->children;
}

void Kernel::wake_waiting_parent(Process& child) {
  Process* parent = find(child.ppid);
  if (!parent || !parent->waiting_child) return;
  if (parent->wait_for != -1 && parent->wait_for != child.pid) return;
  parent->waiting_child = false;
  if (parent->state == ProcState::Blocked)
    make_ready(*parent, EventKind::Wake, EnqueueReason::Wake);
  else if (parent->state == ProcState::Stopped)
    parent->state_before_stop = ProcState::Ready;
}

// ---- 5. signals and user commands -------------------------------------------------------

void Kernel::deliver_signal(Process& p, int signal) {
  if (p.pid == kInitPid || p.state == ProcState::Zombie) {
    record(EventKind::Signal, p.pid, signal, p.cpu);  // init ignores signals; zombies are dead
    return;
  }
  switch (signal) {
    case kSIGKILL:
    case kSIGTERM:
      record(EventKind::Signal, p.pid, signal, p.cpu);
      leave_current_state(p);
      do_exit(p, -signal);
      return;
    case kSIGSTOP:
      if (p.state == ProcState::Stopped) break;
      p.state_before_stop = p.state == ProcState::Blocked ? ProcState::Blocked : ProcState::Ready;
      leave_current_state(p);
      transition(p, ProcState::Stopped, EventKind::Signal, signal);
      release_cpu(p);
      return;
    case kSIGCONT:
      if (p.state != ProcState::Stopped) break;
      if (p.state_before_stop == ProcState::Blocked) {
        transition(p, ProcState::Blocked, EventKind::Signal, signal);
      } else {
        transition(p, ProcState::Ready, EventKind::Signal, signal);
        p.sched.ready_since = now_;
        p.sched.seq = ++enqueue_seq_;
        policy_->enqueue(p, EnqueueReason::Continue, now_);
      }
      return;
    default: break;
  }
  record(EventKind::Signal, p.pid, signal, p.cpu);  // no effect
}

void Kernel::deliver_pending_signals() {
  for (size_t i = 0; i < pending_signals_.size(); ++i) {  // delivery may queue no more, but be safe
    auto [pid, signal] = pending_signals_[i];
    deliver_signal(*find(pid), signal);
  }
  pending_signals_.clear();
}

int Kernel::send_signal(Pid pid, int signal) {
  Process* p = find(pid);
  if (!p || p->state == ProcState::Terminated || p->state == ProcState::New) return kESRCH;
  deliver_signal(*p, signal);
  update_status();
  return 0;
}

int Kernel::set_priority(Pid pid, int priority) {
  Process* p = find(pid);
  if (!p || !p->alive() || p->pid == kInitPid) return kESRCH;
  const bool queued = p->state == ProcState::Ready &&
                      std::none_of(cpus_.begin(), cpus_.end(),
                                   [&](const CpuState& c) { return c.switching_to == p; });
  if (queued) policy_->remove(*p);  // re-queue so ordered policies see the new key
  p->priority = p->base_priority = priority;
  if (queued) policy_->enqueue(*p, EnqueueReason::Continue, now_);
  return 0;
}

int Kernel::set_nice(Pid pid, int nice) {
  Process* p = find(pid);
  if (!p || !p->alive() || p->pid == kInitPid) return kESRCH;
  p->nice = std::clamp(nice, -20, 19);
  return 0;
}

// ---- 6. when the run is over ------------------------------------------------------------

void Kernel::update_status() {
  if (live_procs_ == 0 && arrivals_.empty()) {
    status_ = StopReason::Exit;
    return;
  }
  const bool cpu_busy = std::any_of(cpus_.begin(), cpus_.end(), [](const CpuState& c) {
    return c.running != nullptr || c.switching_to != nullptr;
  });
  if (cpu_busy || policy_->ready_count() > 0 || !arrivals_.empty()) {
    status_ = StopReason::Running;
    return;
  }
  // Nothing runs or is ready: only a pending wake-up can still change anything.
  while (!wakeups_.empty()) {
    const Process* p = find(wakeups_.top().second);
    const bool pending = p->wake_at == wakeups_.top().first && !p->waiting_child &&
                         (p->state == ProcState::Blocked ||
                          (p->state == ProcState::Stopped && p->state_before_stop == ProcState::Blocked));
    if (pending) break;
    wakeups_.pop();
  }
  status_ = wakeups_.empty() ? StopReason::Deadlock : StopReason::Running;
}

}  // namespace proclab
