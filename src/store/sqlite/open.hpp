// Internal: opening a parley SQLite file as Database does.
#ifndef PARLEY_SRC_STORE_SQLITE_OPEN_HPP
#define PARLEY_SRC_STORE_SQLITE_OPEN_HPP

#include <filesystem>
#include <memory>

#include "parley/database.hpp"

#include "store/sqlite/backend.hpp"

namespace parley::detail {

// A backend over the file at `path` (or ":memory:"), checked as a parley
// file before anything is written. Read-only (options.read_only): opened
// with mode=ro, or immutable=1 when the WAL index cannot be created beside
// the file (a read-only directory or medium), and refused unless at the
// latest schema. Read-write: created when options.create, WAL journal,
// migrated to the latest schema. Either way foreign keys are enforced and
// up to 1 GiB is memory-mapped. Throws Error (bad_document, unsupported:
// see check_parley_file) or SQLite's exception.
std::unique_ptr<SqliteBackend> open_sqlite(const std::filesystem::path& path,
                                           const OpenOptions& options);

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_SQLITE_OPEN_HPP
