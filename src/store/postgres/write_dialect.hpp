// Internal: PostgreSQL's side of the write path (src/store/write_dialect.hpp),
// over schema/postgres/.
#ifndef PARLEY_SRC_STORE_POSTGRES_WRITE_DIALECT_HPP
#define PARLEY_SRC_STORE_POSTGRES_WRITE_DIALECT_HPP

#include "store/write_dialect.hpp"

namespace parley::detail {

// The one PostgreSQL write dialect; lives as long as the program. Its
// functions take a Backend that is a PostgresBackend.
const WriteDialect& postgres_write_dialect() noexcept;

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_POSTGRES_WRITE_DIALECT_HPP
