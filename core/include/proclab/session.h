// A Session: what the GUI (or any front end) works on. It owns the current document (a burst
// workload or a program's source), the settings it runs under and the Kernel running it, and
// takes commands (play, step, step back, signals, ...). It is the simulated run source: front
// ends read its RunModel and SchedulerInfo, never the Kernel (kernel() is for exporters and tests).
//
// Step back is deterministic replay: the kernel is rebuilt from the document and settings and
// stepped again to the earlier tick, re-applying the user's commands (signals, priority, nice)
// at the ticks they were given. Same document, settings and commands: the same trace.
#pragma once

#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "proclab/error.h"
#include "proclab/kernel.h"
#include "proclab/lang.h"
#include "proclab/run_source.h"
#include "proclab/scenario.h"

namespace proclab {

enum class DocumentKind : std::uint8_t { Jobs, Program };
std::string_view to_string(DocumentKind k);

// What the user works on. `settings` carries the machine and policy (cpus, max_procs,
// reparent rule, seed, child_first, policy and its parameters) and, for Jobs, the job table.
struct Document {
  DocumentKind kind = DocumentKind::Jobs;
  std::string title;
  Scenario settings;
  std::string source;  // Program only: the snippet's text
  LangOptions lang;    // Program only: file name in messages, statement cost, sleep scale
};

// A user command replayed at the tick it was given.
struct UserCommand {
  enum class Kind : std::uint8_t { Signal, Priority, Nice };
  Kind kind = Kind::Signal;
  Tick tick = 0;
  Pid pid = kNoPid;
  int value = 0;  // signal number, priority, or nice value
  bool operator==(const UserCommand&) const = default;
};

// Builds a ready-to-step kernel for a Program document (the snippet interpreter provides it).
// Fails with the program's error ("program.py:3:5: ...").
using ProgramKernelBuilder = std::function<Expected<std::unique_ptr<Kernel>>(const Document&)>;

class Session final : public RunSource {
 public:
  // `build_program` may be empty: Program documents then fail to load with a clear message.
  explicit Session(ProgramKernelBuilder build_program = {});
  ~Session() override;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // ---- the run source ----
  // The fold of the kernel's trace up to now(); an empty model when the document failed.
  const RunModel& model() const override { return model_; }
  // The kernel's policy, priorities and program lines; nullptr when nothing is loaded.
  const SchedulerInfo* scheduler() const override;
  RunCapabilities capabilities() const override { return {true, kernel_ != nullptr, false}; }

  // ---- documents ----
  // Replaces the document and resets to tick 0. On failure (bad program, bad settings) the
  // document is kept so the user can fix it, no kernel runs, and error() holds the message.
  void load(Document doc);
  void edit_source(std::string source);
  void edit_jobs(std::vector<JobSpec> jobs);

  // ---- settings (each rebuilds the kernel and replays to the current tick) ----
  void set_policy(PolicyParams params);
  void set_cpus(int cpus);
  void set_max_procs(int max_procs);
  void set_reparent(ReparentRule rule);
  void set_seed(std::uint64_t seed);
  void set_child_first(bool child_first);

  // ---- time ----
  void play() { playing_ = can_step(); }
  void pause() { playing_ = false; }
  void toggle_play() { playing_ ? pause() : play(); }
  // One tick forward. Returns false when the run is over or no kernel is loaded.
  bool step();
  // One tick back (replay to now() - 1). Returns false at tick 0.
  bool step_back();
  // Replays from the start to `tick` (clamped to where the run ends).
  void seek(Tick tick);
  void reset();
  // Ticks per second while playing (0.25 .. 1000).
  void set_speed(double ticks_per_second);
  // Advances the clock by `seconds` of wall time while playing; returns ticks stepped.
  int advance(double seconds);

  // ---- commands on processes (recorded and replayed); return 0 or an errno (kESRCH) ----
  int send_signal(Pid pid, int signal);
  int set_priority(Pid pid, int priority);
  int set_nice(Pid pid, int nice);

  // ---- const state ----
  const Document& document() const { return doc_; }
  // nullptr when the document failed to load (see error()).
  const Kernel* kernel() const { return kernel_.get(); }
  const std::string& error() const { return error_; }
  Tick now() const { return kernel_ ? kernel_->now() : 0; }
  bool playing() const { return playing_; }
  bool can_step() const { return kernel_ && kernel_->status() == StopReason::Running; }
  double speed() const { return speed_; }
  const std::vector<UserCommand>& commands() const { return commands_; }
  // Counts every change of the kernel (step, replay, command); views cache records on it.
  std::uint64_t revision() const override { return revision_; }
  // Counts changes of the document and its settings only (not of time); what depends on the
  // workload alone, such as the every-policy comparison, caches on it.
  std::uint64_t document_revision() const { return document_revision_; }
  // Index of the first trace event the latest tick recorded (what the state diagram animates).
  size_t last_tick_events() const { return last_tick_events_; }

 private:
  void document_changed(Tick replay_to);
  void rebuild_to(Tick tick);
  void apply(const UserCommand& c);
  int record(UserCommand c);
  void refold();

  class KernelInfo;

  ProgramKernelBuilder build_program_;
  Document doc_;
  std::unique_ptr<Kernel> kernel_;
  RunModel model_;
  std::unique_ptr<KernelInfo> info_;
  std::string error_;
  std::vector<UserCommand> commands_;  // in the order given; ticks ascend
  bool playing_ = false;
  double speed_ = 4;
  double carry_ = 0;  // fraction of a tick accumulated while playing
  std::uint64_t revision_ = 0;
  std::uint64_t document_revision_ = 0;
  size_t last_tick_events_ = 0;
};

}  // namespace proclab

namespace proclab {

// One policy's averages on a document (the metrics view's compare bars).
struct PolicyComparison {
  std::string policy;
  bool finished = false;  // every process exited within max_ticks
  double avg_turnaround = 0, avg_waiting = 0, avg_response = 0;
  int context_switches = 0;
};

// Runs `doc` (its settings, with only the policy name changed) under every policy of
// policy_catalog(). Policies whose kernel cannot be built are left out.
std::vector<PolicyComparison> compare_policies(const Document& doc, const ProgramKernelBuilder& build_program,
                                               Tick max_ticks);

// compare_policies on a worker thread, so a front end never waits for ten runs in a frame.
// Not thread-safe itself: one owner calls request() and result().
class PolicyComparisonJob {
 public:
  PolicyComparisonJob(ProgramKernelBuilder build_program, Tick max_ticks)
      : build_program_(std::move(build_program)), max_ticks_(max_ticks) {}
  ~PolicyComparisonJob();  // waits for a run under way
  // Asks for the comparison of `doc`, identified by `key` (a document revision). A request for
  // the key already computed or under way does nothing unless `again`.
  void request(const Document& doc, std::uint64_t key, bool again = false);
  // The latest finished comparison (possibly of an older key) and whether it is for `key`.
  const std::vector<PolicyComparison>& result() const { return done_; }
  bool ready(std::uint64_t key);

 private:
  void poll();
  ProgramKernelBuilder build_program_;
  Tick max_ticks_;
  std::future<std::vector<PolicyComparison>> pending_;
  std::uint64_t pending_key_ = 0;
  std::optional<std::uint64_t> done_key_;
  std::vector<PolicyComparison> done_;
  std::optional<std::pair<Document, std::uint64_t>> queued_;  // asked for while another ran
};

}  // namespace proclab
