// String formatting as the notes use it: '%d' % x, '{}'.format(x), f'{x:>5}'.
// Each raises (throws PyError, caught by the interpreter) on a bad format or argument.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "value.h"

namespace proclab::lang {

// format(v, spec): [[fill]align][sign][0][width][,][.precision][type], types s d f e g x o b % c.
std::string format_value(const Value& v, std::string_view spec);
// fmt % args (args: one value or a tuple).
std::string percent_format(const std::string& fmt, const Value& args);
// fmt.format(*args, **kwargs): {} {0} {name} {x:spec} {x!r}.
std::string str_format(const std::string& fmt, std::span<const Value> args,
                       std::span<const Value> kw_values, std::span<const Value> kw_names);

}  // namespace proclab::lang
