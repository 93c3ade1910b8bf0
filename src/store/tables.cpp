#include "store/tables.hpp"

#include <limits>

#include <nlohmann/json.hpp>

#include "store/searchable.hpp"

namespace parley::detail {
namespace {

using Statement = SQLite::Statement;

// Day numbers for the retrieval envelope when an end is open or unknown.
constexpr std::int64_t min_day = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t max_day = std::numeric_limits<std::int64_t>::max();

void bind_optional(Statement& s, int index, const std::optional<Day>& day) {
  if (day) {
    s.bind(index, static_cast<int64_t>(day->time_since_epoch().count()));
  } else {
    s.bind(index);
  }
}

template <class Tag>
void bind_optional(Statement& s, int index, const std::optional<Id<Tag>>& id) {
  if (id) {
    s.bind(index, id->value);
  } else {
    s.bind(index);
  }
}

std::int64_t day_or(const std::optional<Day>& day, std::int64_t fallback) {
  return day ? day->time_since_epoch().count() : fallback;
}

// What a text search of the event matches (see schema/002_search.sql and
// 007_stemming.sql): titles, summaries, the names of its actors and of its
// place and the places containing it, as searchable() stores them; nothing
// while an actor or place it names is not written yet.
std::optional<std::string> search_text(Statements& db, const Event& event) {
  std::string body;
  for (const auto& texts : {event.title, event.summary}) {
    for (const auto& [lang, text] : texts) body += text + "\n";
  }
  bool complete = true;
  auto add = [&](const std::string* names) {
    if (names) body += *names + "\n";
    complete = complete && names;
  };
  for (const Participant& p : event.participants) {
    add(db.names_of("actor", p.actor.value));
  }
  for (const PayloadActor& p : payload_actors(event.payload)) {
    add(db.names_of("actor", p.actor.value));
  }
  if (event.place) add(db.chain_names_of(event.place->value));
  if (!complete) return std::nullopt;
  return searchable(body);
}

void index_text(Statements& db, const char* table, std::int64_t rowid,
                const std::string& body) {
  Statement& q = db.get(std::string("INSERT INTO ") + table +
                        " (rowid, body) VALUES (?, ?)");
  q.bind(1, static_cast<int64_t>(rowid));
  q.bind(2, body);
  q.exec();
}

}  // namespace

SQLite::Statement& Statements::get(const std::string& sql) {
  auto [it, fresh] = cache_.try_emplace(sql);
  if (fresh) {
    it->second = std::make_unique<SQLite::Statement>(db, sql);
  } else {
    it->second->reset();
    it->second->clearBindings();
  }
  return *it->second;
}

void Statements::reset_all() {
  for (auto& [sql, statement] : cache_) statement->reset();
}

const std::string* Statements::names_of(const char* table,
                                        const std::string& id) {
  std::string key = std::string(table) + '\n' + id;
  auto it = names_.find(key);
  if (it == names_.end()) {
    Statement& q =
        get(std::string("SELECT ifnull((SELECT group_concat(value, ' ') "
                        "FROM json_each(doc, '$.names')), '') || ' ' || "
                        "ifnull((SELECT group_concat(value, ' ') FROM "
                        "json_each(doc, '$.aliases')), '') FROM ") +
            table + " WHERE id = ? AND recorded_to IS NULL");
    q.bind(1, id);
    std::optional<std::string> names;
    if (q.executeStep()) names = q.getColumn(0).getString();
    q.reset();
    it = names_.emplace(std::move(key), std::move(names)).first;
  }
  return it->second ? &*it->second : nullptr;
}

const std::string* Statements::chain_names_of(const std::string& id) {
  std::string key = "place chain\n" + id;
  if (auto it = names_.find(key); it != names_.end()) {
    return it->second ? &*it->second : nullptr;
  }
  std::optional<std::string> chain = std::string();
  std::string place = id;
  for (int depth = 0; depth < 32; ++depth) {
    const std::string* names = names_of("place", place);
    if (!names) {
      chain.reset();
      break;
    }
    *chain += (depth ? "\n" : "") + *names;
    Statement& q =
        get("SELECT parent FROM place WHERE id = ? AND recorded_to IS NULL");
    q.bind(1, place);
    const bool parent = q.executeStep() && !q.getColumn(0).isNull();
    if (parent) place = q.getColumn(0).getString();
    q.reset();
    if (!parent) break;
  }
  auto it = names_.emplace(std::move(key), std::move(chain)).first;
  return it->second ? &*it->second : nullptr;
}

std::string Statements::source_title(const std::string& id) {
  Statement& q =
      get("SELECT ifnull(json_extract(doc, '$.title'), '') FROM source "
          "WHERE id = ? AND recorded_to IS NULL");
  q.bind(1, id);
  std::string title = q.executeStep() ? q.getColumn(0).getString() : "";
  q.reset();
  return title;
}

void index_deferred_search(Statements& db) {
  if (!db.deferred_search) return;
  Statement& pending = db.get(
      "SELECT p.version, e.doc FROM temp.parley_pending_search p "
      "JOIN event e ON e.version = p.version ORDER BY p.version");
  while (pending.executeStep()) {
    const Event event =
        nlohmann::json::parse(pending.getColumn(1).getString()).get<Event>();
    const std::optional<std::string> body = search_text(db, event);
    // A name still missing is an unknown reference, reported before this.
    index_text(db, "event_search", pending.getColumn(0).getInt64(),
               body ? *body : "");
  }
  db.db.exec("DELETE FROM temp.parley_pending_search");
  db.deferred_search = false;
}

void Table<Actor>::insert(Statements& db, const Actor& actor,
                          const std::string& doc, std::int64_t recorded) {
  Statement& row = db.get(
      "INSERT INTO actor (id, recorded_from, kind, doc) "
      "VALUES (?, ?, ?, ?)");
  row.bind(1, actor.id.value);
  row.bind(2, static_cast<int64_t>(recorded));
  row.bind(3, std::string(to_string(actor.kind)));
  row.bind(4, doc);
  row.exec();
  db.forget_names();  // a new version of an actor may rename it
  const std::int64_t version = db.db.getLastInsertRowid();
  Statement& tie =
      db.get("INSERT INTO actor_tie (version, kind, other) VALUES (?, ?, ?)");
  for (const Tie& t : actor.ties) {
    tie.bind(1, static_cast<int64_t>(version));
    tie.bind(2, std::string(to_string(t.kind)));
    tie.bind(3, t.other.value);
    tie.exec();
    tie.reset();
  }
}

void Table<Place>::insert(Statements& db, const Place& place,
                          const std::string& doc, std::int64_t recorded) {
  Statement& row = db.get(
      "INSERT INTO place (id, recorded_from, kind, parent, lat, lon, "
      "zone, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  row.bind(1, place.id.value);
  row.bind(2, static_cast<int64_t>(recorded));
  row.bind(3, std::string(to_string(place.kind)));
  bind_optional(row, 4, place.parent);
  if (place.coordinates) {
    row.bind(5, place.coordinates->lat);
    row.bind(6, place.coordinates->lon);
  }
  if (place.zone) row.bind(7, *place.zone);
  row.bind(8, doc);
  row.exec();
  db.forget_names();
}

void Table<Process>::insert(Statements& db, const Process& process,
                            const std::string& doc, std::int64_t recorded) {
  Statement& row = db.get(
      "INSERT INTO process (id, recorded_from, kind, parent, doc) "
      "VALUES (?, ?, ?, ?, ?)");
  row.bind(1, process.id.value);
  row.bind(2, static_cast<int64_t>(recorded));
  row.bind(3, std::string(to_string(process.kind)));
  bind_optional(row, 4, process.parent);
  row.bind(5, doc);
  row.exec();
}

void Table<Source>::insert(Statements& db, const Source& source,
                           const std::string& doc, std::int64_t recorded) {
  Statement& row =
      db.get("INSERT INTO source (id, recorded_from, doc) VALUES (?, ?, ?)");
  row.bind(1, source.id.value);
  row.bind(2, static_cast<int64_t>(recorded));
  row.bind(3, doc);
  row.exec();
}

void Table<Event>::insert(Statements& db, const Event& event,
                          const std::string& doc, std::int64_t recorded) {
  Statement& row = db.get(
      "INSERT INTO event (id, recorded_from, kind, status, time, "
      "earliest_start, latest_start, earliest_end, latest_end, start_open, "
      "start_unknown, end_open, end_unknown, lo, hi, planned, planned_lo, "
      "planned_hi, place, process, parent, doc) VALUES (?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  const Bounds b = event.time.bounds();
  row.bind(1, event.id.value);
  row.bind(2, static_cast<int64_t>(recorded));
  row.bind(3, std::string(to_string(event.kind())));
  row.bind(4, std::string(to_string(event.status)));
  row.bind(5, event.time.str());
  bind_optional(row, 6, b.earliest_start);
  bind_optional(row, 7, b.latest_start);
  bind_optional(row, 8, b.earliest_end);
  bind_optional(row, 9, b.latest_end);
  row.bind(10, b.start_open ? 1 : 0);
  row.bind(11, b.start_unknown ? 1 : 0);
  row.bind(12, b.end_open ? 1 : 0);
  row.bind(13, b.end_unknown ? 1 : 0);
  row.bind(14, static_cast<int64_t>(day_or(b.earliest_start, min_day)));
  row.bind(15, static_cast<int64_t>(day_or(b.latest_end, max_day)));
  if (event.planned) {
    const Bounds p = event.planned->bounds();
    row.bind(16, event.planned->str());
    row.bind(17, static_cast<int64_t>(day_or(p.earliest_start, min_day)));
    row.bind(18, static_cast<int64_t>(day_or(p.latest_end, max_day)));
  }
  bind_optional(row, 19, event.place);
  bind_optional(row, 20, event.process);
  bind_optional(row, 21, event.parent);
  row.bind(22, doc);
  row.exec();

  const std::int64_t version = db.db.getLastInsertRowid();
  Statement& actor = db.get(
      "INSERT INTO event_actor (version, actor, role, lo) VALUES (?, "
      "?, ?, ?)");
  auto add_actor = [&](const ActorId& id, std::string_view role) {
    actor.bind(1, static_cast<int64_t>(version));
    actor.bind(2, id.value);
    actor.bind(3, std::string(role));
    actor.bind(4, static_cast<int64_t>(day_or(b.earliest_start, min_day)));
    actor.exec();
    actor.reset();
  };
  for (const Participant& p : event.participants) {
    add_actor(p.actor, to_string(p.role));
  }
  for (const PayloadActor& p : payload_actors(event.payload)) {
    add_actor(p.actor, p.role);
  }
  if (std::optional<std::string> body = search_text(db, event)) {
    index_text(db, "event_search", version, *body);
  } else {
    if (!db.deferred_search) {
      db.db.exec(
          "CREATE TEMP TABLE IF NOT EXISTS parley_pending_search "
          "(version INTEGER PRIMARY KEY)");
      db.deferred_search = true;
    }
    Statement& later =
        db.get("INSERT INTO temp.parley_pending_search (version) VALUES (?)");
    later.bind(1, static_cast<int64_t>(version));
    later.exec();
  }
  Statement& topic =
      db.get("INSERT INTO event_topic (version, topic) VALUES (?, ?)");
  for (const std::string& t : event.topics) {
    topic.bind(1, static_cast<int64_t>(version));
    topic.bind(2, t);
    topic.exec();
    topic.reset();
  }
}

void Table<Claim>::insert(Statements& db, const Claim& claim,
                          const std::string& doc, std::int64_t recorded) {
  Statement& row = db.get(
      "INSERT INTO claim (id, recorded_from, event, source, "
      "claimant, stance, doc) VALUES (?, ?, ?, ?, ?, ?, ?)");
  row.bind(1, claim.id.value);
  row.bind(2, static_cast<int64_t>(recorded));
  row.bind(3, claim.event.value);
  row.bind(4, claim.source.value);
  bind_optional(row, 5, claim.claimant);
  row.bind(6, std::string(to_string(claim.stance)));
  row.bind(7, doc);
  row.exec();
  // The quote and the headline of the source it cites, as they are now: a
  // later change of the source reaches the index with the claim's next
  // version.
  const std::int64_t version = db.db.getLastInsertRowid();
  const std::string title = db.source_title(claim.source.value);
  if (!claim.quote.empty() || !title.empty()) {
    index_text(db, "claim_search", version,
               searchable(claim.quote + "\n" + title));
  }
}

void Table<Link>::bind_key(SQLite::Statement& s, const Link& k) {
  s.bind(1, k.from.value);
  s.bind(2, std::string(to_string(k.kind)));
  s.bind(3, k.to.value);
}

std::string Table<Link>::describe(const Link& k) {
  return "link '" + k.from.value + "' " + std::string(to_string(k.kind)) +
         " '" + k.to.value + "'";
}

void Table<Link>::insert(Statements& db, const Link& link,
                         const std::string& doc, std::int64_t recorded) {
  Statement& row = db.get(
      "INSERT INTO link (from_event, kind, to_event, recorded_from, "
      "doc) VALUES (?, ?, ?, ?, ?)");
  bind_key(row, link);
  row.bind(4, static_cast<int64_t>(recorded));
  row.bind(5, doc);
  row.exec();
}

}  // namespace parley::detail
