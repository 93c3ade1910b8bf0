// What a fuzz harness needs to run many inputs against one database cheaply:
// a fingerprint of everything it stores, and a reset to the freshly created
// state without running the migrations again.
//
//   static parley::fuzz::FreshDatabase fresh;
//   parley::Database& db = fresh.database();
//   const std::uint64_t empty = fresh.fingerprint();
//   ... import; on refusal: fresh.fingerprint() == empty ...
//   fresh.reset();
//
// Not thread-safe (libFuzzer runs one input at a time per process).
#ifndef PARLEY_FUZZ_DATABASE_STATE_HPP
#define PARLEY_FUZZ_DATABASE_STATE_HPP

#include <cstdint>
#include <vector>

#include "parley/database.hpp"

struct sqlite3_stmt;

namespace parley::fuzz {

class FreshDatabase {
 public:
  // Creates two in-memory databases (the migrations run twice, once here
  // for the life of the process): the template and the one inputs use.
  FreshDatabase();
  ~FreshDatabase();
  FreshDatabase(const FreshDatabase&) = delete;
  FreshDatabase& operator=(const FreshDatabase&) = delete;

  // The database inputs write to.
  Database& database() { return working_; }

  // A 64-bit hash of every row of every table of database() (the tables
  // under full-text and R*Tree indexes included, temporary tables not), in
  // each table's storage order: equal fingerprints mean equal contents
  // (up to hash collisions), so an export, which reads only those tables,
  // is equal too. Cost: reads every row once, with statements prepared
  // once (the schema of database() never changes).
  std::uint64_t fingerprint() const;

  // Makes database() a page-for-page copy of the template (SQLite's backup
  // API). Cost: copies the template's pages (a few hundred kB); the
  // connection re-reads the schema at its next statement. Aborts when
  // SQLite fails.
  void reset();

 private:
  Database template_{":memory:"};
  Database working_{":memory:"};
  // One "SELECT *" per table, in name order.
  std::vector<sqlite3_stmt*> table_reads_;
};

}  // namespace parley::fuzz

#endif  // PARLEY_FUZZ_DATABASE_STATE_HPP
