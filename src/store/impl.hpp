// The state behind parley::Database: the SQLite connection.
#ifndef PARLEY_SRC_STORE_IMPL_HPP
#define PARLEY_SRC_STORE_IMPL_HPP

#include <filesystem>

#include <SQLiteCpp/Database.h>

#include "parley/database.hpp"
#include "parley/error.hpp"

namespace parley {

class Database::Impl {
 public:
  Impl(const std::filesystem::path& path, const OpenOptions& options);

  SQLite::Database db;
};

namespace detail {

// The connection of a Database, for src/ code outside its members
// (make_timeline) and for tests (statement counts, query plans). Not part
// of the public API.
struct DatabaseAccess {
  static SQLite::Database& connection(const Database& db) {
    return db.impl_->db;
  }
};

// Runs `body`, translating SQLite's exceptions into parley::Error.
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

}  // namespace detail
}  // namespace parley

#endif  // PARLEY_SRC_STORE_IMPL_HPP
