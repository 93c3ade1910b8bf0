// Internal: opening a parley database on a PostgreSQL server as Database
// does.
#ifndef PARLEY_SRC_STORE_POSTGRES_OPEN_HPP
#define PARLEY_SRC_STORE_POSTGRES_OPEN_HPP

#include <memory>
#include <string>

#include "parley/database.hpp"

#include "store/postgres/backend.hpp"

namespace parley::detail {

// A backend connected to `conninfo` (a URI or key=value pairs). Read-write:
// migrated to the latest format (migrate_postgres: an empty database
// becomes parley's). Read-only (options.read_only): every transaction is
// read-only (default_transaction_read_only) and nothing is migrated; a
// database without parley's format is refused (bad_document), an older or
// newer format too (unsupported; "run `parley migrate`" for an older one),
// as for an SQLite file. options.create is not needed: a server database
// exists before parley connects. The session runs without JIT (jit = off):
// the planner's estimates for the many yearly partitions, most of them
// empty or not yet analysed, pass jit_above_cost on small databases, and
// compiling a plan then took seconds (4 s for the history export of the
// 26-event example) where running it takes milliseconds; parley's
// statements read pages and counts, not the long scans JIT pays off on.
// Prepared statements keep one generic plan (plan_cache_mode =
// force_generic_plan): a custom plan per execution prunes the yearly
// partitions at planning time, and planning them cost more than running
// the statement (14.9 ms against 0.42 ms for the writer's lookup of an
// event by id at 100,000 events); a generic plan prunes the partitions
// when it starts, from the parameters.
// Errors: as PostgresBackend's constructor
// and migrate_postgres; where() is the connection string without its
// password.
std::unique_ptr<PostgresBackend> open_postgres(const std::string& conninfo,
                                               const OpenOptions& options);

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_POSTGRES_OPEN_HPP
