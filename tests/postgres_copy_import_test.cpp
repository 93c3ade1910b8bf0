// Imports into PostgreSQL send the event_actor and event_topic rows by COPY
// in batches (src/store/postgres/write_dialect.cpp) and the search text in
// the version's own row: a document of more rows than one batch arrives
// whole, with the answers SQLite gives; an import that fails after a batch
// was sent leaves the database as it was, and its error names the JSON
// path as on SQLite.
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "parley/database.hpp"
#include "parley/error.hpp"

#include "backends.hpp"
#include "store/access.hpp"

namespace {

// Two batches of each: 4,200 versions (4,096 a batch) and 21,000 actor
// and topic rows (16,384 a batch; src/store/postgres/write_dialect.cpp).
constexpr std::size_t events = 4200;

// A document of `events` events: event i names actors i % 10, (i + 1) % 10
// and (i + 2) % 10 and topics "t<i % 4>" and "both"; the text "alpha" in
// every fifth title. The last event's time is `last_time`.
std::string document(const std::string& last_time) {
  std::ostringstream out;
  out << R"({"format":"parley","version":1,"recorded":"2020-01-01T00:00:00Z",)"
      << R"("actors":[)";
  for (int a = 0; a < 10; ++a) {
    out << (a ? "," : "") << R"({"id":"actor:)" << a
        << R"(","kind":"armed_group","names":{"en":"Group )" << a << R"("}})";
  }
  out << R"(],"events":[)";
  for (std::size_t i = 0; i < events; ++i) {
    const std::string time = i + 1 == events
                                 ? last_time
                                 : "20" + std::to_string(10 + i % 10) +
                                       "-03-0" + std::to_string(1 + i % 9);
    out << (i ? ",\n" : "\n") << R"({"id":"event:)" << i
        << R"(","kind":"meeting","time":")" << time << R"(","title":{"en":")"
        << (i % 5 ? "talks" : "alpha talks") << R"("},"topics":["t)" << i % 4
        << R"(","both"],"participants":[)";
    for (int p = 0; p < 3; ++p) {
      out << (p ? "," : "") << R"({"actor":"actor:)" << (i + p) % 10
          << R"(","role":"party"})";
    }
    out << "]}";
  }
  out << "]}\n";
  return out.str();
}

std::size_t rows_of(const parley::Database& db, const std::string& table) {
  auto& backend = parley::detail::DatabaseAccess::backend(db);
  const auto rows = backend.run("SELECT count(*) FROM " + table);
  REQUIRE(rows->next());
  return static_cast<std::size_t>(rows->int64(0));
}

std::size_t found(const parley::Database& db, parley::Query q) {
  return db.query(q).events.size();
}

}  // namespace

TEST_CASE("postgres backend: an import larger than a COPY batch") {
  parley::test::on_each_backend([](parley::Database& db, const std::string&) {
    std::istringstream in{document("2019-12-31")};
    db.import_json(in);
    CHECK(db.totals().events == events);
    CHECK(rows_of(db, "event_actor") == 3 * events);
    CHECK(rows_of(db, "event_topic") == 2 * events);
    // Actor 3 is named by the events i with i % 10 in {1, 2, 3}.
    parley::Query actor;
    actor.actors = {parley::ActorId{"actor:3"}};
    CHECK(found(db, actor) == 3 * events / 10);
    parley::Query topic;
    topic.topics = {"t1"};
    CHECK(found(db, topic) == events / 4);
    parley::Query word;
    word.text = "alpha";
    CHECK(found(db, word) == events / 5);
  });
}

TEST_CASE(
    "postgres backend: a failed import after a COPY batch leaves "
    "nothing") {
  parley::test::on_each_backend([](parley::Database& db, const std::string&) {
    std::istringstream in{document("2019-13-45")};
    try {
      db.import_json(in);
      FAIL("the import of an impossible date succeeded");
    } catch (const parley::Error& e) {
      CHECK(e.code() == parley::Errc::bad_time);
      CHECK(e.where().starts_with("/events/" + std::to_string(events - 1)));
    }
    CHECK(db.totals().events == 0);
    CHECK(db.totals().actors == 0);
    for (const char* table : {"event", "event_actor", "event_topic", "actor",
                              "count_kind", "count_actor"}) {
      INFO(table);
      CHECK(rows_of(db, table) == 0);
    }
  });
}
