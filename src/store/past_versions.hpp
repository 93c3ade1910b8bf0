// Writing a version into an entity's history before its later versions: an
// older dataset release imported after a newer one (datasets.hpp).
//
// An entity's versions are intervals [recorded_from, recorded_to) that
// never overlap, in record order, the last one open (current) unless the
// entity was removed. A version written "in the past" at t, holding until
// `until` (the next recorded change), keeps that shape:
//   - the version that held at t (if any) now ends at t;
//   - the new version holds [t, until);
//   - when the version that starts at `until` has the same document, it
//     is extended back to t instead (one version, not two equal ones);
//   - a current version that held at t is split: its document comes back
//     as the current version at `until`.
// Each step uses the ordinary insert and close of a version, so the index
// and count tables kept by triggers (schema/004, 006) stay exact. A version
// moved out of the way of the current slot is inserted anew and its old row
// deleted: its version number changes, nothing else.
//
// Not thread-safe; runs inside the caller's transaction.
#ifndef PARLEY_SRC_STORE_PAST_VERSIONS_HPP
#define PARLEY_SRC_STORE_PAST_VERSIONS_HPP

#include <optional>
#include <string>

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

  // Indexes the search text deferred by the inserts; call before commit.
  void finish();

 private:
  struct Version {
    std::int64_t version;
    std::int64_t from;
    std::optional<std::int64_t> to;
    std::string doc;
  };
  template <class T>
  std::vector<Version> versions(const typename Table<T>::Key& key);
  void set_bound(const char* table, const char* column, std::int64_t version,
                 std::int64_t value);
  // Throws unsupported (at `where`) where the backend cannot move a stored
  // version's record times (WriteDialect::writes_past_versions).
  template <class T>
  void check_can_move(const T& value, RecordTime at,
                      const std::string& where) const;
  // Inserts [from, to) while `current` (if any) keeps the current slot.
  template <class T>
  void insert_closed(const T& value, const std::string& doc, std::int64_t from,
                     std::int64_t to, const std::optional<Version>& current);

  WriteContext context_;
};

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_PAST_VERSIONS_HPP
