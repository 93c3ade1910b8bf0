#include "store/postgres/open.hpp"

#include "parley/error.hpp"

#include "store/postgres/migrate.hpp"

namespace parley::detail {

std::unique_ptr<PostgresBackend> open_postgres(const std::string& conninfo,
                                               const OpenOptions& options) {
  auto db = std::make_unique<PostgresBackend>(conninfo);
  db->exec("SET jit = off");  // see open.hpp
  db->exec("SET plan_cache_mode = force_generic_plan");
  if (!options.read_only) {
    migrate_postgres(*db);
    return db;
  }
  db->exec("SET default_transaction_read_only = on");
  const int version = postgres_schema_version(*db);
  const int latest = postgres_latest_version();
  const std::string& where = db->connection().display();
  if (version == 0) {
    throw Error(Errc::bad_document, where,
                "not a parley database (no parley_schema; run `parley init` "
                "on it)");
  }
  if (version > latest) {
    throw Error(Errc::unsupported, where,
                "schema version " + std::to_string(version) +
                    " is newer than this library's " + std::to_string(latest) +
                    "; upgrade parley");
  }
  if (version < latest) {
    throw Error(Errc::unsupported, where,
                "schema version " + std::to_string(version) +
                    " is older than this library's " + std::to_string(latest) +
                    " and a read does not migrate it; run `parley migrate DB`");
  }
  return db;
}

}  // namespace parley::detail
