// Internal: SQLite's side of the write path (src/store/write_dialect.hpp).
#ifndef PARLEY_SRC_STORE_SQLITE_WRITE_DIALECT_HPP
#define PARLEY_SRC_STORE_SQLITE_WRITE_DIALECT_HPP

#include "store/write_dialect.hpp"

namespace parley::detail {

// The one SQLite write dialect; lives as long as the program. Its
// functions take a Backend that is a SqliteBackend (others: Error storage).
const WriteDialect& sqlite_write_dialect() noexcept;

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_SQLITE_WRITE_DIALECT_HPP
