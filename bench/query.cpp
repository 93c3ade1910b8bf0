// bench_query — parley's queries and counts against the hand-written
// baseline of minimal.hpp (raw SQLite C API, minimal schema), on the same
// generated data, in the same run, with the answers compared.
//
//   bench_query [--events N] [--runs R] [--extra-claims K] [--dir DIR]
//               [--keep] [--postgres CONNINFO]
//
// Data: the document of generate.hpp with N events (default 1,000,000; one
// claim per 10 events), imported by parley (Database::import_file) and by
// the baseline loader; then 5% of the events get a revised title as a new
// version a year later (the baseline updates its rows in place). With
// --keep both databases stay in DIR and a later run reuses them.
//
// Queries: the first page of 100 events in chronological order, parley's
// Database::query (typed Events) against one SELECT of the baseline (id,
// kind, bounds, place and title) — one actor, a 3-day window, a month, a
// region with every place inside, a word, a kind — and the as-of variant
// of the window against the current one. Counts: Database::count by month
// and kind, unfiltered and filtered by an actor, a region and a year,
// against GROUP BY in SQL, with death sums compared. Medians of R runs
// (default 5). A page or a count that differs between the sides stops the
// run with exit 1.
//
// Claims independence: the actor page plus make_timeline, before and after
// importing K claims (default 900,000) on events other than the page's.
// (With K above the number of events, events get several each.)
//
// With --postgres, the same again on the PostgreSQL server CONNINFO reaches
// (a connection string with the right to create databases), beside SQLite
// in the same run: parley's Database on database bench_parley_N and the
// baseline of minimal_postgres.hpp (the same schema and questions on
// libpq) on bench_minimal_N, both dropped and created anew (kept and
// reused with --keep). Every page and count of the four sides must agree.
// The bench takes a server rather than starting one so that it measures
// the server a user has (scripts/postgres start DIR gives a throwaway one).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "parley/database.hpp"
#include "parley/error.hpp"
#include "parley/timeline.hpp"

#include "generate.hpp"
#include "minimal.hpp"
#ifdef PARLEY_BENCH_POSTGRES
#include "minimal_postgres.hpp"
#endif
#include "timing.hpp"

namespace {

namespace fs = std::filesystem;
using parley::bench::Clock;
using parley::bench::median_ms;
using parley::bench::since;
using Ids = std::vector<std::string>;
using CountRow =
    std::tuple<std::string, std::string, std::size_t, std::int64_t>;

struct Options {
  std::size_t events = 1'000'000;
  int runs = 5;
  std::size_t extra_claims = 900'000;
  fs::path dir = fs::temp_directory_path();
  bool keep = false;
  std::string postgres;  // a server's connection string, or none
};

parley::RecordTime at(const char* text) {
  return parley::parse_record_time(text);
}

// One question: parley's query, and the baseline's statement on SQLite
// (`?` parameters) and on PostgreSQL ($1, $2, …), with the same binds.
struct Case {
  const char* name;
  parley::Query query;
  std::string sqlite;
  std::string postgres;
  std::vector<std::string> binds;
};

// One server: parley's Database on it, and the baseline's answers.
struct Side {
  const char* name;
  std::string location;  // what parley::Database opens
  std::function<Ids(const Case&)> page;
  std::function<std::vector<CountRow>(const Case&)> counts;
};

// Revises the title of every 20th event (from the 8th) as a new version a
// year later (the baselines update their rows in place).
void revise(parley::Database& db, std::size_t events, const char* server) {
  const auto start = Clock::now();
  parley::Document doc;
  for (std::size_t i = 7; i < events; i += 20) {
    parley::Event e =
        *db.event(parley::EventId{parley::bench::generated_event_id(i)});
    e.title["en"] += " revised";
    doc.events.push_back({e});
  }
  db.import(doc, {.recorded_at = at("2021-01-01T00:00:00Z")});
  const double seconds = since(start);
  std::printf("revision of %zu events on %s: parley %.1f s (%.0f a second)\n",
              doc.events.size(), server, seconds, doc.events.size() / seconds);
}

void revise_minimal(sqlite3* minimal) {
  using namespace parley::bench::minimal;
  exec(minimal, "BEGIN");
  exec(minimal,
       "UPDATE event SET title = title || ' revised' WHERE rowid % 20 = 8");
  exec(
      minimal,
      "UPDATE event_text SET title = title || ' revised' WHERE rowid % 20 = 8");
  exec(minimal, "COMMIT");
}

// The baseline's page: the ids of the rows, reading what a page shows.
Ids minimal_page(sqlite3* db, const Case& c) {
  sqlite3_stmt* s =
      parley::bench::minimal::prepare_bound(db, c.sqlite, c.binds);
  struct Row {
    std::string id, kind, place, title;
    long long lo, hi;
  };
  std::vector<Row> rows;
  auto text = [&](int column) {
    return std::string(
        reinterpret_cast<const char*>(sqlite3_column_text(s, column)));
  };
  while (sqlite3_step(s) == SQLITE_ROW) {
    rows.push_back({text(0), text(1), text(4), text(5),
                    sqlite3_column_int64(s, 2), sqlite3_column_int64(s, 3)});
  }
  Ids ids;
  for (const Row& row : rows) ids.push_back(row.id);
  sqlite3_finalize(s);
  return ids;
}

std::vector<CountRow> minimal_counts(sqlite3* db, const Case& c) {
  sqlite3_stmt* s =
      parley::bench::minimal::prepare_bound(db, c.sqlite, c.binds);
  std::vector<CountRow> rows;
  while (sqlite3_step(s) == SQLITE_ROW) {
    rows.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)),
                      reinterpret_cast<const char*>(sqlite3_column_text(s, 1)),
                      static_cast<std::size_t>(sqlite3_column_int64(s, 2)),
                      sqlite3_column_int64(s, 3));
  }
  sqlite3_finalize(s);
  return rows;
}

#ifdef PARLEY_BENCH_POSTGRES
Ids postgres_page(PGconn* db, const Case& c) {
  PGresult* r = parley::bench::minimal_postgres::run(db, c.postgres, c.binds);
  struct Row {
    std::string id, kind, place, title;
    long long lo, hi;
  };
  std::vector<Row> rows;
  for (int i = 0; i < PQntuples(r); ++i) {
    rows.push_back({PQgetvalue(r, i, 0), PQgetvalue(r, i, 1),
                    PQgetvalue(r, i, 4), PQgetvalue(r, i, 5),
                    std::atoll(PQgetvalue(r, i, 2)),
                    std::atoll(PQgetvalue(r, i, 3))});
  }
  PQclear(r);
  Ids ids;
  for (const Row& row : rows) ids.push_back(row.id);
  return ids;
}

std::vector<CountRow> postgres_counts(PGconn* db, const Case& c) {
  PGresult* r = parley::bench::minimal_postgres::run(db, c.postgres, c.binds);
  std::vector<CountRow> rows;
  for (int i = 0; i < PQntuples(r); ++i) {
    rows.emplace_back(PQgetvalue(r, i, 0), PQgetvalue(r, i, 1),
                      std::stoull(PQgetvalue(r, i, 2)),
                      std::stoll(PQgetvalue(r, i, 3)));
  }
  PQclear(r);
  return rows;
}
#endif

Ids parley_page(const parley::Database& db, const parley::Query& q) {
  Ids ids;
  for (const parley::Event& e : db.query(q).events) ids.push_back(e.id.value);
  return ids;
}

std::vector<CountRow> parley_counts(const parley::Database& db,
                                    const parley::Query& q) {
  std::vector<CountRow> rows;
  for (const parley::Count& c :
       db.count(q, parley::Period::month, parley::GroupBy::kind)) {
    rows.emplace_back(c.period, c.key, c.count, c.deaths_best);
  }
  return rows;
}

parley::Query window(const char* edtf) {
  parley::Query q;
  q.time = parley::TimeFilter{parley::Edtf::parse(edtf)};
  return q;
}

parley::Query page_of(parley::Query q) {
  q.limit = 100;
  return q;
}

std::vector<Case> page_cases() {
  const std::string columns =
      "SELECT e.id, e.kind, e.lo, e.hi, e.place, e.title ";
  const auto page = [&](const std::string& from) {
    return columns + from + " ORDER BY e.lo, e.hi, e.id LIMIT 100";
  };
  parley::Query actor, region, word, kind;
  actor.actors = {parley::ActorId{"actor:17"}};
  region.places = {parley::PlaceId{"place:region-7"}};
  word.text = "convoy";
  kind.kinds = {"ceasefire"};
  const std::string overlap = "FROM event e WHERE e.lo < ? AND e.hi > ?";
  const std::string overlap_pg = "FROM event e WHERE e.lo < $1 AND e.hi > $2";
  return {
      {"one actor",
       page_of(actor),
       page("FROM participant p JOIN event e ON e.rowid = p.event "
            "WHERE p.actor = ?"),
       page("FROM participant p JOIN event e ON e.id = p.event "
            "WHERE p.actor = $1"),
       {"actor:17"}},
      {"3-day window",
       page_of(window("2015-06-10/2015-06-12")),
       page(overlap),
       page(overlap_pg),
       {"16599", "16596"}},
      {"a month",
       page_of(window("2015-06")),
       page(overlap),
       page(overlap_pg),
       {"16617", "16587"}},
      {"a region, every place inside",
       page_of(region),
       "WITH RECURSIVE inside(id) AS (SELECT ? UNION SELECT p.id FROM place "
       "p JOIN inside ON p.parent = inside.id) " +
           page("FROM event e WHERE e.place IN inside"),
       "WITH RECURSIVE inside(id) AS (SELECT $1::text UNION SELECT p.id "
       "FROM place p JOIN inside ON p.parent = inside.id) " +
           page("FROM event e WHERE e.place IN (SELECT id FROM inside)"),
       {"place:region-7"}},
      {"text: one word",
       page_of(word),
       page("FROM event e WHERE e.rowid IN (SELECT rowid FROM event_text "
            "WHERE event_text MATCH ?) OR e.id IN (SELECT c.event FROM claim "
            "c WHERE c.rowid IN (SELECT rowid FROM claim_text WHERE "
            "claim_text MATCH ?))"),
       page("FROM event e WHERE e.search @@ to_tsquery('simple', $1) OR "
            "e.id IN (SELECT c.event FROM claim c WHERE c.search @@ "
            "to_tsquery('simple', $2))"),
       {"convoy", "convoy"}},
      {"one kind",
       page_of(kind),
       page("FROM event e WHERE e.kind = ?"),
       page("FROM event e WHERE e.kind = $1"),
       {"ceasefire"}},
  };
}

std::vector<Case> count_cases() {
  const auto sqlite = [](const std::string& from) {
    return "SELECT strftime('%Y-%m', e.lo * 86400, 'unixepoch') AS m, "
           "e.kind, count(*), coalesce(sum(e.deaths_best), 0) " +
           from + " GROUP BY m, e.kind ORDER BY m, e.kind";
  };
  const auto postgres = [](const std::string& from) {
    return "SELECT to_char(date '1970-01-01' + e.lo::int, 'YYYY-MM') AS m, "
           "e.kind, count(*), coalesce(sum(e.deaths_best), 0) " +
           from + " GROUP BY m, e.kind ORDER BY m, e.kind COLLATE \"C\"";
  };
  parley::Query actor, region;
  actor.actors = {parley::ActorId{"actor:17"}};
  region.places = {parley::PlaceId{"place:region-7"}};
  return {
      {"all events", {}, sqlite("FROM event e"), postgres("FROM event e"), {}},
      {"one actor",
       actor,
       sqlite("FROM participant p JOIN event e ON e.rowid = p.event WHERE "
              "p.actor = ?"),
       postgres("FROM participant p JOIN event e ON e.id = p.event WHERE "
                "p.actor = $1"),
       {"actor:17"}},
      {"a region, every place inside",
       region,
       "WITH RECURSIVE inside(id) AS (SELECT ? UNION SELECT p.id FROM place "
       "p JOIN inside ON p.parent = inside.id) " +
           sqlite("FROM event e WHERE e.place IN inside"),
       "WITH RECURSIVE inside(id) AS (SELECT $1::text UNION SELECT p.id "
       "FROM place p JOIN inside ON p.parent = inside.id) " +
           postgres("FROM event e WHERE e.place IN (SELECT id FROM inside)"),
       {"place:region-7"}},
      {"a year (window)",
       window("2015"),
       sqlite("FROM event e WHERE e.lo < ? AND e.hi > ?"),
       postgres("FROM event e WHERE e.lo < $1 AND e.hi > $2"),
       {"16801", "16436"}},
  };
}

void fail(const std::string& what) {
  std::printf("DIFFERENT ANSWERS: %s\n", what.c_str());
  std::exit(1);
}

void print_header(const char* title, const std::vector<Side>& sides) {
  std::printf("\n%-34s", title);
  for (const Side& s : sides) {
    std::printf(" %9.9s ms %8s ms %6s", s.name, "minimal", "ratio");
  }
  std::printf(sides.size() > 1 ? " %9s %6s\n" : " %6s\n", "pg/sqlite", "rows");
}

// Times `ours` (parley) and `theirs` (the baseline) on every side, each a
// median of `runs`; every answer must equal the first side's parley's.
template <class Answer>
void run_case(
    const Case& c, std::vector<Side>& sides,
    std::vector<std::unique_ptr<parley::Database>>& dbs, int runs,
    const std::function<Answer(const parley::Database&, const Case&)>& ours,
    const std::function<Answer(const Side&, const Case&)>& theirs) {
  std::printf("%-34s", c.name);
  std::optional<Answer> reference;
  std::vector<double> parley_ms;
  for (std::size_t i = 0; i < sides.size(); ++i) {
    Answer a, b;
    const double p = median_ms(runs, [&] { a = ours(*dbs[i], c); });
    const double m = median_ms(runs, [&] { b = theirs(sides[i], c); });
    if (!reference) reference = a;
    if (a != *reference)
      fail(std::string(c.name) + ": parley on " + sides[i].name +
           " differs from parley on " + sides[0].name);
    if (b != *reference)
      fail(std::string(c.name) + ": the baseline on " + sides[i].name +
           " differs from parley");
    parley_ms.push_back(p);
    std::printf(" %12.2f %11.2f %6.2f", p, m, p / m);
  }
  if (sides.size() > 1) std::printf(" %9.2f", parley_ms[1] / parley_ms[0]);
  std::printf(" %6zu\n", reference->size());
}

void run_pages(std::vector<Side>& sides,
               std::vector<std::unique_ptr<parley::Database>>& dbs, int runs) {
  print_header("first page of 100", sides);
  for (const Case& c : page_cases()) {
    run_case<Ids>(
        c, sides, dbs, runs,
        [](const parley::Database& db, const Case& c) {
          return parley_page(db, c.query);
        },
        [](const Side& s, const Case& c) { return s.page(c); });
  }
  parley::Query now = page_of(window("2015-06-10/2015-06-12"));
  parley::Query then = now;
  then.as_of = at("2020-06-01T00:00:00Z");
  std::printf("%-34s", "3-day window as of a year before");
  std::vector<double> as_of_ms;
  for (std::size_t i = 0; i < sides.size(); ++i) {
    Ids a, b;
    const double current =
        median_ms(runs, [&] { a = parley_page(*dbs[i], now); });
    const double as_of =
        median_ms(runs, [&] { b = parley_page(*dbs[i], then); });
    if (a != b) fail(std::string("as-of window on ") + sides[i].name);
    as_of_ms.push_back(as_of);
    std::printf(" %12.2f %11.2f %6.2f", as_of, current, as_of / current);
  }
  if (sides.size() > 1) std::printf(" %9.2f", as_of_ms[1] / as_of_ms[0]);
  std::printf("  (vs current, not minimal)\n");
}

void run_counts(std::vector<Side>& sides,
                std::vector<std::unique_ptr<parley::Database>>& dbs, int runs) {
  print_header("counts, month x kind", sides);
  for (const Case& c : count_cases()) {
    run_case<std::vector<CountRow>>(
        c, sides, dbs, runs,
        [](const parley::Database& db, const Case& c) {
          return parley_counts(db, c.query);
        },
        [](const Side& s, const Case& c) { return s.counts(c); });
  }
}

// The actor page and its timeline, before and after `extra` claims on
// other events.
void run_claims(const Side& side, const Options& o) {
  auto db = std::make_unique<parley::Database>(side.location);
  parley::Query q;
  q.actors = {parley::ActorId{"actor:17"}};
  q.limit = 100;
  auto page = [&] { parley::make_timeline(*db, db->query(q).events); };
  std::set<std::string> shown;
  for (const parley::Event& e : db->query(q).events) shown.insert(e.id.value);
  const double before = median_ms(o.runs, page);
  const std::size_t claims_before = db->totals().claims;
  const fs::path extra = o.dir / "query-extra-claims.json";
  {
    std::ofstream out{extra};
    out << "{\"format\":\"parley\",\"version\":1,\"claims\":[";
    for (std::size_t n = 0, i = 0; n < o.extra_claims; ++i) {
      // Every event in turn but the page's.
      const std::string event = parley::bench::generated_event_id(i % o.events);
      if (shown.count(event)) continue;
      out << (n ? ",\n" : "\n") << "{\"id\":\"claim:extra-" << n
          << "\",\"event\":\"" << event
          << "\",\"source\":\"source:1\",\"stance\":\"asserts\"}";
      ++n;
    }
    out << "]}\n";
  }
  const auto start = Clock::now();
  db->import_file(extra);
  const double import_s = since(start);
  fs::remove(extra);
  // Reopened, as a user would query it later (on SQLite the write-ahead
  // log is checkpointed into the file when the last connection closes).
  db.reset();
  db = std::make_unique<parley::Database>(side.location);
  const double after = median_ms(o.runs, page);
  std::printf(
      "\nclaims independence on %s: actor page + make_timeline %.2f ms with "
      "%zu claims, %.2f ms with %zu: ratio %.2f (%zu claims imported in "
      "%.1f s, %.0f/s)\n",
      side.name, before, claims_before, after, db->totals().claims,
      after / before, o.extra_claims, import_s, o.extra_claims / import_s);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool more = i + 1 < argc;
    if (arg == "--events" && more) {
      o.events = std::stoul(argv[++i]);
    } else if (arg == "--runs" && more) {
      o.runs = std::stoi(argv[++i]);
    } else if (arg == "--extra-claims" && more) {
      o.extra_claims = std::stoul(argv[++i]);
    } else if (arg == "--dir" && more) {
      o.dir = argv[++i];
    } else if (arg == "--keep") {
      o.keep = true;
#ifdef PARLEY_BENCH_POSTGRES
    } else if (arg == "--postgres" && more) {
      o.postgres = argv[++i];
#endif
    } else {
      std::fprintf(stderr,
                   "usage: bench_query [--events N] [--runs R] "
                   "[--extra-claims K] [--dir DIR] [--keep] "
                   "[--postgres CONNINFO]\n");
      std::exit(64);
    }
  }
  return o;
}

// The generated document of `o.events` events, written once per run.
const fs::path& document(const Options& o) {
  static const fs::path json = [&] {
    fs::path path = o.dir / ("query-" + std::to_string(o.events) + ".json");
    std::ofstream out{path, std::ios::binary};
    parley::bench::write_document(out, {.events = o.events});
    return path;
  }();
  return json;
}

void print_ingest(const char* server, std::size_t events, double parley_s,
                  double minimal_s) {
  std::printf(
      "ingest of %zu events on %s: parley %.1f s (%.0f events/s), minimal "
      "%.1f s (%.0f events/s): ratio %.2f\n",
      events, server, parley_s, events / parley_s, minimal_s,
      events / minimal_s, minimal_s / parley_s);
}

void load_sqlite(const Options& o, const fs::path& ours,
                 const fs::path& theirs) {
  const fs::path& json = document(o);
  fs::remove(ours);
  auto start = Clock::now();
  parley::Database db{ours};
  db.import_file(json);
  const double parley_s = since(start);
  start = Clock::now();
  parley::bench::minimal::load(json, theirs);
  const double minimal_s = since(start);
  print_ingest("sqlite", o.events, parley_s, minimal_s);
  revise(db, o.events, "sqlite");
  sqlite3* minimal = parley::bench::minimal::open(theirs);
  revise_minimal(minimal);
  sqlite3_close(minimal);
}

Side sqlite_side(const Options& o) {
  const std::string n = std::to_string(o.events);
  const fs::path ours = o.dir / ("query-" + n + ".parley");
  const fs::path theirs = o.dir / ("query-" + n + ".minimal");
  if (!o.keep || !fs::exists(ours) || !fs::exists(theirs))
    load_sqlite(o, ours, theirs);
  std::printf(
      "database size on sqlite: parley %.1f MB, minimal %.1f MB: "
      "%.2fx\n",
      fs::file_size(ours) / 1e6, fs::file_size(theirs) / 1e6,
      static_cast<double>(fs::file_size(ours)) / fs::file_size(theirs));
  sqlite3* minimal = parley::bench::minimal::open(theirs);  // for the run
  return {"sqlite", ours.string(),
          [minimal](const Case& c) { return minimal_page(minimal, c); },
          [minimal](const Case& c) { return minimal_counts(minimal, c); }};
}

#ifdef PARLEY_BENCH_POSTGRES
Side postgres_side(const Options& o) {
  namespace pg = parley::bench::minimal_postgres;
  PGconn* server = pg::connect(o.postgres);
  const std::string n = std::to_string(o.events);
  const std::string ours = "bench_parley_" + n, theirs = "bench_minimal_" + n;
  std::string ours_at = pg::conninfo_of(server, ours);
  std::string theirs_at = pg::conninfo_of(server, theirs);
  if (!o.keep || !pg::exists(server, ours) || !pg::exists(server, theirs)) {
    ours_at = pg::fresh_database(server, ours);
    theirs_at = pg::fresh_database(server, theirs);
    auto start = Clock::now();
    parley::Database db{ours_at};
    db.import_file(document(o));
    const double parley_s = since(start);
    start = Clock::now();
    pg::load(document(o), theirs_at);
    print_ingest("postgres", o.events, parley_s, since(start));
    revise(db, o.events, "postgres");
    PGconn* minimal = pg::connect(theirs_at);
    pg::exec(minimal,
             "UPDATE event SET title = title || ' revised' "
             "WHERE n % 20 = 8; ANALYZE");
    PQfinish(minimal);
  }
  PGconn* minimal = pg::connect(theirs_at);  // for the run
  PGconn* parley_db = pg::connect(ours_at);
  const double ours_size = pg::size(parley_db), theirs_size = pg::size(minimal);
  PQfinish(parley_db);
  PQfinish(server);
  std::printf(
      "database size on postgres: parley %.1f MB, minimal %.1f MB: "
      "%.2fx\n",
      ours_size / 1e6, theirs_size / 1e6, ours_size / theirs_size);
  return {"postgres", ours_at,
          [minimal](const Case& c) { return postgres_page(minimal, c); },
          [minimal](const Case& c) { return postgres_counts(minimal, c); }};
}
#endif

}  // namespace

int main(int argc, char** argv) try {
  const Options o = parse(argc, argv);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  const auto start = Clock::now();
  std::vector<Side> sides{sqlite_side(o)};
#ifdef PARLEY_BENCH_POSTGRES
  if (!o.postgres.empty()) sides.push_back(postgres_side(o));
#endif
  const fs::path json = o.dir / ("query-" + std::to_string(o.events) + ".json");
  if (fs::exists(json)) fs::remove(json);
  {
    std::vector<std::unique_ptr<parley::Database>> dbs;
    for (const Side& s : sides)
      dbs.push_back(std::make_unique<parley::Database>(s.location));
    run_pages(sides, dbs, o.runs);
    run_counts(sides, dbs, o.runs);
  }
  if (o.extra_claims > 0 && !o.keep) {
    for (const Side& s : sides) run_claims(s, o);
  }
  std::printf("\nthe whole run took %.0f s\n", since(start));
} catch (const parley::Error& e) {
  std::fprintf(stderr, "bench_query: %s\n", e.what());
  return 2;
}
