// Internal: parley::detail::Value in PostgreSQL's text format, both ways.
// Parameters and COPY rows are sent as text, and columns come back as
// text: one conversion for each direction, here.
#ifndef PARLEY_SRC_STORE_POSTGRES_VALUES_HPP
#define PARLEY_SRC_STORE_POSTGRES_VALUES_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/backend.hpp"

namespace parley::detail {

// The text form of `value`: decimal for an int64; the shortest text that
// reads back as the same double (Infinity, -Infinity, NaN as the server
// writes them); the string itself; nullopt for NULL (monostate).
std::optional<std::string> pg_text(const Value& value);

// The type a parameter is declared with when a statement is prepared:
// int8 (20) for an int64, float8 (701) for a double, and 0 ("unknown":
// the server infers it from where the parameter stands, as SQLite's
// dynamic typing would read it) for a string or NULL.
unsigned pg_parameter_type(const Value& value);

// A column's text read as an int64; a boolean ("t", "f") reads as 1 or 0,
// as SQLite stores them. Throws Error(storage), naming `column`, for any
// other text.
std::int64_t pg_int64(std::string_view text, int column);

// A column's text read as a double (Infinity, -Infinity, NaN included).
// Throws Error(storage), naming `column`, when it is not a number.
double pg_real(std::string_view text, int column);

// Appends `value` to `out` as one field of COPY's text format: backslash,
// tab, newline and carriage return escaped, NULL as \N.
void append_copy_field(std::string& out, const Value& value);

// An array literal of `values` (text[], or bigint[] of decimal texts),
// every element double-quoted (so a value "NULL", "", "{}" or "a,b" is
// that text, never NULL or two elements), with '"' and '\' escaped by '\'
// as array_in reads them. Any UTF-8 passes.
std::string array_literal(const std::vector<std::string>& values);

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_POSTGRES_VALUES_HPP
