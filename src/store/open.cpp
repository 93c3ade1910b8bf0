#include "store/open.hpp"

#include "parley/error.hpp"

#include "store/location.hpp"
#include "store/sqlite/dialect.hpp"
#include "store/sqlite/open.hpp"
#include "store/sqlite/write_dialect.hpp"
#ifdef PARLEY_HAS_POSTGRES
#include "store/postgres/dialect.hpp"
#include "store/postgres/open.hpp"
#include "store/postgres/write_dialect.hpp"
#endif

namespace parley::detail {

OpenedStore open_store(const std::string& location,
                       const OpenOptions& options) {
  if (is_postgres_location(location)) {
#ifdef PARLEY_HAS_POSTGRES
    return {open_postgres(location, options), postgres_dialect(),
            postgres_write_dialect()};
#else
    throw Error(Errc::unsupported, "",
                "this parley was built without the PostgreSQL backend "
                "(libpq not found, or the CMake option PARLEY_POSTGRES=OFF)");
#endif
  }
  return {open_sqlite(location, options), sqlite_dialect(),
          sqlite_write_dialect()};
}

}  // namespace parley::detail
