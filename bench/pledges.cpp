// bench_pledges — the pledge flags of `parley report pledges` and
// `parley count` (issue 11) against the hand-written baseline of
// minimal.hpp plus a pledge table and a link table, on the same generated
// data, in the same run, with the answers compared.
//
//   bench_pledges [--events N] [--pledges-every K] [--runs R] [--dir DIR]
//                 [--keep]
//
// Data: the document of generate.hpp with N events (default 1,000,000),
// then a second document of N / K pledges (default K = 20: 50,000) with
// single-day deadlines from a week to a year after the pledge, and links
// to them from the generated events: a third of the pledges fulfilled, a
// tenth violated (some both). Imported by parley (Database::import_file)
// and by the baseline loader. With --keep both databases stay in DIR and a
// later run reuses them.
//
// Questions: the first page of 100 pledges in chronological order through
// pledge_page() — overdue as known on a day, due in one month, violated,
// broken — and the overdue pledges counted by year (pledge_tracker() then
// count_pledges(), as `parley count --overdue-as-of` does), each against
// one SELECT a competent engineer would write over an index on the
// deadline and one on the link's target. Medians of R runs (default 5). An
// answer that differs between the sides stops the run with exit 1.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "parley/database.hpp"
#include "parley/error.hpp"
#include "parley/reports.hpp"

#include "generate.hpp"
#include "minimal.hpp"
#include "timing.hpp"

namespace {

namespace fs = std::filesystem;
namespace minimal = parley::bench::minimal;
using parley::bench::median_ms;
using Ids = std::vector<std::string>;

struct Options {
  std::size_t events = 1'000'000;
  std::size_t pledges_every = 20;
  int runs = 5;
  fs::path dir = fs::temp_directory_path();
  bool keep = false;
};

std::string pledge_id(std::size_t i) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "event:pledge-%07zu", i);
  return buffer;
}

// The pledges document, one entry per line (as minimal::load reads them).
void write_pledges(std::ostream& out, const Options& o) {
  parley::bench::generated::Random random{7};
  const std::size_t pledges = o.events / o.pledges_every;
  out << "{\"format\":\"parley\",\"version\":1,"
         "\"recorded\":\"2020-01-01T00:00:00Z\",\n\"events\":[";
  for (std::size_t i = 0; i < pledges; ++i) {
    const std::int64_t day = 10957 + static_cast<std::int64_t>(random(10950));
    const std::string pledger = "actor:" + std::to_string(random(500));
    out << (i ? ",\n" : "\n") << "{\"id\":\"" << pledge_id(i)
        << "\",\"kind\":\"pledge\",\"title\":{\"en\":\"pledge "
        << parley::bench::generated::title(random) << "\"},\"time\":\""
        << parley::bench::generated::date_of(day) << "\",\"place\":"
        << "\"place:city-" << random(500)
        << "\",\"participants\":[{\"actor\":\"" << pledger
        << "\",\"role\":\"party\"}],\"details\":{\"pledger\":\"" << pledger
        << "\",\"obligations\":[\"withdraw\"],\"deadline\":\""
        << parley::bench::generated::date_of(day + 7 + random(358))
        << "\",\"status\":\"made\"}}";
  }
  out << "\n],\n\"links\":[";
  bool first = true;
  for (std::size_t i = 0; i < pledges; ++i) {
    for (const char* kind : {"fulfils", "violates"}) {
      if (kind[0] == 'f' ? i % 3 != 0 : i % 10 != 1 && i % 10 != 3) continue;
      out << (first ? "\n" : ",\n") << "{\"from\":\""
          << parley::bench::generated_event_id(random(o.events))
          << "\",\"kind\":\"" << kind << "\",\"to\":\"" << pledge_id(i)
          << "\"}";
      first = false;
    }
  }
  out << "\n]}\n";
}

constexpr const char* pledge_schema = R"(
CREATE TABLE pledge (event INTEGER NOT NULL, deadline INTEGER NOT NULL);
CREATE TABLE link (from_id TEXT NOT NULL, kind TEXT NOT NULL,
  to_id TEXT NOT NULL);
CREATE INDEX pledge_deadline ON pledge (deadline, event);
CREATE INDEX pledge_event ON pledge (event);
CREATE INDEX link_to ON link (to_id, kind);
)";

// Adds the pledges document to the baseline: each pledge as an event of
// minimal.hpp's schema, its deadline (a day number) in `pledge`, the links.
void load_pledges(const fs::path& json, const fs::path& path) {
  sqlite3* db = minimal::open(path);
  minimal::exec(db, pledge_schema);
  minimal::exec(db, "BEGIN");
  minimal::Statements s{
      minimal::prepare(db,
                       "INSERT INTO event (id, kind, lo, hi, place, title, "
                       "deaths_low, deaths_best, deaths_high) VALUES (?, ?, "
                       "?, ?, ?, ?, ?, ?, ?)"),
      minimal::prepare(db,
                       "INSERT INTO event_text (rowid, title) VALUES (?, ?)"),
      minimal::prepare(db,
                       "INSERT INTO participant (event, actor) VALUES (?, ?)"),
      nullptr,
      nullptr,
      nullptr};
  sqlite3_stmt* pledge =
      minimal::prepare(db,
                       "INSERT INTO pledge (event, deadline) SELECT rowid, ? "
                       "FROM event WHERE id = ?");
  sqlite3_stmt* link = minimal::prepare(
      db, "INSERT INTO link (from_id, kind, to_id) VALUES (?, ?, ?)");
  std::ifstream in{json};
  std::string line;
  while (std::getline(in, line)) {
    const auto open = line.find('{', line.starts_with("{\"format") ? 1 : 0);
    const auto close = line.rfind('}');
    if (open == std::string::npos || close <= open) continue;
    const auto entry =
        nlohmann::json::parse(line.substr(open, close + 1 - open));
    if (entry.contains("kind") && entry["kind"] == "pledge") {
      minimal::insert_event(db, s, entry);
      sqlite3_bind_int64(pledge, 1,
                         minimal::day_number(entry["details"]["deadline"]));
      minimal::bind_json(pledge, 2, entry["id"]);
      minimal::step(db, pledge, "insert pledge");
    } else if (entry.contains("from")) {
      for (int i = 0; i < 3; ++i) {
        minimal::bind_json(link, i + 1,
                           entry[i == 0   ? "from"
                                 : i == 1 ? "kind"
                                          : "to"]);
      }
      minimal::step(db, link, "insert link");
    }
  }
  for (sqlite3_stmt* statement : {s.event, s.text, s.participant, pledge, link})
    sqlite3_finalize(statement);
  minimal::exec(db, "COMMIT");
  minimal::check(sqlite3_close(db), db, "close");
}

void load(const Options& o, const fs::path& ours, const fs::path& theirs) {
  const std::string n = std::to_string(o.events);
  const fs::path events = o.dir / ("pledges-" + n + "-events.json");
  const fs::path pledges = o.dir / ("pledges-" + n + "-pledges.json");
  {
    std::ofstream out{events, std::ios::binary};
    parley::bench::write_document(out, {.events = o.events});
    std::ofstream more{pledges, std::ios::binary};
    write_pledges(more, o);
  }
  fs::remove(ours);
  const auto start = parley::bench::Clock::now();
  parley::Database db{ours};
  db.import_file(events);
  db.import_file(pledges);
  const double parley_s = parley::bench::since(start);
  const auto mark = parley::bench::Clock::now();
  minimal::load(events, theirs);
  load_pledges(pledges, theirs);
  const double minimal_s = parley::bench::since(mark);
  fs::remove(events);
  fs::remove(pledges);
  std::printf("load: parley %.1f s, minimal %.1f s\n", parley_s, minimal_s);
}

[[noreturn]] void fail(const char* what) {
  std::printf("DIFFERENT ANSWERS: %s\n", what);
  std::exit(1);
}

}  // namespace

namespace {

parley::RecordTime at(const char* text) {
  return parley::parse_record_time(text);
}

std::int64_t day_of(const char* text) { return minimal::day_number(text); }

struct PledgeCase {
  const char* name;
  parley::PledgeFilter filter;
  std::string where;  // the baseline's conditions on pledge p, event e
  std::vector<std::int64_t> binds;
};

// The overdue question's record time, after every version (2020-01-01).
constexpr const char* known = "2020-06-01T00:00:00Z";
constexpr const char* no_fulfils =
    "NOT EXISTS (SELECT 1 FROM link l WHERE l.to_id = e.id AND l.kind = "
    "'fulfils')";
constexpr const char* violates =
    "EXISTS (SELECT 1 FROM link l WHERE l.to_id = e.id AND l.kind = "
    "'violates')";

std::vector<PledgeCase> cases() {
  using parley::PledgeFilter;
  PledgeFilter overdue, due, violated, broken;
  overdue.overdue_as_of = at(known);
  due.due_from = date::sys_days{date::year{2015} / 6 / 1};
  due.due_to = date::sys_days{date::year{2015} / 6 / 30};
  violated.violated = true;
  broken.statuses = {parley::PledgeStatus::broken};
  return {
      {"overdue as known on a day",
       overdue,
       std::string("p.deadline < ? AND ") + no_fulfils,
       {day_of(known)}},
      {"due in one month",
       due,
       "p.deadline BETWEEN ? AND ?",
       {day_of("2015-06-01"), day_of("2015-06-30")}},
      {"violated", violated, violates, {}},
      {"broken (violated, not fulfilled)",
       broken,
       std::string(violates) + " AND " + no_fulfils,
       {}},
  };
}

Ids parley_pledges(const parley::Database& db, const PledgeCase& c) {
  parley::Query q;
  q.limit = 100;
  Ids ids;
  for (const auto& entry : parley::pledge_page(db, q, c.filter).entries)
    ids.push_back(entry.pledge.id.value);
  return ids;
}

// Runs `sql` with integer parameters; calls `row` for each result row.
template <class Row>
void select(sqlite3* db, const std::string& sql,
            const std::vector<std::int64_t>& binds, Row&& row) {
  sqlite3_stmt* s = minimal::prepare(db, sql);
  for (std::size_t i = 0; i < binds.size(); ++i)
    sqlite3_bind_int64(s, static_cast<int>(i) + 1, binds[i]);
  while (sqlite3_step(s) == SQLITE_ROW) row(s);
  sqlite3_finalize(s);
}

std::string text(sqlite3_stmt* s, int column) {
  return reinterpret_cast<const char*>(sqlite3_column_text(s, column));
}

Ids minimal_pledges(sqlite3* db, const PledgeCase& c) {
  Ids ids;
  select(db,
         "SELECT e.id FROM pledge p JOIN event e ON e.rowid = p.event WHERE " +
             c.where + " ORDER BY e.lo, e.hi, e.id LIMIT 100",
         c.binds, [&](sqlite3_stmt* s) { ids.push_back(text(s, 0)); });
  return ids;
}

void run_pages(const parley::Database& db, sqlite3* theirs, int runs) {
  std::printf("\n%-34s %10s %10s %7s %6s\n", "first page of 100 pledges",
              "parley ms", "minimal ms", "ratio", "rows");
  for (const PledgeCase& c : cases()) {
    Ids ours, baseline;
    const double p = median_ms(runs, [&] { ours = parley_pledges(db, c); });
    const double m =
        median_ms(runs, [&] { baseline = minimal_pledges(theirs, c); });
    if (ours != baseline) {
      std::printf("parley %zu rows, minimal %zu\n", ours.size(),
                  baseline.size());
      fail(c.name);
    }
    std::printf("%-34s %10.2f %10.2f %7.2f %6zu\n", c.name, p, m, p / m,
                ours.size());
  }
}

using YearCounts = std::vector<std::pair<std::string, std::size_t>>;

// `parley count --overdue-as-of` against GROUP BY over the same condition.
void run_count(const parley::Database& db, sqlite3* theirs, int runs) {
  const PledgeCase overdue = cases().front();
  YearCounts ours, baseline;
  const double p = median_ms(runs, [&] {
    ours.clear();
    const auto entries =
        parley::pledge_tracker(db, parley::Query{}, overdue.filter);
    for (const parley::Count& count : parley::count_pledges(
             entries, parley::Period::year, parley::GroupBy::none))
      ours.emplace_back(count.period, count.count);
  });
  const double m = median_ms(runs, [&] {
    baseline.clear();
    select(theirs,
           "SELECT strftime('%Y', e.lo * 86400, 'unixepoch') AS y, count(*) "
           "FROM pledge p JOIN event e ON e.rowid = p.event WHERE " +
               overdue.where + " GROUP BY y ORDER BY y",
           overdue.binds, [&](sqlite3_stmt* s) {
             baseline.emplace_back(text(s, 0), static_cast<std::size_t>(
                                                   sqlite3_column_int64(s, 1)));
           });
  });
  if (ours != baseline) fail("overdue pledges by year");
  std::size_t total = 0;
  for (const auto& [year, n] : ours) total += n;
  std::printf("%-34s %10.2f %10.2f %7.2f %6zu\n", "overdue, counted by year", p,
              m, p / m, total);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool more = i + 1 < argc;
    if (arg == "--events" && more) {
      o.events = std::stoul(argv[++i]);
    } else if (arg == "--pledges-every" && more) {
      o.pledges_every = std::max<std::size_t>(1, std::stoul(argv[++i]));
    } else if (arg == "--runs" && more) {
      o.runs = std::stoi(argv[++i]);
    } else if (arg == "--dir" && more) {
      o.dir = argv[++i];
    } else if (arg == "--keep") {
      o.keep = true;
    } else {
      std::fprintf(stderr,
                   "usage: bench_pledges [--events N] [--pledges-every K] "
                   "[--runs R] [--dir DIR] [--keep]\n");
      std::exit(64);
    }
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) try {
  const Options o = parse(argc, argv);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  const std::string n = std::to_string(o.events);
  const fs::path ours = o.dir / ("pledges-" + n + ".parley");
  const fs::path theirs = o.dir / ("pledges-" + n + ".minimal");
  if (!o.keep || !fs::exists(ours) || !fs::exists(theirs))
    load(o, ours, theirs);
  std::printf("%zu events, %zu pledges\n", o.events,
              o.events / o.pledges_every);
  parley::Database db{ours, {.read_only = true}};
  sqlite3* minimal = minimal::open(theirs);
  run_pages(db, minimal, o.runs);
  run_count(db, minimal, o.runs);
  sqlite3_close(minimal);
  if (!o.keep) {
    fs::remove(ours);
    fs::remove(theirs);
  }
} catch (const parley::Error& e) {
  std::fprintf(stderr, "bench_pledges: %s\n", e.what());
  return 2;
}
