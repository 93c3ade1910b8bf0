#include "support.hpp"

#include <fstream>
#include <random>
#include <utility>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace parley::test {

nlohmann::json astana_json() {
  std::ifstream in{std::string(PARLEY_SOURCE_DIR) +
                   "/examples/data/astana-2017.json"};
  return nlohmann::json::parse(in);
}

parley::Database& astana_db() {
  static parley::Database db = [] {
    parley::Database d{":memory:"};
    d.import_json(astana_json());
    return d;
  }();
  return db;
}

parley::Event make_event(const std::string& id, const std::string& time,
                         const std::string& title, parley::Payload payload) {
  parley::Event e;
  e.id = parley::EventId{id};
  e.title = {{"en", title.empty() ? id : title}};
  e.time = parley::Edtf::parse(time);
  e.payload = std::move(payload);
  return e;
}

TempDir::TempDir() {
  std::random_device seed;
  path_ = std::filesystem::temp_directory_path() /
          ("parley-test-" + std::to_string(seed()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string dump(const std::filesystem::path& database) {
  SQLite::Database db{database.string(), SQLite::OPEN_READONLY};
  std::string out =
      "user_version=" + db.execAndGet("PRAGMA user_version").getString() + "\n";
  SQLite::Statement tables{db,
                           "SELECT name FROM sqlite_schema WHERE type = "
                           "'table' ORDER BY name"};
  while (tables.executeStep()) {
    const std::string table = tables.getColumn(0).getString();
    SQLite::Statement rows{db, "SELECT * FROM \"" + table + "\""};
    while (rows.executeStep()) {
      out += table;
      for (int i = 0; i < rows.getColumnCount(); ++i) {
        out += "|" + rows.getColumn(i).getString();
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace parley::test
