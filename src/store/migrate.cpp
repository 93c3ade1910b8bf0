#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "parley/error.hpp"

#include "store/migrations.hpp"

namespace parley::detail {
namespace {

// "PRLY": marks the file as parley's (PRAGMA application_id).
constexpr int application_id = 0x50524c59;

int pragma_int(SQLite::Database& db, const char* pragma) {
  return db.execAndGet(std::string("PRAGMA ") + pragma).getInt();
}

}  // namespace

void migrate(SQLite::Database& db) {
  const int latest = migrations().back().number;
  int version = pragma_int(db, "user_version");
  int app = pragma_int(db, "application_id");
  if (app != 0 && app != application_id) {
    throw Error(
        Errc::storage, db.getFilename(),
        "not a parley database (application_id " + std::to_string(app) + ")");
  }
  if (version == 0 && app == 0 &&
      db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0) {
    throw Error(Errc::storage, db.getFilename(),
                "not a parley database (it holds other tables)");
  }
  if (version > latest) {
    throw Error(Errc::storage, db.getFilename(),
                "schema version " + std::to_string(version) +
                    " is newer than this library's " + std::to_string(latest) +
                    "; upgrade parley");
  }
  for (const Migration& m : migrations()) {
    if (m.number <= version) continue;
    SQLite::Transaction tx{db};
    db.exec(m.sql);
    db.exec("PRAGMA user_version = " + std::to_string(m.number));
    db.exec("PRAGMA application_id = " + std::to_string(application_id));
    tx.commit();
  }
}

}  // namespace parley::detail
