// Writes versions inside one transaction that the caller owns, and checks
// at the end that every reference resolves. Used by every write of
// parley::Database, from a single add() to a whole imported document.
#ifndef PARLEY_SRC_STORE_WRITER_HPP
#define PARLEY_SRC_STORE_WRITER_HPP

#include <string>
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
  // names no current entity, for a removed entity that a current one still
  // names, and for a cycle of parents.
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

  struct Removed {
    const char* table;
    std::string id;
    std::string where;
  };
  struct Parented {
    const char* table;
    std::string id;
    std::string where;
  };

  Statements statements_;
  std::vector<Reference> refs_;
  std::vector<Removed> removed_;
  std::vector<Parented> parented_;
};

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_WRITER_HPP
