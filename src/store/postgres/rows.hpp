// Internal: the rows of one statement on PostgreSQL, streamed or buffered
// (src/store/postgres/backend.hpp says when which).
#ifndef PARLEY_SRC_STORE_POSTGRES_ROWS_HPP
#define PARLEY_SRC_STORE_POSTGRES_ROWS_HPP

#include <deque>

#include "store/backend.hpp"
#include "store/postgres/connection.hpp"

namespace parley::detail {

class PostgresBackend;

class PostgresRows final : public Rows {
 public:
  // The statement has been sent in single-row mode on `owner`'s
  // connection; these rows read its results.
  explicit PostgresRows(PostgresBackend& owner);
  // Reads and drops the rows not read yet (the connection needs them off
  // the wire before its next statement).
  ~PostgresRows() override;

  bool next() override;
  bool is_null(int column) const override;
  std::int64_t int64(int column) const override;
  double real(int column) const override;
  std::string_view text(int column) const override;

  // Reads every remaining row into memory; the connection is free after.
  // A failure is kept and thrown by next() after the rows before it.
  void buffer() noexcept;

 private:
  // The next result off the wire, or null at the end of the statement.
  Result receive();
  // Ends streaming: reads the results left on the wire, detaches from the
  // backend.
  void finish_stream() noexcept;
  const pg_result* row() const;

  PostgresBackend& owner_;
  Result current_;
  std::deque<Result> buffered_;
  Result error_;
  bool streaming_ = true;
};

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_POSTGRES_ROWS_HPP
