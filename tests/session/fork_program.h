// A test Program for `fork(); fork(); fork(); print('1')` without the interpreter: each tick
// performs the next statement; a child continues after the fork that made it.
#pragma once

#include <memory>

#include "proclab/kernel.h"
#include "proclab/policy.h"

namespace proclab::testing {

class ForkThenPrint final : public Program {
 public:
  ForkThenPrint(int forks, int done = 0) : forks_(forks), done_(done) {}
  StepResult step(ProcessContext& ctx) override {
    if (done_ < forks_) {
      ++done_;
      ctx.fork();
      return StepResult::run();
    }
    if (!printed_) {
      printed_ = true;
      ctx.output("1");
      return StepResult::run();
    }
    return StepResult::exit(0);
  }
  std::unique_ptr<Program> fork_child() const override { return std::make_unique<ForkThenPrint>(forks_, done_); }
  std::unique_ptr<Program> clone() const override { return std::make_unique<ForkThenPrint>(*this); }

 private:
  int forks_, done_;
  bool printed_ = false;
};

// A kernel running ForkThenPrint(forks) under round-robin.
inline std::unique_ptr<Kernel> fork_kernel(int forks, KernelConfig config = {}) {
  PolicyParams rr;
  rr.name = "rr";
  rr.quantum = 2;
  auto k = std::make_unique<Kernel>(config, std::move(make_policy(rr).value()));
  k->spawn({"main", 0, 0, 100, 0, std::make_unique<ForkThenPrint>(forks)});
  return k;
}

}  // namespace proclab::testing
