// The few pieces of CPython's text behaviour OSTEP's simulators print or parse through: int() and
// float() of a string, repr() of a float and of a str (what `print(x)` and `'%s' % list` show),
// and an int of any size for seeds. Internal to core/ostep.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "proclab/error.h"

namespace proclab::ostep {

// A Python int of any size: sign and magnitude as 32-bit words, least significant first.
struct PyInt {
  bool negative = false;
  std::vector<std::uint32_t> words;  // empty for 0

  static PyInt from(std::int64_t v);
  // The value when it fits in int64, else nullopt.
  std::optional<std::int64_t> as_int64() const;
  // str(int): decimal, a leading '-' when negative.
  std::string to_string() const;
};

// int(text, base) for base 2, 8, 10 or 16, as CPython 3.11 accepts it: surrounding whitespace, a
// sign, the base's 0x/0o/0b prefix, '_' between digits. nullopt when CPython raises ValueError.
std::optional<PyInt> parse_py_int(std::string_view text, int base);

// float(text): whitespace, sign, digits with '_' between them, exponent, inf/infinity/nan in any
// case. nullopt when CPython raises ValueError.
std::optional<double> parse_py_float(std::string_view text);

// repr(float) (== str(float)): the shortest round-trip digits; exponent form when the exponent
// is below -4 or at least 16 ("1e-05", "1e+16"), else fixed with at least one decimal ("10.0").
std::string py_float_repr(double v);

// repr(str) as CPython writes it: single quotes unless the text holds ' and no ", backslash escapes
// for the quote, \\, \t, \n, \r and other control bytes (\xNN). Bytes >= 0x80 pass through (the
// UTF-8 of printable characters, which CPython prints as they are).
std::string py_str_repr(std::string_view s);

// repr(list of str): "['a', 'b']".
std::string py_list_repr(const std::vector<std::string>& items);

// '%d' % x for a float x: the integer part (truncated toward zero), all of its digits. Fails as
// CPython does for nan ("cannot convert float NaN to integer") and inf ("cannot convert float
// infinity to integer").
Expected<std::string> py_percent_d(double x);

}  // namespace proclab::ostep
