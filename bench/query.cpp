// bench_query — parley's queries and counts against the hand-written
// baseline of minimal.hpp (raw SQLite C API, minimal schema), on the same
// generated data, in the same run, with the answers compared.
//
//   bench_query [--events N] [--runs R] [--extra-claims K] [--dir DIR]
//               [--keep]
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
#include "timing.hpp"

namespace {

namespace fs = std::filesystem;
using parley::bench::Clock;
using parley::bench::median_ms;
using parley::bench::since;
using Ids = std::vector<std::string>;

struct Options {
  std::size_t events = 1'000'000;
  int runs = 5;
  std::size_t extra_claims = 900'000;
  fs::path dir = fs::temp_directory_path();
  bool keep = false;
};

parley::RecordTime at(const char* text) {
  return parley::parse_record_time(text);
}

// Revises the title of every 20th event (from the 8th): a new version a
// year later in parley, an update in place in the baseline.
void revise(parley::Database& db, sqlite3* minimal, std::size_t events) {
  parley::Document doc;
  for (std::size_t i = 7; i < events; i += 20) {
    parley::Event e =
        *db.event(parley::EventId{parley::bench::generated_event_id(i)});
    e.title["en"] += " revised";
    doc.events.push_back({e});
  }
  db.import(doc, {.recorded_at = at("2021-01-01T00:00:00Z")});
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
Ids minimal_page(sqlite3* db, const std::string& sql,
                 const std::vector<std::string>& binds) {
  sqlite3_stmt* s = parley::bench::minimal::prepare_bound(db, sql, binds);
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

Ids parley_page(const parley::Database& db, const parley::Query& q) {
  Ids ids;
  for (const parley::Event& e : db.query(q).events) ids.push_back(e.id.value);
  return ids;
}

struct PageCase {
  const char* name;
  parley::Query query;
  std::string sql;  // the baseline's SELECT, before ORDER BY
  std::vector<std::string> binds;
};

constexpr const char* columns =
    "SELECT e.id, e.kind, e.lo, e.hi, e.place, e.title ";
constexpr const char* order = " ORDER BY e.lo, e.hi, e.id LIMIT 100";
constexpr const char* region_sql =
    "WITH RECURSIVE inside(id) AS (SELECT ? UNION SELECT p.id FROM place p "
    "JOIN inside ON p.parent = inside.id) ";

parley::Query window(const char* edtf) {
  parley::Query q;
  q.time = parley::TimeFilter{parley::Edtf::parse(edtf)};
  return q;
}

std::vector<PageCase> page_cases() {
  auto with = [](parley::Query q, auto&& set) {
    set(q);
    q.limit = 100;
    return q;
  };
  const std::string overlap = "FROM event e WHERE e.lo < ? AND e.hi > ?";
  return {
      {"one actor",
       with(parley::Query{},
            [](auto& q) { q.actors = {parley::ActorId{"actor:17"}}; }),
       "FROM participant p JOIN event e ON e.rowid = p.event WHERE p.actor = ?",
       {"actor:17"}},
      {"3-day window",
       with(window("2015-06-10/2015-06-12"), [](auto&) {}),
       overlap,
       {"16599", "16596"}},
      {"a month",
       with(window("2015-06"), [](auto&) {}),
       overlap,
       {"16617", "16587"}},
      {"a region, every place inside",
       with(parley::Query{},
            [](auto& q) { q.places = {parley::PlaceId{"place:region-7"}}; }),
       "FROM event e WHERE e.place IN inside",
       {"place:region-7"}},
      {"text: one word",
       with(parley::Query{}, [](auto& q) { q.text = "convoy"; }),
       "FROM event e WHERE e.rowid IN (SELECT rowid FROM event_text WHERE "
       "event_text MATCH ?) OR e.id IN (SELECT c.event FROM claim c WHERE "
       "c.rowid IN (SELECT rowid FROM claim_text WHERE claim_text MATCH ?))",
       {"convoy", "convoy"}},
      {"one kind",
       with(parley::Query{}, [](auto& q) { q.kinds = {"ceasefire"}; }),
       "FROM event e WHERE e.kind = ?",
       {"ceasefire"}},
  };
}

void fail(const char* what) {
  std::printf("DIFFERENT ANSWERS: %s\n", what);
  std::exit(1);
}

void run_pages(const parley::Database& db, sqlite3* minimal, int runs) {
  std::printf("\n%-34s %10s %10s %7s %6s\n", "first page of 100", "parley ms",
              "minimal ms", "ratio", "rows");
  for (const PageCase& c : page_cases()) {
    const bool region = c.name[0] == 'a' && c.name[2] == 'r';
    const std::string sql =
        (region ? std::string(region_sql) : "") + columns + c.sql + order;
    Ids ours, theirs;
    const double p = median_ms(runs, [&] { ours = parley_page(db, c.query); });
    const double m =
        median_ms(runs, [&] { theirs = minimal_page(minimal, sql, c.binds); });
    if (ours != theirs) fail(c.name);
    std::printf("%-34s %10.2f %10.2f %7.2f %6zu\n", c.name, p, m, p / m,
                ours.size());
  }
  parley::Query now = window("2015-06-10/2015-06-12");
  now.limit = 100;
  parley::Query then = now;
  then.as_of = at("2020-06-01T00:00:00Z");
  Ids a, b;
  const double current = median_ms(runs, [&] { a = parley_page(db, now); });
  const double as_of = median_ms(runs, [&] { b = parley_page(db, then); });
  if (a != b) fail("as-of window");
  std::printf("%-34s %10.2f %10.2f %7.2f %6zu  (vs current, not minimal)\n",
              "3-day window as of a year before", as_of, current,
              as_of / current, b.size());
}

using CountRow =
    std::tuple<std::string, std::string, std::size_t, std::int64_t>;

std::vector<CountRow> minimal_counts(sqlite3* db, const std::string& sql,
                                     const std::vector<std::string>& binds) {
  sqlite3_stmt* s = parley::bench::minimal::prepare_bound(db, sql, binds);
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

std::vector<CountRow> parley_counts(const parley::Database& db,
                                    const parley::Query& q) {
  std::vector<CountRow> rows;
  for (const parley::Count& c :
       db.count(q, parley::Period::month, parley::GroupBy::kind)) {
    rows.emplace_back(c.period, c.key, c.count, c.deaths_best);
  }
  return rows;
}

void run_counts(const parley::Database& db, sqlite3* minimal, int runs) {
  const std::string head =
      "SELECT strftime('%Y-%m', e.lo * 86400, 'unixepoch') AS m, e.kind, "
      "count(*), coalesce(sum(e.deaths_best), 0) ";
  const std::string tail = " GROUP BY m, e.kind ORDER BY m, e.kind";
  struct CountCase {
    const char* name;
    parley::Query query;
    std::string sql;
    std::vector<std::string> binds;
  };
  parley::Query actor, region;
  actor.actors = {parley::ActorId{"actor:17"}};
  region.places = {parley::PlaceId{"place:region-7"}};
  const std::vector<CountCase> cases = {
      {"all events", {}, head + "FROM event e" + tail, {}},
      {"one actor",
       actor,
       head +
           "FROM participant p JOIN event e ON e.rowid = p.event WHERE "
           "p.actor = ?" +
           tail,
       {"actor:17"}},
      {"a region, every place inside",
       region,
       region_sql + head + "FROM event e WHERE e.place IN inside" + tail,
       {"place:region-7"}},
      {"a year (window)",
       window("2015"),
       head + "FROM event e WHERE e.lo < ? AND e.hi > ?" + tail,
       {"16801", "16436"}},
  };
  std::printf("\n%-34s %10s %10s %7s %6s\n", "counts, month x kind",
              "parley ms", "minimal ms", "ratio", "rows");
  for (const CountCase& c : cases) {
    std::vector<CountRow> ours, theirs;
    const double p =
        median_ms(runs, [&] { ours = parley_counts(db, c.query); });
    const double m = median_ms(
        runs, [&] { theirs = minimal_counts(minimal, c.sql, c.binds); });
    if (ours != theirs) fail(c.name);
    std::printf("%-34s %10.2f %10.2f %7.2f %6zu\n", c.name, p, m, p / m,
                ours.size());
  }
}

// The actor page and its timeline, before and after `extra` claims on
// other events.
void run_claims(const fs::path& path, const Options& o) {
  auto db = std::make_unique<parley::Database>(path);
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
  db->import_file(extra);
  fs::remove(extra);
  // Reopened, as a user would query it later: the write-ahead log is
  // checkpointed into the file when the last connection closes.
  db.reset();
  db = std::make_unique<parley::Database>(path);
  const double after = median_ms(o.runs, page);
  std::printf(
      "\nclaims independence: actor page + make_timeline %.2f ms with %zu "
      "claims, %.2f ms with %zu: ratio %.2f\n",
      before, claims_before, after, db->totals().claims, after / before);
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
    } else {
      std::fprintf(stderr,
                   "usage: bench_query [--events N] [--runs R] "
                   "[--extra-claims K] [--dir DIR] [--keep]\n");
      std::exit(64);
    }
  }
  return o;
}

void load(const Options& o, const fs::path& ours, const fs::path& theirs) {
  const fs::path json = o.dir / ("query-" + std::to_string(o.events) + ".json");
  {
    std::ofstream out{json, std::ios::binary};
    parley::bench::write_document(out, {.events = o.events});
  }
  fs::remove(ours);
  auto start = Clock::now();
  parley::Database db{ours};
  db.import_file(json);
  const double parley_s = since(start);
  start = Clock::now();
  parley::bench::minimal::load(json, theirs);
  const double minimal_s = since(start);
  sqlite3* minimal = parley::bench::minimal::open(theirs);
  revise(db, minimal, o.events);
  sqlite3_close(minimal);
  fs::remove(json);
  std::printf(
      "ingest of %zu events: parley %.1f s (%.0f events/s), minimal "
      "%.1f s (%.0f events/s): ratio %.2f\n",
      o.events, parley_s, o.events / parley_s, minimal_s, o.events / minimal_s,
      minimal_s / parley_s);
}

}  // namespace

int main(int argc, char** argv) try {
  const Options o = parse(argc, argv);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  const std::string n = std::to_string(o.events);
  const fs::path ours = o.dir / ("query-" + n + ".parley");
  const fs::path theirs = o.dir / ("query-" + n + ".minimal");
  if (!o.keep || !fs::exists(ours) || !fs::exists(theirs))
    load(o, ours, theirs);
  std::printf("database size: parley %.1f MB, minimal %.1f MB: %.2fx\n",
              fs::file_size(ours) / 1e6, fs::file_size(theirs) / 1e6,
              static_cast<double>(fs::file_size(ours)) / fs::file_size(theirs));
  {
    parley::Database db{ours};
    sqlite3* minimal = parley::bench::minimal::open(theirs);
    run_pages(db, minimal, o.runs);
    run_counts(db, minimal, o.runs);
    sqlite3_close(minimal);
  }
  if (o.extra_claims > 0 && !o.keep) run_claims(ours, o);
} catch (const parley::Error& e) {
  std::fprintf(stderr, "bench_query: %s\n", e.what());
  return 2;
}
