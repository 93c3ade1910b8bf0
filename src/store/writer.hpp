// Writes versions inside one transaction that the caller owns, and checks
// at the end that every reference resolves. Used by every write of
// parley::Database, from a single add() to a whole imported document.
// Memory does not grow with the batch: a reference is resolved when it is
// written if it can be, and otherwise kept in a temporary table
// (temp.parley_pending_ref) until finish().
#ifndef PARLEY_SRC_STORE_WRITER_HPP
#define PARLEY_SRC_STORE_WRITER_HPP

#include <string>
#include <unordered_set>
#include <vector>

#include <SQLiteCpp/Database.h>

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
  explicit Writer(SQLite::Database& db) : statements_(db) {}

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

  // Throws Error (bad_reference) for the first reference of the batch that
  // names no current entity, and for a removed entity that a current one
  // still names. (A cycle of parents is refused by write() itself.)
  void finish();

 private:
  struct Current {
    std::int64_t version;
    std::int64_t recorded_from;
    std::string doc;
  };
  template <class T, class K>
  std::optional<Current> current(const K& key);
  // True when this very version was recorded before (a re-import).
  template <class T>
  bool recorded(const T& value, RecordTime at, const std::string& doc);
  void close(const char* table, const Current& current, RecordTime at,
             const std::string& where);
  // Checks the references `check` collected: those that name a current
  // entity now are done; the others wait in a temporary table for finish().
  template <class T>
  void resolve_references(const T& owner);
  // Throws Error (bad_value) when the parents of `id` lead back to it.
  void check_parents(const char* table, const std::string& id,
                     const std::string& where);

  struct Removed {
    const char* table;
    std::string id;
    std::string where;
  };

  Statements statements_;
  std::vector<Reference> refs_;  // those of the entity being written
  // Entities recently found current ("actor\nactor:x"), bounded in size.
  std::unordered_set<std::string> known_;
  bool pending_ = false;  // the temporary table of pending references exists
  std::vector<Removed> removed_;
};

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_WRITER_HPP
