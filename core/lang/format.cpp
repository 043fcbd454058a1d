#include "format.h"

#include <cmath>

#include <fmt/format.h>

#include "builtins.h"

namespace proclab::lang {

namespace {

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

double number(const Value& v, char type) {
  if (v.type() == Type::Float) return v.f();
  if (v.type() == Type::Int || v.type() == Type::Bool) return static_cast<double>(v.i());
  raise(kTypeError, fmt::format("unsupported format character '{}' for {}", type, type_name(v)));
}

std::string pad(std::string body, char fill, char align, size_t width, bool numeric) {
  const size_t len = utf8_length(body);
  if (len >= width) return body;
  const size_t n = width - len;
  if (align == 0) align = numeric ? '>' : '<';
  if (align == '<') return body + std::string(n, fill);
  if (align == '>') return std::string(n, fill) + body;
  if (align == '^') return std::string(n / 2, fill) + body + std::string(n - n / 2, fill);
  // '=': padding after the sign
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) return body.substr(0, 1) + std::string(n, fill) + body.substr(1);
  return std::string(n, fill) + body;
}

}  // namespace

std::string format_value(const Value& v, std::string_view spec) {
  if (spec.empty()) return to_str(v);
  size_t i = 0;
  char fill = ' ', align = 0, sign = '-';
  if (spec.size() >= 2 && std::string_view("<>^=").find(spec[1]) != std::string_view::npos) {
    fill = spec[0];
    align = spec[1];
    i = 2;
  } else if (std::string_view("<>^=").find(spec[0]) != std::string_view::npos) {
    align = spec[0];
    i = 1;
  }
  if (i < spec.size() && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) sign = spec[i++];
  if (i < spec.size() && spec[i] == '0') {
    fill = '0';
    if (!align) align = '=';
    ++i;
  }
  size_t width = 0;
  while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) width = width * 10 + static_cast<size_t>(spec[i++] - '0');
  bool comma = false;
  if (i < spec.size() && spec[i] == ',') {
    comma = true;
    ++i;
  }
  int precision = -1;
  if (i < spec.size() && spec[i] == '.') {
    precision = 0;
    ++i;
    while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) precision = precision * 10 + (spec[i++] - '0');
  }
  char type = i < spec.size() ? spec[i++] : 0;
  if (i != spec.size() || width > 10000 || precision > 100)
    raise(kValueError, fmt::format("Invalid format specifier '{}'", spec));
  std::string body;
  bool numeric = v.type() == Type::Int || v.type() == Type::Float || v.type() == Type::Bool;
  if (type == 0 && v.type() == Type::Float && precision >= 0) type = 'g';
  switch (type) {
    case 0:
    case 's':
      if (type == 's' && numeric) raise(kValueError, fmt::format("Unknown format code 's' for object of type '{}'", type_name(v)));
      body = to_str(v);
      if (precision >= 0 && v.type() == Type::Str) body = body.substr(0, static_cast<size_t>(precision));
      break;
    case 'd':
    case 'x':
    case 'X':
    case 'o':
    case 'b':
    case 'c':
      if (v.type() != Type::Int && v.type() != Type::Bool)
        raise(kValueError, fmt::format("Unknown format code '{}' for object of type '{}'", type, type_name(v)));
      if (type == 'c') {
        body = fmt::format("{}", static_cast<char>(v.i()));
        break;
      }
      body = fmt::format(fmt::runtime(std::string("{:") + type + "}"), v.i());
      if (comma && type == 'd') {
        std::string digits = std::to_string(v.i() < 0 ? -v.i() : v.i()), out;
        for (size_t k = 0; k < digits.size(); ++k) {
          if (k && (digits.size() - k) % 3 == 0) out += ',';
          out += digits[k];
        }
        body = (v.i() < 0 ? "-" : "") + out;
      }
      break;
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
    case '%': {
      double d = number(v, type);
      if (type == '%') d *= 100;
      const char t = type == '%' ? 'f' : type;
      body = fmt::format(fmt::runtime(fmt::format("{{:.{}{}}}", precision < 0 ? 6 : precision, t)), d);
      if (type == '%') body += '%';
      break;
    }
    default: raise(kValueError, fmt::format("Unknown format code '{}' for object of type '{}'", type, type_name(v)));
  }
  if (numeric && sign != '-' && !body.empty() && body[0] != '-') body = std::string(1, sign) + body;
  return pad(std::move(body), fill, align, width, numeric);
}

std::string percent_format(const std::string& f, const Value& args) {
  std::vector<Value> items;
  if (args.type() == Type::Tuple)
    items = args.as<ListObj>().items;
  else
    items.push_back(args);
  std::string out;
  size_t next = 0;
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%') {
      out += f[i];
      continue;
    }
    if (++i >= f.size()) raise(kValueError, "incomplete format");
    if (f[i] == '%') {
      out += '%';
      continue;
    }
    std::string spec;
    char align = 0;
    if (f[i] == '-') {
      align = '<';
      ++i;
    }
    while (i < f.size() && (std::isdigit(static_cast<unsigned char>(f[i])) || f[i] == '.' || f[i] == '+' || f[i] == ' ')) spec += f[i++];
    if (i >= f.size()) raise(kValueError, "incomplete format");
    const char type = f[i];
    if (next >= items.size()) raise(kTypeError, "not enough arguments for format string");
    const Value& v = items[next++];
    if (std::string_view("sdifrxXoeEgGc").find(type) == std::string_view::npos)
      raise(kValueError, fmt::format("unsupported format character '{}'", type));
    std::string full = (align ? std::string(1, align) : std::string()) + spec;
    if (type == 's') {
      out += format_value(Value::str(to_str(v)), full);
    } else if (type == 'r') {
      out += format_value(Value::str(repr(v)), full);
    } else if (type == 'd' || type == 'i') {
      if (v.type() == Type::Float)
        out += format_value(Value::integer(static_cast<std::int64_t>(v.f())), full + "d");
      else if (v.type() == Type::Int || v.type() == Type::Bool)
        out += format_value(v, full + "d");
      else
        raise(kTypeError, fmt::format("%{} format: a real number is required, not {}", type, type_name(v)));
    } else {
      out += format_value(v, full + type);
    }
  }
  if (next < items.size()) raise(kTypeError, "not all arguments converted during string formatting");
  return out;
}

std::string str_format(const std::string& f, std::span<const Value> args,
                       std::span<const Value> kw_values, std::span<const Value> kw_names) {
  std::string out;
  size_t auto_index = 0;
  for (size_t i = 0; i < f.size(); ++i) {
    const char c = f[i];
    if (c == '}') {
      if (i + 1 < f.size() && f[i + 1] == '}') ++i;
      else raise(kValueError, "Single '}' encountered in format string");
      out += '}';
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < f.size() && f[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    const size_t close = f.find('}', i);
    if (close == std::string::npos) raise(kValueError, "Single '{' encountered in format string");
    std::string field = f.substr(i + 1, close - i - 1);
    i = close;
    std::string spec;
    char conversion = 0;
    if (auto colon = field.find(':'); colon != std::string::npos) {
      spec = field.substr(colon + 1);
      field.resize(colon);
    }
    if (auto bang = field.find('!'); bang != std::string::npos) {
      conversion = bang + 1 < field.size() ? field[bang + 1] : 0;
      field.resize(bang);
    }
    const Value* v = nullptr;
    if (field.empty() || std::isdigit(static_cast<unsigned char>(field[0]))) {
      const size_t index = field.empty() ? auto_index++ : std::stoul(field.substr(0, 6));
      if (index >= args.size()) raise(kIndexError, fmt::format("Replacement index {} out of range for positional args tuple", index));
      v = &args[index];
    } else {
      for (size_t k = 0; k < kw_names.size(); ++k)
        if (kw_names[k].as<StrObj>().s == field) v = &kw_values[k];
      if (!v) raise(kKeyError, "'" + field + "'");
    }
    if (conversion == 'r')
      out += format_value(Value::str(repr(*v)), spec);
    else
      out += format_value(*v, spec);
  }
  return out;
}

}  // namespace proclab::lang
