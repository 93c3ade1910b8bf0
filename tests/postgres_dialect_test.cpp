// The PostgreSQL dialect (src/store/postgres/dialect.cpp) on a real server:
// the query layer's own statements (query_sql, count_sql in
// src/query/sql.hpp) over a small set of rows this file inserts with its own
// SQL, each answer checked against ids worked out by hand from those rows,
// and the same rows in a SQLite database answering the same.
#ifdef PARLEY_HAS_POSTGRES

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <date/date.h>
#include <doctest/doctest.h>

#include "parley/database.hpp"
#include "parley/normalize.hpp"

#include "postgres_support.hpp"
#include "query/sql.hpp"
#include "store/access.hpp"
#include "store/postgres/backend.hpp"
#include "store/postgres/dialect.hpp"
#include "store/postgres/migrate.hpp"
#include "store/searchable.hpp"
#include "support.hpp"

namespace {

using parley::Edtf;
using parley::Query;
using parley::RecordTime;
using parley::TimeFilter;
using parley::detail::Backend;
using parley::detail::Store;
using parley::detail::Value;
using Ids = std::vector<std::string>;

constexpr std::int64_t min_day = INT64_MIN;
constexpr std::int64_t max_day = INT64_MAX;

// Record times (microseconds): every current version is recorded at 100;
// the one older version of "b" from 50 to 100.
constexpr std::int64_t now = 100;

struct Actor {
  std::string id;
  std::string role;
};

struct Row {
  std::int64_t version;
  std::string id;
  std::string time;  // EDTF
  std::string kind;
  std::string status;
  std::optional<std::string> place;
  std::vector<Actor> actors;
  std::vector<std::string> topics;
  std::string text;  // what the search index holds
  std::string doc;
  std::int64_t recorded_from = now;
  std::optional<std::int64_t> recorded_to;
};

// A rebel group's and a government's events around new year 2017, with
// every shape of time the schema stores: a day on each side of the year
// boundary (two partitions), a long span across it, a short span, open and
// unknown starts and ends, a year outside the partitions (1985).
const std::vector<Row>& rows() {
  const auto row =
      [](std::int64_t version, std::string id, std::string time,
         std::string kind, std::string status, std::optional<std::string> place,
         std::vector<Actor> actors, std::vector<std::string> topics,
         std::string text, std::string doc) {
        return Row{version,
                   std::move(id),
                   std::move(time),
                   std::move(kind),
                   std::move(status),
                   std::move(place),
                   std::move(actors),
                   std::move(topics),
                   std::move(text),
                   std::move(doc),
                   now,
                   std::nullopt};
      };
  static const std::vector<Row> all = [&] {
    std::vector<Row> out{
        row(1, "a", "2016-12-31", "hostilities", "held", "ghouta",
            {{"gov", "side_a"}, {"reb", "side_b"}}, {},
            "Shelling near the Ghouta, Syria قصف في الغوطة",
            R"({"details":{"deaths_low":3,"deaths_best":5,"deaths_high":9},)"
            R"("flags":[{"code":"end_before_start"}]})"),
        row(2, "b", "2017-01-01", "negotiation_round", "scheduled", "ankara",
            {{"gov", "side_a"}, {"tr", "mediator"}}, {"a,b", "سلام"},
            "Ceasefire talks: peace & security (round 1)", "{}"),
        row(3, "c", "2016-12-20/2017-01-10", "ceasefire", "held",
            R"(rif "dimashq", east)", {{"reb", "side_b"}},
            {R"(say "hi")", "NULL"}, "A truce in Syria! وقف إطلاق النار",
            R"({"flags":[{"code":"deaths_low_above_best"}]})"),
        row(4, "d", "2017-01-02/2017-01-05", "hostilities", "cancelled",
            "aleppo", {{"gov", "side_a"}, {"reb", "side_b"}},
            {R"(back\slash)", "{}"},
            "Clashes around Aleppo (Syria) after talks:*",
            R"({"details":{"deaths_low":1,"deaths_best":2,"deaths_high":3}})"),
        row(5, "e", "../2017-01-01", "statement", "held", std::nullopt,
            {{"un, envoy", "speaker"}}, {},
            "Statement by the envoy: don't shoot", "{}"),
        row(6, "f", "2016-12-30/..", "mechanism", "held", "damascus",
            {{"reb", "side_a"}}, {"a,b"},
            "Monitoring mechanism for Syria (ongoing)", "{}"),
        row(7, "g", "/2016-06-01", "agreement", "held", "syria",
            {{"gov", "signatory"}}, {}, "Agreement signed in Damascus, Syria",
            "{}"),
        row(8, "h", "2017-03-01/", "hostilities", "held", "ghouta",
            {{"reb", "side_a"}}, {}, "Siege of Ghouta continues الغوطة",
            R"({"details":{"deaths_best":4}})"),
        row(9, "i", "1985", "hostilities", "postponed", "ankara",
            {{"gov", "side_a"}}, {}, "Old clashes", "{}"),
        // b's older version, recorded from 50 until b replaced it at 100.
        row(10, "b", "2017-06-01", "negotiation_round", "held", "ankara",
            {{"gov", "side_a"}}, {}, "Draft talks",
            R"({"flags":[{"code":"deaths_best_above_high"}]})"),
    };
    out.back().recorded_from = 50;
    out.back().recorded_to = now;
    return out;
  }();
  return all;
}

// Places: syria > damascus > ghouta; syria > aleppo; syria > rif "dimashq",
// east; ankara alone.
const std::vector<std::pair<std::string, std::optional<std::string>>>&
places() {
  static const std::vector<std::pair<std::string, std::optional<std::string>>>
      all{{"syria", std::nullopt},
          {"damascus", "syria"},
          {"ghouta", "damascus"},
          {"aleppo", "syria"},
          {R"(rif "dimashq", east)", "syria"},
          {"ankara", std::nullopt}};
  return all;
}

Value optional_day(const std::optional<parley::Day>& d) {
  if (!d) return {};
  return std::int64_t{d->time_since_epoch().count()};
}

// What the writer stores for a row's time (src/store/tables.cpp).
std::vector<Value> time_columns(const Row& r) {
  const parley::Bounds b = Edtf::parse(r.time).bounds();
  return {
      optional_day(b.earliest_start),
      optional_day(b.latest_start),
      optional_day(b.earliest_end),
      optional_day(b.latest_end),
      std::int64_t{b.start_open},
      std::int64_t{b.start_unknown},
      std::int64_t{b.end_open},
      std::int64_t{b.end_unknown},
      b.earliest_start ? b.earliest_start->time_since_epoch().count() : min_day,
      b.latest_end ? b.latest_end->time_since_epoch().count() : max_day};
}

Value optional_text(const std::optional<std::string>& s) {
  if (!s) return {};
  return *s;
}

// Inserts one event version and its actors, topics and text, in the
// columns of the backend's schema.
void insert_event(Backend& db, const Row& r) {
  const bool pg = db.name() == "postgres";
  const std::string body = parley::detail::searchable(r.text);
  std::vector<Value> p{
      r.version,       r.id,
      r.recorded_from, r.recorded_to ? Value{*r.recorded_to} : Value{},
      r.kind,          r.status};
  p.emplace_back(r.time);
  for (Value& v : time_columns(r)) p.push_back(std::move(v));
  p.push_back(optional_text(r.place));
  p.emplace_back(r.doc);
  if (pg) p.emplace_back(body);
  db.exec(std::string("INSERT INTO event (version, id, recorded_from, "
                      "recorded_to, kind, status, time, earliest_start, "
                      "latest_start, earliest_end, latest_end, start_open, "
                      "start_unknown, end_open, end_unknown, lo, hi, place, "
                      "doc") +
              (pg ? ", search" : "") +
              ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? <> 0, ? <> 0, "
              "? <> 0, ? <> 0, ?, ?, ?, ?" +
              (pg ? ", to_tsvector('parley', ?)" : "") + ")",
          p);
  const Value lo = time_columns(r)[8];
  for (const Actor& a : r.actors) {
    if (pg) {
      db.exec(
          "INSERT INTO event_actor (event, lo, version, actor, role) "
          "VALUES (?, ?, ?, ?, ?)",
          std::vector<Value>{r.id, lo, r.version, a.id, a.role});
    } else {
      db.exec(
          "INSERT INTO event_actor (version, actor, role, lo) VALUES (?, ?, "
          "?, ?)",
          std::vector<Value>{r.version, a.id, a.role, lo});
    }
  }
  for (const std::string& t : r.topics) {
    if (pg) {
      db.exec(
          "INSERT INTO event_topic (event, lo, version, topic) VALUES (?, ?, "
          "?, ?)",
          std::vector<Value>{r.id, lo, r.version, t});
    } else {
      db.exec("INSERT INTO event_topic (version, topic) VALUES (?, ?)",
              std::vector<Value>{r.version, t});
    }
  }
  if (!pg) {
    db.exec("INSERT INTO event_search (rowid, body) VALUES (?, ?)",
            std::vector<Value>{r.version, body});
  }
}

// The rows, the places, a source and one claim on "g" whose quote says
// "ceasefire".
void insert_all(Backend& db) {
  const bool pg = db.name() == "postgres";
  std::int64_t version = 0;
  for (const auto& [id, parent] : places()) {
    db.exec(
        "INSERT INTO place (version, id, recorded_from, kind, parent, doc) "
        "VALUES (?, ?, ?, 'city', ?, '{}')",
        std::vector<Value>{++version, id, now, optional_text(parent)});
  }
  db.exec(
      "INSERT INTO source (version, id, recorded_from, doc) VALUES (1, "
      "'s1', ?, '{}')",
      std::vector<Value>{now});
  for (const Row& r : rows()) insert_event(db, r);
  const std::string quote =
      parley::detail::searchable("A ceasefire was violated");
  db.exec(std::string("INSERT INTO claim (version, id, recorded_from, event, "
                      "source, stance, doc") +
              (pg ? ", search" : "") +
              ") VALUES (1, 'k1', ?, 'g', 's1', 'asserts', '{}'" +
              (pg ? ", to_tsvector('parley', ?)" : "") + ")",
          pg ? std::vector<Value>{now, quote} : std::vector<Value>{now});
  if (!pg) {
    db.exec("INSERT INTO claim_search (rowid, body) VALUES (1, ?)",
            std::vector<Value>{quote});
  }
}

// The two databases, filled alike.
struct Both {
  parley::test::PostgresDatabase server;
  parley::detail::PostgresBackend postgres;
  parley::test::TempDir dir;
  parley::Database sqlite;

  explicit Both(const std::string& conninfo)
      : server(conninfo),
        postgres(server.conninfo()),
        sqlite(dir.path() / "dialect.db") {
    parley::detail::migrate_postgres(postgres);
    parley::detail::in_transaction(postgres, [&] { insert_all(postgres); });
    Backend& lite = parley::detail::DatabaseAccess::backend(sqlite);
    parley::detail::in_transaction(lite, [&] { insert_all(lite); });
  }

  Store pg_store() { return {postgres, parley::detail::postgres_dialect()}; }
  Store sqlite_store() const {
    return parley::detail::DatabaseAccess::store(sqlite);
  }
};

// The ids of a statement's rows (column 2), in order; with `exact`, only
// the rows that pass the query's exact time test, as Database::query does.
Ids run_ids(Backend& db, const parley::detail::QuerySql& sql, const Query& q,
            bool exact) {
  Ids out;
  const auto rows = parley::detail::run(db, sql);
  while (rows->next()) {
    if (exact && !parley::detail::time_matches(*rows, q)) continue;
    out.emplace_back(rows->text(2));
  }
  return out;
}

// query_sql's rows on PostgreSQL after the exact time test, sorted, checked
// to be the SQLite database's, row for row (before the test too).
Ids page_ids(Both& both, const Query& q) {
  const auto pg_sql = parley::detail::query_sql(both.pg_store(), q, 1000);
  const auto lite_sql = parley::detail::query_sql(both.sqlite_store(), q, 1000);
  const Ids pg_rows = run_ids(both.postgres, pg_sql, q, false);
  CHECK(pg_rows == run_ids(both.sqlite_store().backend, lite_sql, q, false));
  Ids ids = run_ids(both.postgres, pg_sql, q, true);
  std::sort(ids.begin(), ids.end());
  return ids;
}

// count_sql's ids (each event once), sorted, and the same on SQLite.
Ids count_ids(Both& both, const Query& q) {
  const auto pg_sql = parley::detail::count_sql(both.pg_store(), q);
  const auto lite_sql = parley::detail::count_sql(both.sqlite_store(), q);
  Ids pg = run_ids(both.postgres, pg_sql, q, true);
  Ids lite = run_ids(both.sqlite_store().backend, lite_sql, q, true);
  std::sort(pg.begin(), pg.end());
  std::sort(lite.begin(), lite.end());
  CHECK(pg == lite);
  return pg;
}

Query in_window(const std::string& edtf) {
  Query q;
  q.time = TimeFilter{Edtf::parse(edtf)};
  return q;
}

Query with_text(const std::string& text, std::size_t limit = 0) {
  Query q;
  q.text = text;
  q.limit = limit;
  return q;
}

RecordTime recorded_at(std::int64_t us) {
  return RecordTime{std::chrono::microseconds{us}};
}

#define PARLEY_BOTH(var)                                       \
  const auto parley_server_ = parley::test::postgres_server(); \
  if (!parley_server_) return;                                 \
  Both var { *parley_server_ }

}  // namespace

TEST_CASE("postgres backend: dialect lists quote every element") {
  const auto& d = parley::detail::postgres_dialect();
  CHECK(std::get<std::string>(d.list({})) == "{}");
  CHECK(std::get<std::string>(d.list(
            {"a,b", R"(say "hi")", R"(x\y)", "NULL", "{}", "", "سلام"})) ==
        R"({"a,b","say \"hi\"","x\\y","NULL","{}","","سلام"})");
  CHECK(d.in_list("e.kind") == "e.kind = ANY(?::text[])");
}

TEST_CASE("postgres backend: dialect lists reach the server as written") {
  PARLEY_POSTGRES_DATABASE(server);
  parley::detail::PostgresBackend db{server.conninfo()};
  const auto& d = parley::detail::postgres_dialect();
  const std::vector<std::string> values{
      "a,b", R"(say "hi")", R"(x\y)", "NULL", "{}", "", "سلام", "' OR 1=1"};
  const Value list[] = {d.list(values)};
  const auto rows = db.run(d.list_rows() + " AS v", list);
  std::vector<std::string> back;
  while (rows->next()) {
    CHECK_FALSE(rows->is_null(0));
    back.emplace_back(rows->text(0));
  }
  CHECK(back == values);
  const Value probe[] = {std::string("NULL"), d.list(values)};
  CHECK(db.run("SELECT 1 WHERE " + d.in_list("?::text"), probe)->next());
}

TEST_CASE("postgres backend: query windows at their edges") {
  PARLEY_BOTH(both);
  // The day after new year: b is that day, c spans it, e ends on it (open
  // start), f started before it (open end); a ends as it starts, d starts
  // the day after it ends.
  CHECK(page_ids(both, in_window("2017-01-01")) == Ids{"b", "c", "e", "f"});
  CHECK(count_ids(both, in_window("2017-01-01")) == Ids{"b", "c", "e", "f"});
  // December 2016: a (its last day), c and f (start in it), e (open start,
  // ends after it); b starts as it ends.
  CHECK(page_ids(both, in_window("2016-12")) == Ids{"a", "c", "e", "f"});
  // 2017: everything that touches the year but a, g (ends 2016) and i.
  CHECK(page_ids(both, in_window("2017")) == Ids{"b", "c", "d", "e", "f", "h"});
  // g's last day: g (unknown start) and e (open start).
  CHECK(page_ids(both, in_window("2016-06-01")) == Ids{"e", "g"});
  // 1985, outside the yearly partitions: i, and the two that start at no
  // known day before their ends.
  CHECK(page_ids(both, in_window("1985")) == Ids{"e", "g", "i"});
  // June 2017 now: f (open end), h (unknown end); b's older version was
  // there, and is as of record time 75.
  CHECK(page_ids(both, in_window("2017-06")) == Ids{"f", "h"});
  Query before = in_window("2017-06");
  before.as_of = recorded_at(75);
  CHECK(page_ids(both, before) == Ids{"b"});
}

TEST_CASE("postgres backend: query lists with commas, quotes and Arabic") {
  PARLEY_BOTH(both);
  Query q;
  q.topics = {"a,b", "NULL"};
  CHECK(page_ids(both, q) == Ids{"b", "c", "f"});
  q.topics = {"NULL"};  // the text, not a null
  CHECK(page_ids(both, q) == Ids{"c"});
  q.topics = {"{}", R"(say "hi")"};
  CHECK(page_ids(both, q) == Ids{"c", "d"});
  q.topics = {R"(back\slash)", "سلام"};
  CHECK(page_ids(both, q) == Ids{"b", "d"});
  q.topics = {"a", "b"};  // parts of "a,b" are not topics
  CHECK(page_ids(both, q).empty());

  Query kinds;
  kinds.kinds = {"hostilities", "ceasefire"};
  CHECK(page_ids(both, kinds) == Ids{"a", "c", "d", "h", "i"});
  Query statuses;
  statuses.statuses = {parley::Status::held, parley::Status::scheduled};
  CHECK(page_ids(both, statuses) == Ids{"a", "b", "c", "e", "f", "g", "h"});
  Query actors;
  actors.actors = {parley::ActorId{"un, envoy"}, parley::ActorId{"tr"}};
  CHECK(page_ids(both, actors) == Ids{"b", "e"});
  CHECK(count_ids(both, actors) == Ids{"b", "e"});

  // Places with everything inside them (a recursive query from the list).
  Query place;
  place.places = {parley::PlaceId{R"(rif "dimashq", east)"}};
  CHECK(page_ids(both, place) == Ids{"c"});
  place.places = {parley::PlaceId{"damascus"}};
  CHECK(page_ids(both, place) == Ids{"a", "f", "h"});
  place.places = {parley::PlaceId{"syria"}, parley::PlaceId{"ankara"}};
  CHECK(page_ids(both, place) == Ids{"a", "b", "c", "d", "f", "g", "h", "i"});
  CHECK(count_ids(both, place) == Ids{"a", "b", "c", "d", "f", "g", "h", "i"});
}

TEST_CASE("postgres backend: query one actor in chronological order") {
  PARLEY_BOTH(both);
  Query q;
  q.actors = {parley::ActorId{"gov"}};
  // By (lo, hi, id): g's unknown start first, then 1985, then 2016-2017.
  const auto sql = parley::detail::query_sql(both.pg_store(), q, 100);
  CHECK(run_ids(both.postgres, sql, q, false) == Ids{"g", "i", "a", "b", "d"});
  CHECK(count_ids(both, q) == Ids{"a", "b", "d", "g", "i"});
  q.role = "side_a";
  CHECK(page_ids(both, q) == Ids{"a", "b", "d", "i"});
  // The page after a: b and d.
  const std::int64_t a_lo =
      date::sys_days{date::year{2016} / 12 / 31}.time_since_epoch().count();
  q.after = std::to_string(a_lo) + "," + std::to_string(a_lo + 1) + ",a";
  CHECK(page_ids(both, q) == Ids{"b", "d"});
  // With a window: the actor's events overlapping 2017.
  Query window = in_window("2017");
  window.actors = {parley::ActorId{"reb"}};
  CHECK(page_ids(both, window) == Ids{"c", "d", "f", "h"});
}

TEST_CASE("postgres backend: query text with operator characters") {
  PARLEY_BOTH(both);
  for (std::size_t limit : {std::size_t{0}, std::size_t{1}}) {
    CAPTURE(limit);  // few matches: both collect the matching versions
    // b says it, g's claim quotes it.
    CHECK(page_ids(both, with_text("ceasefire", limit)) == Ids{"b", "g"});
    CHECK(page_ids(both, with_text("!ceasefire", limit)) == Ids{"b", "g"});
    // Stemmed on both sides; b's older version said it too.
    CHECK(page_ids(both, with_text("talks", limit)) == Ids{"b", "d"});
    CHECK(page_ids(both, with_text("talk", limit)) == Ids{"b", "d"});
    CHECK(page_ids(both, with_text("talks:*", limit)) == Ids{"b", "d"});
    CHECK(page_ids(both, with_text("(round", limit)) == Ids{"b"});
    CHECK(page_ids(both, with_text("1)", limit)) == Ids{"b"});
    CHECK(page_ids(both, with_text("peace&security", limit)) == Ids{"b"});
    CHECK(page_ids(both, with_text("peace|talks", limit)).empty());
    CHECK(page_ids(both, with_text("don't", limit)) == Ids{"e"});
    CHECK(page_ids(both, with_text("O'Brien", limit)).empty());
    CHECK(page_ids(both, with_text(R"(x\y)", limit)).empty());
    // A word with no letters matches nothing, alone or beside others.
    CHECK(page_ids(both, with_text("&", limit)).empty());
    CHECK(page_ids(both, with_text("talks &", limit)).empty());
    CHECK(page_ids(both, with_text("talks | !", limit)).empty());
    // Arabic as written (the caller normalises it) and in English.
    CHECK(page_ids(both, with_text("الغوطة", limit)) == Ids{"a", "h"});
    CHECK(page_ids(both, with_text("Ghouta", limit)) == Ids{"a", "h"});
    CHECK(page_ids(both, with_text("وقف", limit)) == Ids{"c"});
    CHECK(page_ids(both, with_text("ghouta shelling", limit)) == Ids{"a"});
  }
  // Five events say "Syria": for a page of one, more than sqrt(1 x 9
  // events), so the text is tested on each event in order (text_matches).
  for (const char* word : {"syria", "Syria!", "(syria)", "syria:*"}) {
    CAPTURE(word);
    const auto walk =
        parley::detail::query_sql(both.pg_store(), with_text(word, 1), 10);
    CHECK(walk.sql.find("e.search @@") != std::string::npos);
    CHECK(page_ids(both, with_text(word, 1)) == Ids{"a", "c", "d", "f", "g"});
    CHECK(page_ids(both, with_text(word)) == Ids{"a", "c", "d", "f", "g"});
  }
  Query before = with_text("draft");
  before.as_of = recorded_at(75);
  CHECK(page_ids(both, before) == Ids{"b"});
}

TEST_CASE("postgres backend: query documents: deaths and flags") {
  PARLEY_BOTH(both);
  Query q;
  q.kinds = {"hostilities"};
  const auto sql = parley::detail::count_sql(both.pg_store(), q);
  // id -> the three estimates (-1: none).
  std::set<std::vector<std::string>> deaths;
  const auto rows = parley::detail::run(both.postgres, sql);
  while (rows->next()) {
    std::vector<std::string> row{std::string(rows->text(2))};
    for (int c : {17, 18, 19}) {
      row.push_back(rows->is_null(c) ? "-" : std::to_string(rows->int64(c)));
    }
    deaths.insert(row);
  }
  CHECK(deaths == std::set<std::vector<std::string>>{{"a", "3", "5", "9"},
                                                     {"d", "1", "2", "3"},
                                                     {"h", "-", "4", "-"},
                                                     {"i", "-", "-", "-"}});
  Query flagged;
  flagged.flagged = true;
  CHECK(page_ids(both, flagged) == Ids{"a", "c"});
  flagged.flag = parley::FlagCode::end_before_start;
  CHECK(page_ids(both, flagged) == Ids{"a"});
  // As of a record time: from each version's document.
  flagged.as_of = recorded_at(now);
  CHECK(page_ids(both, flagged) == Ids{"a"});
  flagged.flag = parley::FlagCode::deaths_low_above_best;
  CHECK(page_ids(both, flagged) == Ids{"c"});
  flagged.flag.reset();
  CHECK(page_ids(both, flagged) == Ids{"a", "c"});
  flagged.as_of = recorded_at(75);
  CHECK(page_ids(both, flagged) == Ids{"b"});
}

#endif  // PARLEY_HAS_POSTGRES

#ifdef PARLEY_HAS_POSTGRES
namespace {

// 12,000 current events over 2016-2017 (two partitions), 1 in 7 lasting
// 2-21 days, of four kinds, two of 60 actors each, 12 places, one topic of
// 30; the word "rare" in 1 in 400, "common" in every one; 600 claims, and
// 1,200 older versions closed at record time 50. Statistics gathered.
void fill_for_plans(parley::detail::PostgresBackend& db) {
  db.exec(R"(
INSERT INTO event (version, id, recorded_from, recorded_to, kind, status,
  time, start_open, start_unknown, end_open, end_unknown, lo, hi, place, doc,
  search)
SELECT g, 'x' || (g % 12000), CASE WHEN g > 12000 THEN 10 ELSE 100 END,
  CASE WHEN g > 12000 THEN 50 END,
  (ARRAY['hostilities','negotiation_round','statement','ceasefire'])[1 + g % 4],
  'held', 'x', false, false, false, false, lo,
  lo + CASE WHEN g % 7 = 0 THEN 2 + g % 20 ELSE 1 END, 'p' || (g % 12),
  '{}', to_tsvector('parley', CASE WHEN g % 400 = 0 THEN 'rare common'
                                   ELSE 'common words' END)
FROM (SELECT g, parley_year_day(2016) + (g * 37) % 730 AS lo
      FROM generate_series(1, 13200) g) s;
INSERT INTO event_actor (event, lo, version, actor, role)
SELECT id, lo, version, 'actor' || ((version + k * 7) % 60), 'side_a'
FROM event, generate_series(0, 1) k;
INSERT INTO event_topic (event, lo, version, topic)
SELECT id, lo, version, 'topic' || (version % 30) FROM event;
INSERT INTO claim (id, recorded_from, event, source, stance, doc, search)
SELECT 'k' || g, 100, 'x' || (g * 20), 's', 'asserts', '{}',
  to_tsvector('parley', 'quoted common')
FROM generate_series(1, 600) g;
INSERT INTO place (id, recorded_from, kind, parent, doc)
SELECT 'p' || g, 100, 'city', CASE WHEN g > 0 THEN 'p0' END, '{}'
FROM generate_series(0, 11) g;
ANALYZE;
)");
}

// EXPLAIN of the statement query_sql builds for `q`, with its parameters.
std::string plan_of(Store store, const Query& q) {
  const auto sql = parley::detail::query_sql(store, q, 101);
  std::string out;
  const auto rows = store.backend.run("EXPLAIN " + sql.sql, sql.binds);
  while (rows->next()) out += std::string(rows->text(0)) + '\n';
  return out;
}

}  // namespace

// Each arm of the dialect read through the index the schema built for it
// (docs/postgres.md), on 12,000 events after ANALYZE: partition indexes are
// named after their columns (event_days is event_y2016_days_idx).
TEST_CASE("postgres backend: dialect plans use the schema's indexes") {
  PARLEY_POSTGRES_DATABASE(server);
  parley::detail::PostgresBackend db{server.conninfo()};
  parley::detail::migrate_postgres(db);
  fill_for_plans(db);
  const Store store{db, parley::detail::postgres_dialect()};
  const auto uses = [](const std::string& plan, const char* what) {
    CAPTURE(plan);
    CHECK(plan.find(what) != std::string::npos);
  };
  Query window = in_window("2016-06-01/2016-06-03");
  window.limit = 100;
  // Short events by the chronological index, long ones by `days`.
  const std::string by_window = plan_of(store, window);
  uses(by_window, "Index Scan on event_y2016_days_idx");
  uses(by_window, "Index Scan on event_y2016_lo_hi_id_idx");
  window.as_of = recorded_at(40);
  uses(plan_of(store, window), "Index Scan on event_y2016_days_recorded_idx");

  // One actor: event_actor_order in order, each row's event looked up.
  Query actor;
  actor.actors = {parley::ActorId{"actor7"}};
  actor.limit = 100;
  const std::string by_actor = plan_of(store, actor);
  uses(by_actor, "Index Scan using event_actor_y2016_actor_lo_version_idx");
  uses(by_actor, "Nested Loop");
  CHECK(by_actor.find("Hash") == std::string::npos);
  // A list of actors, of topics: = ANY(text[]) on their indexes, joined
  // to the events by (id, lo, version) (Dialect::has_child), not by
  // version alone (which no event partition's key leads with).
  actor.actors.push_back(parley::ActorId{"actor8"});
  const std::string actors = plan_of(store, actor);
  uses(actors, "Index Scan on event_actor_y2016_actor_lo_version_idx");
  uses(actors, "e.id = event_actor.event");
  uses(actors, "e.lo = event_actor.lo");
  Query topics;
  topics.topics = {"topic3", "topic4"};
  topics.limit = 100;
  const std::string by_topic = plan_of(store, topics);
  uses(by_topic, "Index Scan on event_topic_y2016_topic_idx");
  uses(by_topic, "e.id = event_topic.event");

  // A rare word: the GIN index, the tsquery computed once (an InitPlan).
  const std::string rare = plan_of(store, with_text("rare"));
  uses(rare, "Bitmap Index Scan on event_y2016_search_idx");
  uses(rare, "InitPlan");
  // A word in every event: the page walks the chronological index and
  // probes each event's claims by the event (a SubPlan per row), never a
  // hash of every matching claim built per partition.
  const std::string common = plan_of(store, with_text("common", 100));
  uses(common, "lo_hi_id_idx");
  uses(common, "SubPlan");
  CHECK(common.find("hashed SubPlan") == std::string::npos);
}
#endif  // PARLEY_HAS_POSTGRES
