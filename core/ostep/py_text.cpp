#include "py_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace proclab::ostep {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view strip(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

void multiply_add(std::vector<std::uint32_t>& words, std::uint32_t factor, std::uint32_t add) {
  std::uint64_t carry = add;
  for (auto& w : words) {
    const std::uint64_t v = std::uint64_t{w} * factor + carry;
    w = static_cast<std::uint32_t>(v);
    carry = v >> 32;
  }
  if (carry != 0) words.push_back(static_cast<std::uint32_t>(carry));
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

bool equals_ci(std::string_view s, std::string_view word) { return s.size() == word.size() && starts_with_ci(s, word); }

}  // namespace

PyInt PyInt::from(std::int64_t v) {
  PyInt r;
  r.negative = v < 0;
  std::uint64_t m = r.negative ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  while (m != 0) {
    r.words.push_back(static_cast<std::uint32_t>(m));
    m >>= 32;
  }
  return r;
}

std::optional<std::int64_t> PyInt::as_int64() const {
  if (words.size() > 2) return std::nullopt;
  std::uint64_t m = 0;
  for (std::size_t i = words.size(); i-- > 0;) m = (m << 32) | words[i];
  if (!negative && m > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
  if (negative && m > static_cast<std::uint64_t>(INT64_MAX) + 1) return std::nullopt;
  return negative ? static_cast<std::int64_t>(0 - m) : static_cast<std::int64_t>(m);
}

std::string PyInt::to_string() const {
  std::vector<std::uint32_t> w = words;
  std::string digits;
  while (!w.empty()) {
    std::uint64_t rem = 0;
    for (std::size_t i = w.size(); i-- > 0;) {
      const std::uint64_t cur = (rem << 32) | w[i];
      w[i] = static_cast<std::uint32_t>(cur / 1000000000);
      rem = cur % 1000000000;
    }
    while (!w.empty() && w.back() == 0) w.pop_back();
    for (int k = 0; k < 9; ++k) {
      digits.push_back(static_cast<char>('0' + rem % 10));
      rem /= 10;
      if (w.empty() && rem == 0) break;
    }
  }
  if (digits.empty()) digits = "0";
  if (negative && digits != "0") digits.push_back('-');
  std::reverse(digits.begin(), digits.end());
  return digits;
}

std::optional<PyInt> parse_py_int(std::string_view text, int base) {
  std::string_view s = strip(text);
  PyInt r;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    r.negative = s.front() == '-';
    s.remove_prefix(1);
  }
  bool after_prefix = false;
  if (s.size() >= 2 && s[0] == '0') {
    const char p = static_cast<char>(std::tolower(static_cast<unsigned char>(s[1])));
    if ((base == 16 && p == 'x') || (base == 8 && p == 'o') || (base == 2 && p == 'b')) {
      s.remove_prefix(2);
      after_prefix = true;
    }
  }
  if (after_prefix && !s.empty() && s.front() == '_') s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  bool last_was_digit = false;
  for (const char c : s) {
    if (c == '_') {
      if (!last_was_digit) return std::nullopt;
      last_was_digit = false;
      continue;
    }
    const int d = digit_value(c);
    if (d >= base) return std::nullopt;
    multiply_add(r.words, static_cast<std::uint32_t>(base), static_cast<std::uint32_t>(d));
    last_was_digit = true;
  }
  if (!last_was_digit) return std::nullopt;
  while (!r.words.empty() && r.words.back() == 0) r.words.pop_back();
  if (r.words.empty()) r.negative = false;
  return r;
}

std::optional<double> parse_py_float(std::string_view text) {
  std::string_view s = strip(text);
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  double v = 0;
  if (equals_ci(s, "inf") || equals_ci(s, "infinity")) {
    v = INFINITY;
  } else if (equals_ci(s, "nan")) {
    v = NAN;
  } else {
    // digits* [. digits*] [e [sign] digits+], at least one mantissa digit, '_' only between digits.
    std::string clean;
    bool mantissa_digit = false;
    bool seen_dot = false;
    bool seen_exp = false;
    bool exp_digit = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      const bool digit = c >= '0' && c <= '9';
      if (digit) {
        (seen_exp ? exp_digit : mantissa_digit) = true;
        clean.push_back(c);
      } else if (c == '_') {
        const bool between = i > 0 && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
                             std::isdigit(static_cast<unsigned char>(s[i + 1]));
        if (!between) return std::nullopt;
      } else if (c == '.' && !seen_dot && !seen_exp) {
        seen_dot = true;
        clean.push_back(c);
      } else if ((c == 'e' || c == 'E') && !seen_exp && mantissa_digit) {
        seen_exp = true;
        clean.push_back('e');
        if (i + 1 < s.size() && (s[i + 1] == '+' || s[i + 1] == '-')) clean.push_back(s[++i]);
      } else {
        return std::nullopt;
      }
    }
    if (!mantissa_digit || (seen_exp && !exp_digit)) return std::nullopt;
    v = std::strtod(clean.c_str(), nullptr);  // C locale: '.' is the decimal point
  }
  return negative ? -v : v;
}

std::string py_float_repr(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  const std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));
  std::string sign;
  std::string_view body = sci;
  if (body.front() == '-') {
    sign = "-";
    body.remove_prefix(1);
  }
  const std::size_t e = body.find('e');
  std::string digits;
  for (const char c : body.substr(0, e)) {
    if (c != '.') digits.push_back(c);
  }
  const int exponent = std::atoi(std::string(body.substr(e + 1)).c_str());
  const int decpt = exponent + 1;  // value = 0.DIGITS * 10^decpt
  const int n = static_cast<int>(digits.size());
  if (decpt <= -4 || decpt > 16) {
    std::string m = digits.substr(0, 1);
    if (n > 1) m += "." + digits.substr(1);
    return fmt::format("{}{}e{}{:02d}", sign, m, exponent < 0 ? '-' : '+', std::abs(exponent));
  }
  if (decpt <= 0) return sign + "0." + std::string(static_cast<std::size_t>(-decpt), '0') + digits;
  if (decpt >= n) return sign + digits + std::string(static_cast<std::size_t>(decpt - n), '0') + ".0";
  return sign + digits.substr(0, static_cast<std::size_t>(decpt)) + "." + digits.substr(static_cast<std::size_t>(decpt));
}

std::string py_str_repr(std::string_view s) {
  const bool has_single = s.find('\'') != std::string_view::npos;
  const bool has_double = s.find('"') != std::string_view::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == quote || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (u < 0x20 || u == 0x7f) {
      out += fmt::format("\\x{:02x}", u);
    } else {
      out += c;
    }
  }
  out += quote;
  return out;
}

std::string py_list_repr(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += py_str_repr(items[i]);
  }
  return out + "]";
}

Expected<std::string> py_percent_d(double x) {
  if (std::isnan(x)) return Error{"ValueError: cannot convert float NaN to integer"};
  if (std::isinf(x)) return Error{"OverflowError: cannot convert float infinity to integer"};
  const double t = std::trunc(x);
  if (std::fabs(t) < 9.2e18) return fmt::format("{}", static_cast<std::int64_t>(t));
  return fmt::format("{:.0f}", t);  // an integral double: every digit exactly
}

}  // namespace proclab::ostep
