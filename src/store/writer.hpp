// Writes versions inside one transaction that the caller owns, and checks
// at the end that every reference resolves. Used by every write of
// parley::Database, from a single add() to a whole imported document.
// Memory does not grow with the batch: a reference is resolved when it is
// written if it can be, and otherwise kept in a temporary table
// (parley_pending_ref) until finish(); a Writer that loads in bulk on a
// server keeps every reference it has not seen there (resolve_references).
#ifndef PARLEY_SRC_STORE_WRITER_HPP
#define PARLEY_SRC_STORE_WRITER_HPP

#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "parley/document.hpp"

#include "store/check.hpp"
#include "store/tables.hpp"

namespace parley::detail {

enum class WriteMode {
  add,     // the key must be new
  update,  // the key must exist
  put,     // either
};

// How an error names the entity it was found in: its id, or a link's ends
// ("event:a follows event:b").
template <class T>
std::string label(const T& value) {
  if constexpr (std::is_same_v<T, Link>) {
    return value.from.value + " " + std::string(to_string(value.kind)) + " " +
           value.to.value;
  } else {
    return value.id.value;
  }
}

class Writer {
 public:
  Writer(Backend& db, const WriteDialect& dialect) : context_(db, dialect) {}

  // An event whose time (or pledge deadline) is a rule gets the value
  // derived from its anchor's version known at `at` first, and a later
  // version at each later record time of its anchor's versions; one whose
  // anchor is not written yet waits for finish(). After an event's new
  // version, the events whose rules are anchored on it are re-derived, as
  // new versions recorded at `at` (or at their own current version's
  // record time, when that is later), and so on along the chain: so every
  // order of writes gives the history the record times say.
  //
  // Checks `value`, then closes the current version of its key (if any)
  // and inserts the new one recorded at `at`. A version identical to the
  // current one is not written again, and with WriteMode::put neither is one
  // already recorded at `at` (so re-importing a document with history
  // changes nothing). `where` prefixes the field names in errors.
  template <class T>
  void write(const T& value, WriteMode mode, RecordTime at,
             const std::string& where);

  // Closes the current version of `key`.
  template <class K>
  void remove(const K& key, RecordTime at, const std::string& where);

  // Writes the events that waited for their rules' anchors; then throws
  // Error (bad_value) naming the chain for a rule whose anchor never came
  // or whose anchors form a cycle. Then throws Error (bad_reference) for
  // the first reference of the batch that
  // names no current entity, and for a removed entity that a current one
  // still names. (A cycle of parents is refused by write() itself.)
  void finish();

  // Lets event and claim versions wait to be sent in bulk (WriteDialect::
  // keep_version) until finish(), flush() or a read of the Writer's that
  // they could change. Only for a caller that reads the event and claim
  // tables through this Writer alone until finish() (a document import),
  // or calls flush() before it reads rows that could be waiting.
  void load_in_bulk() noexcept { context_.bulk_versions = true; }
  // Sends the versions and rows waiting (load_in_bulk).
  void flush() { context_.flush(); }

  // The versions inserted and closed so far.
  std::int64_t changes() const noexcept { return changes_; }

  // Tells the Writer that entities `ids` of `table` (not link) have no
  // version at all: the caller read so in this transaction.
  // Writing one of them then reads nothing first (find()); each leaves the
  // set when it is written, and ids with a version waiting to be sent are
  // left out, so the set stays true. Replaces the set `table` had. For a
  // caller that writes many new entities (a dataset import): it learns of
  // a batch of ids in one read, where find() would read once per id.
  void assume_new(const std::string& table,
                  std::unordered_set<std::string> ids);
  // Whether `id` of `table` is in that set.
  bool assumed_new(const std::string& table, const std::string& id) const;

 private:
  struct Current {
    std::int64_t version;
    std::int64_t recorded_from;
    std::string doc;
    std::int64_t partition = 0;  // its partition_column<T>, when T has one
  };
  // The columns find() and current() read, then the table's name.
  template <class T>
  static std::string current_columns();
  template <class T, class K>
  std::optional<Current> current(const K& key);
  // write() after rules are derived; true when a new version was inserted.
  template <class T>
  bool write_version(const T& value, WriteMode mode, RecordTime at,
                     const std::string& where);
  // Re-derives the current events whose rules are anchored on `anchor`.
  void rederive(const EventId& anchor, RecordTime at, const std::string& where);
  void write_deferred();
  // The current version of `key`, and whether a version with document
  // `doc` was recorded at `at` (a re-import): one read.
  struct Found {
    std::optional<Current> now;
    bool recorded = false;
  };
  template <class T>
  Found find(const typename Table<T>::Key& key, RecordTime at,
             const std::string& doc);
  // Closes version `current` of `key` (current: recorded_to is NULL),
  // found by the key, the version and the partition: one index probe in
  // one partition.
  template <class T>
  void close(const typename Table<T>::Key& key, const Current& current,
             RecordTime at, const std::string& where);
  // Checks the references `check` collected: those that name a current
  // entity now are done; the others wait in a temporary table for finish().
  // A Writer that loads in bulk on a server that checks references late
  // (WriteDialect::checks_references_late) lets every reference it has
  // not seen wait: one check at finish() instead of a round trip each.
  template <class T>
  void resolve_references(const T& owner);
  // Keeps `ref` of `owner` to be checked at finish().
  template <class T>
  void check_later(const Reference& ref, const T& owner);
  // Adds `key` ("actor\nactor:x") to the entities known current.
  void know_current(std::string key);
  // Sends the kept references to the temporary table parley_pending_ref.
  void send_references();
  // Throws Error (bad_value) when the parents of `id` lead back to it.
  void check_parents(const char* table, const std::string& id,
                     const std::string& where);

  struct Removed {
    const char* table;
    std::string id;
    std::string where;
  };

  // An event waiting for the anchor event `missing` of one of its rules.
  struct Deferred {
    Event event;
    WriteMode mode;
    RecordTime at;
    std::string where;
    std::string missing;
  };

  WriteContext context_;
  std::vector<Deferred> deferred_;
  std::vector<Reference> refs_;  // those of the entity being written
  // Entities recently found current, or kept to be checked at finish()
  // ("actor\nactor:x"), bounded in size.
  std::unordered_set<std::string> known_;
  // assume_new's sets, by table.
  std::map<std::string, std::unordered_set<std::string>, std::less<>> new_;
  // The temporary table of pending references exists; the rows it holds
  // and will hold (those in unsent_refs_).
  bool pending_ = false;
  std::int64_t pending_rows_ = 0;
  std::vector<std::vector<Value>> unsent_refs_;
  std::vector<Removed> removed_;
  std::int64_t changes_ = 0;
  // Whether event_rule may hold a row (unknown until first needed): an
  // event with a time rule was written, or the table was not empty.
  std::optional<bool> rules_;
};

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_WRITER_HPP
