// How each entity type maps to its table: its key (key_sql's `?` take
// key_params, in order), and how a version row and its index rows are
// inserted (insert() returns the new version). All SQL that names a column of
// an entity table lives here and in schema/.
#ifndef PARLEY_SRC_STORE_TABLES_HPP
#define PARLEY_SRC_STORE_TABLES_HPP

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "parley/document.hpp"

#include "store/backend.hpp"
#include "store/write_dialect.hpp"

namespace parley::detail {

// What one batch of writes talks to (the connection and its server's
// write dialect; the backend keeps the prepared statements), and the
// search names of the actors and places its events name. Belongs to one
// Writer; not thread-safe.
class WriteContext {
 public:
  WriteContext(Backend& db, const WriteDialect& dialect)
      : db(db), dialect(dialect) {}

  // The names and aliases of the current actor or place `id`, in every
  // language, for the search index (cached until forgotten); null when
  // there is no such entity (yet: a document may name it further on).
  const std::string* names_of(const char* table, const std::string& id);
  // The names of the current place `id` and of every place containing it
  // (search: the parent chain, at most 32 levels), cached as names_of
  // while complete; null while one of them is missing (not cached: a place
  // written later completes it).
  const std::string* chain_names_of(const std::string& id);
  // The title of the current source `id` ("" when it has none); null when
  // there is no such source (yet: a document may write it further on).
  // Cached from the source's last version written or read (a claim cites a
  // current source, so a removed one needs no forgetting).
  const std::string* source_title(const std::string& id);
  // The parent of the current place or process `id` (`table`), cached
  // until forgotten; nullopt when it has none, or there is no such entity.
  const std::optional<std::string>& parent_of(const char* table,
                                              const std::string& id);
  // The parent of place or process `id` (`table`) as its version just
  // written gives it.
  void remember_parent(const char* table, const std::string& id,
                       std::optional<std::string> parent) {
    parents_.insert_or_assign(std::string(table) + '\n' + id,
                              std::move(parent));
  }
  // Forgets the names and the parent of actor, place or process `id`
  // (`table`): it has a new version, or none.
  void forget_names(const char* table, const std::string& id) {
    const std::string key = std::string(table) + '\n' + id;
    names_.erase(key);
    parents_.erase(key);
  }
  // The names of actor or place `id` (`table`) as its version `doc` just
  // written gives them (its parent is forgotten: it may have moved).
  void remember_names(const char* table, const std::string& id,
                      const std::string& doc);
  // Forgets every place chain: a place in one has a new version, or none.
  void forget_chains();
  // The title of source `id` as its version `doc` just written gives it.
  void remember_title(const std::string& id, const std::string& doc);

  Backend& db;
  const WriteDialect& dialect;
  // Event versions wait in the temporary table parley_pending_search, claim
  // versions in parley_pending_claim_search (see index_deferred_search).
  bool deferred_search = false;
  bool deferred_claim_search = false;
  // Event, claim and source versions (when bulk_versions) and event_actor
  // and event_topic rows not sent yet (WriteDialect).
  PendingRows pending_rows;
  // Whether versions may wait in pending_rows: only for a Writer whose
  // caller reads those tables through it alone (Writer::load_in_bulk), as
  // every read of the Writer's that they could change sends them first
  // (flush, flush_if_waiting).
  bool bulk_versions = false;

  // Sends the rows waiting in pending_rows.
  void flush() { dialect.flush_rows(db, pending_rows); }
  // flush() when entity `id` of `table` has a version waiting.
  void flush_if_waiting(std::string_view table, const std::string& id) {
    if (pending_rows.waits(table, id)) flush();
  }

 private:
  std::unordered_map<std::string, std::optional<std::string>> names_;
  std::unordered_map<std::string, std::optional<std::string>> titles_;
  std::unordered_map<std::string, std::optional<std::string>> parents_;
};

// The first column of the first row of `sql`: empty when there is no row
// or the value is NULL.
std::optional<std::int64_t> first_int64(Backend& db, std::string_view sql,
                                        std::span<const Value> params = {});
std::optional<std::string> first_text(Backend& db, std::string_view sql,
                                      std::span<const Value> params = {});

// Indexes the search text of the event versions whose text waited for an
// actor or place written later in the batch (temp.parley_pending_search),
// and of the claim versions whose text waited for the source they cite
// (temp.parley_pending_claim_search).
void index_deferred_search(WriteContext& db);

template <class T>
struct Table;

// The entity type whose key is K.
template <class K>
struct EntityOf;

#define PARLEY_ID_TABLE(T, K, NAME, LABEL)                                     \
  template <>                                                                  \
  struct Table<T> {                                                            \
    using Key = K;                                                             \
    static constexpr const char* name = NAME;                                  \
    static constexpr const char* key_sql = "id = ?";                           \
    static Key key(const T& value) { return value.id; }                        \
    static std::string_view id(const Key& k) { return k.value; }               \
    static void key_params(const Key& k, std::vector<Value>& params) {         \
      params.emplace_back(k.value);                                            \
    }                                                                          \
    static std::string describe(const Key& k) {                                \
      return std::string(LABEL) + " '" + k.value + "'";                        \
    }                                                                          \
    static std::int64_t insert(WriteContext& db, const T& value,               \
                               const std::string& doc, std::int64_t recorded); \
  };                                                                           \
  template <>                                                                  \
  struct EntityOf<K> {                                                         \
    using type = T;                                                            \
  }

PARLEY_ID_TABLE(Actor, ActorId, "actor", "actor");
PARLEY_ID_TABLE(Place, PlaceId, "place", "place");
PARLEY_ID_TABLE(Process, ProcessId, "process", "process");
PARLEY_ID_TABLE(Source, SourceId, "source", "source");
PARLEY_ID_TABLE(Event, EventId, "event", "event");
PARLEY_ID_TABLE(Claim, ClaimId, "claim", "claim");
#undef PARLEY_ID_TABLE

template <>
struct Table<Link> {
  using Key = Link;
  static constexpr const char* name = "link";
  static constexpr const char* key_sql =
      "from_event = ? AND kind = ? AND to_event = ?";
  static Key key(const Link& value) { return value; }
  // The value of the key's first column (for derive()).
  static std::string_view id(const Key& k) { return k.from.value; }
  static void key_params(const Key& k, std::vector<Value>& params);
  static std::string describe(const Key& k);
  static std::int64_t insert(WriteContext& db, const Link& value,
                             const std::string& doc, std::int64_t recorded);
};
template <>
struct EntityOf<Link> {
  using type = Link;
};

// The column that, with the key and the version, names one row of T's
// table on every server and lets PostgreSQL read one partition: the
// earliest day of an event version (the event tables are partitioned by
// it); null for tables that are not partitioned.
template <class T>
inline constexpr const char* partition_column = nullptr;
template <>
inline constexpr const char* partition_column<Event> = "lo";

// partition_column<T> as a column to select: "0" for a table without one.
template <class T>
std::string partition_select() {
  const char* column = partition_column<T>;
  return column ? column : "0";
}

// "<key> AND version = ?", and " AND <partition_column> = ?" where T has
// one: one version row of T's table, found in one partition. Appends the
// parameters to `params`.
template <class T>
std::string version_row(const typename Table<T>::Key& key, std::int64_t version,
                        std::int64_t partition, std::vector<Value>& params) {
  Table<T>::key_params(key, params);
  params.emplace_back(version);
  std::string sql = std::string(Table<T>::key_sql) + " AND version = ?";
  if (const char* column = partition_column<T>) {
    sql += std::string(" AND ") + column + " = ?";
    params.emplace_back(partition);
  }
  return sql;
}

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_TABLES_HPP
