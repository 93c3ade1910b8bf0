// Ingest benchmark: parley's streaming import of a generated document
// against a hand-written loader on the raw SQLite C API over a minimal
// schema, same data, same run.
//
//   bench_ingest [EVENTS...] [--dir DIR]     (default: 100000)
//
// For each size it writes DIR/ingest-N.json (bench/generate.hpp), then
// loads it twice, each side in a child process of its own so that its peak
// RSS (wait4's ru_maxrss) and CPU time are its own:
//   parley  Database::import_file: validation, versions, the text index;
//   raw     reads the same file line by line (the generator writes one
//           entry per line), parses each event with nlohmann::json and
//           inserts it into event(id, kind, lo, hi, place, title),
//           participant(event, actor) and an FTS5 table over titles, with
//           indexes (lo, hi, id), (kind, lo), (place, lo) and
//           participant(actor, event), in one transaction.
// It prints events/s by wall and by CPU time, peak RSS and database size,
// and parley's ratio to raw for each.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "parley/database.hpp"
#include "parley/error.hpp"

#include "generate.hpp"
#include <sys/resource.h>
#include <sys/wait.h>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::cerr << "sqlite: " << what << ": " << sqlite3_errmsg(db) << '\n';
    std::exit(2);
  }
}

void exec(sqlite3* db, const char* sql) {
  check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql);
}

// Days since 1970-01-01 of "YYYY-MM-DD" (proleptic Gregorian).
long long day_number(const std::string& text) {
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

const char* const minimal_schema = R"(
PRAGMA journal_mode = WAL;
CREATE TABLE event (id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
  lo INTEGER NOT NULL, hi INTEGER NOT NULL, place TEXT, title TEXT NOT NULL);
CREATE TABLE participant (event INTEGER NOT NULL, actor TEXT NOT NULL);
CREATE VIRTUAL TABLE event_text USING fts5 (title);
CREATE INDEX event_order ON event (lo, hi, id);
CREATE INDEX event_kind ON event (kind, lo);
CREATE INDEX event_place ON event (place, lo);
CREATE INDEX participant_actor ON participant (actor, event);
)";

// The raw side: one transaction, prepared statements, one row at a time.
void raw_load(const fs::path& json, const fs::path& path) {
  sqlite3* db = nullptr;
  check(sqlite3_open(path.c_str(), &db), db, "open");
  exec(db, minimal_schema);
  exec(db, "BEGIN");
  sqlite3_stmt* event = nullptr;
  sqlite3_stmt* text = nullptr;
  sqlite3_stmt* participant = nullptr;
  check(sqlite3_prepare_v2(db,
                           "INSERT INTO event (id, kind, lo, hi, place, "
                           "title) VALUES (?, ?, ?, ?, ?, ?)",
                           -1, &event, nullptr),
        db, "prepare");
  check(sqlite3_prepare_v2(
            db, "INSERT INTO event_text (rowid, title) VALUES (?, ?)", -1,
            &text, nullptr),
        db, "prepare");
  check(sqlite3_prepare_v2(
            db, "INSERT INTO participant (event, actor) VALUES (?, ?)", -1,
            &participant, nullptr),
        db, "prepare");
  std::ifstream in{json};
  std::string line;
  bool in_events = false;
  while (std::getline(in, line)) {
    if (line.rfind("\"events\":[", 0) == 0) in_events = true;
    if (line.rfind("\"claims\":[", 0) == 0) in_events = false;
    if (!in_events || line.empty() || line[0] != '{') continue;
    const auto e = nlohmann::json::parse(line.substr(0, line.rfind('}') + 1));
    const std::string id = e["id"], kind = e["kind"], time = e["time"];
    const std::string place = e["place"], title = e["title"]["en"];
    const auto slash = time.find('/');
    const long long lo = day_number(time);
    const long long hi =
        day_number(slash == std::string::npos ? time : time.substr(slash + 1)) +
        1;
    sqlite3_bind_text(event, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(event, 2, kind.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(event, 3, lo);
    sqlite3_bind_int64(event, 4, hi);
    sqlite3_bind_text(event, 5, place.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(event, 6, title.c_str(), -1, SQLITE_TRANSIENT);
    check(sqlite3_step(event), db, "insert event");
    sqlite3_reset(event);
    const sqlite3_int64 row = sqlite3_last_insert_rowid(db);
    sqlite3_bind_int64(text, 1, row);
    sqlite3_bind_text(text, 2, title.c_str(), -1, SQLITE_TRANSIENT);
    check(sqlite3_step(text), db, "insert text");
    sqlite3_reset(text);
    for (const auto& p : e["participants"]) {
      const std::string actor = p["actor"];
      sqlite3_bind_int64(participant, 1, row);
      sqlite3_bind_text(participant, 2, actor.c_str(), -1, SQLITE_TRANSIENT);
      check(sqlite3_step(participant), db, "insert participant");
      sqlite3_reset(participant);
    }
  }
  sqlite3_finalize(event);
  sqlite3_finalize(text);
  sqlite3_finalize(participant);
  exec(db, "COMMIT");
  check(sqlite3_close(db), db, "close");
}

void parley_load(const fs::path& json, const fs::path& path) {
  try {
    parley::Database db{path};
    db.import_file(json);
  } catch (const parley::Error& e) {
    std::cerr << "parley: " << e.what() << '\n';
    std::exit(2);
  }
}

struct Run {
  double wall_s = 0;
  double cpu_s = 0;
  double peak_mb = 0;
  double size_mb = 0;
};

// Runs `load` in a child process; its wall and CPU time, peak RSS and the
// size of the database it wrote.
template <class F>
Run measure(F load, const fs::path& json, const fs::path& db) {
  fs::remove(db);
  const auto start = Clock::now();
  const pid_t child = fork();
  if (child == 0) {
    load(json, db);
    std::_Exit(0);
  }
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  Run run;
  run.wall_s = std::chrono::duration<double>(Clock::now() - start).count();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::cerr << "bench_ingest: a loader failed\n";
    std::exit(2);
  }
  auto seconds = [](timeval t) { return t.tv_sec + t.tv_usec / 1e6; };
  run.cpu_s = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  run.peak_mb = usage.ru_maxrss / 1024.0;
  run.size_mb = static_cast<double>(fs::file_size(db)) / 1e6;
  return run;
}

void print(const char* side, std::size_t events, const Run& r) {
  std::printf("%-7s %9zu %8.2f %8.2f %10.0f %10.0f %9.1f %9.1f\n", side, events,
              r.wall_s, r.cpu_s, events / r.wall_s, events / r.cpu_s, r.peak_mb,
              r.size_mb);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes;
  fs::path dir = fs::temp_directory_path();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--dir" && i + 1 < argc) {
      dir = argv[++i];
    } else {
      sizes.push_back(std::stoul(arg));
    }
  }
  if (sizes.empty()) sizes.push_back(100'000);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each result as it comes
  std::printf("%-7s %9s %8s %8s %10s %10s %9s %9s\n", "side", "events",
              "wall s", "cpu s", "ev/s wall", "ev/s cpu", "peak MB", "db MB");
  std::vector<Run> parley_runs;
  for (std::size_t n : sizes) {
    const fs::path json = dir / ("ingest-" + std::to_string(n) + ".json");
    {
      std::ofstream out{json, std::ios::binary};
      parley::bench::write_document(out, {.events = n});
    }
    const Run parley = measure(parley_load, json, dir / "ingest-parley.db");
    const Run raw = measure(raw_load, json, dir / "ingest-raw.db");
    print("parley", n, parley);
    print("raw", n, raw);
    std::printf(
        "ratio   %9zu  events/s parley/raw: %.2f (wall) %.2f (cpu); peak RSS "
        "%.2fx; size %.2fx; document %.1f MB\n",
        n, raw.wall_s / parley.wall_s, raw.cpu_s / parley.cpu_s,
        parley.peak_mb / raw.peak_mb, parley.size_mb / raw.size_mb,
        static_cast<double>(fs::file_size(json)) / 1e6);
    parley_runs.push_back(parley);
    fs::remove(json);
  }
  if (parley_runs.size() > 1) {
    std::printf("parley peak RSS, largest / smallest size: %.2fx\n",
                parley_runs.back().peak_mb / parley_runs.front().peak_mb);
  }
}
