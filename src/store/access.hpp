// Internal: what src/ code outside Database's members reads of a Database
// (the query layer, make_timeline, reports, tests), with no SQLite type:
// its Backend and Dialects, and the shared helpers of reads. Not part of
// the public API.
#ifndef PARLEY_SRC_STORE_ACCESS_HPP
#define PARLEY_SRC_STORE_ACCESS_HPP

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/database.hpp"
#include "parley/error.hpp"

#include "store/backend.hpp"
#include "store/dialect.hpp"
#include "store/write_dialect.hpp"

namespace SQLite {
class Database;
}

namespace parley::detail {

// What a read talks to: a connection and the SQL dialect of its server.
struct Store {
  Backend& backend;
  const Dialect& dialect;
};

// The state of a Database (src/store/database.cpp).
struct DatabaseAccess {
  static Backend& backend(const Database& db);
  static const Dialect& dialect(const Database& db);
  static const WriteDialect& writes(const Database& db);
  static Store store(const Database& db);
  // The SQLite connection, for tests that inspect SQLite itself (plans,
  // statement counts). Throws Error(unsupported) on another server.
  static SQLite::Database& connection(const Database& db);
};

// Runs `body`, translating SQLite's and other libraries' exceptions into
// parley::Error (Errc::bad_value for a constraint, else Errc::storage;
// rethrow_sqlite is in src/store/sqlite/backend.cpp).
template <class F>
decltype(auto) guard(F&& body);

[[noreturn]] void rethrow_sqlite(const std::exception& e);

template <class F>
decltype(auto) guard(F&& body) {
  try {
    return body();
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    rethrow_sqlite(e);
  }
}

// Microseconds since the epoch, as stored in recorded_from/recorded_to.
inline std::int64_t to_stored(RecordTime t) {
  return t.time_since_epoch().count();
}
inline RecordTime from_stored(std::int64_t us) {
  return RecordTime{std::chrono::microseconds{us}};
}

// "the version `alias` (a table alias, or empty for an unqualified table)
// is visible at `as_of`": the current version without one. Appends its
// parameters (none, or the record time twice) to `params`.
inline std::string visible(std::string_view alias,
                           const std::optional<RecordTime>& as_of,
                           std::vector<Value>& params) {
  const std::string a = alias.empty() ? "" : std::string(alias) + ".";
  if (!as_of) return a + "recorded_to IS NULL";
  params.emplace_back(to_stored(*as_of));
  params.emplace_back(to_stored(*as_of));
  return a + "recorded_from <= ? AND (" + a + "recorded_to IS NULL OR " + a +
         "recorded_to > ?)";
}

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_ACCESS_HPP
