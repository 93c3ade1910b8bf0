// parley/limits.hpp — how large a document parley accepts.
//
// A hostile or broken file must not exhaust memory or the stack: a reader
// checks each document's size before reading it, and each string and
// nesting level as it reads. The defaults are far above real data and can
// be raised: the UCDP GED Syria 2016-2019 extract (16,566 events, 10.8 MB as
// CSV) has no field over 5.2 KB, and parley documents nest 5 levels deep;
// at that density the whole global GED (about 25 times larger) stays well
// under 1 GiB.
//
//   parley::Limits limits;
//   limits.max_string_bytes = 16 << 20;
//   parley::check_string_size(text.size(), limits, "/events/3/title/en");
//
// `parley import` takes them as --max-document-bytes, --max-string-bytes
// and --max-depth.
#ifndef PARLEY_LIMITS_HPP
#define PARLEY_LIMITS_HPP

#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace parley {

struct Limits {
  // The largest document, in bytes. Default: 1 GiB.
  std::uint64_t max_document_bytes = std::uint64_t{1} << 30;
  // The longest string or object key, in bytes. Default: 1 MiB.
  std::size_t max_string_bytes = std::size_t{1} << 20;
  // The deepest nesting of arrays and objects (the top level is 1).
  // Default: 64.
  std::size_t max_depth = 64;
};

// Each check throws Error (bad_document) at `where`, naming the value, the
// limit and the Limits field that raises it, when the value is over it.
void check_document_size(std::uint64_t bytes, const Limits& limits,
                         const std::string& where);
void check_string_size(std::size_t bytes, const Limits& limits,
                       const std::string& where);
// As check_string_size for a string whose end has not been read yet:
// `bytes_read` of it are, and the message says it is longer than the limit
// (a streaming reader stops there rather than hold the whole string).
void check_string_prefix(std::size_t bytes_read, const Limits& limits,
                         const std::string& where);
void check_depth(std::size_t depth, const Limits& limits,
                 const std::string& where);

// Checks every string, key and nesting level of a parsed document, naming
// the JSON path of the first one over a limit. Reads the whole document;
// no recursion deeper than max_depth + 1.
void check_limits(const nlohmann::json& document, const Limits& limits);

}  // namespace parley

#endif  // PARLEY_LIMITS_HPP
