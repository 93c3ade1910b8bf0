// Internal: the PostgreSQL storage format's migrations (schema/postgres/),
// embedded at build time, and the runner that applies them.
#ifndef PARLEY_SRC_STORE_POSTGRES_MIGRATE_HPP
#define PARLEY_SRC_STORE_POSTGRES_MIGRATE_HPP

#include <vector>

#include "store/migrations.hpp"

namespace parley::detail {

class PostgresBackend;

// schema/postgres/*.sql in name order: the numbered migrations (number =
// the storage format each produces; each file is one transaction, BEGIN to
// COMMIT, and refuses a database not at the format before it), and
// citus.sql with number 0. Generated (cmake/embed_migrations.cmake).
const std::vector<Migration>& postgres_migrations();

// The highest storage format the migrations produce.
int postgres_latest_version();

// The database's storage format: the highest version in parley_schema, 0
// when it has no parley_schema table. Reads the catalog and that table.
int postgres_schema_version(PostgresBackend& db);

// Brings the database to postgres_latest_version(): from nothing (an empty
// database) or from a lower format, one transaction per migration, then
// runs citus.sql (it acts only where the citus extension is installed).
// A failed migration leaves the database at the format before it. Other
// connections migrating at the same time wait (an advisory lock).
// Throws Error: unsupported when the database's format is newer than this
// library's (nothing is changed); bad_document when it has no parley format
// but holds other tables; storage when a transaction is open on `db` or a
// migration fails.
void migrate_postgres(PostgresBackend& db);

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_POSTGRES_MIGRATE_HPP
