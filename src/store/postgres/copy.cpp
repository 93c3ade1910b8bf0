// PostgresBackend::copy_rows: COPY … FROM STDIN in the text format.
#include "store/postgres/backend.hpp"
#include "store/postgres/values.hpp"
#include <libpq-fe.h>

namespace parley::detail {
namespace {

// Sends to the server once this much COPY data is waiting.
constexpr std::size_t copy_chunk = 1 << 20;

std::string quoted_identifier(std::string_view name) {
  std::string out = "\"";
  for (const char c : name)
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

std::string copy_statement(std::string_view table,
                           std::span<const std::string> columns) {
  std::string sql = "COPY " + quoted_identifier(table) + " (";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    sql += (i ? ", " : "") + quoted_identifier(columns[i]);
  }
  return sql + ") FROM STDIN";
}

// Appends one row to `out` as a line of COPY's text format.
void append_copy_row(std::string& out, const std::vector<Value>& row,
                     std::size_t width, std::int64_t number) {
  if (row.size() != width) {
    throw Error(Errc::bad_value, "row " + std::to_string(number),
                "COPY: " + std::to_string(row.size()) + " values for " +
                    std::to_string(width) + " columns");
  }
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) out += '\t';
    append_copy_field(out, row[i]);
  }
  out += '\n';
}

}  // namespace

std::int64_t PostgresBackend::copy_rows(
    std::string_view table, std::span<const std::string> columns,
    const std::function<bool(std::vector<Value>&)>& next_row) {
  settle();
  pg_conn* conn = conn_.get();
  {
    const Result start(PQexec(conn, copy_statement(table, columns).c_str()));
    if (PQresultStatus(start.get()) != PGRES_COPY_IN) fail(start.get());
  }
  std::string data;
  std::vector<Value> row;
  std::int64_t rows = 0;
  const auto put = [&] {
    if (PQputCopyData(conn, data.data(), static_cast<int>(data.size())) != 1) {
      fail(nullptr);
    }
    data.clear();
  };
  try {
    for (row.clear(); next_row(row); row.clear()) {
      append_copy_row(data, row, columns.size(), ++rows);
      if (data.size() >= copy_chunk) put();
    }
    if (!data.empty()) put();
  } catch (...) {
    PQputCopyEnd(conn, "parley: the load was aborted");
    while (Result rest{PQgetResult(conn)}) {
    }
    throw;
  }
  if (PQputCopyEnd(conn, nullptr) != 1) fail(nullptr);
  Result end(PQgetResult(conn));
  while (Result rest{PQgetResult(conn)}) {
  }
  if (PQresultStatus(end.get()) != PGRES_COMMAND_OK) fail(end.get());
  return rows;
}

}  // namespace parley::detail
