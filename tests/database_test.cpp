// parley/database.hpp: opening, migrations, versions, as-of reads, and the
// guarantee that a failed write changes nothing.
#include "parley/database.hpp"

#include <type_traits>

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/error.hpp"

#include "backends.hpp"
#include "support.hpp"

namespace {

using parley::ActorId;
using parley::Database;
using parley::Errc;
using parley::Error;

static_assert(!std::is_copy_constructible_v<Database>);
static_assert(!std::is_copy_assignable_v<Database>);
static_assert(std::is_nothrow_move_constructible_v<Database>);
static_assert(std::is_nothrow_move_assignable_v<Database>);

parley::RecordTime at(const char* text) {
  return parley::parse_record_time(text);
}

parley::Actor person(const char* id, const char* name) {
  parley::Actor a;
  a.id = ActorId{id};
  a.kind = parley::ActorKind::person;
  a.names = {{"en", name}};
  return a;
}

parley::Event statement(const char* id, const char* time) {
  parley::Event e;
  e.id = parley::EventId{id};
  e.title = {{"en", "A statement"}};
  e.time = parley::Edtf::parse(time);
  e.payload = parley::Statement{};
  return e;
}

// Runs `write`, which must throw parley::Error with `code`, and returns the
// error's place.
template <class F>
std::string failure(F&& write, Errc code) {
  try {
    write();
  } catch (const Error& e) {
    CHECK_MESSAGE(e.code() == code, e.what());
    return e.where();
  }
  FAIL("no error was thrown");
  return "";
}

}  // namespace

TEST_CASE("a new database has the latest schema, and reopening keeps it") {
  parley::test::TempDir dir;
  const auto file = dir.path() / "t.db";
  {
    Database db{file};
    CHECK(db.schema_version() == Database::latest_schema_version());
    db.add(person("actor:a", "A"));
  }
  Database db{file};
  CHECK(db.schema_version() == Database::latest_schema_version());
  REQUIRE(db.actor(ActorId{"actor:a"}));
  CHECK(db.actor(ActorId{"actor:a"})->names.at("en") == "A");
}

TEST_CASE("a file that is not a parley database is refused") {
  parley::test::TempDir dir;
  const auto file = dir.path() / "other.db";
  {
    SQLite::Database other{file.string(),
                           SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
    other.exec("CREATE TABLE t (x INTEGER)");
  }
  CHECK(failure([&] { Database db{file}; }, Errc::bad_document) ==
        file.string());
}

TEST_CASE("a database newer than the library is refused") {
  parley::test::TempDir dir;
  const auto file = dir.path() / "newer.db";
  { Database db{file}; }
  {
    SQLite::Database raw{file.string(), SQLite::OPEN_READWRITE};
    raw.exec("PRAGMA user_version = 999");
  }
  failure([&] { Database db{file}; }, Errc::unsupported);
}

TEST_CASE("opening a missing file without create fails") {
  parley::test::TempDir dir;
  failure(
      [&] {
        Database db{dir.path() / "missing.db", parley::OpenOptions{false}};
      },
      Errc::storage);
}

TEST_CASE("postgres backend: add, read back, and refuse a duplicate id") {
  parley::test::on_each_backend([&](Database& db, const std::string&) {
    db.add(person("actor:a", "A"));
    CHECK(db.actor(ActorId{"actor:a"}) == person("actor:a", "A"));
    CHECK_FALSE(db.actor(ActorId{"actor:missing"}));
    CHECK(failure([&] { db.add(person("actor:a", "B")); }, Errc::conflict) ==
          "actor");
    CHECK(db.actor(ActorId{"actor:a"})->names.at("en") == "A");
  });
}

TEST_CASE(
    "postgres backend: update keeps the old version, readable as of its record "
    "time") {
  parley::test::on_each_backend([&](Database& db, const std::string&) {
    db.add(person("actor:a", "Old"), {at("2017-02-16T00:00:00Z")});
    db.update(person("actor:a", "New"), {at("2017-02-20T00:00:00Z")});

    CHECK(db.actor(ActorId{"actor:a"})->names.at("en") == "New");
    auto before = db.actor(ActorId{"actor:a"}, {at("2017-02-18T00:00:00Z")});
    REQUIRE(before);
    CHECK(before->names.at("en") == "Old");
    CHECK_FALSE(db.actor(ActorId{"actor:a"}, {at("2017-02-15T00:00:00Z")}));
    CHECK(db.actors().size() == 1);

    auto history = db.export_document({.history = true});
    REQUIRE(history.actors.size() == 2);
    CHECK(history.actors[0].value.names.at("en") == "Old");
    CHECK(history.actors[1].value.names.at("en") == "New");
  });
}

TEST_CASE(
    "postgres backend: update of a missing id and an out-of-order record time "
    "fail") {
  parley::test::on_each_backend([&](Database& db, const std::string&) {
    failure([&] { db.update(person("actor:x", "X")); }, Errc::bad_reference);
    db.add(person("actor:a", "A"), {at("2017-02-16T00:00:00Z")});
    failure(
        [&] {
          db.update(person("actor:a", "B"), {at("2017-02-01T00:00:00Z")});
        },
        Errc::conflict);
    CHECK(db.actor(ActorId{"actor:a"})->names.at("en") == "A");
  });
}

TEST_CASE(
    "postgres backend: remove closes the entity, it stays readable as of "
    "before") {
  parley::test::on_each_backend([&](Database& db, const std::string&) {
    db.add(person("actor:a", "A"), {at("2017-02-16T00:00:00Z")});
    db.remove(ActorId{"actor:a"}, {at("2017-02-17T00:00:00Z")});
    CHECK_FALSE(db.actor(ActorId{"actor:a"}));
    CHECK(db.actor(ActorId{"actor:a"}, {at("2017-02-16T12:00:00Z")}));
    failure([&] { db.remove(ActorId{"actor:a"}); }, Errc::bad_reference);
  });
}

TEST_CASE(
    "postgres backend: an entity still named by another cannot be removed") {
  parley::test::on_each_backend([&](Database& db, const std::string&) {
    db.add(person("actor:a", "A"));
    auto e = statement("event:s", "2017-02-16");
    e.participants.push_back({ActorId{"actor:a"}, parley::Role::speaker});
    db.add(e);
    CHECK(failure([&] { db.remove(ActorId{"actor:a"}); },
                  Errc::bad_reference) == "actor");
    CHECK(db.actor(ActorId{"actor:a"}));
  });
}

// Each failing write, on one copy of the example data per backend: each
// must leave every row as it was.
TEST_CASE(
    "postgres backend: bad input names the field and leaves the database "
    "unchanged") {
  parley::test::on_each_astana_copy([](Database& db, const std::string&) {
    const std::string before = parley::test::stored_state(db);
    const auto unchanged = [&] {
      CHECK(parley::test::stored_state(db) == before);
    };

    {
      INFO("an unknown actor id");
      auto e = statement("event:new", "2017-02-17");
      e.participants.push_back({ActorId{"actor:russia"}, parley::Role::party});
      e.participants.push_back({ActorId{"actor:nobody"}, parley::Role::party});
      CHECK(failure([&] { db.add(e); }, Errc::bad_reference) ==
            "event/participants/1/actor");
      unchanged();
    }
    {
      INFO("an unknown place in an update of an existing event");
      auto e = *db.event(parley::EventId{"event:astana-2"});
      e.place = parley::PlaceId{"place:atlantis"};
      CHECK(failure([&] { db.update(e); }, Errc::bad_reference) ==
            "event/place");
      unchanged();
    }
    {
      INFO("an event without a time");
      auto e = statement("event:new", "2017-02-17");
      e.time = parley::Edtf{};
      CHECK(failure([&] { db.add(e); }, Errc::bad_value) == "event/time");
      unchanged();
    }
    {
      INFO("an end before its start");
      auto doc = parley::test::astana_json();
      doc["events"][3]["time"] = "2017-02-16/2017-02-15";
      CHECK(failure([&] { db.import_json(doc); }, Errc::bad_time)
                .starts_with("/events/3/time"));
      unchanged();
    }
    {
      INFO("a malformed date, after valid entries of the same document");
      auto doc = parley::test::astana_json();
      doc["actors"].push_back(
          {{"id", "actor:new"}, {"kind", "person"}, {"names", {{"en", "N"}}}});
      doc["events"][5]["planned"] = "2017-02-30";
      CHECK(failure([&] { db.import_json(doc); }, Errc::bad_time)
                .starts_with("/events/5/planned"));
      unchanged();
    }
    {
      INFO("an unknown kind");
      auto doc = parley::test::astana_json();
      doc["events"][2]["kind"] = "summit";
      CHECK(failure([&] { db.import_json(doc); }, Errc::bad_value) ==
            "/events/2/kind");
      unchanged();
    }
    {
      INFO("an unknown field");
      auto doc = parley::test::astana_json();
      doc["places"][1]["population"] = 1;
      CHECK(failure([&] { db.import_json(doc); }, Errc::bad_document) ==
            "/places/1/population");
      unchanged();
    }
    {
      INFO("a reference that fails only at the end of a long import");
      auto doc = parley::test::astana_json();
      doc["links"].push_back(
          {{"from", "event:astana-2"}, {"kind", "follows"}, {"to", "event:x"}});
      const auto last = std::to_string(doc["links"].size() - 1);
      CHECK(failure([&] { db.import_json(doc); }, Errc::bad_reference) ==
            "/links/" + last + "/to");
      unchanged();
    }
    {
      INFO("a cycle of parent places");
      auto syria = *db.place(parley::PlaceId{"place:syria"});
      syria.parent = parley::PlaceId{"place:eastern-ghouta"};
      failure([&] { db.update(syria); }, Errc::bad_value);
      unchanged();
    }
    {
      INFO("coordinates out of range");
      auto astana = *db.place(parley::PlaceId{"place:astana"});
      astana.coordinates = parley::Coordinates{91, 71};
      CHECK(failure([&] { db.update(astana); }, Errc::bad_value) ==
            "place/coordinates/lat");
      unchanged();
    }
    {
      INFO("an unknown time zone");
      auto astana = *db.place(parley::PlaceId{"place:astana"});
      astana.zone = "Asia/Astana-Nowhere";
      CHECK(failure([&] { db.update(astana); }, Errc::bad_value) ==
            "place/zone");
      unchanged();
    }
  });
}

TEST_CASE("importing the same document twice records nothing new") {
  parley::test::TempDir dir;
  const auto file = dir.path() / "twice.db";
  Database db{file};
  db.import_json(parley::test::astana_json());
  const std::string once = parley::test::dump(file);
  db.import_json(parley::test::astana_json());
  CHECK(parley::test::dump(file) == once);
  // On PostgreSQL: postgres_database_test.cpp, "importing the scenario
  // again changes nothing".
}
