// scheduler.py: FIFO, SJF and RR over jobs that all arrive at time 0. With -l the run times are
// floats (float() of each field) and print as Python prints floats ("10.0"); random ones are ints.
#include <algorithm>
#include <cmath>
#include <deque>
#include <vector>

#include "proclab/py_random.h"
#include "simulators.h"

namespace proclab::ostep {
namespace {

constexpr std::string_view kScript = "scheduler.py";

constexpr OptSpec kOptions[] = {
    {'s', "seed", "seed", OptKind::Int, "0", "the random seed"},
    {'j', "jobs", "jobs", OptKind::Int, "3", "number of jobs in the system"},
    {'l', "jlist", "jlist", OptKind::String, "",
     "instead of random jobs, provide a comma-separated list of run times"},
    {'m', "maxlen", "maxlen", OptKind::Int, "10", "max length of job"},
    {'p', "policy", "policy", OptKind::String, "FIFO", "sched policy to use: SJF, FIFO, RR"},
    {'q', "quantum", "quantum", OptKind::Int, "1", "length of time slice for RR policy"},
    {'c', "", "solve", OptKind::Flag, "False", "compute answers for me"},
};

struct Job {
  std::int64_t num;
  double run_time;
};

}  // namespace

Output run_scheduler(std::span<const std::string> args) {
  auto cmd = parse_command_line(kScript, kOptions, args);
  if (cmd.early) return *cmd.early;
  const OptValues& o = cmd.values;
  Printer p;
  auto num_jobs = int_option(o, "jobs", "-j");
  auto maxlen = int_option(o, "maxlen", "-m");
  auto quantum_opt = int_option(o, "quantum", "-q");
  for (const auto* e : {&num_jobs, &maxlen, &quantum_opt}) {
    if (!*e) return p.bad_input(kScript, e->error().message);
  }
  PyRandom rng;
  rng.seed_words(seed_words(o.integer("seed")));
  std::string policy = o.text("policy");
  const std::string& jlist = o.text("jlist");

  p.print("ARG policy {}\n", policy);
  if (jlist.empty()) {
    p.print("ARG jobs {}\n", *num_jobs);
    p.print("ARG maxlen {}\n", *maxlen);
    p.print("ARG seed {}\n", o.integer("seed").to_string());
  } else {
    p.print("ARG jlist {}\n", jlist);
  }
  p.text("\n");
  p.text("Here is the job list, with the run time of each job: \n");
  std::vector<Job> jobs;
  if (jlist.empty()) {
    if (*num_jobs > kMaxItems) return p.bad_input(kScript, "option -j: more jobs than proclab simulates (100000)");
    for (std::int64_t j = 0; j < *num_jobs; ++j) {
      const auto run = static_cast<std::int64_t>(static_cast<double>(*maxlen) * rng.random()) + 1;
      jobs.push_back({j, static_cast<double>(run)});
      p.print("  Job {} ( length = {} )\n", j, run);
    }
  } else {
    for (const auto& field : py_split(jlist, ',')) {
      auto v = float_field(field);
      if (!v) return p.crash(kScript, v.error().message);
      if (std::isnan(*v)) return p.bad_input(kScript, "-l: proclab does not sort nan run times");
      if (static_cast<std::int64_t>(jobs.size()) >= kMaxItems) return p.bad_input(kScript, "more jobs than proclab simulates (100000)");
      jobs.push_back({static_cast<std::int64_t>(jobs.size()), *v});
    }
    for (const auto& j : jobs) p.print("  Job {} ( length = {} )\n", j.num, py_float_repr(j.run_time));
  }
  p.text("\n\n");
  if (!o.flag("solve")) {
    p.text("Compute the turnaround time, response time, and wait time for each job.\n");
    p.text("When you are done, run this program again, with the same arguments,\n");
    p.text("but with -c, which will thus provide you with the answers. You can use\n");
    p.text("-s <somenumber> or your own job list (-l 10,15,20 for example)\n");
    p.text("to generate different problems for yourself.\n\n");
    return p.done();
  }
  p.text("** Solutions **\n\n");
  auto time_d = [](double t) { return py_percent_d(t); };
  if (policy == "SJF") {
    std::stable_sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.run_time < b.run_time; });
    policy = "FIFO";
  }
  const double count = static_cast<double>(jobs.size());
  const char* zero_div = "ZeroDivisionError: float division by zero";
  if (policy == "FIFO") {
    double now = 0;
    p.text("Execution trace:\n");
    for (const auto& j : jobs) {
      auto t = time_d(now);
      if (!t) return p.crash(kScript, t.error().message);
      p.print("  [ time {:>3} ] Run job {} for {:.2f} secs ( DONE at {:.2f} )\n", *t, j.num, j.run_time, now + j.run_time);
      now += j.run_time;
    }
    p.text("\nFinal statistics:\n");
    double t = 0, turnaround_sum = 0, wait_sum = 0, response_sum = 0;
    for (const auto& j : jobs) {
      const double response = t, turnaround = t + j.run_time, wait = t;
      p.print("  Job {:3d} -- Response: {:3.2f}  Turnaround {:3.2f}  Wait {:3.2f}\n", j.num, response, turnaround, wait);
      response_sum += response;
      turnaround_sum += turnaround;
      wait_sum += wait;
      t += j.run_time;
    }
    if (jobs.empty()) return p.crash(kScript, zero_div);
    p.print("\n  Average -- Response: {:3.2f}  Turnaround {:3.2f}  Wait {:3.2f}\n\n", response_sum / count,
            turnaround_sum / count, wait_sum / count);
  }
  if (policy == "RR") {
    p.text("Execution trace:\n");
    const std::size_t n = jobs.size();
    std::vector<double> turnaround(n, 0.0), last_ran(n, 0.0), wait(n, 0.0), response(n, -1.0);
    std::vector<bool> responded(n, false);
    const auto quantum = static_cast<double>(*quantum_opt);
    std::deque<Job> runlist(jobs.begin(), jobs.end());
    std::size_t left = n;
    double now = 0;
    while (left > 0) {
      if (p.full()) return p.limit(kScript);
      Job j = runlist.front();
      runlist.pop_front();
      const auto k = static_cast<std::size_t>(j.num);
      if (!responded[k]) {
        responded[k] = true;
        response[k] = now;
      }
      wait[k] += now - last_ran[k];
      auto t = time_d(now);
      if (!t) return p.crash(kScript, t.error().message);
      double ran_for = 0;
      if (j.run_time > quantum) {
        ran_for = quantum;
        p.print("  [ time {:>3} ] Run job {:3d} for {:.2f} secs\n", *t, j.num, ran_for);
        runlist.push_back({j.num, j.run_time - quantum});
      } else {
        ran_for = j.run_time;
        p.print("  [ time {:>3} ] Run job {:3d} for {:.2f} secs ( DONE at {:.2f} )\n", *t, j.num, ran_for, now + ran_for);
        turnaround[k] = now + ran_for;
        --left;
      }
      now += ran_for;
      last_ran[k] = now;
    }
    p.text("\nFinal statistics:\n");
    double turnaround_sum = 0, wait_sum = 0, response_sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
      turnaround_sum += turnaround[i];
      response_sum += response[i];
      wait_sum += wait[i];
      p.print("  Job {:3d} -- Response: {:3.2f}  Turnaround {:3.2f}  Wait {:3.2f}\n", i, response[i], turnaround[i], wait[i]);
    }
    if (jobs.empty()) return p.crash(kScript, zero_div);
    p.print("\n  Average -- Response: {:3.2f}  Turnaround {:3.2f}  Wait {:3.2f}\n\n", response_sum / count,
            turnaround_sum / count, wait_sum / count);
  }
  if (policy != "FIFO" && policy != "SJF" && policy != "RR") p.print("Error: Policy {} is not available.\n", policy);
  return p.done();
}

}  // namespace proclab::ostep
