// multi.py: jobs on several CPUs, each CPU with a cache that a job warms by running on it for
// the warm-up time (then it runs warm_rate times faster) and that holds the working sets that fit.
// One central queue, or per-CPU queues (-p) with work stealing every peek interval; time slices
// end on the global clock (every quantum ticks of system time), not per job.
//
//   options        the flags
//   Cache          one CPU's cache (the script's class)
//   Multi          the CPUs, queues and the tick loop (the script's scheduler class)
//   run_multi      the jobs, affinity, queues, then the run
#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <vector>

#include "proclab/py_random.h"
#include "simulators.h"

namespace proclab::ostep {
namespace {

constexpr std::string_view kScript = "multi.py";

constexpr OptSpec kOptions[] = {
    {'s', "seed", "seed", OptKind::Int, "0", "the random seed"},
    {'j', "job_num", "job_num", OptKind::Int, "3", "number of jobs in the system"},
    {'R', "max_run", "max_run", OptKind::Int, "100", "max run time of random-gen jobs"},
    {'W', "max_wset", "max_wset", OptKind::Int, "200", "max working set of random-gen jobs"},
    {'L', "job_list", "job_list", OptKind::String, "",
     "provide a comma-separated list of job_name:run_time:working_set_size (e.g., a:10:100,b:10:50 means 2 jobs "
     "with run-times of 10, the first (a) with working set size=100, second (b) with working set size=50)"},
    {'p', "per_cpu_queues", "per_cpu_queues", OptKind::Flag, "False", "per-CPU scheduling queues (not one)"},
    {'A', "affinity", "affinity", OptKind::String, "",
     "a list of jobs and which CPUs they can run on (e.g., a:0.1.2,b:0.1 allows job a to run on CPUs 0,1,2 but b "
     "only on CPUs 0 and 1"},
    {'n', "num_cpus", "num_cpus", OptKind::Int, "2", "number of CPUs"},
    {'q', "quantum", "time_slice", OptKind::Int, "10", "length of time slice"},
    {'P', "peek_interval", "peek_interval", OptKind::Int, "30",
     "for per-cpu scheduling, how often to peek at other schedule queue; 0 turns this off"},
    {'w', "warmup_time", "warmup_time", OptKind::Int, "10", "time it takes to warm cache"},
    {'r', "warm_rate", "warm_rate", OptKind::Int, "2", "how much faster to run with warm cache"},
    {'M', "cache_size", "cache_size", OptKind::Int, "100", "cache size"},
    {'o', "rand_order", "random_order", OptKind::Flag, "False", "has CPUs get jobs in random order"},
    {'t', "trace", "trace", OptKind::Flag, "False", "enable basic tracing (show which jobs got scheduled)"},
    {'T', "trace_time_left", "trace_time_left", OptKind::Flag, "False", "trace time left for each job"},
    {'C', "trace_cache", "trace_cache", OptKind::Flag, "False", "trace cache status (warm/cold) too"},
    {'S', "trace_sched", "trace_sched", OptKind::Flag, "False", "trace scheduler state"},
    {'c', "compute", "solve", OptKind::Flag, "False", "compute answers for me"},
};

constexpr std::int64_t kMaxTicks = 10'000'000;
constexpr std::int64_t kMaxJobs = 10'000;
constexpr std::int64_t kMaxCpus = 1'000;

const char* py_bool(bool b) { return b ? "True" : "False"; }

struct Job {
  std::string name;
  std::int64_t run_time;
  std::int64_t working_set;
  std::vector<std::int64_t> affinity;
  std::int64_t time_left;
  bool may_run_on(std::int64_t cpu) const {
    return affinity.empty() || std::find(affinity.begin(), affinity.end(), cpu) != affinity.end();
  }
};

using Names = std::vector<std::string>;
bool contains(const Names& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
void remove_first(Names& v, const std::string& s) { v.erase(std::find(v.begin(), v.end(), s)); }

struct Settings {
  std::int64_t cache_size, warm_rate, warmup;
};

class Cache {
 public:
  Cache(const std::map<std::string, Job>& jobs, Settings s) : jobs_(&jobs), s_(s) {}

  // false: the script's IndexError (a cache of negative size, emptied and still too full)
  bool new_job(const std::string& name) {
    if (contains(contents_, name) || contains(warming_, name)) return true;
    if (s_.warmup == 0) {
      contents_.insert(contents_.begin(), name);
      return adjust_size();
    }
    warming_.push_back(name);
    counter_[name] = s_.warmup;
    return true;
  }
  char state(const std::string& name) const { return contains(contents_, name) ? 'w' : ' '; }
  std::int64_t rate(const std::string& name) const { return contains(contents_, name) ? s_.warm_rate : 1; }
  bool update_warming(const std::string& name) {
    if (!contains(warming_, name)) return true;
    if (--counter_[name] <= 0) {
      remove_first(warming_, name);
      contents_.insert(contents_.begin(), name);
      return adjust_size();
    }
    return true;
  }

 private:
  // Evicts from the end (the least recently warmed) until the working sets fit.
  bool adjust_size() {
    std::int64_t total = 0;
    for (const auto& n : contents_) total += jobs_->at(n).working_set;
    while (total > s_.cache_size) {
      if (contents_.empty()) return false;
      const std::string gone = contents_.back();
      contents_.pop_back();
      warming_.push_back(gone);
      counter_[gone] = s_.warmup;
      total -= jobs_->at(gone).working_set;
    }
    return true;
  }

  const std::map<std::string, Job>* jobs_;
  Settings s_;
  Names contents_;
  Names warming_;
  std::map<std::string, std::int64_t> counter_;
};

struct Tracing {
  bool trace, time_left, cache, sched;
};

class Multi {
 public:
  Multi(std::map<std::string, Job> jobs, Names names, bool per_cpu, std::vector<Names> queues, std::int64_t num_cpus,
        std::int64_t slice, std::int64_t peek, bool random_order, Settings settings, Tracing tracing, PyRandom& rng)
      : jobs_(std::move(jobs)), names_(std::move(names)), per_cpu_(per_cpu), queues_(std::move(queues)),
        ncpu_(static_cast<std::size_t>(std::max<std::int64_t>(num_cpus, 0))), slice_(slice), peek_(peek),
        random_order_(random_order), tr_(tracing), rng_(rng), running_(ncpu_), ran_(ncpu_, 0), ran_warm_(ncpu_, 0) {
    for (std::size_t c = 0; c < ncpu_; ++c) caches_.emplace_back(jobs_, settings);
  }

  // The run; returns nullopt when it ends, else the way it stops (exception text, or "" at a limit).
  std::optional<std::string> run(Printer& p, bool solve) {
    std::int64_t finished = 0;
    const auto njobs = static_cast<std::int64_t>(names_.size());
    while (finished < njobs) {
      if (p.full()) return "";
      if (now_ > kMaxTicks) return "tick";
      if (slice_ == 0) return "ZeroDivisionError: integer modulo by zero";
      const bool interrupt = py_mod(now_, slice_) == 0 && now_ > 0;
      if (interrupt && tr_.trace) {
        auto width = static_cast<std::int64_t>(8 + 7 * ncpu_ - 5);
        if (tr_.time_left) width += static_cast<std::int64_t>(6 * ncpu_);
        if (tr_.cache) width += static_cast<std::int64_t>(8 * ncpu_ + names_.size() * ncpu_);
        p.text(std::string(static_cast<std::size_t>(std::max<std::int64_t>(width, 0)), '-') + "\n");
      }
      if (tr_.trace) p.print(" {:3d}   ", now_);
      for (std::size_t c = 0; c < ncpu_; ++c) {
        if (interrupt && running_[c]) {
          queue_of(c).push_back(*running_[c]);
          running_[c].reset();
        }
      }
      if (auto e = steal()) return e;
      if (!assign()) return "IndexError: list index out of range";
      for (std::size_t c = 0; c < ncpu_; ++c) {
        if (running_[c]) {
          if (!run_one_tick(p, c, finished)) return "IndexError: list index out of range";
        } else if (tr_.trace) {
          p.text("- ");
          if (tr_.time_left) p.text("[   ] ");
        }
        if (tr_.trace) {
          if (tr_.cache) {
            std::string cs;
            for (const auto& n : names_) cs.push_back(caches_[c].state(n));
            p.print("cache[{}]", cs);
          }
          p.text("     ");
        }
      }
      if (tr_.sched) print_queues(p);
      if (tr_.trace) p.text("\n");
      ++now_;
    }
    if (solve) {
      p.print("\nFinished time {}\n\n", now_);
      p.text("Per-CPU stats\n");
      for (std::size_t c = 0; c < ncpu_; ++c) {
        p.print("  CPU {}  utilization {:3.2f} [ warm {:3.2f} ]\n", c, 100.0 * static_cast<double>(ran_[c]) / static_cast<double>(now_),
                100.0 * static_cast<double>(ran_warm_[c]) / static_cast<double>(now_));
      }
      p.text("\n");
    }
    return std::nullopt;
  }

 private:
  static std::int64_t py_mod(std::int64_t n, std::int64_t d) {
    const std::int64_t m = n % d;
    return (m != 0 && ((m < 0) != (d < 0))) ? m + d : m;
  }
  Names& queue_of(std::size_t cpu) { return per_cpu_ ? queues_[cpu] : queues_[0]; }

  std::optional<std::string> steal() {
    if (!per_cpu_ || peek_ <= 0) return std::nullopt;
    if (!(now_ > 0 && now_ % peek_ == 0)) return std::nullopt;
    for (std::size_t c = 0; c < ncpu_; ++c) {
      if (!queues_[c].empty()) continue;
      std::vector<std::size_t> others;
      for (std::size_t o = 0; o < ncpu_; ++o) {
        if (o != c) others.push_back(o);
      }
      auto pick = rng_.choice_index(others.size());
      if (!pick) return "IndexError: Cannot choose from an empty sequence";
      Names& theirs = queues_[others[*pick]];
      for (const auto& name : theirs) {
        const Job& j = jobs_.at(name);
        // the script's bug: `cpu in self.jobs[job_name]` looks through the job's fields, so a
        // job with an affinity moves when the CPU's number equals its run time or working set
        const auto cpu = static_cast<std::int64_t>(c);
        if (j.affinity.empty() || cpu == j.run_time || cpu == j.working_set) {
          const std::string moved = name;
          remove_first(theirs, moved);
          queues_[c].push_back(moved);
          break;
        }
      }
    }
    return std::nullopt;
  }

  bool assign() {
    std::vector<std::size_t> order(ncpu_);
    std::iota(order.begin(), order.end(), std::size_t{0});
    if (random_order_) rng_.shuffle(order);
    for (const std::size_t c : order) {
      if (running_[c]) continue;
      Names& q = queue_of(c);
      for (std::size_t k = 0; k < q.size(); ++k) {
        if (jobs_.at(q[k]).may_run_on(static_cast<std::int64_t>(c))) {
          running_[c] = q[k];
          q.erase(q.begin() + static_cast<std::ptrdiff_t>(k));
          if (!caches_[c].new_job(*running_[c])) return false;
          break;
        }
      }
    }
    return true;
  }

  bool run_one_tick(Printer& p, std::size_t c, std::int64_t& finished) {
    const std::string name = *running_[c];
    Job& j = jobs_.at(name);
    const std::int64_t rate = caches_[c].rate(name);
    ++ran_[c];
    if (rate > 1) ++ran_warm_[c];
    j.time_left = std::max<std::int64_t>(j.time_left - rate, 0);
    if (tr_.trace) {
      p.print("{} ", j.name);
      if (tr_.time_left) p.print("[{:3d}] ", j.time_left);
    }
    if (!caches_[c].update_warming(name)) return false;
    if (j.time_left <= 0) {
      running_[c].reset();
      ++finished;
    }
    return true;
  }

  void print_queues(Printer& p) {
    if (per_cpu_) {
      for (std::size_t c = 0; c < ncpu_; ++c) {
        p.print("Q{}: ", c);
        for (const auto& n : queues_[c]) p.print("{} ", n);
        p.text("  ");
      }
    } else {
      p.text("Q: ");
      for (const auto& n : queues_[0]) p.print("{} ", n);
    }
    p.text("    ");
  }

  std::map<std::string, Job> jobs_;
  Names names_;
  bool per_cpu_;
  std::vector<Names> queues_;  // one per CPU, or one shared
  std::size_t ncpu_;
  std::int64_t slice_, peek_;
  bool random_order_;
  Tracing tr_;
  PyRandom& rng_;
  std::vector<std::optional<std::string>> running_;
  std::vector<std::int64_t> ran_, ran_warm_;
  std::vector<Cache> caches_;
  std::int64_t now_ = 0;
};

}  // namespace

Output run_multi(std::span<const std::string> args) {
  auto cmd = parse_command_line(kScript, kOptions, args);
  if (cmd.early) return *cmd.early;
  const OptValues& o = cmd.values;
  Printer p;
  std::int64_t job_num = 0, max_run = 0, max_wset = 0, num_cpus = 0, slice = 0, peek = 0, warmup = 0, warm_rate = 0,
               cache_size = 0;
  for (auto [dest, flag, target] :
       {std::tuple{"job_num", "-j", &job_num}, {"max_run", "-R", &max_run}, {"max_wset", "-W", &max_wset},
        {"num_cpus", "-n", &num_cpus}, {"time_slice", "-q", &slice}, {"peek_interval", "-P", &peek},
        {"warmup_time", "-w", &warmup}, {"warm_rate", "-r", &warm_rate}, {"cache_size", "-M", &cache_size}}) {
    auto v = int_option(o, dest, flag);
    if (!v) return p.bad_input(kScript, v.error().message);
    *target = *v;
  }
  if (num_cpus > kMaxCpus) return p.bad_input(kScript, "option -n: more CPUs than proclab simulates (1000)");
  PyRandom rng;
  rng.seed_words(seed_words(o.integer("seed")));
  p.print("ARG seed {}\n", o.integer("seed").to_string());
  p.print("ARG job_num {}\n", job_num);
  p.print("ARG max_run {}\n", max_run);
  p.print("ARG max_wset {}\n", max_wset);
  p.print("ARG job_list {}\n", o.text("job_list"));
  p.print("ARG affinity {}\n", o.text("affinity"));
  p.print("ARG per_cpu_queues {}\n", py_bool(o.flag("per_cpu_queues")));
  p.print("ARG num_cpus {}\n", num_cpus);
  p.print("ARG quantum {}\n", slice);
  p.print("ARG peek_interval {}\n", peek);
  p.print("ARG warmup_time {}\n", warmup);
  p.print("ARG cache_size {}\n", cache_size);
  p.print("ARG random_order {}\n", py_bool(o.flag("random_order")));
  p.print("ARG trace {}\n", py_bool(o.flag("trace")));
  p.print("ARG trace_time {}\n", py_bool(o.flag("trace_time_left")));
  p.print("ARG trace_cache {}\n", py_bool(o.flag("trace_cache")));
  p.print("ARG trace_sched {}\n", py_bool(o.flag("trace_sched")));
  p.print("ARG compute {}\n", py_bool(o.flag("solve")));
  p.text("\n");

  std::string job_list = o.text("job_list");
  if (job_list.empty()) {
    if (job_num > kMaxJobs) return p.bad_input(kScript, "option -j: more jobs than proclab simulates (10000)");
    for (std::int64_t j = 0; j < job_num; ++j) {
      const auto run = static_cast<std::int64_t>(rng.random() * static_cast<double>(max_run) / 10.0) * 10;
      const auto wset = static_cast<std::int64_t>(rng.random() * static_cast<double>(max_wset) / 10.0) * 10;
      job_list += fmt::format("{}{}:{}:{}", job_list.empty() ? "" : ",", j, run, wset);
    }
  }
  std::map<std::string, Job> jobs;
  Names names;
  std::set<std::string> seen;
  for (const auto& entry : py_split(job_list, ',')) {
    const auto t = py_split(entry, ':');
    if (t.size() != 3) {
      p.print("bad job description [{}]: needs triple of name:runtime:working_set_size\n", entry);
      return p.done(1);
    }
    auto run = int_field(t[1]);
    if (!run) return p.crash(kScript, run.error().message);
    auto wset = int_field(t[2]);
    if (!wset) return p.crash(kScript, wset.error().message);
    jobs[t[0]] = Job{t[0], *run, *wset, {}, *run};
    p.print("Job name:{} run_time:{} working_set_size:{}\n", t[0], *run, *wset);
    if (!seen.insert(t[0]).second) {
      p.print("repeated job name {}\n", t[0]);
      return p.done(1);
    }
    if (static_cast<std::int64_t>(names.size()) >= kMaxJobs) return p.bad_input(kScript, "more jobs than proclab simulates (10000)");
    names.push_back(t[0]);
  }
  p.text("\n");
  const std::string& affinity = o.text("affinity");
  if (!affinity.empty()) {
    for (const auto& entry : py_split(affinity, ',')) {
      const auto t = py_split(entry, ':');
      if (t.size() != 2) {
        p.print("bad affinity spec {}\n", affinity);
        return p.done(1);
      }
      if (!seen.contains(t[0])) {
        p.print("job name {} in affinity list does not exist\n", t[0]);
        return p.done(1);
      }
      for (const auto& cpu_text : py_split(t[1], '.')) {
        auto cpu = int_field(cpu_text);
        if (!cpu) return p.crash(kScript, cpu.error().message);
        jobs[t[0]].affinity.push_back(*cpu);
        if (*cpu < 0 || *cpu >= num_cpus) {
          p.print("bad cpu {} specified in affinity {}\n", *cpu, affinity);
          return p.done(1);
        }
      }
    }
  }
  const bool per_cpu = o.flag("per_cpu_queues");
  std::vector<Names> queues;
  if (per_cpu) {
    if (num_cpus <= 0) return p.bad_input(kScript, "-p with no CPU: the script would hand out jobs for ever");
    queues.resize(static_cast<std::size_t>(num_cpus));
    Names unassigned = names;
    while (!unassigned.empty()) {
      for (std::int64_t c = 0; c < num_cpus && !unassigned.empty(); ++c) {
        for (std::size_t k = 0; k < unassigned.size(); ++k) {
          if (jobs.at(unassigned[k]).may_run_on(c)) {
            queues[static_cast<std::size_t>(c)].push_back(unassigned[k]);
            unassigned.erase(unassigned.begin() + static_cast<std::ptrdiff_t>(k));
            break;
          }
        }
      }
    }
    for (std::int64_t c = 0; c < num_cpus; ++c) {
      p.print("Scheduler CPU {} queue: {}\n", c, py_list_repr(queues[static_cast<std::size_t>(c)]));
    }
    p.text("\n");
  } else {
    queues.push_back(names);
    p.print("Scheduler central queue: {}\n\n", py_list_repr(names));
  }
  const Tracing tr{o.flag("trace") || o.flag("trace_time_left") || o.flag("trace_cache") || o.flag("trace_sched"),
                   o.flag("trace_time_left"), o.flag("trace_cache"), o.flag("trace_sched")};
  Multi m(std::move(jobs), std::move(names), per_cpu, std::move(queues), num_cpus, slice, peek, o.flag("random_order"),
          Settings{cache_size, warm_rate, warmup}, tr, rng);
  if (auto stop = m.run(p, o.flag("solve"))) {
    if (stop->empty()) return p.limit(kScript);
    if (*stop == "tick") return p.limit(kScript, "limit of 10,000,000 ticks");
    return p.crash(kScript, *stop);
  }
  return p.done();
}

}  // namespace proclab::ostep
