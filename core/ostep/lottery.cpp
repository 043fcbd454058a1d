// lottery.py: each quantum draws r = int(random() * 1000001) and runs the job holding ticket
// r % total. The clock advances a whole quantum per draw, even when the winner needs less.
#include <cstdlib>
#include <optional>
#include <vector>

#include "proclab/py_random.h"
#include "simulators.h"

namespace proclab::ostep {
namespace {

constexpr std::string_view kScript = "lottery.py";

constexpr OptSpec kOptions[] = {
    {'s', "seed", "seed", OptKind::Int, "0", "the random seed"},
    {'j', "jobs", "jobs", OptKind::Int, "3", "number of jobs in the system"},
    {'l', "jlist", "jlist", OptKind::String, "",
     "instead of random jobs, provide a comma-separated list of run times and ticket values (e.g., 10:100,20:100 "
     "would have two jobs with run-times of 10 and 20, each with 100 tickets)"},
    {'m', "maxlen", "maxlen", OptKind::Int, "10", "max length of job"},
    {'T', "maxticket", "maxticket", OptKind::Int, "100", "maximum ticket value, if randomly assigned"},
    {'q', "quantum", "quantum", OptKind::Int, "1", "length of time slice"},
    {'c', "compute", "solve", OptKind::Flag, "False", "compute answers for me"},
};

struct Job {
  std::int64_t run;
  std::int64_t tickets;
};

// Python's %: the result takes the divisor's sign. The caller must pass d != 0.
std::int64_t py_mod(std::int64_t n, std::int64_t d) {
  const std::int64_t m = n % d;
  return (m != 0 && ((m < 0) != (d < 0))) ? m + d : m;
}

}  // namespace

Output run_lottery(std::span<const std::string> args) {
  auto cmd = parse_command_line(kScript, kOptions, args);
  if (cmd.early) return *cmd.early;
  const OptValues& o = cmd.values;
  Printer p;
  auto num_jobs = int_option(o, "jobs", "-j");
  auto maxlen = int_option(o, "maxlen", "-m");
  auto maxticket = int_option(o, "maxticket", "-T");
  auto quantum = int_option(o, "quantum", "-q");
  for (const auto* e : {&num_jobs, &maxlen, &maxticket, &quantum}) {
    if (!*e) return p.bad_input(kScript, e->error().message);
  }
  PyRandom rng;
  rng.seed_words(seed_words(o.integer("seed")));
  const std::string& jlist = o.text("jlist");
  p.print("ARG jlist {}\n", jlist);
  p.print("ARG jobs {}\n", *num_jobs);
  p.print("ARG maxlen {}\n", *maxlen);
  p.print("ARG maxticket {}\n", *maxticket);
  p.print("ARG quantum {}\n", *quantum);
  p.print("ARG seed {}\n", o.integer("seed").to_string());
  p.text("\n");
  p.text("Here is the job list, with the run time of each job: \n");
  std::vector<Job> jobs;
  std::int64_t tick_total = 0;
  std::int64_t run_total = 0;
  if (jlist.empty()) {
    if (*num_jobs > kMaxItems) return p.bad_input(kScript, "option -j: more jobs than proclab simulates (100000)");
    for (std::int64_t j = 0; j < *num_jobs; ++j) {
      // while x == 0: x = int(max * random()); with |max| <= 1 that is 0 forever
      if (std::llabs(*maxlen) <= 1 || std::llabs(*maxticket) <= 1) {
        return p.bad_input(kScript, "with -m or -T of -1, 0 or 1 the script draws for ever (it wants a value other than 0)");
      }
      std::int64_t run = 0;
      while (run == 0) run = static_cast<std::int64_t>(static_cast<double>(*maxlen) * rng.random());
      std::int64_t tickets = 0;
      while (tickets == 0) tickets = static_cast<std::int64_t>(static_cast<double>(*maxticket) * rng.random());
      run_total += run;
      tick_total += tickets;
      jobs.push_back({run, tickets});
      p.print("  Job {} ( length = {}, tickets = {} )\n", j, run, tickets);
    }
  } else {
    for (const auto& entry : py_split(jlist, ',')) {
      const auto parts = py_split(entry, ':');
      if (parts.size() < 2) {
        return p.crash(kScript, fmt::format("ValueError: not enough values to unpack (expected 2, got {})", parts.size()));
      }
      if (parts.size() > 2) return p.crash(kScript, "ValueError: too many values to unpack (expected 2)");
      auto run = int_field(parts[0]);
      if (!run) return p.crash(kScript, run.error().message);
      auto tickets = int_field(parts[1]);
      if (!tickets) return p.crash(kScript, tickets.error().message);
      if (static_cast<std::int64_t>(jobs.size()) >= kMaxItems) return p.bad_input(kScript, "more jobs than proclab simulates (100000)");
      jobs.push_back({*run, *tickets});
      run_total += *run;
      tick_total += *tickets;
    }
    for (std::size_t j = 0; j < jobs.size(); ++j) {
      p.print("  Job {} ( length = {}, tickets = {} )\n", j, jobs[j].run, jobs[j].tickets);
    }
  }
  p.text("\n\n");
  if (!o.flag("solve")) {
    p.text("Here is the set of random numbers you will need (at most):\n");
    for (std::int64_t i = 0; i < run_total; ++i) {
      if (p.full()) return p.limit(kScript);
      p.print("Random {}\n", static_cast<std::int64_t>(rng.random() * 1000001));
    }
    return p.done();
  }
  p.text("** Solutions **\n\n");
  auto left = static_cast<std::int64_t>(jobs.size());
  std::int64_t clock = 0;
  // The winner's variables outlive the draw, as the script's do (a draw nobody wins reuses them).
  std::optional<std::size_t> wjob;
  std::int64_t wrun = 0;
  std::int64_t wtix = 0;
  for (std::int64_t i = 0; i < run_total; ++i) {
    if (p.full()) return p.limit(kScript);
    const auto r = static_cast<std::int64_t>(rng.random() * 1000001);
    if (tick_total == 0) return p.crash(kScript, "ZeroDivisionError: integer modulo by zero");
    const std::int64_t winner = py_mod(r, tick_total);
    std::int64_t current = 0;
    for (std::size_t j = 0; j < jobs.size(); ++j) {
      current += jobs[j].tickets;
      if (current > winner) {
        wjob = j;
        wrun = jobs[j].run;
        wtix = jobs[j].tickets;
        break;
      }
    }
    if (!wjob) return p.crash(kScript, "NameError: name 'wjob' is not defined");
    p.print("Random {} -> Winning ticket {} (of {}) -> Run {}\n", r, winner, tick_total, *wjob);
    p.text("  Jobs:\n");
    for (std::size_t j = 0; j < jobs.size(); ++j) {
      const std::string tix = jobs[j].run > 0 ? fmt::format("{}", jobs[j].tickets) : "---";
      p.print(" ({} job:{} timeleft:{} tix:{} ) ", j == *wjob ? '*' : ' ', j, jobs[j].run, tix);
    }
    p.text("\n");
    wrun = wrun >= *quantum ? wrun - *quantum : 0;
    clock += *quantum;
    if (wrun == 0) {
      p.print("--> JOB {} DONE at time {}\n", *wjob, clock);
      tick_total -= wtix;
      wtix = 0;
      --left;
    }
    jobs[*wjob] = {wrun, wtix};
    if (left == 0) {
      p.text("\n");
      break;
    }
  }
  return p.done();
}

}  // namespace proclab::ostep
