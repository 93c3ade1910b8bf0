#include "store/postgres/backend.hpp"

#include <optional>

#include "store/postgres/placeholders.hpp"
#include "store/postgres/rows.hpp"
#include "store/postgres/values.hpp"
#include <libpq-fe.h>

namespace parley::detail {
namespace {

// The parameters of one call in libpq's form; the strings live here.
struct Parameters {
  std::vector<std::optional<std::string>> texts;
  std::vector<const char*> values;

  explicit Parameters(std::span<const Value> params) {
    texts.reserve(params.size());
    for (const Value& p : params) texts.push_back(pg_text(p));
    for (const auto& t : texts) values.push_back(t ? t->c_str() : nullptr);
  }
  int count() const { return static_cast<int>(values.size()); }
};

// The cache key of a statement: its text and its parameters' types (one
// letter each), since the types are fixed when it is prepared.
std::string statement_key(std::string_view sql, std::span<const Value> params) {
  std::string key;
  for (const Value& p : params) key += "nids"[p.index()];
  return key + '|' + std::string(sql);
}

}  // namespace

PostgresBackend::PostgresBackend(const std::string& conninfo)
    : conn_(conninfo) {}

PostgresBackend::~PostgresBackend() {
  if (in_transaction_) rollback();
}

void PostgresBackend::settle() noexcept {
  if (streaming_) streaming_->buffer();
}

void PostgresBackend::fail(const pg_result* result) {
  const PGTransactionStatusType state = PQtransactionStatus(conn_.get());
  if (!in_transaction_ &&
      (state == PQTRANS_INERROR || state == PQTRANS_INTRANS)) {
    Result(PQexec(conn_.get(), "ROLLBACK"));
  }
  conn_.fail(result);
}

const std::string& PostgresBackend::prepared(std::string_view sql,
                                             std::span<const Value> params) {
  std::string key = statement_key(sql, params);
  if (const auto found = names_.find(key); found != names_.end()) {
    return found->second;
  }
  settle();
  const NumberedSql numbered = number_placeholders(sql);
  if (numbered.parameters != static_cast<int>(params.size())) {
    throw Error(Errc::storage, "postgres",
                "the statement takes " + std::to_string(numbered.parameters) +
                    " parameters, " + std::to_string(params.size()) +
                    " given: " + std::string(sql.substr(0, 200)));
  }
  std::vector<Oid> types;
  for (const Value& p : params) types.push_back(pg_parameter_type(p));
  std::string name = "parley_" + std::to_string(names_.size() + 1);
  const Result result(PQprepare(conn_.get(), name.c_str(), numbered.sql.c_str(),
                                numbered.parameters, types.data()));
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) fail(result.get());
  return names_.emplace(std::move(key), std::move(name)).first->second;
}

void PostgresBackend::send(const std::string& name,
                           std::span<const Value> params) {
  const Parameters p(params);
  if (!PQsendQueryPrepared(conn_.get(), name.c_str(), p.count(),
                           p.values.data(), nullptr, nullptr, 0)) {
    fail(nullptr);
  }
}

std::unique_ptr<Rows> PostgresBackend::run(std::string_view sql,
                                           std::span<const Value> params) {
  const std::string& name = prepared(sql, params);
  settle();
  send(name, params);
  if (!PQsetSingleRowMode(conn_.get())) fail(nullptr);
  return std::make_unique<PostgresRows>(*this);
}

std::int64_t PostgresBackend::exec(std::string_view sql,
                                   std::span<const Value> params) {
  Result result;
  if (params.empty()) {
    settle();
    result.reset(PQexec(conn_.get(), std::string(sql).c_str()));
  } else {
    const std::string& name = prepared(sql, params);
    settle();
    const Parameters p(params);
    result.reset(PQexecPrepared(conn_.get(), name.c_str(), p.count(),
                                p.values.data(), nullptr, nullptr, 0));
  }
  const ExecStatusType status =
      result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    fail(result.get());
  }
  const char* changed = PQcmdTuples(result.get());
  return *changed ? std::stoll(changed) : 0;
}

bool PostgresBackend::triggers_derive() {
  if (!triggers_derive_) {
    const auto rows = run("SELECT parley_triggers_derive()");
    triggers_derive_ = rows->next() && rows->int64(0) != 0;
  }
  return *triggers_derive_;
}

void PostgresBackend::begin() {
  if (in_transaction_) {
    throw Error(Errc::storage, conn_.display(),
                "postgres: a transaction is already open (they do not nest)");
  }
  exec("BEGIN");
  in_transaction_ = true;
}

void PostgresBackend::commit() {
  settle();
  const Result result(PQexec(conn_.get(), "COMMIT"));
  in_transaction_ = false;
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK)
    conn_.fail(result.get());
  // COMMIT of a failed transaction rolls it back, and says so only here.
  if (std::string_view(PQcmdStatus(result.get())) == "ROLLBACK") {
    throw Error(Errc::storage, conn_.display(),
                "postgres: the transaction had failed and was rolled back");
  }
}

void PostgresBackend::rollback() noexcept {
  settle();
  Result(PQexec(conn_.get(), "ROLLBACK"));
  in_transaction_ = false;
}

}  // namespace parley::detail
