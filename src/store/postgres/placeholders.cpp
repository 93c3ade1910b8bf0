#include "store/postgres/placeholders.hpp"

#include <algorithm>
#include <cctype>

namespace parley::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The end (one past the closing quote) of the literal or quoted identifier
// opening at `at` with `quote`; a doubled quote stays inside, and so does
// an escaped character when `backslashes` (E'…').
std::size_t quoted_end(std::string_view sql, std::size_t at, char quote,
                       bool backslashes) {
  for (std::size_t i = at + 1; i < sql.size(); ++i) {
    if (backslashes && sql[i] == '\\') {
      ++i;
    } else if (sql[i] == quote) {
      if (i + 1 < sql.size() && sql[i + 1] == quote) {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return sql.size();
}

// The end of the /* … */ comment opening at `at` (they nest).
std::size_t block_comment_end(std::string_view sql, std::size_t at) {
  int depth = 0;
  for (std::size_t i = at; i + 1 < sql.size(); ++i) {
    if (sql[i] == '/' && sql[i + 1] == '*') {
      ++depth;
      ++i;
    } else if (sql[i] == '*' && sql[i + 1] == '/') {
      ++i;
      if (--depth == 0) return i + 1;
    }
  }
  return sql.size();
}

// The end of the dollar-quoted string opening at `at`, or `at` when the `$`
// there opens none ($1, or a `$` inside a name).
std::size_t dollar_quote_end(std::string_view sql, std::size_t at) {
  if (at > 0 && is_identifier_char(sql[at - 1])) return at;
  std::size_t tag_end = at + 1;
  while (tag_end < sql.size() && sql[tag_end] != '$' &&
         is_identifier_char(sql[tag_end])) {
    ++tag_end;
  }
  if (tag_end >= sql.size() || sql[tag_end] != '$') return at;
  if (tag_end > at + 1 && is_digit(sql[at + 1])) return at;
  const std::string_view tag = sql.substr(at, tag_end - at + 1);
  const std::size_t close = sql.find(tag, tag_end + 1);
  return close == std::string_view::npos ? sql.size() : close + tag.size();
}

// The end of whatever text at `at` is copied verbatim (a literal, a quoted
// identifier, a comment, a dollar-quoted string), or `at` for none.
std::size_t verbatim_end(std::string_view sql, std::size_t at) {
  const char c = sql[at];
  const char next = at + 1 < sql.size() ? sql[at + 1] : '\0';
  const bool word_before = at > 0 && is_identifier_char(sql[at - 1]);
  if (c == '\'') {
    const bool escapes = at > 0 && (sql[at - 1] == 'E' || sql[at - 1] == 'e') &&
                         !(at > 1 && is_identifier_char(sql[at - 2]));
    return quoted_end(sql, at, '\'', escapes);
  }
  if (c == '"') return quoted_end(sql, at, '"', false);
  if (c == '-' && next == '-') {
    const std::size_t eol = sql.find('\n', at);
    return eol == std::string_view::npos ? sql.size() : eol + 1;
  }
  if (c == '/' && next == '*') return block_comment_end(sql, at);
  if (c == '$' && !word_before) return dollar_quote_end(sql, at);
  return at;
}

}  // namespace

NumberedSql number_placeholders(std::string_view sql) {
  NumberedSql out;
  out.sql.reserve(sql.size() + 16);
  std::size_t at = 0;
  while (at < sql.size()) {
    const std::size_t end = verbatim_end(sql, at);
    if (end > at) {
      out.sql.append(sql.substr(at, end - at));
      at = end;
      continue;
    }
    const char c = sql[at];
    const bool numbered = at + 1 < sql.size() && is_digit(sql[at + 1]) &&
                          !(at > 0 && is_identifier_char(sql[at - 1]));
    if (c == '?' || (c == '$' && numbered)) {
      std::size_t digits = at + 1;
      int number = 0;
      while (digits < sql.size() && is_digit(sql[digits])) {
        number = number * 10 + (sql[digits++] - '0');
      }
      if (digits == at + 1) number = out.parameters + 1;
      out.parameters = std::max(out.parameters, number);
      out.sql += '$';
      out.sql += std::to_string(number);
      at = digits;
      continue;
    }
    out.sql += c;
    ++at;
  }
  return out;
}

}  // namespace parley::detail
