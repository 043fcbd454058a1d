// The part of Python's optparse that OSTEP's simulators use: short options (clustered, value
// attached or next), long options (--name=value, unique prefixes), `--`, positional arguments
// interspersed and ignored, the types int (optparse's 0x/0b/0 prefixes), float and string, and
// the -h/--help text optparse formats for an 80-column terminal. Internal to core/ostep.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "proclab/error.h"
#include "py_text.h"

namespace proclab::ostep {

enum class OptKind { Flag, Int, Float, String };

struct OptSpec {
  char short_name;             // 0 when the option has no short form
  std::string_view long_name;  // "" when it has none; without the leading "--"
  std::string_view dest;       // the script's dest: the key of the value and, upper-cased, the metavar
  OptKind kind;
  std::string_view default_value;  // as a user would type it ("0", "0.7", "", "False" for a flag)
  std::string_view help;
};

class OptValues {
 public:
  bool flag(std::string_view dest) const { return at(dest).flag; }
  const PyInt& integer(std::string_view dest) const { return at(dest).integer; }
  double real(std::string_view dest) const { return at(dest).real; }
  const std::string& text(std::string_view dest) const { return at(dest).text; }

  struct Value {
    bool flag = false;
    PyInt integer;
    double real = 0;
    std::string text;
  };
  std::map<std::string, Value, std::less<>> values;

 private:
  const Value& at(std::string_view dest) const { return values.find(dest)->second; }
};

struct ParsedOptions {
  bool help = false;  // -h or --help was given: print format_help() and exit 0
  OptValues values;
};

// Parses `args` as optparse would. Fails with optparse's message ("no such option: -x",
// "-s option requires an argument", "option -s: invalid integer value: 'x'", "ambiguous option:
// --s (--seed, --stay?)", "--compute option does not take a value").
Expected<ParsedOptions> parse_options(std::span<const OptSpec> specs, std::span<const std::string> args);

// optparse's print_help() for `prog` ("mlfq.py"), at optparse's width for 80 columns.
std::string format_help(std::string_view prog, std::span<const OptSpec> specs);

}  // namespace proclab::ostep
