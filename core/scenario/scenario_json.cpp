// Reading and writing scenario JSON. Every field is checked: unknown names, wrong types and
// out-of-range numbers are errors that name the field, never exceptions or silent wraps.
#include <limits>
#include <set>

#include <fmt/format.h>

#include "json_text.h"
#include "proclab/input_file.h"
#include "proclab/scenario.h"

namespace proclab {

namespace {

using nlohmann::json;

// A cursor over one JSON object that checks types, ranges and unknown keys.
class Fields {
 public:
  Fields(const json& obj, std::string path, std::string* error)
      : obj_(obj), path_(std::move(path)), error_(error) {
    if (!obj_.is_object()) fail(path_, "expected an object");
  }

  bool has(const char* key) {
    seen_.insert(key);
    return obj_.is_object() && obj_.contains(key);
  }
  std::string where(const char* key) const { return path_.empty() ? key : path_ + "." + key; }

  void integer(const char* key, long long min, long long max, auto& out) {
    if (!has(key) || !error_->empty()) return;
    const json& v = obj_.at(key);
    if (!v.is_number_integer()) return fail(where(key), fmt::format("expected a whole number, got {}", short_dump(v)));
    long long n = 0;
    if (v.is_number_unsigned()) {
      const auto u = v.get<unsigned long long>();
      if (u > static_cast<unsigned long long>(max))
        return fail(where(key), fmt::format("expected at most {}, got {}", max, u));
      n = static_cast<long long>(u);
    } else {
      n = v.get<long long>();
    }
    if (n < min || n > max)
      return fail(where(key), fmt::format("expected a number from {} to {}, got {}", min, max, n));
    out = static_cast<std::remove_reference_t<decltype(out)>>(n);
  }

  void string(const char* key, std::string& out) {
    if (!has(key) || !error_->empty()) return;
    const json& v = obj_.at(key);
    if (!v.is_string()) return fail(where(key), fmt::format("expected a string, got {}", short_dump(v)));
    out = v.get<std::string>();
  }

  // Call last: reports the first key that no getter asked for.
  void no_unknown_keys() {
    if (!error_->empty() || !obj_.is_object()) return;
    for (const auto& [key, value] : obj_.items())
      if (!seen_.contains(key)) {
        std::string known;
        for (const auto& k : seen_) known += (known.empty() ? "" : ", ") + k;
        return fail(where(key.c_str()), fmt::format("unknown field (expected one of: {})", known));
      }
  }

  void fail(const std::string& where, const std::string& what) {
    if (error_->empty()) *error_ = fmt::format("{}: {}", where, what);
  }

 private:
  const json& obj_;
  std::string path_;
  std::string* error_;
  std::set<std::string> seen_;
};

constexpr long long kMaxTick = kMaxScenarioTicks;

void read_policy(const json& v, PolicyParams& policy, std::string* error) {
  if (v.is_string()) {
    policy.name = v.get<std::string>();
    return;
  }
  Fields f(v, "policy", error);
  f.string("name", policy.name);
  f.integer("quantum", 1, kMaxTick, policy.quantum);
  f.integer("aging", 0, kMaxTick, policy.aging);
  f.integer("levels", 1, 16, policy.mlfq.levels);
  if (f.has("quanta") && error->empty()) {
    const json& q = v.at("quanta");
    if (!q.is_array()) return f.fail("policy.quanta", "expected a list of whole numbers");
    for (const json& item : q) {
      if (!item.is_number_integer() || item.get<long long>() < 1 || item.get<long long>() > kMaxTick)
        return f.fail("policy.quanta", fmt::format("expected whole numbers >= 1, got {}", short_dump(item)));
      policy.mlfq.quanta.push_back(item.get<Tick>());
    }
  }
  f.integer("allotment", 0, kMaxTick, policy.mlfq.allotment);
  f.integer("boost", 0, kMaxTick, policy.mlfq.boost);
  f.integer("latency", 1, kMaxTick, policy.cfs_latency);
  f.integer("min_granularity", 1, kMaxTick, policy.cfs_min_granularity);
  f.no_unknown_keys();
}

void read_bursts(const json& v, const std::string& where, std::vector<Burst>& out, std::string* error) {
  if (v.is_number_integer()) {
    // nlohmann stores non-negative literals as unsigned: compare in unsigned space.
    const bool in_range = v.is_number_unsigned()
                              ? v.get<unsigned long long>() >= 1 && v.get<unsigned long long>() <= kMaxTick
                              : v.get<long long>() >= 1 && v.get<long long>() <= kMaxTick;
    if (!in_range) {
      *error = fmt::format("{}: expected a burst from 1 to {} ticks, got {}", where, kMaxTick, short_dump(v));
      return;
    }
    out = {{Burst::Kind::Cpu, v.get<Tick>()}};
    return;
  }
  if (v.is_string()) {
    auto parsed = parse_bursts(v.get<std::string>());
    if (!parsed) {
      *error = fmt::format("{}: {}", where, parsed.error().message);
      return;
    }
    // Each length fits in a Tick; their sum must too (SJF and SRTF add them up), and every
    // time a user gives stays below kMaxScenarioTicks so that now + it cannot overflow.
    long long total = 0;
    for (const Burst& b : parsed.value()) total += b.length;
    if (total > kMaxTick) {
      *error = fmt::format("{}: the bursts add up to {} ticks; expected at most {}", where, total, kMaxTick);
      return;
    }
    out = std::move(parsed.value());
    return;
  }
  *error = fmt::format("{}: expected a number of ticks or a string like \"cpu 5, io 3, cpu 2\", got {}",
                       where, short_dump(v));
}

void read_job(const json& v, size_t index, JobSpec& job, std::string* error) {
  const std::string path = fmt::format("processes[{}]", index);
  Fields f(v, path, error);
  job.name = fmt::format("P{}", index + 1);
  f.string("name", job.name);
  f.integer("arrival", 0, kMaxTick, job.arrival);
  f.integer("priority", -1000000, 1000000, job.priority);
  f.integer("tickets", 1, 1000000, job.tickets);
  f.integer("nice", -20, 19, job.nice);
  const bool has_burst = f.has("burst");
  const bool has_bursts = f.has("bursts");
  f.no_unknown_keys();
  if (!error->empty()) return;
  if (has_burst == has_bursts) {
    *error = fmt::format("{}: expected exactly one of \"burst\" (CPU ticks) or \"bursts\" (\"cpu 5, io 3, cpu 2\")", path);
    return;
  }
  const char* key = has_burst ? "burst" : "bursts";
  read_bursts(v.at(key), path + "." + key, job.bursts, error);
}

}  // namespace

Expected<Scenario> parse_scenario(std::string_view text, const std::string& origin) {
  auto parsed = parse_json_text(text, origin);
  if (!parsed) return parsed.error();
  const json& doc = parsed.value();
  Scenario s;
  std::string error;
  Fields f(doc, "", &error);
  f.string("name", s.name);
  f.string("source", s.source);
  f.string("description", s.description);
  f.integer("cpus", 1, kMaxCpus, s.kernel.cpus);
  f.integer("context_switch", 0, 1000000, s.kernel.context_switch);
  f.integer("seed", 0, std::numeric_limits<std::int64_t>::max(), s.kernel.seed);
  s.policy.seed = s.kernel.seed;
  if (f.has("tie") && error.empty()) {
    const json& t = doc.at("tie");
    if (t == "arrival-first") s.kernel.preempted_first = false;
    else if (t == "preempted-first") s.kernel.preempted_first = true;
    else f.fail("tie", fmt::format("expected \"arrival-first\" or \"preempted-first\", got {}", short_dump(t)));
  }
  if (f.has("policy") && error.empty()) read_policy(doc.at("policy"), s.policy, &error);
  if (f.has("expect")) s.expect = doc.at("expect");
  if (!f.has("processes") && error.empty()) f.fail("processes", "missing: expected a list of processes");
  if (error.empty()) {
    const json& procs = doc.at("processes");
    if (!procs.is_array() || procs.empty()) {
      f.fail("processes", "expected a non-empty list of processes");
    } else if (procs.size() > 1000000) {
      f.fail("processes", "expected at most 1000000 processes");
    } else {
      s.jobs.resize(procs.size());
      for (size_t i = 0; i < procs.size() && error.empty(); ++i) read_job(procs[i], i, s.jobs[i], &error);
    }
  }
  f.no_unknown_keys();
  if (!error.empty()) return Error{fmt::format("{}: {}", origin, error)};
  if (!canonical_policy_name(s.policy.name)) {
    auto made = make_policy(s.policy);  // produces the message listing the policies
    return Error{fmt::format("{}: policy: {}", origin, made.error().message)};
  }
  return s;
}

Expected<Scenario> load_scenario_file(const std::string& path, const InputLimits& limits) {
  auto text = read_input_file(path, limits);
  if (!text) return text.error();
  return parse_scenario(text.value(), path);
}

nlohmann::json scenario_to_json(const Scenario& s) {
  const MlfqParams& m = s.policy.mlfq;
  json policy = {{"name", s.policy.name}, {"quantum", s.policy.quantum}, {"aging", s.policy.aging},
                 {"levels", m.levels}, {"allotment", m.allotment}, {"boost", m.boost},
                 {"latency", s.policy.cfs_latency}, {"min_granularity", s.policy.cfs_min_granularity}};
  if (!m.quanta.empty()) policy["quanta"] = m.quanta;
  json procs = json::array();
  for (const JobSpec& j : s.jobs)
    procs.push_back({{"name", j.name}, {"arrival", j.arrival}, {"priority", j.priority},
                     {"tickets", j.tickets}, {"nice", j.nice}, {"bursts", format_bursts(j.bursts)}});
  json out = {{"name", s.name}, {"cpus", s.kernel.cpus}, {"context_switch", s.kernel.context_switch},
              {"seed", s.kernel.seed}, {"tie", s.kernel.preempted_first ? "preempted-first" : "arrival-first"},
              {"policy", policy}, {"processes", procs}};
  if (!s.source.empty()) out["source"] = s.source;
  if (!s.description.empty()) out["description"] = s.description;
  return out;
}

}  // namespace proclab
