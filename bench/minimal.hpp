// The baseline of parley's benchmarks: what a competent engineer would
// write by hand for the same questions, on the raw SQLite C API over a
// minimal, well-indexed schema. Shared by bench_ingest and bench_query.
//
//   bench::minimal::load("big.json", "minimal.db");  // a generated document
//   sqlite3* db = bench::minimal::open("minimal.db");
//
// The schema holds the current state only: event(id, kind, lo, hi, place,
// title, deaths), participant(event, actor), place(id, parent) for
// containment, claim(event, quote), and FTS5 over titles and over quotes,
// with indexes (lo, hi, id), (kind, lo), (place, lo) and
// participant(actor, event). `lo` and `hi` are the first day and the day
// after the last, as days since 1970-01-01.
//
// The loader reads a document written by generate.hpp line by line (one
// entry per line) and inserts it in one transaction with prepared
// statements. Exits the process with a message on any SQLite error.
#ifndef PARLEY_BENCH_MINIMAL_HPP
#define PARLEY_BENCH_MINIMAL_HPP

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

namespace parley::bench::minimal {

inline void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "sqlite: %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(2);
  }
}

inline void exec(sqlite3* db, const char* sql) {
  check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql);
}

inline sqlite3_stmt* prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  check(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), db, sql.c_str());
  return s;
}

// `sql` prepared with `binds` as its text parameters, in order.
inline sqlite3_stmt* prepare_bound(sqlite3* db, const std::string& sql,
                                   const std::vector<std::string>& binds) {
  sqlite3_stmt* s = prepare(db, sql);
  for (std::size_t i = 0; i < binds.size(); ++i) {
    sqlite3_bind_text(s, static_cast<int>(i) + 1, binds[i].c_str(), -1,
                      SQLITE_TRANSIENT);
  }
  return s;
}

inline sqlite3* open(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  check(sqlite3_open(path.c_str(), &db), db, "open");
  return db;
}

// Days since 1970-01-01 of "YYYY-MM-DD" (proleptic Gregorian).
inline long long day_number(const std::string& text) {
  long long y = std::stoll(text.substr(0, 4));
  const unsigned m = static_cast<unsigned>(std::stoi(text.substr(5, 2)));
  const unsigned d = static_cast<unsigned>(std::stoi(text.substr(8, 2)));
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// The first day and the day after the last of a generated event's time
// ("YYYY-MM-DD" or "YYYY-MM-DD/YYYY-MM-DD").
inline std::pair<long long, long long> day_bounds(const std::string& time) {
  const auto slash = time.find('/');
  const std::string last =
      slash == std::string::npos ? time : time.substr(slash + 1);
  return {day_number(time), day_number(last) + 1};
}

inline const char* const schema = R"(
PRAGMA journal_mode = WAL;
CREATE TABLE event (id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
  lo INTEGER NOT NULL, hi INTEGER NOT NULL, place TEXT, title TEXT NOT NULL,
  deaths_low INTEGER, deaths_best INTEGER, deaths_high INTEGER);
CREATE TABLE participant (event INTEGER NOT NULL, actor TEXT NOT NULL);
CREATE TABLE place (id TEXT PRIMARY KEY, parent TEXT);
CREATE TABLE claim (event TEXT NOT NULL, quote TEXT NOT NULL);
CREATE VIRTUAL TABLE event_text USING fts5 (title);
CREATE VIRTUAL TABLE claim_text USING fts5 (quote);
CREATE INDEX event_order ON event (lo, hi, id);
CREATE INDEX event_kind ON event (kind, lo);
CREATE INDEX event_place ON event (place, lo);
CREATE INDEX participant_actor ON participant (actor, event);
CREATE INDEX place_parent ON place (parent);
CREATE INDEX claim_event ON claim (event);
)";

// Binds `value` as text or integer, or NULL when it is null or absent.
// (Not named bind: argument-dependent lookup would find std::bind.)
inline void bind_json(sqlite3_stmt* s, int i, const nlohmann::json& value) {
  if (value.is_string()) {
    const std::string text = value.get<std::string>();
    sqlite3_bind_text(s, i, text.c_str(), -1, SQLITE_TRANSIENT);
  } else if (value.is_number_integer()) {
    sqlite3_bind_int64(s, i, value.get<long long>());
  } else {
    sqlite3_bind_null(s, i);
  }
}

inline void step(sqlite3* db, sqlite3_stmt* s, const char* what) {
  check(sqlite3_step(s), db, what);
  sqlite3_reset(s);
}

struct Statements {
  sqlite3_stmt* event;
  sqlite3_stmt* text;
  sqlite3_stmt* participant;
  sqlite3_stmt* place;
  sqlite3_stmt* claim;
  sqlite3_stmt* claim_text;
};

inline void insert_event(sqlite3* db, Statements& s, const nlohmann::json& e) {
  const auto [lo, hi] = day_bounds(e["time"]);
  const nlohmann::json none;
  const nlohmann::json& details = e.contains("details") ? e["details"] : none;
  auto field = [&](const char* name) {
    return details.contains(name) ? details[name] : none;
  };
  bind_json(s.event, 1, e["id"]);
  bind_json(s.event, 2, e["kind"]);
  sqlite3_bind_int64(s.event, 3, lo);
  sqlite3_bind_int64(s.event, 4, hi);
  bind_json(s.event, 5, e["place"]);
  bind_json(s.event, 6, e["title"]["en"]);
  bind_json(s.event, 7, field("deaths_low"));
  bind_json(s.event, 8, field("deaths_best"));
  bind_json(s.event, 9, field("deaths_high"));
  step(db, s.event, "insert event");
  const sqlite3_int64 row = sqlite3_last_insert_rowid(db);
  sqlite3_bind_int64(s.text, 1, row);
  bind_json(s.text, 2, e["title"]["en"]);
  step(db, s.text, "insert text");
  for (const auto& p : e["participants"]) {
    sqlite3_bind_int64(s.participant, 1, row);
    bind_json(s.participant, 2, p["actor"]);
    step(db, s.participant, "insert participant");
  }
}

inline void insert_claim(sqlite3* db, Statements& s, const nlohmann::json& c) {
  bind_json(s.claim, 1, c["event"]);
  bind_json(s.claim, 2, c["quote"]);
  step(db, s.claim, "insert claim");
  sqlite3_bind_int64(s.claim_text, 1, sqlite3_last_insert_rowid(db));
  bind_json(s.claim_text, 2, c["quote"]);
  step(db, s.claim_text, "insert claim text");
}

// Calls `f(section, entry)` for each entry of the generated document at
// `json`, in order; `section` is the first six letters of its array's name
// ("actors", "places", "source", "events", "claims"). Reads line by line:
// an entry ends its line, before a separator or the closing "]" of its
// array; the document's last line also closes the document.
template <class F>
void for_each_entry(const std::filesystem::path& json, F&& f) {
  std::ifstream in{json};
  std::string line, section;
  while (std::getline(in, line)) {
    if (line.size() > 2 && line[0] == '"') section = line.substr(1, 6);
    const auto open = line.find('{');
    if (open == std::string::npos || section.empty()) continue;
    const bool last = in.peek() == std::char_traits<char>::eof();
    const auto end = last ? line.rfind(']') : line.rfind('}') + 1;
    f(section, nlohmann::json::parse(line.substr(open, end - open)));
  }
}

// Loads the generated document at `json` into a new database at `path`.
inline void load(const std::filesystem::path& json,
                 const std::filesystem::path& path) {
  std::filesystem::remove(path);
  sqlite3* db = open(path);
  exec(db, schema);
  exec(db, "BEGIN");
  Statements s{
      prepare(db,
              "INSERT INTO event (id, kind, lo, hi, place, title, deaths_low, "
              "deaths_best, deaths_high) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      prepare(db, "INSERT INTO event_text (rowid, title) VALUES (?, ?)"),
      prepare(db, "INSERT INTO participant (event, actor) VALUES (?, ?)"),
      prepare(db, "INSERT INTO place (id, parent) VALUES (?, ?)"),
      prepare(db, "INSERT INTO claim (event, quote) VALUES (?, ?)"),
      prepare(db, "INSERT INTO claim_text (rowid, quote) VALUES (?, ?)")};
  for_each_entry(
      json, [&](const std::string& section, const nlohmann::json& e) {
        if (section == "events") {
          insert_event(db, s, e);
        } else if (section == "places") {
          bind_json(s.place, 1, e["id"]);
          bind_json(s.place, 2,
                    e.contains("parent") ? e["parent"] : nlohmann::json());
          step(db, s.place, "insert place");
        } else if (section == "claims") {
          insert_claim(db, s, e);
        }
      });
  for (sqlite3_stmt* statement :
       {s.event, s.text, s.participant, s.place, s.claim, s.claim_text}) {
    sqlite3_finalize(statement);
  }
  exec(db, "COMMIT");
  check(sqlite3_close(db), db, "close");
}

}  // namespace parley::bench::minimal

#endif  // PARLEY_BENCH_MINIMAL_HPP
