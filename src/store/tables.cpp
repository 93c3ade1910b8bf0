#include "store/tables.hpp"

#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/error.hpp"

#include "store/rules.hpp"
#include "store/searchable.hpp"

namespace parley::detail {
namespace {

// Day numbers for the retrieval envelope when an end is open or unknown.
constexpr std::int64_t min_day = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t max_day = std::numeric_limits<std::int64_t>::max();

Value optional_value(const std::optional<Day>& day) {
  if (!day) return {};
  return static_cast<std::int64_t>(day->time_since_epoch().count());
}

template <class Tag>
Value optional_value(const std::optional<Id<Tag>>& id) {
  if (!id) return {};
  return id->value;
}

template <class Tag>
std::optional<std::string> optional_text(const std::optional<Id<Tag>>& id) {
  if (!id) return std::nullopt;
  return id->value;
}

std::int64_t day_or(const std::optional<Day>& day, std::int64_t fallback) {
  return day ? day->time_since_epoch().count() : fallback;
}

// Runs `sql`, an INSERT … RETURNING version of a current version of
// `table` whose first parameter is its Table<T>::id (`partition`: its
// partition_column, 0 if none), and derives what follows from it
// (WriteDialect::derive): the new version.
std::int64_t insert_version(WriteContext& db, std::string_view table,
                            std::string_view sql, std::span<const Value> params,
                            std::int64_t partition = 0) {
  std::int64_t version = 0;
  {
    const auto rows = db.db.run(sql, params);
    if (!rows->next()) {
      throw Error(Errc::storage, "", "an INSERT returned no version");
    }
    version = rows->int64(0);
  }
  db.dialect.derive(db.db, table, std::get<std::string>(params.front()),
                    partition, version, VersionWrite::inserted);
  return version;
}

// The values of a JSON object's members, or of an array's elements, each
// followed by a space; nothing for another value. As SQLite's
// group_concat over json_each, with a trailing separator.
void append_texts(const nlohmann::json& texts, std::string& out) {
  if (!texts.is_object() && !texts.is_array()) return;
  bool first = true;
  for (const auto& text : texts) {
    if (!first) out += ' ';
    first = false;
    out += text.is_string() ? text.get<std::string>() : text.dump();
  }
}

// What a text search of the event matches (see schema/002_search.sql and
// 007_stemming.sql): titles, summaries, the names of its actors and of its
// place and the places containing it, as searchable() stores them; nothing
// while an actor or place it names is not written yet.
std::optional<std::string> search_text(WriteContext& db, const Event& event) {
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

}  // namespace

std::optional<std::int64_t> first_int64(Backend& db, std::string_view sql,
                                        std::span<const Value> params) {
  const auto rows = db.run(sql, params);
  if (!rows->next() || rows->is_null(0)) return std::nullopt;
  return rows->int64(0);
}

std::optional<std::string> first_text(Backend& db, std::string_view sql,
                                      std::span<const Value> params) {
  const auto rows = db.run(sql, params);
  if (!rows->next() || rows->is_null(0)) return std::nullopt;
  return std::string(rows->text(0));
}

namespace {

// The names and aliases of an actor's or place's version `doc`, in every
// language, as the search index holds them.
std::string names_in(const std::string& doc) {
  const nlohmann::json j = nlohmann::json::parse(doc);
  std::string names;
  if (j.contains("names")) append_texts(j["names"], names);
  names += ' ';
  if (j.contains("aliases")) append_texts(j["aliases"], names);
  return names;
}

}  // namespace

const std::string* WriteContext::names_of(const char* table,
                                          const std::string& id) {
  std::string key = std::string(table) + '\n' + id;
  auto it = names_.find(key);
  if (it == names_.end()) {
    const Value params[] = {id};
    const std::optional<std::string> doc =
        first_text(this->db,
                   std::string("SELECT doc FROM ") + table +
                       " WHERE id = ? AND recorded_to IS NULL",
                   params);
    std::optional<std::string> names;
    if (doc) names = names_in(*doc);
    it = names_.emplace(std::move(key), std::move(names)).first;
  }
  return it->second ? &*it->second : nullptr;
}

void WriteContext::remember_names(const char* table, const std::string& id,
                                  const std::string& doc) {
  forget_names(table, id);
  names_.emplace(std::string(table) + '\n' + id, names_in(doc));
}

const std::string* WriteContext::chain_names_of(const std::string& id) {
  std::string key = "place chain\n" + id;
  if (auto it = names_.find(key); it != names_.end()) {
    return it->second ? &*it->second : nullptr;
  }
  std::string chain;
  std::string place = id;
  for (int depth = 0; depth < 32; ++depth) {
    const std::string* names = names_of("place", place);
    if (!names) return nullptr;
    chain += (depth ? "\n" : "") + *names;
    const std::optional<std::string>& parent = parent_of("place", place);
    if (!parent) break;
    place = *parent;
  }
  return &*names_.emplace(std::move(key), std::move(chain)).first->second;
}

const std::optional<std::string>& WriteContext::parent_of(
    const char* table, const std::string& id) {
  std::string key = std::string(table) + '\n' + id;
  auto it = parents_.find(key);
  if (it == parents_.end()) {
    const Value params[] = {id};
    it = parents_
             .emplace(std::move(key),
                      first_text(this->db,
                                 std::string("SELECT parent FROM ") + table +
                                     " WHERE id = ? AND recorded_to IS NULL",
                                 params))
             .first;
  }
  return it->second;
}

void WriteContext::forget_chains() {
  std::erase_if(names_, [](const auto& entry) {
    return entry.first.starts_with("place chain\n");
  });
}

namespace {

// A source's title as the search text of the claims citing it holds it: ""
// when its version `doc` has none.
std::string title_in(const std::string& doc) {
  const nlohmann::json j = nlohmann::json::parse(doc);
  const auto found = j.find("title");
  if (found == j.end() || found->is_null()) return "";
  return found->is_string() ? found->get<std::string>() : found->dump();
}

}  // namespace

const std::string* WriteContext::source_title(const std::string& id) {
  auto it = titles_.find(id);
  if (it == titles_.end()) {
    flush_if_waiting("source", id);
    const Value params[] = {id};
    const std::optional<std::string> doc = first_text(
        this->db, "SELECT doc FROM source WHERE id = ? AND recorded_to IS NULL",
        params);
    if (doc) {
      remember_title(id, *doc);
    } else {
      titles_.insert_or_assign(id, std::nullopt);
    }
    it = titles_.find(id);
  }
  return it->second ? &*it->second : nullptr;
}

void WriteContext::remember_title(const std::string& id,
                                  const std::string& doc) {
  constexpr std::size_t max_titles = 100000;
  if (titles_.size() >= max_titles) titles_.clear();
  titles_.insert_or_assign(id, title_in(doc));
}

namespace {

// A version whose search text waited: its key, version and document.
struct Waiting {
  std::int64_t version;
  std::string id;
  std::int64_t lo;
  std::string doc;
};

// Indexes the versions of `table` whose search text waited in the
// temporary table `pending`, 8,192 at a time so that memory does not grow
// with the batch: `page` selects the next ones after a version (version,
// key, lo, doc), `text` makes a version's text from its document (none:
// nothing to index). Then empties `pending`.
template <class Text>
void index_waiting(WriteContext& db, std::string_view table,
                   const std::string& pending, const std::string& page,
                   Text&& text) {
  constexpr std::int64_t chunk = 8192;
  std::int64_t after = std::numeric_limits<std::int64_t>::min();
  for (std::size_t n = chunk; n == chunk;) {
    std::vector<Waiting> waiting;
    {
      const Value params[] = {after, chunk};
      const auto rows = db.db.run(page, params);
      while (rows->next()) {
        waiting.push_back({rows->int64(0), std::string(rows->text(1)),
                           rows->int64(2), std::string(rows->text(3))});
      }
    }
    std::vector<VersionText> texts;
    for (const Waiting& w : waiting) {
      if (std::optional<std::string> body = text(w.doc)) {
        texts.push_back({w.version, w.id, w.lo, std::move(*body)});
      }
      after = w.version;
    }
    db.dialect.index_texts(db.db, table, texts);
    n = waiting.size();
  }
  db.db.exec("DELETE FROM " + pending);
}

// A claim's search text: its quote and the title of the source it cites.
std::optional<std::string> claim_text(const Claim& claim,
                                      const std::string& title) {
  if (claim.quote.empty() && title.empty()) return std::nullopt;
  return searchable(claim.quote + "\n" + title);
}

// Claim version `version` of `event` is indexed by index_deferred_search.
void defer_claim_text(WriteContext& db, std::int64_t version,
                      const std::string& event) {
  if (!db.deferred_claim_search) {
    db.db.exec(
        "CREATE TEMP TABLE IF NOT EXISTS parley_pending_claim_search "
        "(version BIGINT PRIMARY KEY, event TEXT NOT NULL)");
    db.deferred_claim_search = true;
  }
  const Value later[] = {version, event};
  db.db.exec(
      "INSERT INTO parley_pending_claim_search (version, event) VALUES (?, ?)",
      later);
}

}  // namespace

void index_deferred_search(WriteContext& db) {
  // A claim's source is written now (one still missing is an unknown
  // reference, reported before this: the claim gets its quote alone).
  if (db.deferred_claim_search) {
    index_waiting(
        db, "claim", "parley_pending_claim_search",
        "SELECT p.version, p.event, 0, c.doc FROM parley_pending_claim_search "
        "p JOIN claim c ON c.event = p.event AND c.version = p.version "
        "WHERE p.version > ? ORDER BY p.version LIMIT ?",
        [&](const std::string& doc) {
          const Claim claim = nlohmann::json::parse(doc).get<Claim>();
          const std::string* title = db.source_title(claim.source.value);
          return claim_text(claim, title ? *title : "");
        });
    db.deferred_claim_search = false;
  }
  // An event's names are written now (those still missing are unknown
  // references, reported before this: it gets what is known).
  if (db.deferred_search) {
    index_waiting(
        db, "event", "parley_pending_search",
        "SELECT p.version, e.id, e.lo, e.doc FROM parley_pending_search p "
        "JOIN event e ON e.id = p.id AND e.lo = p.lo AND e.version = p.version "
        "WHERE p.version > ? ORDER BY p.version LIMIT ?",
        [&](const std::string& doc) {
          const Event event = nlohmann::json::parse(doc).get<Event>();
          return std::optional(search_text(db, event).value_or(""));
        });
    db.deferred_search = false;
  }
}

std::int64_t Table<Actor>::insert(WriteContext& db, const Actor& actor,
                                  const std::string& doc,
                                  std::int64_t recorded) {
  const Value row[] = {actor.id.value, recorded,
                       std::string(to_string(actor.kind)), doc};
  const std::int64_t version =
      insert_version(db, "actor",
                     "INSERT INTO actor (id, recorded_from, kind, doc) "
                     "VALUES (?, ?, ?, ?) RETURNING version",
                     row);
  db.remember_names("actor", actor.id.value, doc);
  for (const Tie& t : actor.ties) {
    const Value tie[] = {version, std::string(to_string(t.kind)),
                         t.other.value};
    db.db.exec("INSERT INTO actor_tie (version, kind, other) VALUES (?, ?, ?)",
               tie);
  }
  return version;
}

std::int64_t Table<Place>::insert(WriteContext& db, const Place& place,
                                  const std::string& doc,
                                  std::int64_t recorded) {
  Value lat, lon, zone;
  if (place.coordinates) {
    lat = place.coordinates->lat;
    lon = place.coordinates->lon;
  }
  if (place.zone) zone = *place.zone;
  const Value row[] = {place.id.value,
                       recorded,
                       std::string(to_string(place.kind)),
                       optional_value(place.parent),
                       std::move(lat),
                       std::move(lon),
                       std::move(zone),
                       doc};
  const std::int64_t version = insert_version(
      db, "place",
      "INSERT INTO place (id, recorded_from, kind, parent, lat, lon, "
      "zone, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING version",
      row);
  db.remember_names("place", place.id.value, doc);
  db.remember_parent("place", place.id.value, optional_text(place.parent));
  return version;
}

std::int64_t Table<Process>::insert(WriteContext& db, const Process& process,
                                    const std::string& doc,
                                    std::int64_t recorded) {
  const Value row[] = {process.id.value, recorded,
                       std::string(to_string(process.kind)),
                       optional_value(process.parent), doc};
  db.remember_parent("process", process.id.value,
                     optional_text(process.parent));
  return insert_version(
      db, "process",
      "INSERT INTO process (id, recorded_from, kind, parent, doc) "
      "VALUES (?, ?, ?, ?, ?) RETURNING version",
      row);
}

namespace {

// The columns of an event version's row, in the order of event_insert.
std::vector<Value> event_row(const Event& event, const std::string& doc,
                             std::int64_t recorded) {
  const Bounds b = event.time.bounds();
  std::vector<Value> row;
  row.reserve(22);
  row.emplace_back(event.id.value);
  row.emplace_back(recorded);
  row.emplace_back(std::string(to_string(event.kind())));
  row.emplace_back(std::string(to_string(event.status)));
  row.emplace_back(event.time.str());
  row.push_back(optional_value(b.earliest_start));
  row.push_back(optional_value(b.latest_start));
  row.push_back(optional_value(b.earliest_end));
  row.push_back(optional_value(b.latest_end));
  for (bool flag : {b.start_open, b.start_unknown, b.end_open, b.end_unknown})
    row.emplace_back(std::int64_t{flag ? 1 : 0});
  row.emplace_back(day_or(b.earliest_start, min_day));
  row.emplace_back(day_or(b.latest_end, max_day));
  if (event.planned) {
    const Bounds p = event.planned->bounds();
    row.emplace_back(event.planned->str());
    row.emplace_back(day_or(p.earliest_start, min_day));
    row.emplace_back(day_or(p.latest_end, max_day));
  } else {
    row.resize(row.size() + 3);
  }
  row.push_back(optional_value(event.place));
  row.push_back(optional_value(event.process));
  row.push_back(optional_value(event.parent));
  row.emplace_back(doc);
  return row;
}

// The INSERT of a version of `table` (event, claim, source): its `columns`,
// then the search text as `search_value` when it is not empty. The flags
// are written `? <> 0`: an integer on SQLite, a boolean on PostgreSQL.
std::string version_insert(std::string_view table,
                           std::span<const std::string_view> columns,
                           std::string_view search_value) {
  std::string sql = "INSERT INTO " + std::string(table) + " (";
  std::string values = ") VALUES (";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::string_view column = columns[i];
    const bool flag = column.ends_with("_open") || column.ends_with("_unknown");
    sql += (i ? ", " : "") + std::string(column);
    values += i ? ", " : "";
    values += flag ? "? <> 0" : "?";
  }
  if (!search_value.empty()) {
    sql += ", search";
    values += ", " + std::string(search_value);
  }
  return sql + values + ") RETURNING version";
}

// Inserts the version `row` of `table` (its columns, then the search text
// when the table has one and the dialect keeps it in the row), or keeps it
// to be sent in bulk when the Writer loads in bulk and `keep`: its version.
std::int64_t insert_or_keep(WriteContext& db, const VersionTable& table,
                            std::vector<Value>& row, bool keep) {
  if (db.bulk_versions && keep) {
    if (const auto kept =
            db.dialect.keep_version(db.db, db.pending_rows, table, row)) {
      return *kept;
    }
  }
  // Versions keep the order of writes: the next kept one comes after.
  db.pending_rows.kept(table.name)->free.clear();
  return insert_version(
      db, table.name,
      version_insert(table.name, table.columns,
                     table.searched ? db.dialect.search_value() : ""),
      row, partition_of(table, row));
}

// Appends the search text to an INSERT's `row` when the dialect keeps it in
// the row: `body`, or NULL when it waits (for index_*_text later).
bool text_in_row(const WriteContext& db, std::vector<Value>& row,
                 const std::optional<std::string>& body) {
  if (db.dialect.search_value().empty()) return false;
  row.push_back(body ? Value(*body) : Value());
  return true;
}

}  // namespace

std::int64_t Table<Source>::insert(WriteContext& db, const Source& source,
                                   const std::string& doc,
                                   std::int64_t recorded) {
  std::vector<Value> row = {source.id.value, recorded, doc};
  db.remember_title(source.id.value, doc);  // a new version may retitle it
  return insert_or_keep(db, source_versions, row, true);
}

std::int64_t Table<Event>::insert(WriteContext& db, const Event& event,
                                  const std::string& doc,
                                  std::int64_t recorded) {
  std::vector<Value> row = event_row(event, doc, recorded);
  const std::int64_t lo = partition_of(event_versions, row);
  const std::optional<std::string> body = search_text(db, event);
  const bool in_row = text_in_row(db, row, body);
  // An event with a rule is never kept: the Writer reads event_rule.
  const std::int64_t version =
      insert_or_keep(db, event_versions, row, !has_rules(event));
  const EventVersion inserted{version, event.id.value, lo};
  std::vector<std::pair<std::string, std::string>> actors;
  for (const Participant& p : event.participants) {
    actors.emplace_back(p.actor.value, to_string(p.role));
  }
  for (const PayloadActor& p : payload_actors(event.payload)) {
    actors.emplace_back(p.actor.value, p.role);
  }
  db.dialect.insert_event_rows(db.db, db.pending_rows, inserted, actors,
                               event.topics);
  if (body) {
    if (!in_row) {
      const VersionText text[] = {{version, event.id.value, lo, *body}};
      db.dialect.index_texts(db.db, "event", text);
    }
  } else {
    if (!db.deferred_search) {
      db.db.exec(
          "CREATE TEMP TABLE IF NOT EXISTS parley_pending_search "
          "(version BIGINT PRIMARY KEY, id TEXT NOT NULL, lo BIGINT NOT NULL)");
      db.deferred_search = true;
    }
    const Value later[] = {version, event.id.value, lo};
    db.db.exec(
        "INSERT INTO parley_pending_search (version, id, lo) VALUES (?, ?, ?)",
        later);
  }
  return version;
}

std::int64_t Table<Claim>::insert(WriteContext& db, const Claim& claim,
                                  const std::string& doc,
                                  std::int64_t recorded) {
  std::vector<Value> row = {claim.id.value,
                            recorded,
                            claim.event.value,
                            claim.source.value,
                            optional_value(claim.claimant),
                            std::string(to_string(claim.stance)),
                            doc};
  // The quote and the headline of the source it cites, as they are now: a
  // later change of the source reaches the index with the claim's next
  // version. A source written later in the batch: indexed at its end.
  const std::string* title = db.source_title(claim.source.value);
  const std::optional<std::string> body =
      title ? claim_text(claim, *title) : std::nullopt;
  const bool in_row = text_in_row(db, row, body);
  const std::int64_t version = insert_or_keep(db, claim_versions, row, true);
  if (!title) {
    defer_claim_text(db, version, claim.event.value);
  } else if (body && !in_row) {
    const VersionText text[] = {{version, claim.event.value, 0, *body}};
    db.dialect.index_texts(db.db, "claim", text);
  }
  return version;
}

void Table<Link>::key_params(const Link& k, std::vector<Value>& params) {
  params.emplace_back(k.from.value);
  params.emplace_back(std::string(to_string(k.kind)));
  params.emplace_back(k.to.value);
}

std::string Table<Link>::describe(const Link& k) {
  return "link '" + k.from.value + "' " + std::string(to_string(k.kind)) +
         " '" + k.to.value + "'";
}

std::int64_t Table<Link>::insert(WriteContext& db, const Link& link,
                                 const std::string& doc,
                                 std::int64_t recorded) {
  std::vector<Value> row;
  key_params(link, row);
  row.emplace_back(recorded);
  row.emplace_back(doc);
  return insert_version(db, "link",
                        "INSERT INTO link (from_event, kind, to_event, "
                        "recorded_from, doc) VALUES (?, ?, ?, ?, ?) "
                        "RETURNING version",
                        row);
}

}  // namespace parley::detail
