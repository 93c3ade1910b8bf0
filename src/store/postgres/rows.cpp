#include "store/postgres/rows.hpp"

#include "store/postgres/backend.hpp"
#include "store/postgres/values.hpp"
#include <libpq-fe.h>

namespace parley::detail {
namespace {

// Whether a result ends the statement without error: the rows' end, or a
// statement that returns none.
bool ends_cleanly(ExecStatusType status) {
  return status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
}

}  // namespace

PostgresRows::PostgresRows(PostgresBackend& owner) : owner_(owner) {
  owner_.streaming_ = this;
}

PostgresRows::~PostgresRows() {
  if (streaming_) finish_stream();
}

Result PostgresRows::receive() {
  return Result(PQgetResult(owner_.conn_.get()));
}

void PostgresRows::finish_stream() noexcept {
  while (Result rest = receive()) {
  }
  streaming_ = false;
  if (owner_.streaming_ == this) owner_.streaming_ = nullptr;
}

bool PostgresRows::next() {
  if (streaming_) {
    Result result = receive();
    const ExecStatusType status =
        result ? PQresultStatus(result.get()) : PGRES_TUPLES_OK;
    if (status == PGRES_SINGLE_TUPLE) {
      current_ = std::move(result);
      return true;
    }
    finish_stream();
    current_.reset();
    if (ends_cleanly(status)) return false;
    owner_.fail(result.get());
  }
  if (!buffered_.empty()) {
    current_ = std::move(buffered_.front());
    buffered_.pop_front();
    return true;
  }
  current_.reset();
  if (error_) {
    const Result error = std::move(error_);
    owner_.fail(error.get());
  }
  return false;
}

void PostgresRows::buffer() noexcept {
  while (streaming_) {
    Result result = receive();
    const ExecStatusType status =
        result ? PQresultStatus(result.get()) : PGRES_TUPLES_OK;
    if (status == PGRES_SINGLE_TUPLE) {
      buffered_.push_back(std::move(result));
      continue;
    }
    if (!ends_cleanly(status)) error_ = std::move(result);
    finish_stream();
  }
}

const pg_result* PostgresRows::row() const {
  if (!current_) {
    throw Error(Errc::storage, "postgres", "no current row (call next())");
  }
  return current_.get();
}

bool PostgresRows::is_null(int column) const {
  const pg_result* r = row();
  if (column < 0 || column >= PQnfields(r)) {
    throw Error(Errc::storage, "column " + std::to_string(column),
                "postgres: no such column in the result");
  }
  return PQgetisnull(r, 0, column) == 1;
}

std::string_view PostgresRows::text(int column) const {
  if (is_null(column)) return {};
  const pg_result* r = row();
  return {PQgetvalue(r, 0, column),
          static_cast<std::size_t>(PQgetlength(r, 0, column))};
}

// NULL reads as 0, as SQLite converts it.
std::int64_t PostgresRows::int64(int column) const {
  return is_null(column) ? 0 : pg_int64(text(column), column);
}

double PostgresRows::real(int column) const {
  return is_null(column) ? 0.0 : pg_real(text(column), column);
}

}  // namespace parley::detail
