// The state behind parley::Database: the connection to its server and
// that server's SQL dialects, for reads (src/store/access.hpp) and writes.
#ifndef PARLEY_SRC_STORE_IMPL_HPP
#define PARLEY_SRC_STORE_IMPL_HPP

#include <memory>
#include <string>

#include "parley/database.hpp"
#include "parley/error.hpp"

#include "store/access.hpp"
#include "store/backend.hpp"
#include "store/dialect.hpp"
#include "store/open.hpp"
#include "store/write_dialect.hpp"

namespace parley {

class Database::Impl {
 public:
  // A SQLite file, or a PostgreSQL server when
  // detail::is_postgres_location(location).
  Impl(const std::string& location, const OpenOptions& options);
  explicit Impl(detail::OpenedStore&& opened);

  std::unique_ptr<detail::Backend> backend;
  const detail::Dialect& dialect;
  const detail::WriteDialect& writes;
};

}  // namespace parley

#endif  // PARLEY_SRC_STORE_IMPL_HPP
