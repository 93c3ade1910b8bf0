// Internal: SQLite's dialect of the query layer's SQL (src/store/dialect.hpp).
#ifndef PARLEY_SRC_STORE_SQLITE_DIALECT_HPP
#define PARLEY_SRC_STORE_SQLITE_DIALECT_HPP

#include "store/dialect.hpp"

namespace parley::detail {

// The one SQLite dialect; lives as long as the program.
const Dialect& sqlite_dialect() noexcept;

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_SQLITE_DIALECT_HPP
