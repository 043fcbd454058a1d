// process-run.py: processes made of "cpu" and "io" instructions (an io is followed by an
// io_done that runs when the I/O completes), one instruction per tick, switching on I/O or only
// at the end, and running a process whose I/O completed now or later. The state rules are the
// script's, including where they let two processes be RUNNING at once (docs/ostep.md).
#include <algorithm>
#include <vector>

#include "proclab/py_random.h"
#include "simulators.h"

namespace proclab::ostep {
namespace {

constexpr std::string_view kScript = "process-run.py";

constexpr OptSpec kOptions[] = {
    {'s', "seed", "seed", OptKind::Int, "0", "the random seed"},
    {'P', "program", "program", OptKind::String, "", "more specific controls over programs"},
    {'l', "processlist", "process_list", OptKind::String, "",
     "a comma-separated list of processes to run, in the form X1:Y1,X2:Y2,... where X is the number of "
     "instructions that process should run, and Y the chances (from 0 to 100) that an instruction will use the CPU "
     "or issue an IO (i.e., if Y is 100, a process will ONLY use the CPU and issue no I/Os; if Y is 0, a process "
     "will only issue I/Os)"},
    {'L', "iolength", "io_length", OptKind::Int, "5", "how long an IO takes"},
    {'S', "switch", "process_switch_behavior", OptKind::String, "SWITCH_ON_IO",
     "when to switch between processes: SWITCH_ON_IO, SWITCH_ON_END"},
    {'I', "iodone", "io_done_behavior", OptKind::String, "IO_RUN_LATER",
     "type of behavior when IO ends: IO_RUN_LATER, IO_RUN_IMMEDIATE"},
    {'c', "", "solve", OptKind::Flag, "False", "compute answers for me"},
    {'p', "printstats", "print_stats", OptKind::Flag, "False",
     "print statistics at end; only useful with -c flag (otherwise stats are not printed)"},
};

enum class Op { Cpu, Io, IoDone };
enum class State { Running, Ready, Done, Blocked };

const char* op_name(Op op) {
  switch (op) {
    case Op::Cpu: return "cpu";
    case Op::Io: return "io";
    case Op::IoDone: return "io_done";
  }
  return "";
}

const char* state_name(State s) {
  switch (s) {
    case State::Running: return "RUNNING";
    case State::Ready: return "READY";
    case State::Done: return "DONE";
    case State::Blocked: return "BLOCKED";
  }
  return "";
}

struct Proc {
  std::vector<Op> code;  // what is left to run, front first
  std::size_t pc = 0;    // index of the next instruction in `code`
  State state = State::Ready;
  std::vector<std::int64_t> io_finish;
  bool empty() const { return pc == code.size(); }
};

// The script's scheduler class: the states, the current process and the switch rules.
class Machine {
 public:
  Machine(std::vector<Proc> procs, bool switch_on_io, bool io_run_immediate, std::int64_t io_length)
      : procs_(std::move(procs)), switch_on_io_(switch_on_io), run_immediate_(io_run_immediate), io_length_(io_length) {}

  // Runs to the end, printing the trace; false when the output limit stopped it.
  bool run(Printer& p, std::int64_t& cpu_busy, std::int64_t& io_busy, std::int64_t& clock) {
    clock = 0;
    curr_ = 0;
    procs_[0].state = State::Running;
    p.text("Time");
    for (std::size_t pid = 0; pid < procs_.size(); ++pid) p.print("{:>14}", fmt::format("PID:{:2d}", pid));
    p.print("{:>14}{:>14}\n", "CPU", "IOs");
    while (num_active() > 0) {
      if (p.full()) return false;
      ++clock;
      bool io_done = false;
      for (std::size_t pid = 0; pid < procs_.size(); ++pid) {
        const auto& f = procs_[pid].io_finish;
        if (std::find(f.begin(), f.end(), clock) == f.end()) continue;
        io_done = true;
        procs_[pid].state = State::Ready;
        if (run_immediate_) {
          if (curr_ != pid && procs_[curr_].state == State::Running) procs_[curr_].state = State::Ready;
          run_this(pid);
        } else {
          // SWITCH_ON_END: the process that issued the I/O runs, even beside a RUNNING one
          if (!switch_on_io_ && num_runnable() > 1) run_this(pid);
          if (num_runnable() == 1) run_this(pid);
        }
        check_if_done();
      }
      const char* executed = nullptr;
      Op op = Op::Cpu;
      Proc& cur = procs_[curr_];
      if (cur.state == State::Running && !cur.empty()) {
        op = cur.code[cur.pc++];
        executed = op_name(op);
        ++cpu_busy;
      }
      p.print("{:3d}{}", clock, io_done ? '*' : ' ');
      for (std::size_t pid = 0; pid < procs_.size(); ++pid) {
        if (pid == curr_ && executed != nullptr) {
          p.print("{:>14}", std::string("RUN:") + executed);
        } else {
          p.print("{:>14}", state_name(procs_[pid].state));
        }
      }
      p.print("{:>14}", executed == nullptr ? " " : "1");
      const std::int64_t outstanding = ios_in_flight(clock);
      if (outstanding > 0) {
        p.print("{:>14}", outstanding);
        ++io_busy;
      } else {
        p.print("{:>10}", " ");  // the script's width: 10, not 14
      }
      p.text("\n");
      if (executed != nullptr && op == Op::Io) {
        procs_[curr_].state = State::Blocked;
        procs_[curr_].io_finish.push_back(clock + io_length_ + 1);
        if (switch_on_io_) next_proc();
      }
      check_if_done();
    }
    return true;
  }

 private:
  void run_this(std::size_t pid) {
    curr_ = pid;
    procs_[pid].state = State::Running;
  }
  // The next READY process after the current one, wrapping around; none leaves curr_ as it is.
  void next_proc() {
    for (std::size_t k = 1; k <= procs_.size(); ++k) {
      const std::size_t pid = (curr_ + k) % procs_.size();
      if (procs_[pid].state == State::Ready) {
        run_this(pid);
        return;
      }
    }
  }
  void check_if_done() {
    if (procs_[curr_].empty() && procs_[curr_].state == State::Running) {
      procs_[curr_].state = State::Done;
      next_proc();
    }
  }
  std::int64_t num_active() const {
    return std::count_if(procs_.begin(), procs_.end(), [](const Proc& p) { return p.state != State::Done; });
  }
  std::int64_t num_runnable() const {
    return std::count_if(procs_.begin(), procs_.end(),
                         [](const Proc& p) { return p.state == State::Ready || p.state == State::Running; });
  }
  std::int64_t ios_in_flight(std::int64_t now) const {
    std::int64_t n = 0;
    for (const auto& p : procs_) n += std::count_if(p.io_finish.begin(), p.io_finish.end(), [&](std::int64_t t) { return t > now; });
    return n;
  }

  std::vector<Proc> procs_;
  bool switch_on_io_;
  bool run_immediate_;
  std::int64_t io_length_;
  std::size_t curr_ = 0;
};

}  // namespace

Output run_process_run(std::span<const std::string> args) {
  auto cmd = parse_command_line(kScript, kOptions, args);
  if (cmd.early) return *cmd.early;
  const OptValues& o = cmd.values;
  Printer p;
  auto io_length = int_option(o, "io_length", "-L");
  if (!io_length) return p.bad_input(kScript, io_length.error().message);
  PyRandom rng;
  rng.seed_words(seed_words(o.integer("seed")));
  const std::string& sw = o.text("process_switch_behavior");
  const std::string& iod = o.text("io_done_behavior");
  if (sw != "SWITCH_ON_IO" && sw != "SWITCH_ON_END") return p.crash(kScript, "AssertionError (-S must be SWITCH_ON_IO or SWITCH_ON_END)");
  if (iod != "IO_RUN_IMMEDIATE" && iod != "IO_RUN_LATER") {
    return p.crash(kScript, "AssertionError (-I must be IO_RUN_LATER or IO_RUN_IMMEDIATE)");
  }
  std::vector<Proc> procs;
  std::int64_t instructions = 0;
  auto add = [&](Proc& proc, Op op) -> bool {
    proc.code.push_back(op);
    return ++instructions <= kMaxItems;
  };
  const char* too_many = "more instructions than proclab simulates (100000)";
  if (!o.text("program").empty()) {
    for (const auto& prog : py_split(o.text("program"), ':')) {
      Proc& proc = procs.emplace_back();
      for (const auto& line : py_split(prog, ',')) {
        if (line.empty()) return p.crash(kScript, "IndexError: string index out of range");
        if (line[0] == 'c') {
          auto num = int_field(std::string_view(line).substr(1));
          if (!num) return p.crash(kScript, num.error().message);
          for (std::int64_t i = 0; i < *num; ++i) {
            if (!add(proc, Op::Cpu)) return p.bad_input(kScript, too_many);
          }
        } else if (line[0] == 'i') {
          if (!add(proc, Op::Io) || !add(proc, Op::IoDone)) return p.bad_input(kScript, too_many);
        } else {
          p.print("bad opcode {} (should be c or i)\n", line[0]);
          return p.done(1);
        }
      }
    }
  } else {
    for (const auto& desc : py_split(o.text("process_list"), ',')) {
      Proc& proc = procs.emplace_back();
      const auto parts = py_split(desc, ':');
      if (parts.size() != 2) {
        p.print("Bad description ({}): Must be number <x:y>\n", desc);
        p.text("  where X is the number of instructions\n");
        p.text("  and Y is the percent change that an instruction is CPU not IO\n");
        return p.done(1);
      }
      auto num = int_field(parts[0]);
      if (!num) return p.crash(kScript, num.error().message);
      auto chance = float_field(parts[1]);
      if (!chance) return p.crash(kScript, chance.error().message);
      const double chance_cpu = *chance / 100.0;
      for (std::int64_t i = 0; i < *num; ++i) {
        const bool ok = rng.random() < chance_cpu ? add(proc, Op::Cpu) : add(proc, Op::Io) && add(proc, Op::IoDone);
        if (!ok) return p.bad_input(kScript, too_many);
      }
    }
  }
  if (*io_length < 0) return p.crash(kScript, "AssertionError (-L must be at least 0)");
  const bool switch_on_io = sw == "SWITCH_ON_IO";
  const bool run_immediate = iod == "IO_RUN_IMMEDIATE";
  if (!o.flag("solve")) {
    p.text("Produce a trace of what would happen when you run these processes:\n");
    for (std::size_t pid = 0; pid < procs.size(); ++pid) {
      p.print("Process {}\n", pid);
      for (const Op op : procs[pid].code) p.print("  {}\n", op_name(op));
      p.text("\n");
    }
    p.text("Important behaviors:\n");
    p.text("  System will switch when ");
    p.text(switch_on_io ? "the current process is FINISHED or ISSUES AN IO\n" : "the current process is FINISHED\n");
    p.text("  After IOs, the process issuing the IO will ");
    p.text(run_immediate ? "run IMMEDIATELY\n" : "run LATER (when it is its turn)\n");
    p.text("\n");
    return p.done();
  }
  std::int64_t cpu_busy = 0, io_busy = 0, clock = 0;
  Machine m(std::move(procs), switch_on_io, run_immediate, *io_length);
  if (!m.run(p, cpu_busy, io_busy, clock)) return p.limit(kScript);
  if (o.flag("print_stats")) {
    p.text("\n");
    p.print("Stats: Total Time {}\n", clock);
    p.print("Stats: CPU Busy {} ({:.2f}%)\n", cpu_busy, 100.0 * static_cast<double>(cpu_busy) / static_cast<double>(clock));
    p.print("Stats: IO Busy  {} ({:.2f}%)\n", io_busy, 100.0 * static_cast<double>(io_busy) / static_cast<double>(clock));
    p.text("\n");
  }
  return p.done();
}

}  // namespace proclab::ostep
