#include "store/past_versions.hpp"

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/error.hpp"

#include "store/access.hpp"
#include "store/check.hpp"

namespace parley::detail {

template <class T>
std::vector<PastVersions::Version> PastVersions::versions(
    const typename Table<T>::Key& key) {
  std::vector<Value> params;
  Table<T>::key_params(key, params);
  const auto rows = context_.db.run(
      std::string("SELECT version, recorded_from, recorded_to, doc FROM ") +
          Table<T>::name + " WHERE " + Table<T>::key_sql +
          " ORDER BY recorded_from, version",
      params);
  std::vector<Version> out;
  while (rows->next()) {
    Version v{rows->int64(0), rows->int64(1), std::nullopt,
              std::string(rows->text(3))};
    if (!rows->is_null(2)) v.to = rows->int64(2);
    out.push_back(std::move(v));
  }
  return out;
}

template <class T>
std::optional<RecordTime> PastVersions::latest(
    const typename Table<T>::Key& key) {
  const std::vector<Version> all = versions<T>(key);
  if (all.empty()) return std::nullopt;
  return from_stored(all.back().from);
}

void PastVersions::set_bound(const char* table, const char* column,
                             std::int64_t version, std::int64_t value) {
  const Value params[] = {value, version};
  context_.db.exec(std::string("UPDATE ") + table + " SET " + column +
                       " = ? WHERE version = ?",
                   params);
}

template <class T>
void PastVersions::check_can_move(const T& value, RecordTime at,
                                  const std::string& where) const {
  if (context_.dialect.writes_past_versions()) return;
  throw Error(Errc::unsupported, where,
              Table<T>::describe(Table<T>::key(value)) +
                  " would need the record times of a stored version moved "
                  "to take one recorded at " +
                  format_record_time(at) +
                  ": not supported on PostgreSQL yet; import the releases in "
                  "record order, or into a SQLite file");
}

template <class T>
void PastVersions::insert_closed(const T& value, const std::string& doc,
                                 std::int64_t from, std::int64_t to,
                                 const std::optional<Version>& current) {
  const char* table = Table<T>::name;
  // The current version leaves its slot (closing it as any write does),
  // the new one passes through it, and the current one is inserted again.
  if (current) set_bound(table, "recorded_to", current->version, current->from);
  const std::int64_t version = Table<T>::insert(context_, value, doc, from);
  set_bound(table, "recorded_to", version, to);
  if (!current) return;
  const T again = nlohmann::json::parse(current->doc).get<T>();
  Table<T>::insert(context_, again, current->doc, current->from);
  const std::string_view name = table;
  if (name == "event" || name == "claim") {
    context_.dialect.drop_text(context_.db,
                               name == "event" ? TextOf::event : TextOf::claim,
                               current->version);
  }
  const Value gone[] = {current->version};
  context_.db.exec(std::string("DELETE FROM ") + table + " WHERE version = ?",
                   gone);
}

template <class T>
PastWrite PastVersions::write(const T& value, RecordTime at,
                              std::optional<RecordTime> until,
                              const std::string& where) {
  std::vector<Reference> refs;  // a row's references are its own entities
  check(value, where, refs);
  const std::string doc = nlohmann::json(value).dump();
  const std::int64_t t = to_stored(at);
  const std::vector<Version> all = versions<T>(Table<T>::key(value));
  std::optional<Version> held, next, current;
  for (const Version& v : all) {
    if (v.from <= t && (!v.to || *v.to > t)) held = v;
    if (v.from > t && !next) next = v;
    if (!v.to) current = v;
  }
  if (held && held->doc == doc) return PastWrite::unchanged;
  if (held && held->from == t) {
    throw Error(Errc::conflict, where,
                Table<T>::describe(Table<T>::key(value)) +
                    " has another version recorded at " +
                    format_record_time(at));
  }
  std::optional<std::int64_t> end;
  if (until) end = to_stored(*until);
  if (held && held->to) end = held->to;
  if (!held && next && (!end || next->from < *end)) end = next->from;
  if (held && !held->to) {  // the current version held at t: split it
    set_bound(Table<T>::name, "recorded_to", held->version, t);
    if (!end) {
      Table<T>::insert(context_, value, doc, t);
      return PastWrite::written;
    }
    insert_closed(value, doc, t, *end, std::nullopt);
    Table<T>::insert(context_, nlohmann::json::parse(held->doc).get<T>(),
                     held->doc, *end);
    return PastWrite::written;
  }
  // The next version, alike, starts earlier instead of a new one.
  const bool starts_next = next && end == next->from && next->doc == doc;
  // Both moves below change a closed version's end or a version's start.
  if (held || starts_next) check_can_move(value, at, where);
  if (held) set_bound(Table<T>::name, "recorded_to", held->version, t);
  if (starts_next) {
    set_bound(Table<T>::name, "recorded_from", next->version, t);
    return PastWrite::written;
  }
  if (!end) {  // no version at or after t: the value is current
    Table<T>::insert(context_, value, doc, t);
    return PastWrite::written;
  }
  insert_closed(value, doc, t, *end, current);
  return PastWrite::written;
}

void PastVersions::finish() { index_deferred_search(context_); }

#define PARLEY_PAST_INSTANCE(T)                                             \
  template PastWrite PastVersions::write<T>(                                \
      const T&, RecordTime, std::optional<RecordTime>, const std::string&); \
  template std::optional<RecordTime> PastVersions::latest<T>(               \
      const Table<T>::Key&)
PARLEY_PAST_INSTANCE(Actor);
PARLEY_PAST_INSTANCE(Place);
PARLEY_PAST_INSTANCE(Process);
PARLEY_PAST_INSTANCE(Source);
PARLEY_PAST_INSTANCE(Event);
PARLEY_PAST_INSTANCE(Claim);
#undef PARLEY_PAST_INSTANCE

}  // namespace parley::detail
