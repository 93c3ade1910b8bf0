#include "store/past_versions.hpp"

#include <vector>

#include <nlohmann/json.hpp>

#include "parley/error.hpp"

#include "store/access.hpp"
#include "store/check.hpp"
#include "store/release_label.hpp"

namespace parley::detail {

template <class T>
std::vector<PastVersions::Version> PastVersions::versions(
    const typename Table<T>::Key& key) {
  context_.flush();
  std::vector<Value> params;
  Table<T>::key_params(key, params);
  const auto rows = context_.db.run(
      "SELECT version, recorded_from, recorded_to, " + partition_select<T>() +
          ", doc FROM " + Table<T>::name + " WHERE " + Table<T>::key_sql +
          " ORDER BY recorded_from, version",
      params);
  std::vector<Version> out;
  while (rows->next()) {
    Version v{rows->int64(0), rows->int64(1), std::nullopt, rows->int64(3),
              std::string(rows->text(4))};
    if (!rows->is_null(2)) v.to = rows->int64(2);
    out.push_back(std::move(v));
  }
  return out;
}

template <class T>
std::optional<PastVersions::Version> PastVersions::current(
    const typename Table<T>::Key& key) {
  for (Version& v : versions<T>(key)) {
    if (!v.to) return std::move(v);
  }
  return std::nullopt;
}

template <class T>
std::optional<RecordTime> PastVersions::latest(
    const typename Table<T>::Key& key) {
  const std::vector<Version> all = versions<T>(key);
  if (all.empty()) return std::nullopt;
  return from_stored(all.back().from);
}

template <class T>
void PastVersions::close(const typename Table<T>::Key& key, std::int64_t to) {
  context_.flush();  // closing an event reads its actor rows
  std::vector<Value> params{to};
  Table<T>::key_params(key, params);
  std::vector<std::pair<std::int64_t, std::int64_t>> closed;
  {
    const auto rows =
        context_.db.run(std::string("UPDATE ") + Table<T>::name +
                            " SET recorded_to = ? WHERE " + Table<T>::key_sql +
                            " AND recorded_to IS NULL RETURNING version, " +
                            partition_select<T>(),
                        params);
    while (rows->next()) closed.emplace_back(rows->int64(0), rows->int64(1));
  }
  for (const auto& [version, partition] : closed) {
    context_.dialect.derive(context_.db, Table<T>::name, Table<T>::id(key),
                            partition, version, VersionWrite::closed);
  }
}

template <class T>
void PastVersions::set_bound(const typename Table<T>::Key& key,
                             const Version& v, const char* column,
                             std::int64_t value) {
  std::vector<Value> params{value};
  const std::string row = version_row<T>(key, v.version, v.partition, params);
  context_.db.exec(std::string("UPDATE ") + Table<T>::name + " SET " + column +
                       " = ? WHERE " + row,
                   params);
}

template <class T>
void PastVersions::move(const typename Table<T>::Key& key, const Version& v,
                        const std::string& doc, std::int64_t from,
                        std::optional<std::int64_t> to) {
  if (doc == v.doc && context_.dialect.moves_record_times()) {
    if (from != v.from) set_bound<T>(key, v, "recorded_from", from);
    if (to && to != v.to) set_bound<T>(key, v, "recorded_to", *to);
    return;
  }
  const T value = nlohmann::json::parse(doc).get<T>();
  if (!v.to) {  // the current version: it leaves its slot to its copy
    close<T>(key, v.from);
    Table<T>::insert(context_, value, doc, from);
  } else {
    insert_closed(value, doc, from, *to, current<T>(key));
  }
  remove<T>(key, v);
}

template <class T>
void PastVersions::remove(const typename Table<T>::Key& key, const Version& v) {
  context_.flush();
  context_.dialect.drop_version_rows(context_.db, Table<T>::name, key.value,
                                     v.version, v.partition);
  std::vector<Value> params;
  const std::string row = version_row<T>(key, v.version, v.partition, params);
  context_.db.exec(
      std::string("DELETE FROM ") + Table<T>::name + " WHERE " + row, params);
}

template <class T>
void PastVersions::insert_closed(const T& value, const std::string& doc,
                                 std::int64_t from, std::int64_t to,
                                 const std::optional<Version>& current) {
  const auto key = Table<T>::key(value);
  // The current version leaves its slot (closing it as any write does),
  // the new one passes through it, and the current one is inserted again.
  if (current) close<T>(key, current->from);
  Table<T>::insert(context_, value, doc, from);
  close<T>(key, to);
  if (!current) return;
  Table<T>::insert(context_, nlohmann::json::parse(current->doc).get<T>(),
                   current->doc, current->from);
  remove<T>(key, *current);
}

template <class T>
PastWrite PastVersions::write(const T& value, RecordTime at,
                              std::optional<RecordTime> until,
                              const std::string& where) {
  std::vector<Reference> refs;  // a row's references are its own entities
  check(value, where, refs);
  const std::string doc = nlohmann::json(value).dump();
  const std::int64_t t = to_stored(at);
  const auto key = Table<T>::key(value);
  const std::vector<Version> all = versions<T>(key);
  std::optional<Version> held, next;
  for (const Version& v : all) {
    if (v.from <= t && (!v.to || *v.to > t)) held = v;
    if (v.from > t && !next) next = v;
  }
  const auto says = [&](const Version& v) {
    return v.doc == doc ||
           says_the_same(nlohmann::json::parse(v.doc).get<T>(), value);
  };
  if (held && says(*held)) return PastWrite::unchanged;
  if (held && held->from == t) {
    throw Error(Errc::conflict, where,
                Table<T>::describe(key) + " has another version recorded at " +
                    format_record_time(at));
  }
  std::optional<std::int64_t> end;
  if (until) end = to_stored(*until);
  if (held && held->to) end = held->to;
  if (!held && next && (!end || next->from < *end)) end = next->from;
  if (held && !held->to) {  // the current version held at t: split it
    close<T>(key, t);
    if (!end) {
      Table<T>::insert(context_, value, doc, t);
      return PastWrite::written;
    }
    insert_closed(value, doc, t, *end, std::nullopt);
    T again = nlohmann::json::parse(held->doc).get<T>();
    label_release(again, returning_release_);
    Table<T>::insert(context_, again, nlohmann::json(again).dump(), *end);
    return PastWrite::written;
  }
  // The next version, saying the same, starts earlier instead of a new one,
  // with this value's label. It moves first: moving `held` may insert the
  // current version anew.
  if (next && end == next->from && says(*next)) {
    move<T>(key, *next, doc, t, next->to);
    if (held) move<T>(key, *held, held->doc, held->from, t);
    return PastWrite::written;
  }
  if (held) move<T>(key, *held, held->doc, held->from, t);
  if (!end) {  // no version at or after t: the value is current
    Table<T>::insert(context_, value, doc, t);
    return PastWrite::written;
  }
  insert_closed(value, doc, t, *end, current<T>(key));
  return PastWrite::written;
}

void PastVersions::finish() {
  context_.flush();
  index_deferred_search(context_);
}

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
