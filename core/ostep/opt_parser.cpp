#include "opt_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>

namespace proclab::ostep {
namespace {

constexpr int kHelpWidth = 78;         // optparse: COLUMNS (80 when not a terminal) - 2
constexpr int kMaxHelpPosition = 24;   // IndentedHelpFormatter's max_help_position
constexpr int kIndent = 2;

// optparse's _parse_num: the base comes from the text's first characters, before any sign.
std::optional<PyInt> optparse_int(std::string_view val) {
  std::string lower2;
  for (const char c : val.substr(0, 2)) lower2.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower2 == "0x") return parse_py_int(val, 16);
  if (lower2 == "0b") {
    const std::string_view rest = val.substr(2);
    return parse_py_int(rest.empty() ? std::string_view("0") : rest, 2);
  }
  if (val.substr(0, 1) == "0") return parse_py_int(val, 8);
  return parse_py_int(val, 10);
}

Expected<OptValues::Value> convert(const OptSpec& spec, std::string_view opt, const std::string& raw) {
  OptValues::Value v;
  switch (spec.kind) {
    case OptKind::Flag:
      v.flag = true;
      break;
    case OptKind::Int: {
      auto i = optparse_int(raw);
      if (!i) return Error{fmt::format("option {}: invalid integer value: {}", opt, py_str_repr(raw))};
      v.integer = *i;
      break;
    }
    case OptKind::Float: {
      auto f = parse_py_float(raw);
      if (!f) return Error{fmt::format("option {}: invalid floating-point value: {}", opt, py_str_repr(raw))};
      v.real = *f;
      break;
    }
    case OptKind::String:
      v.text = raw;
      break;
  }
  return v;
}

OptValues::Value default_of(const OptSpec& spec) {
  OptValues::Value v;
  switch (spec.kind) {
    case OptKind::Flag: v.flag = spec.default_value == "True"; break;
    case OptKind::Int: v.integer = *parse_py_int(spec.default_value, 10); break;
    case OptKind::Float: v.real = *parse_py_float(spec.default_value); break;
    case OptKind::String: v.text = std::string(spec.default_value); break;
  }
  return v;
}

// optparse's _match_abbrev: an exact long name, else the only one `s` is a prefix of.
Expected<std::string> match_long(std::span<const OptSpec> specs, const std::string& s) {
  std::vector<std::string> names = {"--help"};
  for (const auto& spec : specs) {
    if (!spec.long_name.empty()) names.push_back("--" + std::string(spec.long_name));
  }
  if (std::find(names.begin(), names.end(), s) != names.end()) return s;
  std::vector<std::string> possible;
  for (const auto& n : names) {
    if (n.starts_with(s)) possible.push_back(n);
  }
  if (possible.size() == 1) return possible.front();
  if (possible.empty()) return Error{"no such option: " + s};
  std::sort(possible.begin(), possible.end());
  std::string list;
  for (const auto& p : possible) list += (list.empty() ? "" : ", ") + p;
  return Error{fmt::format("ambiguous option: {} ({}?)", s, list)};
}

const OptSpec* find_long(std::span<const OptSpec> specs, std::string_view name) {
  for (const auto& spec : specs) {
    if ("--" + std::string(spec.long_name) == name) return &spec;
  }
  return nullptr;
}

const OptSpec* find_short(std::span<const OptSpec> specs, char c) {
  for (const auto& spec : specs) {
    if (spec.short_name == c) return &spec;
  }
  return nullptr;
}

std::string upper(std::string_view s) {
  std::string r;
  for (const char c : s) r.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return r;
}

std::string option_strings(const OptSpec& spec) {
  const bool takes = spec.kind != OptKind::Flag;
  const std::string metavar = upper(spec.dest);
  std::string out;
  if (spec.short_name != 0) out = fmt::format("-{}{}", spec.short_name, takes ? " " + metavar : "");
  if (!spec.long_name.empty()) {
    if (!out.empty()) out += ", ";
    out += fmt::format("--{}{}", spec.long_name, takes ? "=" + metavar : "");
  }
  return out;
}

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// textwrap's chunks: runs of spaces, and words split after a hyphen between letters
// ("comma-separated" -> "comma-", "separated"), as its wordsep_re splits them.
std::vector<std::string> chunks_of(std::string_view text) {
  std::vector<std::string> chunks;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i;
    if (text[i] == ' ') {
      while (j < text.size() && text[j] == ' ') ++j;
    } else {
      while (j < text.size() && text[j] != ' ') {
        ++j;
        const bool hyphen_break = text[j - 1] == '-' && j >= i + 3 && is_letter(text[j - 2]) &&
                                  is_letter(text[j - 3]) && j < text.size() && is_letter(text[j]) &&
                                  ((j + 1 < text.size() && is_letter(text[j + 1])) ||
                                   (j + 2 < text.size() && text[j + 1] == '-' && is_letter(text[j + 2])));
        if (hyphen_break) break;
      }
    }
    chunks.emplace_back(text.substr(i, j - i));
    i = j;
  }
  return chunks;
}

// textwrap.wrap(text, width) with its defaults (drop whitespace at line ends, break long words).
std::vector<std::string> wrap(std::string_view text, int width) {
  std::vector<std::string> chunks = chunks_of(text);
  std::reverse(chunks.begin(), chunks.end());
  std::vector<std::string> lines;
  const auto w = static_cast<std::size_t>(width);
  while (!chunks.empty()) {
    std::vector<std::string> line;
    std::size_t len = 0;
    if (chunks.back().front() == ' ' && !lines.empty()) chunks.pop_back();
    while (!chunks.empty()) {
      if (len + chunks.back().size() <= w) {
        len += chunks.back().size();
        line.push_back(std::move(chunks.back()));
        chunks.pop_back();
      } else {
        break;
      }
    }
    if (!chunks.empty() && chunks.back().size() > w) {
      const std::size_t room = w > len ? w - len : 1;
      std::string& big = chunks.back();
      line.push_back(big.substr(0, room));
      big.erase(0, room);
    }
    if (!line.empty() && line.back().front() == ' ') line.pop_back();
    if (line.empty()) continue;
    std::string joined;
    for (const auto& c : line) joined += c;
    lines.push_back(joined);
  }
  return lines;
}

}  // namespace

Expected<ParsedOptions> parse_options(std::span<const OptSpec> specs, std::span<const std::string> args) {
  ParsedOptions parsed;
  for (const auto& spec : specs) parsed.values.values[std::string(spec.dest)] = default_of(spec);
  auto store = [&](const OptSpec& spec, std::string_view opt, const std::string& raw) -> std::optional<Error> {
    auto v = convert(spec, opt, raw);
    if (!v) return v.error();
    parsed.values.values[std::string(spec.dest)] = *v;
    return std::nullopt;
  };
  std::size_t k = 0;
  while (k < args.size()) {
    const std::string& arg = args[k++];
    if (arg == "--") break;
    if (arg.starts_with("--")) {
      std::string name = arg;
      std::optional<std::string> explicit_value;
      if (const auto eq = arg.find('='); eq != std::string::npos) {
        name = arg.substr(0, eq);
        explicit_value = arg.substr(eq + 1);
      }
      auto full = match_long(specs, name);
      if (!full) return full.error();
      if (*full == "--help") {
        if (explicit_value) return Error{"--help option does not take a value"};
        parsed.help = true;
        return parsed;
      }
      const OptSpec& spec = *find_long(specs, *full);
      if (spec.kind == OptKind::Flag) {
        if (explicit_value) return Error{*full + " option does not take a value"};
        if (auto e = store(spec, *full, "")) return *e;
      } else {
        std::string value;
        if (explicit_value) {
          value = *explicit_value;
        } else if (k < args.size()) {
          value = args[k++];
        } else {
          return Error{*full + " option requires an argument"};
        }
        if (auto e = store(spec, *full, value)) return *e;
      }
    } else if (arg.size() > 1 && arg[0] == '-') {
      for (std::size_t i = 1; i < arg.size(); ++i) {
        const std::string opt = std::string("-") + arg[i];
        if (arg[i] == 'h') {
          parsed.help = true;
          return parsed;
        }
        const OptSpec* spec = find_short(specs, arg[i]);
        if (spec == nullptr) return Error{"no such option: " + opt};
        if (spec->kind == OptKind::Flag) {
          if (auto e = store(*spec, opt, "")) return *e;
          continue;
        }
        std::string value;
        if (i + 1 < arg.size()) {
          value = arg.substr(i + 1);
        } else if (k < args.size()) {
          value = args[k++];
        } else {
          return Error{opt + " option requires an argument"};
        }
        if (auto e = store(*spec, opt, value)) return *e;
        break;
      }
    }
    // anything else is a positional argument, which the scripts ignore
  }
  return parsed;
}

std::string format_help(std::string_view prog, std::span<const OptSpec> specs) {
  struct Row {
    std::string opts;
    std::string_view help;
  };
  std::vector<Row> rows = {{"-h, --help", "show this help message and exit"}};
  for (const auto& spec : specs) rows.push_back({option_strings(spec), spec.help});
  std::size_t max_len = 0;
  for (const auto& r : rows) max_len = std::max(max_len, r.opts.size() + kIndent);
  const int help_position = std::min(static_cast<int>(max_len) + 2, kMaxHelpPosition);
  const int help_width = std::max(kHelpWidth - help_position, 11);
  std::string out = fmt::format("Usage: {} [options]\n\nOptions:\n", prog);
  const int opt_width = help_position - kIndent - 2;
  for (const auto& r : rows) {
    int indent_first = 0;
    if (static_cast<int>(r.opts.size()) > opt_width) {
      out += fmt::format("{:{}}{}\n", "", kIndent, r.opts);
      indent_first = help_position;
    } else {
      out += fmt::format("{:{}}{:<{}}  ", "", kIndent, r.opts, opt_width);
    }
    const auto lines = wrap(r.help, help_width);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      out += fmt::format("{:{}}{}\n", "", i == 0 ? indent_first : help_position, lines[i]);
    }
  }
  return out;
}

}  // namespace proclab::ostep
