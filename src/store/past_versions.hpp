// Writing a version into an entity's history before its later versions: an
// older dataset release imported after a newer one (datasets.hpp).
//
// An entity's versions are intervals [recorded_from, recorded_to) that
// never overlap, in record order, the last one open (current) unless the
// entity was removed. A version written "in the past" at t, holding until
// `until` (the next recorded change), keeps that shape:
//   - the version that held at t (if any) now ends at t;
//   - the new version holds [t, until);
//   - when the version that starts at `until` says the same
//     (release_label.hpp), it is extended back to t instead (one version,
//     not two equal ones), with the label of the release written;
//   - a current version that held at t is split: its document comes back
//     as the current version at `until`, labelled as the release recorded
//     then (label_returns).
// A version that says what the value says (the release aside) is left as
// it is.
// Each step uses the ordinary insert and close of a version, so the index
// and count tables kept by triggers (schema/004, 006) stay exact. A version
// moved out of the way of the current slot is inserted anew and its old row
// deleted: its version number changes, nothing else. Where the backend
// never changes a stored version's record times
// (WriteDialect::moves_record_times), a version that must end or start
// earlier is inserted anew the same way.
//
// Not thread-safe; runs inside the caller's transaction.
#ifndef PARLEY_SRC_STORE_PAST_VERSIONS_HPP
#define PARLEY_SRC_STORE_PAST_VERSIONS_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parley/document.hpp"

#include "store/tables.hpp"

namespace parley::detail {

// What a past write did.
enum class PastWrite {
  unchanged,  // the version holding at t already had this document
  written,    // history was written
};

class PastVersions {
 public:
  PastVersions(Backend& db, const WriteDialect& dialect)
      : context_(db, dialect) {}

  // Writes `value` as it was at `at`. `until`: when the value stopped
  // holding if no later version of the entity says (an older release's row
  // that the newer release dropped); nullopt: it still holds. Throws Error
  // (bad_value) when `value` is invalid, (conflict) when a different version
  // was recorded at exactly `at`.
  template <class T>
  PastWrite write(const T& value, RecordTime at,
                  std::optional<RecordTime> until, const std::string& where);

  // The latest recorded_from among the entity's versions, if it has any.
  template <class T>
  std::optional<RecordTime> latest(const typename Table<T>::Key& key);

  // The release whose rows were recorded at the `until` of every write (the
  // newest stored release): the label of a split version coming back then.
  void label_returns(std::string release) {
    returning_release_ = std::move(release);
  }

  // Sends the rows waiting (an event's actor and topic rows go in batches
  // where the server takes them so) and indexes the search text deferred
  // by the inserts; call before commit.
  void finish();

 private:
  struct Version {
    std::int64_t version;
    std::int64_t from;
    std::optional<std::int64_t> to;
    std::int64_t partition;  // its partition_column, 0 if none
    std::string doc;
  };
  template <class T>
  std::vector<Version> versions(const typename Table<T>::Key& key);
  template <class T>
  std::optional<Version> current(const typename Table<T>::Key& key);
  // Sets recorded_to of the current version of `key`.
  template <class T>
  void close(const typename Table<T>::Key& key, std::int64_t to);
  // Sets `column` of the stored version `v` of `key` in place.
  template <class T>
  void set_bound(const typename Table<T>::Key& key, const Version& v,
                 const char* column, std::int64_t value);
  // Gives the stored version `v` of `key` the record times [from, to) and
  // the document `doc` (v.doc, or another release's label); `to` is
  // nullopt only for the current version.
  template <class T>
  void move(const typename Table<T>::Key& key, const Version& v,
            const std::string& doc, std::int64_t from,
            std::optional<std::int64_t> to);
  template <class T>
  void remove(const typename Table<T>::Key& key, const Version& v);
  // Inserts [from, to) while `current` (if any) keeps the current slot.
  template <class T>
  void insert_closed(const T& value, const std::string& doc, std::int64_t from,
                     std::int64_t to, const std::optional<Version>& current);

  WriteContext context_;
  std::string returning_release_;
};

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_PAST_VERSIONS_HPP
