// Streaming import (Database::import_json from a stream, import_file):
// the same result as importing the parsed document, memory that does not
// grow with the document, and errors that name the path and the entry.
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>
#include <streambuf>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/error.hpp"

#include "../bench/generate.hpp"
#include "backends.hpp"
#include "store/sqlite/bulk.hpp"
#include "support.hpp"
#include <sys/resource.h>
#include <sys/wait.h>

namespace {

using nlohmann::json;
using parley::Database;
using parley::Errc;
using parley::test::on_each_backend;
using parley::test::TestDatabase;

// A stream that cannot seek, as standard input from a pipe.
class PipeBuffer : public std::streambuf {
 public:
  explicit PipeBuffer(std::string text) : text_(std::move(text)) {
    setg(text_.data(), text_.data(), text_.data() + text_.size());
  }

 private:
  std::string text_;
};

// The error that importing `in` throws.
parley::Error import_failure(Database& db, std::istream& in) {
  try {
    db.import_json(in);
  } catch (const parley::Error& e) {
    return e;
  }
  FAIL("the import succeeded");
  return parley::Error(Errc::bad_value, "", "");
}

std::string generated(std::size_t events) {
  std::ostringstream out;
  parley::bench::write_document(out, {.events = events});
  return out.str();
}

// The indexes, triggers and tables of the file: their definitions.
std::string schema(const std::filesystem::path& database) {
  SQLite::Database db{database.string(), SQLite::OPEN_READONLY};
  SQLite::Statement s{db,
                      "SELECT type, name, sql FROM sqlite_schema ORDER BY "
                      "type, name"};
  std::string out;
  while (s.executeStep()) {
    out += s.getColumn(0).getString() + " " + s.getColumn(1).getString() +
           ": " + s.getColumn(2).getString() + "\n";
  }
  return out;
}

// Every row of every table, virtual tables read through their module
// rather than as the shadow tables that store them (an index's or a text
// index's pages depend on the order of writes, not on what they hold), in
// sorted order.
std::vector<std::string> rows(const std::filesystem::path& database) {
  SQLite::Database db{database.string(), SQLite::OPEN_READONLY};
  SQLite::Statement tables{
      db,
      "SELECT t.name FROM sqlite_schema t WHERE t.type = 'table' AND NOT "
      "EXISTS (SELECT 1 FROM sqlite_schema v WHERE v.type = 'table' AND "
      "v.sql LIKE 'CREATE VIRTUAL TABLE%' AND t.name LIKE v.name || '\\_%' "
      "ESCAPE '\\')"};
  std::vector<std::string> out;
  while (tables.executeStep()) {
    const std::string table = tables.getColumn(0).getString();
    SQLite::Statement s{db, "SELECT * FROM \"" + table + "\""};
    while (s.executeStep()) {
      std::string row = table;
      for (int i = 0; i < s.getColumnCount(); ++i) {
        row += "|" + s.getColumn(i).getString();
      }
      out.push_back(std::move(row));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("a large import loads in bulk and stores what row by row does" *
          doctest::skip(parley::test::sanitized_build)) {
  // About 9 MB: over BulkLoad::min_bytes and larger than the new file, so
  // import_file loads it in bulk. Through a pipe (size unknown) the same
  // document is written row by row with every index and trigger in place.
  parley::test::TempDir dir;
  const std::string text = generated(32'000);
  REQUIRE(text.size() >= parley::detail::BulkLoad::min_bytes);
  const auto file = dir.path() / "big.json";
  std::ofstream{file, std::ios::binary} << text;
  {
    Database bulk{dir.path() / "bulk.db"};
    bulk.import_file(file);
    Database rows{dir.path() / "rows.db"};
    PipeBuffer buffer{text};
    std::istream in{&buffer};
    rows.import_json(in);
  }
  CHECK(schema(dir.path() / "bulk.db") == schema(dir.path() / "rows.db"));
  const std::vector<std::string> bulk = rows(dir.path() / "bulk.db");
  CHECK(bulk.size() > 32'000 * 3);
  CHECK(bulk == rows(dir.path() / "rows.db"));
  // The text indexes answer alike.
  auto matches = [&](const char* name) {
    Database db{dir.path() / name};
    parley::Query word;
    word.text = "convoy";
    std::size_t n = 0;
    for (const auto& c :
         db.count(word, parley::Period::year, parley::GroupBy::none)) {
      n += c.count;
    }
    return n;
  };
  CHECK(matches("bulk.db") > 1000);
  CHECK(matches("bulk.db") == matches("rows.db"));
}

TEST_CASE(
    "a failed bulk import leaves indexes, triggers and rows as they were") {
  parley::test::TempDir dir;
  std::string text = generated(32'000);
  const std::string time = "\"time\":\"";
  text.insert(text.find(time) + time.size(), "not a date ");
  const auto file = dir.path() / "bad.json";
  std::ofstream{file, std::ios::binary} << text;
  const auto path = dir.path() / "db.db";
  { Database db{path}; }
  const std::string schema_before = schema(path);
  const std::string rows_before = parley::test::dump(path);
  {
    Database db{path};
    CHECK_THROWS_AS(db.import_file(file), parley::Error);
  }
  CHECK(schema(path) == schema_before);
  CHECK(parley::test::dump(path) == rows_before);
}

TEST_CASE(
    "postgres backend: a streamed import stores what importing the parsed "
    "document does") {
  on_each_backend([](Database& streamed, const std::string& backend) {
    streamed.import_file(PARLEY_SOURCE_DIR "/examples/data/astana-2017.json");
    const auto parsed = TestDatabase::open(backend);
    REQUIRE(parsed);
    parsed->db().import_json(parley::test::astana_json());
    CHECK(parley::test::stored_state(streamed) ==
          parley::test::stored_state(parsed->db()));
  });
}

TEST_CASE(
    "postgres backend: an exported history streams back in, header after "
    "the entries") {
  on_each_backend([](Database& db, const std::string& backend) {
    db.import_json(parley::test::astana_json());
    auto syria = *db.place(parley::PlaceId{"place:syria"});
    syria.names["fr"] = "Syrie";
    db.update(syria);
    // Sorted keys: "recorded" and "format" follow "actors" and "events".
    const std::string text = db.export_json({.history = true}).dump();
    REQUIRE(text.find("\"format\"") > text.find("\"events\""));

    const auto copy = TestDatabase::open(backend);
    REQUIRE(copy);
    std::istringstream in{text};
    copy->db().import_json(in);
    CHECK(copy->db().export_json({.history = true}) ==
          db.export_json({.history = true}));
    // Events precede the places they name, yet a search by place name
    // finds them: their search text waited for the places.
    parley::Query by_place;
    by_place.text = "Astana";
    CHECK(!db.query(by_place).events.empty());
    CHECK(copy->db().query(by_place).events.size() ==
          db.query(by_place).events.size());

    // From a stream that cannot seek, the header must come first.
    const auto other = TestDatabase::open(backend);
    REQUIRE(other);
    PipeBuffer pipe{text};
    std::istream piped{&pipe};
    const parley::Error e = import_failure(other->db(), piped);
    CHECK(e.code() == Errc::bad_document);
    CHECK(e.where() == "/format");
    CHECK(other->db().events().empty());
  });
}

TEST_CASE("postgres backend: references point forward across the whole file") {
  // Events first, then the actors and places they name, then a claim on an
  // event that comes later still in its own array.
  json events = json::array();
  events.push_back(
      {{"id", "event:a"},
       {"kind", "meeting"},
       {"title", {{"en", "A"}}},
       {"time", "2020-01-02"},
       {"place", "place:x"},
       {"participants", {{{"actor", "actor:x"}, {"role", "party"}}}}});
  const json doc = {
      {"format", "parley"},
      {"version", 1},
      {"claims",
       {{{"id", "claim:1"},
         {"event", "event:a"},
         {"source", "source:s"},
         {"stance", "asserts"}}}},
      {"events", events},
      {"actors",
       {{{"id", "actor:x"}, {"kind", "state"}, {"names", {{"en", "Xland"}}}}}},
      {"places",
       {{{"id", "place:x"}, {"kind", "city"}, {"names", {{"en", "Xtown"}}}}}},
      {"sources", {{{"id", "source:s"}}}}};
  // Written in this member order, not sorted.
  std::string text = "{\"format\":\"parley\",\"version\":1";
  for (const char* key : {"claims", "events", "actors", "places", "sources"}) {
    text += ",\"" + std::string(key) + "\":" + doc[key].dump();
  }
  text += "}";
  on_each_backend([&](Database& db, const std::string&) {
    std::istringstream in{text};
    db.import_json(in);
    CHECK(db.claims().size() == 1);
    parley::Query q;
    q.text = "Xtown";
    CHECK(db.query(q).events.size() == 1);
  });
}

namespace {

// A fault put into a generated document near its end, and what the import
// must then report.
struct LateFault {
  const char* what;
  std::function<void(std::string& text, std::size_t events)> put;
  std::function<void(const parley::Error& e, const std::string& text,
                     std::size_t events)>
      check;
};

std::vector<LateFault> late_faults() {
  return {
      {"a bad date in the last event",
       [](std::string& text, std::size_t events) {
         const std::string last = parley::bench::generated_event_id(events - 1);
         const auto at = text.find("\"time\":\"", text.find(last)) + 8;
         text.replace(at, 10, "2021-02-30");
       },
       [](const parley::Error& e, const std::string&, std::size_t events) {
         const std::string last = parley::bench::generated_event_id(events - 1);
         CHECK(e.code() == Errc::bad_time);
         CHECK(e.where().starts_with("/events/" + std::to_string(events - 1) +
                                     "/time"));
         CHECK(std::string(e.what()).find("(in " + last + ")") !=
               std::string::npos);
       }},
      {"an unknown field in the last event",
       [](std::string& text, std::size_t) {
         text.insert(text.rfind("{\"id\":\"event:") + 1, "\"population\":1,");
       },
       [](const parley::Error& e, const std::string&, std::size_t events) {
         CHECK(e.code() == Errc::bad_document);
         CHECK(e.where() ==
               "/events/" + std::to_string(events - 1) + "/population");
       }},
      {"a reference that resolves nowhere, found at the end",
       [](std::string& text, std::size_t) {
         text.insert(text.find("actor:", text.find("event:0000007")) + 6,
                     "nobody-");
       },
       [](const parley::Error& e, const std::string&, std::size_t) {
         CHECK(e.code() == Errc::bad_reference);
         CHECK(e.where().starts_with("/events/7/participants/"));
         CHECK(std::string(e.what()).find("(in event:0000007)") !=
               std::string::npos);
       }},
      {"a syntax error near the end",
       [](std::string& text, std::size_t) { text.resize(text.size() - 40); },
       [](const parley::Error& e, const std::string& text, std::size_t) {
         CHECK(e.code() == Errc::bad_document);
         // The error is at the end of the truncated text: its last line.
         const auto lines = std::count(text.begin(), text.end(), '\n') + 1;
         CHECK(e.where().starts_with("line " + std::to_string(lines) +
                                     ", column"));
         const std::string what = e.what();
         CHECK(what.find("(byte ") != std::string::npos);
         CHECK(what.find("expected") != std::string::npos);
         CHECK(what.find("json.exception") == std::string::npos);
       }},
  };
}

}  // namespace

TEST_CASE(
    "postgres backend: a streamed import fails whole, naming the path and "
    "the entry" *
    doctest::skip(parley::test::sanitized_build)) {
  for (const std::string& backend : parley::test::test_backends()) {
    INFO("backend: " << backend);
    const auto test = TestDatabase::open(backend);
    if (!test) continue;
    Database& db = test->db();
    db.import_json(parley::test::astana_json());
    // On SQLite every row of the file, its text indexes' too.
    auto state = [&] {
      return backend == "sqlite" ? parley::test::dump(test->location())
                                 : parley::test::stored_state(db);
    };
    const std::string before = state();
    // On the server, past the first batch of event versions sent in bulk
    // (4,096): the failure must take them back too.
    const std::size_t events = backend == "sqlite" ? 20'000 : 5'000;
    const std::string document = generated(events);
    for (const LateFault& fault : late_faults()) {
      INFO(fault.what);
      std::string text = document;
      fault.put(text, events);
      std::istringstream in{text};
      fault.check(import_failure(db, in), text, events);
      CHECK(state() == before);
    }
  }
}

#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
TEST_CASE("importing 200,000 events keeps memory flat" *
          doctest::skip(parley::test::sanitized_build)) {
  // The document (about 56 MB) parsed whole would take over a gigabyte; a
  // streamed import holds one entry and SQLite's page cache.
  parley::test::TempDir dir;
  const auto json_file = dir.path() / "big.json";
  {
    std::ofstream out{json_file, std::ios::binary};
    parley::bench::write_document(out, {.events = 200'000});
  }
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    try {
      Database db{dir.path() / "big.db"};
      db.import_file(json_file);
      _exit(0);
    } catch (...) {
      _exit(2);
    }
  }
  int status = 0;
  rusage usage{};
  REQUIRE(wait4(child, &status, 0, &usage) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  const long peak_mb = usage.ru_maxrss / 1024;
  INFO("peak RSS " << peak_mb << " MB");
  CHECK(peak_mb < 200);
  Database db{dir.path() / "big.db"};
  CHECK(db.events().size() == 200'000);
}
#endif
