// The state behind parley::Database: the SQLite connection, and the
// Backend over it that reads go through (src/store/access.hpp).
#ifndef PARLEY_SRC_STORE_IMPL_HPP
#define PARLEY_SRC_STORE_IMPL_HPP

#include <filesystem>
#include <memory>

#include <SQLiteCpp/Database.h>

#include "parley/database.hpp"
#include "parley/error.hpp"

#include "store/access.hpp"
#include "store/backend.hpp"
#include "store/dialect.hpp"

namespace parley {

class Database::Impl {
 public:
  Impl(const std::filesystem::path& path, const OpenOptions& options);

  // The write path's connection (until it moves to the Backend too).
  SQLite::Database db;
  // Over `db`; declared after it, so destroyed before it.
  std::unique_ptr<detail::Backend> backend;
  const detail::Dialect& dialect;
};

}  // namespace parley

#endif  // PARLEY_SRC_STORE_IMPL_HPP
