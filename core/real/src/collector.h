// The app side of a lab run: turns the records the jailer relays into the common Trace and the
// LabReport. Pure bookkeeping, no OS calls.
#pragma once

#include <string>
#include <vector>

#include "channel.h"
#include "proclab/real/lab.h"

namespace proclab::real::detail {

class Collector {
 public:
  // trace_mode: a process stops counting towards peak_processes when it exits (the tracer's cap
  // counts live processes); for demos, when it is reaped (a zombie still holds its pid).
  Collector(std::string what, bool trace_mode) : what_(std::move(what)), trace_mode_(trace_mode) {}

  // Takes one record as read from the jailer (continued texts are joined here).
  void add(const Record& r);
  // The setup failure the jailer reported, or "" when there was none.
  const std::string& setup_error() const { return setup_error_; }
  bool done_seen() const { return done_seen_; }
  // Builds the trace and report from everything added (time order). `base` supplies layers and cap.
  LabResult finish(LabReport base) &&;

 private:
  struct Item {
    Record record;
    std::string text;
  };
  std::string what_;
  bool trace_mode_;
  std::vector<Item> items_;
  std::vector<std::pair<std::int32_t, std::string>> partial_;  // (pid, text so far) of continued records
  std::string setup_error_;
  bool done_seen_ = false;
};

}  // namespace proclab::real::detail
