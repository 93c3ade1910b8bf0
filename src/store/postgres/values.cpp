#include "store/postgres/values.hpp"

#include <charconv>
#include <cmath>

#include "parley/error.hpp"

namespace parley::detail {
namespace {

std::string double_text(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return std::string(buffer, end);
}

[[noreturn]] void not_a(const char* what, std::string_view text, int column) {
  throw Error(
      Errc::storage, "column " + std::to_string(column),
      "postgres: '" + std::string(text.substr(0, 40)) + "' is not " + what);
}

}  // namespace

std::optional<std::string> pg_text(const Value& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) {
    return std::to_string(*i);
  }
  if (const auto* d = std::get_if<double>(&value)) return double_text(*d);
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  return std::nullopt;
}

unsigned pg_parameter_type(const Value& value) {
  constexpr unsigned int8_oid = 20, float8_oid = 701, unknown_oid = 0;
  if (std::holds_alternative<std::int64_t>(value)) return int8_oid;
  if (std::holds_alternative<double>(value)) return float8_oid;
  return unknown_oid;
}

std::int64_t pg_int64(std::string_view text, int column) {
  if (text == "t") return 1;
  if (text == "f") return 0;
  std::int64_t out = 0;
  const auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), out);
  if (error != std::errc{} || end != text.data() + text.size()) {
    not_a("an integer", text, column);
  }
  return out;
}

double pg_real(std::string_view text, int column) {
  double out = 0;
  const auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), out);
  if (error != std::errc{} || end != text.data() + text.size()) {
    not_a("a number", text, column);
  }
  return out;
}

void append_copy_field(std::string& out, const Value& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) {
    char buffer[24];
    out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, *i).ptr);
    return;
  }
  if (const auto* d = std::get_if<double>(&value)) {
    out += double_text(*d);
    return;
  }
  const auto* text = std::get_if<std::string>(&value);
  if (!text) {
    out += "\\N";
    return;
  }
  // Runs without special characters are appended whole.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text->size(); ++i) {
    const char c = (*text)[i];
    const char* escaped = c == '\\'   ? "\\\\"
                          : c == '\t' ? "\\t"
                          : c == '\n' ? "\\n"
                          : c == '\r' ? "\\r"
                                      : nullptr;
    if (!escaped) continue;
    out.append(*text, run, i - run);
    out += escaped;
    run = i + 1;
  }
  out.append(*text, run);
}

std::string array_literal(const std::vector<std::string>& values) {
  std::string out = "{";
  for (const std::string& value : values) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : value) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + '}';
}

}  // namespace parley::detail
