// Internal: PostgreSQL's dialect of the query layer's SQL
// (src/store/dialect.hpp), over schema/postgres/.
#ifndef PARLEY_SRC_STORE_POSTGRES_DIALECT_HPP
#define PARLEY_SRC_STORE_POSTGRES_DIALECT_HPP

#include "store/dialect.hpp"

namespace parley::detail {

// The one PostgreSQL dialect; lives as long as the program.
const Dialect& postgres_dialect() noexcept;

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_POSTGRES_DIALECT_HPP
