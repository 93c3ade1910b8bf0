// Internal: opening what a Database's location names — a SQLite file or a
// PostgreSQL server (store/location.hpp decides which) — with the dialects
// of its server.
#ifndef PARLEY_SRC_STORE_OPEN_HPP
#define PARLEY_SRC_STORE_OPEN_HPP

#include <memory>
#include <string>

#include "parley/database.hpp"

#include "store/backend.hpp"
#include "store/dialect.hpp"
#include "store/write_dialect.hpp"

namespace parley::detail {

struct OpenedStore {
  std::unique_ptr<Backend> backend;
  const Dialect& dialect;
  const WriteDialect& writes;
};

// Opens `location` as Database's constructor says: checked as parley's,
// migrated when opened for writing, refused when read-only and older than
// this library. A PostgreSQL location in a build without the PostgreSQL
// backend is refused with Error(unsupported). Other errors as the
// server's open says (src/store/sqlite/open.hpp, postgres/open.hpp).
OpenedStore open_store(const std::string& location, const OpenOptions& options);

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_OPEN_HPP
