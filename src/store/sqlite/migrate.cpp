// Applying the SQLite migrations (src/store/sqlite/migrate.hpp).
#include "store/sqlite/migrate.hpp"

#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include "parley/error.hpp"

#include "store/migrations.hpp"
#include "store/searchable.hpp"

namespace parley::detail {
namespace {

// "PRLY": marks the file as parley's (PRAGMA application_id).
constexpr int application_id = 0x50524c59;

int pragma_int(SQLite::Database& db, const char* pragma) {
  return db.execAndGet(std::string("PRAGMA ") + pragma).getInt();
}

[[noreturn]] void refuse(SQLite::Database& db, Errc code,
                         const std::string& why) {
  throw Error(code, db.getFilename(), why);
}

// parley_searchable(text): searchable(text), for migrations that rebuild
// the text indexes (schema/007_stemming.sql); NULL for NULL.
void searchable_function(sqlite3_context* context, int, sqlite3_value** args) {
  const unsigned char* text = sqlite3_value_text(args[0]);
  if (!text) {
    sqlite3_result_null(context);
    return;
  }
  const std::string body = searchable(
      std::string_view(reinterpret_cast<const char*>(text),
                       static_cast<std::size_t>(sqlite3_value_bytes(args[0]))));
  sqlite3_result_text(context, body.data(), static_cast<int>(body.size()),
                      SQLITE_TRANSIENT);
}

}  // namespace

int check_parley_file(SQLite::Database& db, FileUse use) {
  const int latest = migrations().back().number;
  const int version = pragma_int(db, "user_version");
  const int app = pragma_int(db, "application_id");
  if (app != 0 && app != application_id) {
    refuse(
        db, Errc::bad_document,
        "not a parley database (application_id " + std::to_string(app) + ")");
  }
  if (app == 0) {
    if (db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0) {
      refuse(db, Errc::bad_document,
             "not a parley database (it holds other tables)");
    }
    if (use == FileUse::read) {
      refuse(db, Errc::bad_document,
             "not a parley database (an empty file; run `parley init` on "
             "it)");
    }
    return 0;
  }
  if (version > latest) {
    refuse(db, Errc::unsupported,
           "schema version " + std::to_string(version) +
               " is newer than this library's " + std::to_string(latest) +
               "; upgrade parley");
  }
  if (version < latest && use == FileUse::read) {
    refuse(db, Errc::unsupported,
           "schema version " + std::to_string(version) +
               " is older than this library's " + std::to_string(latest) +
               " and a read does not migrate it; run `parley migrate DB`");
  }
  return version;
}

void migrate(SQLite::Database& db) {
  const int version = check_parley_file(db, FileUse::write);
  if (version < migrations().back().number) {
    db.createFunction("parley_searchable", 1, true, nullptr,
                      searchable_function);
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
