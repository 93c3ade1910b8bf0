// bench_query — ingest and query a generated timeline with parley, against
// hand-written SQL on the raw SQLite C API, in the same run.
//
//   bench_query [--events N] [--batch B] [--runs R] [--keep]
//
// Data (deterministic): N events (default 1,000,000) over 2010–2019 of six
// kinds with typed payloads (meeting, statement, pledge, hostilities,
// agreement, negotiation round), 2–4 participants each, one claim each, a
// city in a 20 × 10 × 20 country/region/city hierarchy, a process for half
// of them (10 top-level processes with 4 nested each), 1–2 of 20 topics; 5%
// of the events get a second version at a later record time.
//
// Ingest: parley as a user would load a large data set — Database::import
// of one Document per batch (default 10,000 events and their claims; the
// first document also holds the actors, places, processes and sources),
// each batch one transaction. The baseline inserts the same rows (the same
// JSON documents, actor rows, topic rows, text-index rows with the same
// normalised text) with prepared statements reused across the run, in
// transactions of the same size, into a minimal schema with the same
// indexes and the same journal settings. Only the inserting is timed; the
// typed values are built beforehand, outside the clock, for both.
//
// Queries: the same questions to both: the first page of 100 events in
// chronological order (parley returns typed Events; the baseline reads the
// same columns and copies the JSON text) and a count of all matches
// (parley: Database::count by year and kind; baseline: the same GROUP BY
// in SQL; both sums and group counts are compared). Medians of R runs
// (default 5). Result sets are compared: same page ids, same counts.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include <date/date.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "parley/database.hpp"
#include "parley/normalize.hpp"

#include <sys/resource.h>

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

constexpr int countries = 20;
constexpr int regions_per_country = 10;
constexpr int cities_per_region = 20;
constexpr int actor_count = 500;
constexpr int process_roots = 10;
constexpr int processes_per_root = 4;
constexpr int source_count = 100;
constexpr int topic_count = 20;
constexpr int vocabulary = 997;  // title words; each in ~1/997 of events

struct Options {
  std::size_t events = 1'000'000;
  std::size_t batch = 10'000;
  int runs = 5;
  bool keep = false;
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

long peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

parley::RecordTime at(const char* text) {
  return parley::parse_record_time(text);
}

// A small deterministic generator (splitmix64), so both sides see the same
// data without storing it.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

int pick(std::size_t i, int salt, int n) {
  return static_cast<int>(mix(i * 131 + static_cast<std::size_t>(salt)) %
                          static_cast<std::uint64_t>(n));
}

std::string country_id(int c) { return "place:c" + std::to_string(c); }
std::string region_id(int c, int r) {
  return "place:c" + std::to_string(c) + "r" + std::to_string(r);
}
std::string city_id(int c, int r, int k) {
  return region_id(c, r) + "k" + std::to_string(k);
}
std::string actor_id(int a) { return "actor:a" + std::to_string(a); }
std::string word(int w) { return "w" + std::to_string(w) + "x"; }

std::vector<parley::Actor> make_actors() {
  std::vector<parley::Actor> out;
  for (int a = 0; a < actor_count; ++a) {
    parley::Actor actor;
    actor.id = parley::ActorId{actor_id(a)};
    actor.kind =
        a % 3 == 0 ? parley::ActorKind::state : parley::ActorKind::armed_group;
    actor.names = {{"en", "Actor " + std::to_string(a) + " Front"},
                   {"ar", "جبهة " + std::to_string(a)}};
    actor.aliases = {"AF" + std::to_string(a)};
    out.push_back(std::move(actor));
  }
  return out;
}

std::vector<parley::Place> make_places() {
  std::vector<parley::Place> out;
  for (int c = 0; c < countries; ++c) {
    parley::Place country;
    country.id = parley::PlaceId{country_id(c)};
    country.kind = parley::PlaceKind::country;
    country.names = {{"en", "Country " + std::to_string(c)}};
    out.push_back(country);
    for (int r = 0; r < regions_per_country; ++r) {
      parley::Place region;
      region.id = parley::PlaceId{region_id(c, r)};
      region.kind = parley::PlaceKind::region;
      region.parent = country.id;
      region.names = {{"en", "Region " + std::to_string(c * 100 + r)}};
      out.push_back(region);
      for (int k = 0; k < cities_per_region; ++k) {
        parley::Place city;
        city.id = parley::PlaceId{city_id(c, r, k)};
        city.kind = parley::PlaceKind::city;
        city.parent = region.id;
        city.names = {
            {"en", "City " + std::to_string((c * 100 + r) * 100 + k)}};
        out.push_back(city);
      }
    }
  }
  return out;
}

std::vector<parley::Process> make_processes() {
  std::vector<parley::Process> out;
  for (int p = 0; p < process_roots; ++p) {
    parley::Process root;
    root.id = parley::ProcessId{"process:p" + std::to_string(p)};
    root.names = {{"en", "Process " + std::to_string(p)}};
    out.push_back(root);
    for (int n = 0; n < processes_per_root; ++n) {
      parley::Process track;
      track.id = parley::ProcessId{"process:p" + std::to_string(p) + "t" +
                                   std::to_string(n)};
      track.names = {{"en", "Track " + std::to_string(p * 10 + n)}};
      track.parent = root.id;
      out.push_back(track);
    }
  }
  return out;
}

std::vector<parley::Source> make_sources() {
  std::vector<parley::Source> out;
  for (int s = 0; s < source_count; ++s) {
    parley::Source source;
    source.id = parley::SourceId{"source:s" + std::to_string(s)};
    source.publisher = "Publisher " + std::to_string(s);
    source.title = "Report " + std::to_string(s);
    out.push_back(source);
  }
  return out;
}

const date::sys_days first_day = date::sys_days{date::year{2010} / 1 / 1};
constexpr int day_span = 3652;  // 2010-01-01 .. 2019-12-31

// Event i; `version` 1 is the update recorded later (5% of events).
parley::Event make_event(std::size_t i, int version) {
  parley::Event e;
  e.id = parley::EventId{"event:" + std::to_string(i)};
  const int kind = pick(i, 1, 6);
  const int n_actors = 2 + pick(i, 2, 3);
  std::vector<parley::ActorId> actors;
  for (int k = 0; actors.size() < static_cast<std::size_t>(n_actors); ++k) {
    parley::ActorId a{actor_id(pick(i, 10 + k, actor_count))};
    if (std::find(actors.begin(), actors.end(), a) == actors.end()) {
      actors.push_back(a);
    }
  }
  const date::sys_days day = first_day + date::days{pick(i, 3, day_span)};
  const int length = pick(i, 4, 10) == 0 ? 1 + pick(i, 5, 3) : 0;
  if (length == 0) {
    e.time = parley::Edtf::from_day(date::year_month_day{day});
  } else {
    e.time = parley::Edtf::parse(date::format("%F", day) + "/" +
                                 date::format("%F", day + date::days{length}));
  }
  static const char* kinds[] = {"meeting",     "statement", "pledge",
                                "hostilities", "agreement", "round"};
  const std::string w = word(pick(i, 6, vocabulary));
  e.title = {
      {"en", std::string(kinds[kind]) + " " + w + " of " + std::to_string(i)}};
  if (version == 1) e.title["en"] += " (revised)";
  if (i % 4 == 0) e.title["ar"] = "اجتماع " + std::to_string(i);
  const int c = pick(i, 7, countries);
  const int r = pick(i, 8, regions_per_country);
  const int k = pick(i, 9, cities_per_region);
  e.place = parley::PlaceId{city_id(c, r, k)};
  if (pick(i, 20, 2) == 0) {
    const int p = pick(i, 21, process_roots);
    const int t = pick(i, 22, processes_per_root + 1);
    e.process = parley::ProcessId{
        "process:p" + std::to_string(p) +
        (t == processes_per_root ? "" : "t" + std::to_string(t))};
  }
  e.topics.push_back("topic" + std::to_string(pick(i, 23, topic_count)));
  if (pick(i, 24, 2) == 0) {
    const std::string second =
        "topic" + std::to_string(pick(i, 25, topic_count));
    if (second != e.topics.front()) e.topics.push_back(second);
  }
  switch (kind) {
    case 0: {
      e.payload = parley::Meeting{};
      e.status = version == 1 ? parley::Status::held : parley::Status::none;
      break;
    }
    case 1: {
      parley::Statement s;
      s.speaker = actors[0];
      s.quote = "we " + w;
      s.language = "en";
      e.payload = s;
      break;
    }
    case 2: {
      parley::Pledge p;
      p.pledger = actors[0];
      p.beneficiary = actors[1];
      p.obligations = {"release detainees"};
      e.payload = p;
      break;
    }
    case 3: {
      parley::Hostilities h;
      h.perpetrator = actors[0];
      h.target = actors[1];
      h.deaths.best = pick(i, 26, 50);
      e.payload = h;
      break;
    }
    case 4: {
      parley::Agreement a;
      a.parties = {actors[0], actors[1]};
      a.document = "Memorandum " + std::to_string(i);
      e.payload = a;
      break;
    }
    default: {
      parley::NegotiationRound round;
      round.number = 1 + pick(i, 27, 20);
      e.payload = round;
      e.status = parley::Status::held;
      break;
    }
  }
  static const parley::Role roles[] = {
      parley::Role::party, parley::Role::mediator, parley::Role::observer,
      parley::Role::host};
  for (std::size_t a = 0; a < actors.size(); ++a) {
    e.participants.push_back(
        {actors[a], a < 2 ? parley::Role::party : roles[pick(i, 30, 4)]});
  }
  return e;
}

parley::Claim make_claim(std::size_t i) {
  parley::Claim c;
  c.id = parley::ClaimId{"claim:" + std::to_string(i)};
  c.event = parley::EventId{"event:" + std::to_string(i)};
  c.source = parley::SourceId{"source:s" + std::to_string(pick(i, 40, 100))};
  c.quote = "reported " + word(pick(i, 41, vocabulary));
  return c;
}

bool updated(std::size_t i) { return i % 20 == 7; }

// ---------------------------------------------------------------- raw side

void check_rc(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
  }
}

void exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "?";
    sqlite3_free(error);
    throw std::runtime_error(message + " in: " + sql);
  }
}

class Stmt {
 public:
  Stmt(sqlite3* db, const std::string& sql) : db_(db) {
    check_rc(db, sqlite3_prepare_v2(db, sql.c_str(), -1, &s_, nullptr),
             sql.c_str());
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()),
                      SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& null(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  bool step() {
    const int rc = sqlite3_step(s_);
    check_rc(db_, rc, sqlite3_sql(s_));
    return rc == SQLITE_ROW;
  }
  void run() {
    step();
    reset();
  }
  void reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  std::int64_t integer(int c) { return sqlite3_column_int64(s_, c); }
  std::string text(int c) {
    const auto* p = sqlite3_column_text(s_, c);
    return p ? std::string(
                   reinterpret_cast<const char*>(p),
                   static_cast<std::size_t>(sqlite3_column_bytes(s_, c)))
             : std::string();
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
};

// The minimal schema: what the queries read, with parley's indexes.
constexpr const char* raw_schema = R"sql(
CREATE TABLE actor (id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT;
CREATE TABLE place (id TEXT PRIMARY KEY, parent TEXT, doc TEXT NOT NULL) STRICT;
CREATE INDEX place_parent ON place (parent);
CREATE TABLE process (id TEXT PRIMARY KEY, parent TEXT, doc TEXT NOT NULL) STRICT;
CREATE TABLE source (id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT;
CREATE TABLE event (
  version INTEGER PRIMARY KEY, id TEXT NOT NULL,
  recorded_from INTEGER NOT NULL, recorded_to INTEGER,
  kind TEXT NOT NULL, status TEXT NOT NULL, lo INTEGER NOT NULL,
  hi INTEGER NOT NULL, place TEXT, process TEXT, doc TEXT NOT NULL) STRICT;
CREATE UNIQUE INDEX event_current ON event (id) WHERE recorded_to IS NULL;
CREATE INDEX event_history ON event (id, recorded_from);
CREATE INDEX event_order ON event (lo, hi, id) WHERE recorded_to IS NULL;
CREATE INDEX event_recorded ON event (recorded_from, recorded_to);
CREATE INDEX event_order_history ON event (lo, hi, id);
CREATE INDEX event_kind ON event (kind, lo) WHERE recorded_to IS NULL;
CREATE INDEX event_place ON event (place, lo) WHERE recorded_to IS NULL;
CREATE INDEX event_process ON event (process, lo) WHERE recorded_to IS NULL;
CREATE TABLE event_actor (version INTEGER NOT NULL, actor TEXT NOT NULL,
  role TEXT NOT NULL) STRICT;
CREATE INDEX event_actor_actor ON event_actor (actor, role);
CREATE INDEX event_actor_version ON event_actor (version);
CREATE TABLE event_topic (version INTEGER NOT NULL, topic TEXT NOT NULL) STRICT;
CREATE INDEX event_topic_topic ON event_topic (topic);
CREATE INDEX event_topic_version ON event_topic (version);
CREATE TABLE claim (version INTEGER PRIMARY KEY, id TEXT NOT NULL,
  event TEXT NOT NULL, source TEXT NOT NULL, doc TEXT NOT NULL) STRICT;
CREATE UNIQUE INDEX claim_id ON claim (id);
CREATE INDEX claim_event ON claim (event);
CREATE VIRTUAL TABLE event_search USING fts5 (body,
  tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE claim_search USING fts5 (body,
  tokenize = 'unicode61 remove_diacritics 2');
)sql";

constexpr std::int64_t min_day = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t max_day = std::numeric_limits<std::int64_t>::max();

std::int64_t day_or(const std::optional<parley::Day>& d, std::int64_t other) {
  return d ? d->time_since_epoch().count() : other;
}

std::string names(const parley::Texts& texts,
                  const std::vector<std::string>& aliases = {}) {
  std::string out;
  for (const auto& [lang, name] : texts) out += name + " ";
  for (const auto& a : aliases) out += a + " ";
  return out;
}

class Raw {
 public:
  Raw(const fs::path& file, const char* synchronous) {
    check_rc(db_, sqlite3_open(file.c_str(), &db_), "open");
    exec(db_, "PRAGMA journal_mode = WAL");
    exec(db_, (std::string("PRAGMA synchronous = ") + synchronous).c_str());
    exec(db_, raw_schema);
    event_ = std::make_unique<Stmt>(
        db_,
        "INSERT INTO event (id, recorded_from, kind, status, lo, hi, place, "
        "process, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    close_ = std::make_unique<Stmt>(
        db_,
        "UPDATE event SET recorded_to = ? WHERE id = ? AND recorded_to IS "
        "NULL");
    actor_ = std::make_unique<Stmt>(
        db_, "INSERT INTO event_actor (version, actor, role) VALUES (?, ?, ?)");
    topic_ = std::make_unique<Stmt>(
        db_, "INSERT INTO event_topic (version, topic) VALUES (?, ?)");
    search_ = std::make_unique<Stmt>(
        db_, "INSERT INTO event_search (rowid, body) VALUES (?, ?)");
    claim_ = std::make_unique<Stmt>(
        db_, "INSERT INTO claim (id, event, source, doc) VALUES (?, ?, ?, ?)");
    claim_search_ = std::make_unique<Stmt>(
        db_, "INSERT INTO claim_search (rowid, body) VALUES (?, ?)");
  }
  ~Raw() {
    event_.reset(), close_.reset(), actor_.reset(), topic_.reset();
    search_.reset(), claim_.reset(), claim_search_.reset();
    sqlite3_close(db_);
  }
  Raw(const Raw&) = delete;
  Raw& operator=(const Raw&) = delete;

  sqlite3* db() { return db_; }

  void entities(const std::vector<parley::Actor>& actors,
                const std::vector<parley::Place>& places,
                const std::vector<parley::Process>& processes,
                const std::vector<parley::Source>& sources) {
    Stmt a{db_, "INSERT INTO actor (id, doc) VALUES (?, ?)"};
    for (const auto& x : actors) {
      a.bind(1, x.id.value).bind(2, nlohmann::json(x).dump()).run();
      names_[x.id.value] = names(x.names, x.aliases);
    }
    Stmt p{db_, "INSERT INTO place (id, parent, doc) VALUES (?, ?, ?)"};
    for (const auto& x : places) {
      p.bind(1, x.id.value);
      if (x.parent) p.bind(2, x.parent->value);
      p.bind(3, nlohmann::json(x).dump()).run();
      names_[x.id.value] = names(x.names);
    }
    Stmt r{db_, "INSERT INTO process (id, parent, doc) VALUES (?, ?, ?)"};
    for (const auto& x : processes) {
      r.bind(1, x.id.value);
      if (x.parent) r.bind(2, x.parent->value);
      r.bind(3, nlohmann::json(x).dump()).run();
    }
    Stmt s{db_, "INSERT INTO source (id, doc) VALUES (?, ?)"};
    for (const auto& x : sources) {
      s.bind(1, x.id.value).bind(2, nlohmann::json(x).dump()).run();
    }
  }

  void event(const parley::Event& e, std::int64_t recorded, bool replace) {
    if (replace) close_->bind(1, recorded).bind(2, e.id.value).run();
    const parley::Bounds b = e.time.bounds();
    event_->bind(1, e.id.value)
        .bind(2, recorded)
        .bind(3, std::string(parley::to_string(e.kind())))
        .bind(4, std::string(parley::to_string(e.status)))
        .bind(5, day_or(b.earliest_start, min_day))
        .bind(6, day_or(b.latest_end, max_day));
    if (e.place) event_->bind(7, e.place->value);
    if (e.process) event_->bind(8, e.process->value);
    event_->bind(9, nlohmann::json(e).dump()).run();
    const std::int64_t version = sqlite3_last_insert_rowid(db_);
    std::string body;
    for (const auto& texts : {e.title, e.summary}) {
      for (const auto& [lang, text] : texts) body += text + "\n";
    }
    for (const auto& p : e.participants) {
      actor_->bind(1, version)
          .bind(2, p.actor.value)
          .bind(3, std::string(parley::to_string(p.role)))
          .run();
      body += names_[p.actor.value] + "\n";
    }
    for (const auto& p : parley::payload_actors(e.payload)) {
      actor_->bind(1, version)
          .bind(2, p.actor.value)
          .bind(3, std::string(p.role))
          .run();
      body += names_[p.actor.value] + "\n";
    }
    if (e.place) body += names_[e.place->value];
    search_->bind(1, version).bind(2, parley::normalize_arabic(body)).run();
    for (const auto& t : e.topics) topic_->bind(1, version).bind(2, t).run();
  }

  void claim(const parley::Claim& c) {
    claim_->bind(1, c.id.value)
        .bind(2, c.event.value)
        .bind(3, c.source.value)
        .bind(4, nlohmann::json(c).dump())
        .run();
    claim_search_->bind(1, sqlite3_last_insert_rowid(db_))
        .bind(2, parley::normalize_arabic(c.quote))
        .run();
  }

 private:
  sqlite3* db_ = nullptr;
  std::unique_ptr<Stmt> event_, close_, actor_, topic_, search_, claim_,
      claim_search_;
  std::map<std::string, std::string> names_;
};

// ------------------------------------------------------------------ runner

struct Batch {
  std::vector<parley::Event> events;
  std::vector<parley::Claim> claims;
};

// The batches of the initial load, then those of the updates.
Batch make_batch(std::size_t from, std::size_t to) {
  Batch b;
  for (std::size_t i = from; i < to; ++i) {
    b.events.push_back(make_event(i, 0));
    b.claims.push_back(make_claim(i));
  }
  return b;
}

parley::Document document(const Batch& b) {
  parley::Document d;
  for (const auto& e : b.events) d.events.push_back({e});
  for (const auto& c : b.claims) d.claims.push_back({c});
  return d;
}

struct Ingest {
  double parley_s = 0;
  double raw_s = 0;
  std::size_t rows = 0;  // event versions written
};

const parley::RecordTime loaded = at("2020-01-01T00:00:00Z");
const parley::RecordTime revised = at("2021-01-01T00:00:00Z");
const parley::RecordTime before_revisions = at("2020-06-01T00:00:00Z");

std::int64_t stored(parley::RecordTime t) {
  return t.time_since_epoch().count();
}

Ingest ingest(parley::Database& db, Raw& raw, const Options& o) {
  Ingest out;
  const auto actors = make_actors();
  const auto places = make_places();
  const auto processes = make_processes();
  const auto sources = make_sources();
  {
    parley::Document d;
    for (const auto& x : actors) d.actors.push_back({x});
    for (const auto& x : places) d.places.push_back({x});
    for (const auto& x : processes) d.processes.push_back({x});
    for (const auto& x : sources) d.sources.push_back({x});
    auto start = Clock::now();
    db.import(d, {loaded});
    out.parley_s += seconds_since(start);
    start = Clock::now();
    exec(raw.db(), "BEGIN");
    raw.entities(actors, places, processes, sources);
    exec(raw.db(), "COMMIT");
    out.raw_s += seconds_since(start);
  }
  auto run = [&](const Batch& b, parley::RecordTime t, bool replace) {
    const parley::Document d = document(b);
    auto start = Clock::now();
    db.import(d, {t});
    out.parley_s += seconds_since(start);
    start = Clock::now();
    exec(raw.db(), "BEGIN");
    for (const auto& e : b.events) raw.event(e, stored(t), replace);
    for (const auto& c : b.claims) raw.claim(c);
    exec(raw.db(), "COMMIT");
    out.raw_s += seconds_since(start);
    out.rows += b.events.size();
  };
  for (std::size_t from = 0; from < o.events; from += o.batch) {
    run(make_batch(from, std::min(o.events, from + o.batch)), loaded, false);
    if (from / o.batch % 10 == 9) {
      std::fprintf(stderr, "  %zu events\n", from + o.batch);
    }
  }
  // Updates, in batches of the same number of events.
  Batch pending;
  for (std::size_t i = 0; i < o.events; ++i) {
    if (!updated(i)) continue;
    pending.events.push_back(make_event(i, 1));
    if (pending.events.size() == o.batch) {
      run(pending, revised, true);
      pending = {};
    }
  }
  if (!pending.events.empty()) run(pending, revised, true);
  return out;
}

struct Answer {
  std::vector<std::string> ids;  // the first page
  std::size_t count = 0;         // every match
  std::size_t groups = 0;        // (year, kind) pairs counted
};

struct Question {
  const char* name;
  parley::Query query;
  std::string raw_where;  // over event e
  std::vector<std::variant<std::int64_t, std::string>> raw_binds;
  bool raw_as_of = false;
};

std::size_t page_size = 100;

Answer ask_parley(parley::Database& db, const parley::Query& q, double& page_ms,
                  double& count_ms) {
  Answer a;
  parley::Query page = q;
  page.limit = page_size;
  auto start = Clock::now();
  const parley::Page p = db.query(page);
  page_ms = seconds_since(start) * 1e3;
  for (const auto& e : p.events) a.ids.push_back(e.id.value);
  start = Clock::now();
  for (const parley::Count& c :
       db.count(q, parley::Period::year, parley::GroupBy::kind)) {
    a.count += c.count;
    ++a.groups;
  }
  count_ms = seconds_since(start) * 1e3;
  return a;
}

Answer ask_raw(Raw& raw, const Question& q, double& page_ms, double& count_ms) {
  Answer a;
  auto bind = [&](Stmt& s) {
    int i = 1;
    if (q.raw_as_of) {
      s.bind(i++, stored(*q.query.as_of));
      s.bind(i++, stored(*q.query.as_of));
    }
    for (const auto& b : q.raw_binds) {
      std::visit([&](const auto& v) { s.bind(i++, v); }, b);
    }
  };
  const std::string visible =
      q.raw_as_of ? "e.recorded_from <= ? AND (e.recorded_to IS NULL OR "
                    "e.recorded_to > ?)"
                  : "e.recorded_to IS NULL";
  auto start = Clock::now();
  {
    Stmt s{raw.db(), "SELECT e.id, e.lo, e.hi, e.doc FROM event e WHERE " +
                         visible + q.raw_where +
                         " ORDER BY e.lo, e.hi, e.id LIMIT " +
                         std::to_string(page_size)};
    bind(s);
    std::vector<std::string> docs;
    while (s.step()) {
      a.ids.push_back(s.text(0));
      docs.push_back(s.text(3));
    }
  }
  page_ms = seconds_since(start) * 1e3;
  start = Clock::now();
  {
    // What Database::count(q, year, kind) computes: matches by year and
    // kind (every start here is known).
    Stmt s{raw.db(),
           "SELECT strftime('%Y', e.lo * 86400, 'unixepoch'), e.kind, "
           "count(*) FROM event e WHERE " +
               visible + q.raw_where + " GROUP BY 1, 2"};
    bind(s);
    while (s.step()) {
      a.count += static_cast<std::size_t>(s.integer(2));
      ++a.groups;
    }
  }
  count_ms = seconds_since(start) * 1e3;
  return a;
}

std::int64_t day_number(const char* ymd) {
  std::istringstream in{ymd};
  date::sys_days d;
  in >> date::parse("%F", d);
  return d.time_since_epoch().count();
}

void print_row(const char* what, double parley, double raw, const char* unit,
               double target, bool higher_is_better) {
  const double ratio = parley / raw;
  const bool met = higher_is_better ? ratio >= target : ratio <= target;
  std::printf("%-28s %12.3f %12.3f %-9s %7.2f  %s %.1f %s\n", what, parley, raw,
              unit, ratio, higher_is_better ? ">=" : "<=", target,
              met ? "met" : "NOT MET");
}

int run(const Options& o) {
  const fs::path dir =
      fs::temp_directory_path() / ("parley-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::printf("bench_query: %zu events, batches of %zu, median of %d runs\n",
              o.events, o.batch, o.runs);
  std::printf("files in %s\n", dir.c_str());
  int failures = 0;
  {
    parley::Database db{dir / "parley.db"};
    Raw raw{dir / "raw.db", "NORMAL"};
    const Ingest in = ingest(db, raw, o);
    const long rss_after_ingest = peak_rss_mb();

    std::printf("\n%-28s %12s %12s %-9s %7s\n", "", "parley", "raw", "unit",
                "ratio");
    print_row("ingest (event versions/s)",
              static_cast<double>(in.rows) / in.parley_s,
              static_cast<double>(in.rows) / in.raw_s, "events/s", 0.6, true);

    const std::int64_t june_lo = day_number("2015-06-01");
    const std::int64_t june_hi = day_number("2015-07-01");
    std::vector<Question> questions;
    {
      Question q{"time window (a month)",
                 {},
                 " AND e.lo < ? AND e.hi > ?",
                 {june_hi, june_lo}};
      q.query.time = parley::TimeFilter{parley::Edtf::parse("2015-06")};
      questions.push_back(q);
    }
    {
      Question q{"actor",
                 {},
                 " AND e.version IN (SELECT version FROM event_actor WHERE "
                 "actor = ?)",
                 {actor_id(42)}};
      q.query.actors = {parley::ActorId{actor_id(42)}};
      questions.push_back(q);
    }
    {
      Question q{"place containment (country)",
                 {},
                 " AND e.place IN (WITH RECURSIVE inside(id) AS (SELECT ? "
                 "UNION SELECT p.id FROM place p JOIN inside ON p.parent = "
                 "inside.id) SELECT id FROM inside)",
                 {country_id(3)}};
      q.query.places = {parley::PlaceId{country_id(3)}};
      questions.push_back(q);
    }
    {
      Question q{"kind", {}, " AND e.kind = ?", {std::string("pledge")}};
      q.query.kinds = {"pledge"};
      questions.push_back(q);
    }
    {
      Question q{"as-of + time window",
                 {},
                 " AND e.lo < ? AND e.hi > ?",
                 {june_hi, june_lo},
                 true};
      q.query.time = parley::TimeFilter{parley::Edtf::parse("2015-06")};
      q.query.as_of = before_revisions;
      questions.push_back(q);
    }
    std::printf("\nqueries: ms, median of %d; page = first %zu events\n",
                o.runs, page_size);
    for (const Question& q : questions) {
      std::vector<double> pp, pc, rp, rc;
      Answer pa, ra;
      for (int r = 0; r < o.runs; ++r) {
        double page = 0, count = 0;
        pa = ask_parley(db, q.query, page, count);
        pp.push_back(page), pc.push_back(count);
        ra = ask_raw(raw, q, page, count);
        rp.push_back(page), rc.push_back(count);
      }
      const double target = q.query.as_of ? 2.0 : 1.3;
      print_row((std::string(q.name) + ": page").c_str(), median(pp),
                median(rp), "ms", target, false);
      print_row((std::string(q.name) + ": count").c_str(), median(pc),
                median(rc), "ms", target, false);
      std::printf(
          "%-28s %12zu %12zu matches%s\n", "", pa.count, ra.count,
          pa.count == ra.count && pa.groups == ra.groups && pa.ids == ra.ids
              ? ""
              : "  RESULTS DIFFER");
      if (pa.count != ra.count || pa.groups != ra.groups || pa.ids != ra.ids) {
        ++failures;
      }
    }
    {
      parley::Query q;
      q.text = word(17);
      std::vector<double> pages, counts;
      Answer a;
      for (int r = 0; r < o.runs; ++r) {
        double page = 0, count = 0;
        a = ask_parley(db, q, page, count);
        pages.push_back(page), counts.push_back(count);
      }
      std::printf("%-28s %12.3f %12s ms        target < 5 ms: %s\n",
                  "full text: page", median(pages), "-",
                  median(pages) < 5 ? "met" : "NOT MET");
      std::printf("%-28s %12.3f %12s ms        (%zu matches)\n",
                  "full text: count", median(counts), "-", a.count);
    }
    std::printf(
        "\npeak RSS: %ld MB after ingest, %ld MB at the end (both "
        "sides in one process)\n",
        rss_after_ingest, peak_rss_mb());
  }
  if (!o.keep) fs::remove_all(dir);
  return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::size_t {
      if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
      return static_cast<std::size_t>(std::stoull(argv[++i]));
    };
    if (arg == "--events") {
      o.events = value();
    } else if (arg == "--batch") {
      o.batch = value();
    } else if (arg == "--runs") {
      o.runs = static_cast<int>(value());
    } else if (arg == "--keep") {
      o.keep = true;
    } else {
      std::fprintf(stderr,
                   "usage: bench_query [--events N] [--batch B] [--runs R] "
                   "[--keep]\n");
      return 2;
    }
  }
  try {
    return run(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_query: %s\n", e.what());
    return 1;
  }
}
