// Internal: the seam between parley's SQL and the server that runs it
// (issue 13). Database::Impl will hold one Backend; src/query and src/store
// talk to it instead of to SQLiteCpp or libpq. src/store/sqlite/ and
// src/store/postgres/ implement it. Not part of the public API: no SQLite or
// PostgreSQL type appears here.
//
// Statements are written with `?` placeholders, numbered left to right; the
// PostgreSQL backend renumbers them ($1, $2, ...) outside quoted literals
// and identifiers. SQL that differs between the two servers is not written
// here but in each backend's Dialect (src/store/dialect.hpp).
#ifndef PARLEY_SRC_STORE_BACKEND_HPP
#define PARLEY_SRC_STORE_BACKEND_HPP

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

namespace parley::detail {

// A parameter or a column value. An int64 parameter binds as a 64-bit
// integer, a string as text (UTF-8), monostate as NULL.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

// The rows of one statement, read forward. Columns count from 0. A column
// read as the wrong type is a programming error (the backend may throw
// Error(storage) or convert as its server does); text() stays valid until
// the next call to next(). Destroying a Rows before its last row is fine;
// a Rows must be destroyed before the Backend that returned it. int64() of
// a boolean column is 0 or 1 (SQLite stores booleans as integers; the
// query layer reads start_open and the other flags so).
class Rows {
 public:
  virtual ~Rows() = default;
  // Moves to the next row; false after the last.
  virtual bool next() = 0;
  virtual bool is_null(int column) const = 0;
  virtual std::int64_t int64(int column) const = 0;
  virtual double real(int column) const = 0;
  virtual std::string_view text(int column) const = 0;
};

// One connection. Not thread-safe: one thread at a time, as Database.
// Every failure is thrown as parley::Error: a unique key violated is
// Errc::conflict, another constraint Errc::bad_value, I/O at open Errc::io,
// anything else Errc::storage; the message names the server's error.
class Backend {
 public:
  virtual ~Backend() = default;

  // "sqlite" or "postgres".
  virtual std::string_view name() const = 0;

  // Runs one statement that returns rows. The backend may keep the prepared
  // statement for the next call with the same text. Another statement may
  // run while a Rows is open.
  virtual std::unique_ptr<Rows> run(std::string_view sql,
                                    std::span<const Value> params = {}) = 0;

  // Runs a statement (or, without params, several separated by ';') and
  // returns the number of rows it changed.
  virtual std::int64_t exec(std::string_view sql,
                            std::span<const Value> params = {}) = 0;

  // One transaction at a time; nesting is a programming error. A Backend
  // destroyed inside a transaction rolls it back.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
};

// Runs `body` inside one transaction of `backend`: commits when it returns,
// rolls back when it throws (and rethrows).
template <class F>
decltype(auto) in_transaction(Backend& backend, F&& body) {
  backend.begin();
  try {
    if constexpr (std::is_void_v<decltype(body())>) {
      body();
      backend.commit();
    } else {
      decltype(auto) out = body();
      backend.commit();
      return out;
    }
  } catch (...) {
    backend.rollback();
    throw;
  }
}

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_BACKEND_HPP
