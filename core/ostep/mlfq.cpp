// mlfq.py: a multi-level feedback queue, one tick at a time. The job at the head of the highest
// non-empty queue runs; queues are plain FIFO lists and the running job stays at its head, so a
// job that a higher level preempts keeps its place and its remaining ticks. Every rule below is
// the script's, in the script's order (docs/ostep.md, "mlfq").
//
//   options        the flags, spelled and defaulted as mlfq.py's
//   run_mlfq       levels and allotments, the jobs, the problem text, then the trace
#include <map>
#include <utility>
#include <vector>

#include "proclab/py_random.h"
#include "simulators.h"

namespace proclab::ostep {
namespace {

constexpr std::string_view kScript = "mlfq.py";

constexpr OptSpec kOptions[] = {
    {'s', "seed", "seed", OptKind::Int, "0", "the random seed"},
    {'n', "numQueues", "numQueues", OptKind::Int, "3", "number of queues in MLFQ (if not using -Q)"},
    {'q', "quantum", "quantum", OptKind::Int, "10", "length of time slice (if not using -Q)"},
    {'a', "allotment", "allotment", OptKind::Int, "1", "length of allotment (if not using -A)"},
    {'Q', "quantumList", "quantumList", OptKind::String, "",
     "length of time slice per queue level, specified as x,y,z,... where x is the quantum length for the highest "
     "priority queue, y the next highest, and so forth"},
    {'A', "allotmentList", "allotmentList", OptKind::String, "",
     "length of time allotment per queue level, specified as x,y,z,... where x is the # of time slices for the "
     "highest priority queue, y the next highest, and so forth"},
    {'j', "numJobs", "numJobs", OptKind::Int, "3", "number of jobs in the system"},
    {'m', "maxlen", "maxlen", OptKind::Int, "100", "max run-time of a job (if randomly generating)"},
    {'M', "maxio", "maxio", OptKind::Int, "10", "max I/O frequency of a job (if randomly generating)"},
    {'B', "boost", "boost", OptKind::Int, "0", "how often to boost the priority of all jobs back to high priority"},
    {'i', "iotime", "ioTime", OptKind::Int, "5", "how long an I/O should last (fixed constant)"},
    {'S', "stay", "stay", OptKind::Flag, "False", "reset and stay at same priority level when issuing I/O"},
    {'I', "iobump", "iobump", OptKind::Flag, "False",
     "if specified, jobs that finished I/O move immediately to front of current queue"},
    {'l', "jlist", "jlist", OptKind::String, "",
     "a comma-separated list of jobs to run, in the form x1,y1,z1:x2,y2,z2:... where x is start time, y is run "
     "time, and z is how often the job issues an I/O request"},
    {'c', "", "solve", OptKind::Flag, "False", "compute answers for me"},
};

struct Job {
  int pri = 0;  // currPri
  std::int64_t ticks_left = 0;
  std::int64_t allot_left = 0;
  std::int64_t start = 0;
  std::int64_t run_time = 0;
  std::int64_t time_left = 0;
  std::int64_t io_freq = 0;
  bool doing_io = false;
  std::int64_t first_run = -1;
  std::int64_t end_time = 0;
};

// What happens at a tick, in the order the script appended it.
struct Arrival {
  std::size_t job;
  bool begins;  // "JOB BEGINS" (else "IO_DONE")
};

const char* py_bool(bool b) { return b ? "True" : "False"; }

}  // namespace

Output run_mlfq(std::span<const std::string> args) {
  auto cmd = parse_command_line(kScript, kOptions, args);
  if (cmd.early) return *cmd.early;
  const OptValues& o = cmd.values;
  Printer p;
  std::int64_t num_queues_opt = 0, quantum_opt = 0, allotment_opt = 0, num_jobs_opt = 0, maxlen = 0, maxio = 0,
               boost = 0, io_time = 0;
  for (auto [dest, flag, target] : {std::tuple{"numQueues", "-n", &num_queues_opt}, {"quantum", "-q", &quantum_opt},
                                    {"allotment", "-a", &allotment_opt}, {"numJobs", "-j", &num_jobs_opt},
                                    {"maxlen", "-m", &maxlen}, {"maxio", "-M", &maxio}, {"boost", "-B", &boost},
                                    {"ioTime", "-i", &io_time}}) {
    auto v = int_option(o, dest, flag);
    if (!v) return p.bad_input(kScript, v.error().message);
    *target = *v;
  }

  // Levels: quantum[level] and allotment[level], level numQueues-1 the highest.
  std::vector<std::int64_t> quantum;
  if (!o.text("quantumList").empty()) {
    const auto lengths = py_split(o.text("quantumList"), ',');
    for (auto it = lengths.rbegin(); it != lengths.rend(); ++it) {
      auto v = int_field(*it);
      if (!v) return p.crash(kScript, v.error().message);
      quantum.push_back(*v);
    }
  } else {
    if (num_queues_opt > kMaxItems) return p.bad_input(kScript, "option -n: more queues than proclab simulates (100000)");
    quantum.assign(static_cast<std::size_t>(std::max<std::int64_t>(num_queues_opt, 0)), quantum_opt);
  }
  // -n below 1 makes numQueues that number, though no level exists.
  const std::int64_t num_queues = o.text("quantumList").empty() ? num_queues_opt : static_cast<std::int64_t>(quantum.size());
  std::vector<std::int64_t> allotment;
  if (!o.text("allotmentList").empty()) {
    const auto lengths = py_split(o.text("allotmentList"), ',');
    if (static_cast<std::int64_t>(lengths.size()) != num_queues) {
      p.text("number of allotments specified must match number of quantums\n");
      return p.done(1);
    }
    allotment.resize(lengths.size());
    for (std::size_t i = 0; i < lengths.size(); ++i) {
      const std::size_t level = lengths.size() - 1 - i;
      auto v = int_field(lengths[i]);
      if (!v) return p.crash(kScript, v.error().message);
      allotment[level] = *v;
      if (level != 0 && *v <= 0) {
        p.text("allotment must be positive integer\n");
        return p.done(1);
      }
    }
  } else {
    allotment.assign(quantum.size(), allotment_opt);
  }
  const int hi = static_cast<int>(num_queues) - 1;

  std::vector<Job> jobs;
  std::map<std::int64_t, std::vector<Arrival>> events;  // the script's ioDone
  auto add_job = [&](std::int64_t start, std::int64_t run, std::int64_t io_freq) -> bool {
    if (hi < 0) return false;  // quantum[hiQueue]: KeyError
    Job j;
    j.pri = hi;
    j.ticks_left = quantum[static_cast<std::size_t>(hi)];
    j.allot_left = allotment[static_cast<std::size_t>(hi)];
    j.start = start;
    j.run_time = run;
    j.time_left = run;
    j.io_freq = io_freq;
    events[start].push_back({jobs.size(), true});
    jobs.push_back(j);
    return true;
  };
  const std::string key_error = fmt::format("KeyError: {}", hi);
  PyRandom rng;
  rng.seed_words(seed_words(o.integer("seed")));
  if (!o.text("jlist").empty()) {
    for (const auto& entry : py_split(o.text("jlist"), ':')) {
      const auto info = py_split(entry, ',');
      if (info.size() != 3) {
        p.text("Badly formatted job string. Should be x1,y1,z1:x2,y2,z2:...\n");
        p.text("where x is the startTime, y is the runTime, and z is the I/O frequency.\n");
        return p.done(1);
      }
      std::int64_t f[3];
      for (int k = 0; k < 3; ++k) {
        auto v = int_field(info[static_cast<std::size_t>(k)]);
        if (!v) return p.crash(kScript, v.error().message);
        f[k] = *v;
      }
      if (static_cast<std::int64_t>(jobs.size()) >= kMaxItems) return p.bad_input(kScript, "more jobs than proclab simulates (100000)");
      if (!add_job(f[0], f[1], f[2])) return p.crash(kScript, key_error);
    }
  } else {
    if (num_jobs_opt > kMaxItems) return p.bad_input(kScript, "option -j: more jobs than proclab simulates (100000)");
    for (std::int64_t k = 0; k < num_jobs_opt; ++k) {
      // runTime first, then ioFreq, each int(random() * (max - 1) + 1)
      const auto run = static_cast<std::int64_t>(rng.random() * static_cast<double>(maxlen - 1) + 1);
      const auto io = static_cast<std::int64_t>(rng.random() * static_cast<double>(maxio - 1) + 1);
      if (!add_job(0, run, io)) return p.crash(kScript, key_error);
    }
  }

  p.text("Here is the list of inputs:\n");
  p.print("OPTIONS jobs {}\n", jobs.size());
  p.print("OPTIONS queues {}\n", num_queues);
  for (std::size_t i = quantum.size(); i-- > 0;) {
    p.print("OPTIONS allotments for queue {:2d} is {:3d}\n", i, allotment[i]);
    p.print("OPTIONS quantum length for queue {:2d} is {:3d}\n", i, quantum[i]);
  }
  p.print("OPTIONS boost {}\n", boost);
  p.print("OPTIONS ioTime {}\n", io_time);
  p.print("OPTIONS stayAfterIO {}\n", py_bool(o.flag("stay")));
  p.print("OPTIONS iobump {}\n", py_bool(o.flag("iobump")));
  p.text("\n\n");
  p.text("For each job, three defining characteristics are given:\n");
  p.text("  startTime : at what time does the job enter the system\n");
  p.text("  runTime   : the total CPU time needed by the job to finish\n");
  p.text("  ioFreq    : every ioFreq time units, the job issues an I/O\n");
  p.text("              (the I/O takes ioTime units to complete)\n\n");
  p.text("Job List:\n");
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    p.print("  Job {:2d}: startTime {:3d} - runTime {:3d} - ioFreq {:3d}\n", i, jobs[i].start, jobs[i].run_time,
            jobs[i].io_freq);
  }
  p.text("\n");
  if (!o.flag("solve")) {
    p.text("Compute the execution trace for the given workloads.\n");
    p.text("If you would like, also compute the response and turnaround\n");
    p.text("times for each of the jobs.\n\n");
    p.text("Use the -c flag to get the exact results when you are finished.\n\n");
    return p.done();
  }

  std::vector<std::vector<std::size_t>> queue(quantum.size());
  std::int64_t now = 0;
  std::size_t finished = 0;
  p.text("\nExecution Trace:\n\n");
  const bool stay = o.flag("stay");
  const bool iobump = o.flag("iobump");
  while (finished < jobs.size()) {
    if (p.full()) return p.limit(kScript);
    if (boost > 0 && now != 0 && now % boost == 0) {
      p.print("[ time {} ] BOOST ( every {} )\n", now, boost);
      // the lowest queue moves up first; the top queue keeps its order
      for (int q = 0; q < hi; ++q) {
        for (const std::size_t j : queue[static_cast<std::size_t>(q)]) {
          if (!jobs[j].doing_io) queue[static_cast<std::size_t>(hi)].push_back(j);
        }
        queue[static_cast<std::size_t>(q)].clear();
      }
      // every unfinished job, the one running too, gets a fresh top-level slice
      for (auto& j : jobs) {
        if (j.time_left > 0) {
          j.pri = hi;
          j.ticks_left = quantum[static_cast<std::size_t>(hi)];
          j.allot_left = allotment[static_cast<std::size_t>(hi)];
        }
      }
    }
    if (const auto it = events.find(now); it != events.end()) {
      for (const Arrival& a : it->second) {
        Job& j = jobs[a.job];
        j.doing_io = false;
        p.print("[ time {} ] {} by JOB {}\n", now, a.begins ? "JOB BEGINS" : "IO_DONE", a.job);
        auto& q = queue[static_cast<std::size_t>(j.pri)];
        if (!iobump || a.begins) {
          q.push_back(a.job);
        } else {
          q.insert(q.begin(), a.job);
        }
      }
    }
    int level = -1;  // FindQueue()
    for (int q = hi; q >= 0; --q) {
      if (!queue[static_cast<std::size_t>(q)].empty()) {
        level = q;
        break;
      }
    }
    if (level == -1) {
      p.print("[ time {} ] IDLE\n", now);
      ++now;
      continue;
    }
    auto& q = queue[static_cast<std::size_t>(level)];
    const std::size_t cur = q.front();
    Job& j = jobs[cur];
    if (j.pri != level) return p.abort(fmt::format("currPri[{}] does not match currQueue[{}]", j.pri, level));
    j.time_left -= 1;
    j.ticks_left -= 1;
    if (j.first_run == -1) j.first_run = now;
    p.print("[ time {} ] Run JOB {} at PRIORITY {} [ TICKS {} ALLOT {} TIME {} (of {}) ]\n", now, cur, level,
            j.ticks_left, j.allot_left, j.time_left, j.run_time);
    if (j.time_left < 0) return p.abort("Error: should never have less than 0 time left to run");
    const std::int64_t ticks_left = j.ticks_left;
    ++now;
    if (j.time_left == 0) {
      p.print("[ time {} ] FINISHED JOB {}\n", now, cur);
      ++finished;
      j.end_time = now;
      q.erase(q.begin());
      continue;
    }
    bool issued_io = false;
    if (j.io_freq > 0 && (j.run_time - j.time_left) % j.io_freq == 0) {
      p.print("[ time {} ] IO_START by JOB {}\n", now, cur);
      issued_io = true;
      q.erase(q.begin());
      j.doing_io = true;
      if (stay) {
        j.ticks_left = quantum[static_cast<std::size_t>(level)];
        j.allot_left = allotment[static_cast<std::size_t>(level)];
      }
      p.text("IO DONE\n");  // the script's bug: printed when the I/O starts
      events[now + io_time].push_back({cur, false});
    }
    // the quantum ends (by the ticks left after this tick, before -S reset them)
    if (ticks_left == 0) {
      if (!issued_io) q.erase(q.begin());
      j.allot_left -= 1;
      if (j.allot_left == 0) {
        if (level > 0) {
          j.pri = level - 1;
          j.ticks_left = quantum[static_cast<std::size_t>(level - 1)];
          j.allot_left = allotment[static_cast<std::size_t>(level - 1)];
          if (!issued_io) queue[static_cast<std::size_t>(level - 1)].push_back(cur);
        } else {
          j.ticks_left = quantum[0];
          j.allot_left = allotment[0];
          if (!issued_io) q.push_back(cur);
        }
      } else {
        j.ticks_left = quantum[static_cast<std::size_t>(level)];
        if (!issued_io) q.push_back(cur);
      }
    }
  }

  p.text("\nFinal statistics:\n");
  if (jobs.empty()) return p.crash(kScript, num_queues > 0 ? "ZeroDivisionError: float division by zero"
                                                           : "NameError: name 'i' is not defined");
  std::int64_t response_sum = 0;
  std::int64_t turnaround_sum = 0;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    const std::int64_t response = jobs[i].first_run - jobs[i].start;
    const std::int64_t turnaround = jobs[i].end_time - jobs[i].start;
    p.print("  Job {:2d}: startTime {:3d} - response {:3d} - turnaround {:3d}\n", i, jobs[i].start, response, turnaround);
    response_sum += response;
    turnaround_sum += turnaround;
  }
  const auto n = static_cast<double>(jobs.size());
  p.print("\n  Avg {:2d}: startTime n/a - response {:.2f} - turnaround {:.2f}\n", jobs.size() - 1,
          static_cast<double>(response_sum) / n, static_cast<double>(turnaround_sum) / n);
  p.text("\n\n");
  return p.done();
}

}  // namespace proclab::ostep
