// The baseline of bench_query on a PostgreSQL server: minimal.hpp's schema
// and questions written as a competent engineer would for PostgreSQL, on
// libpq directly.
//
//   PGconn* server = bench::minimal_postgres::connect(conninfo);
//   std::string db = bench::minimal_postgres::fresh_database(server, "x");
//   bench::minimal_postgres::load("big.json", db);
//
// The schema is minimal.hpp's (the current state only): event(n, id, kind,
// lo, hi, place, title, deaths), participant(event, actor) by event id,
// place(id, parent), claim(event, quote), with a stored tsvector of the
// title and of the quote ('simple' configuration: no stemming, as FTS5's
// unicode61) and GIN indexes on them, and the btree indexes of minimal.hpp.
// `n` is the row's position in the document from 1 (SQLite's rowid).
// The loader reads the document with minimal::for_each_entry, sends each
// table by one COPY in one transaction, then builds the indexes and runs
// ANALYZE. Exits the process with a message on any server error.
#ifndef PARLEY_BENCH_MINIMAL_POSTGRES_HPP
#define PARLEY_BENCH_MINIMAL_POSTGRES_HPP

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "minimal.hpp"
#include <libpq-fe.h>

namespace parley::bench::minimal_postgres {

[[noreturn]] inline void die(PGconn* db, const std::string& what) {
  std::fprintf(stderr, "postgres: %s: %s\n", what.c_str(), PQerrorMessage(db));
  std::exit(2);
}

inline PGconn* connect(const std::string& conninfo) {
  PGconn* db = PQconnectdb(conninfo.c_str());
  if (PQstatus(db) != CONNECTION_OK) die(db, "connect");
  PQclear(PQexec(db, "SET client_min_messages = warning"));
  return db;
}

// Runs `sql` (one or more statements without parameters).
inline void exec(PGconn* db, const std::string& sql) {
  PGresult* r = PQexec(db, sql.c_str());
  const auto status = PQresultStatus(r);
  PQclear(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) die(db, sql);
}

// The connection string of database `name` on the server of `server`.
inline std::string conninfo_of(PGconn* server, const std::string& name) {
  std::string conninfo;
  PQconninfoOption* options = PQconninfo(server);
  for (PQconninfoOption* o = options; o && o->keyword; ++o) {
    const std::string key = o->keyword;
    if (!o->val || !*o->val || key == "dbname") continue;
    std::string value;
    for (const char* c = o->val; *c; ++c) {
      if (*c == '\'' || *c == '\\') value += '\\';
      value += *c;
    }
    conninfo += key + "='" + value + "' ";
  }
  PQconninfoFree(options);
  return conninfo + "dbname=" + name;
}

inline bool exists(PGconn* server, const std::string& name) {
  const char* value = name.c_str();
  PGresult* r =
      PQexecParams(server, "SELECT 1 FROM pg_database WHERE datname = $1", 1,
                   nullptr, &value, nullptr, nullptr, 0);
  const bool found = PQntuples(r) > 0;
  PQclear(r);
  return found;
}

// Drops database `name` if it exists and creates it empty: its connection
// string.
inline std::string fresh_database(PGconn* server, const std::string& name) {
  exec(server, "DROP DATABASE IF EXISTS " + name);
  exec(server, "CREATE DATABASE " + name);
  return conninfo_of(server, name);
}

// Runs `sql` with `binds` as text parameters ($1, $2, …), prepared once
// per connection and text: the rows, which the caller PQclear()s.
inline PGresult* run(PGconn* db, const std::string& sql,
                     const std::vector<std::string>& binds) {
  static std::unordered_map<PGconn*, std::unordered_map<std::string, int>>
      prepared;
  auto& names = prepared[db];
  auto it = names.find(sql);
  if (it == names.end()) {
    const int number = static_cast<int>(names.size());
    const std::string name = "q" + std::to_string(number);
    PGresult* p = PQprepare(db, name.c_str(), sql.c_str(), 0, nullptr);
    const bool ok = PQresultStatus(p) == PGRES_COMMAND_OK;
    PQclear(p);
    if (!ok) die(db, sql);
    it = names.emplace(sql, number).first;
  }
  std::vector<const char*> values;
  for (const std::string& b : binds) values.push_back(b.c_str());
  const std::string name = "q" + std::to_string(it->second);
  PGresult* r =
      PQexecPrepared(db, name.c_str(), static_cast<int>(values.size()),
                     values.data(), nullptr, nullptr, 0);
  if (PQresultStatus(r) != PGRES_TUPLES_OK) die(db, sql);
  return r;
}

// Appends `value` as a field of COPY's text format (\N for null).
inline void append_field(std::string& out, const nlohmann::json& value) {
  if (value.is_null()) {
    out += "\\N";
    return;
  }
  const std::string text =
      value.is_string() ? value.get<std::string>() : value.dump();
  for (const char c : text) {
    if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
      out += '\\';
      out += c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\';
    } else {
      out += c;
    }
  }
}

inline void append_row(std::string& out,
                       std::initializer_list<nlohmann::json> fields) {
  bool first = true;
  for (const nlohmann::json& f : fields) {
    if (!first) out += '\t';
    first = false;
    append_field(out, f);
  }
  out += '\n';
}

// COPY `target` FROM STDIN with `data`, in chunks of 1 MB.
inline void copy(PGconn* db, const std::string& target,
                 const std::string& data) {
  PGresult* start = PQexec(db, ("COPY " + target + " FROM STDIN").c_str());
  const bool ok = PQresultStatus(start) == PGRES_COPY_IN;
  PQclear(start);
  if (!ok) die(db, "COPY " + target);
  constexpr std::size_t chunk = 1 << 20;
  for (std::size_t at = 0; at < data.size(); at += chunk) {
    const std::size_t n = std::min(chunk, data.size() - at);
    if (PQputCopyData(db, data.data() + at, static_cast<int>(n)) != 1)
      die(db, "COPY data");
  }
  if (PQputCopyEnd(db, nullptr) != 1) die(db, "COPY end");
  PGresult* end = PQgetResult(db);
  const bool done = PQresultStatus(end) == PGRES_COMMAND_OK;
  PQclear(end);
  while (PGresult* rest = PQgetResult(db)) PQclear(rest);
  if (!done) die(db, "COPY " + target);
}

inline const char* const tables = R"(
CREATE TABLE event (n bigint PRIMARY KEY, id text NOT NULL UNIQUE,
  kind text NOT NULL, lo bigint NOT NULL, hi bigint NOT NULL, place text,
  title text NOT NULL, deaths_low bigint, deaths_best bigint,
  deaths_high bigint,
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED);
CREATE TABLE participant (event text NOT NULL, actor text NOT NULL);
CREATE TABLE place (id text PRIMARY KEY, parent text);
CREATE TABLE claim (event text NOT NULL, quote text NOT NULL,
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple', quote)) STORED);
)";

inline const char* const indexes = R"(
CREATE INDEX event_order ON event (lo, hi, id);
CREATE INDEX event_kind ON event (kind, lo);
CREATE INDEX event_place ON event (place, lo);
CREATE INDEX event_search ON event USING gin (search);
CREATE INDEX participant_actor ON participant (actor, event);
CREATE INDEX place_parent ON place (parent);
CREATE INDEX claim_event ON claim (event);
CREATE INDEX claim_search ON claim USING gin (search);
)";

// Loads the generated document at `json` into the empty database at
// `conninfo`.
inline void load(const std::filesystem::path& json,
                 const std::string& conninfo) {
  std::string events, participants, places, claims;
  std::size_t n = 0;
  minimal::for_each_entry(json, [&](const std::string& section,
                                    const nlohmann::json& e) {
    const nlohmann::json none;
    if (section == "events") {
      const auto [lo, hi] = minimal::day_bounds(e["time"]);
      const nlohmann::json& d = e.contains("details") ? e["details"] : none;
      auto field = [&](const char* name) {
        return d.contains(name) ? d[name] : none;
      };
      append_row(events, {++n, e["id"], e["kind"], lo, hi, e["place"],
                          e["title"]["en"], field("deaths_low"),
                          field("deaths_best"), field("deaths_high")});
      for (const auto& p : e["participants"])
        append_row(participants, {e["id"], p["actor"]});
    } else if (section == "places") {
      append_row(places, {e["id"], e.contains("parent") ? e["parent"] : none});
    } else if (section == "claims") {
      append_row(claims, {e["event"], e["quote"]});
    }
  });
  PGconn* db = connect(conninfo);
  exec(db, std::string("BEGIN;") + tables);
  copy(db,
       "event (n, id, kind, lo, hi, place, title, deaths_low, deaths_best, "
       "deaths_high)",
       events);
  copy(db, "participant (event, actor)", participants);
  copy(db, "place (id, parent)", places);
  copy(db, "claim (event, quote)", claims);
  exec(db, std::string(indexes) + "COMMIT; ANALYZE");
  PQfinish(db);
}

// The database's size on the server, in bytes.
inline double size(PGconn* db) {
  PGresult* r = run(db, "SELECT pg_database_size(current_database())", {});
  const double bytes = std::atof(PQgetvalue(r, 0, 0));
  PQclear(r);
  return bytes;
}

}  // namespace parley::bench::minimal_postgres

#endif  // PARLEY_BENCH_MINIMAL_POSTGRES_HPP
