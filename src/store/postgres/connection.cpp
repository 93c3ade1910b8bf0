#include "store/postgres/connection.hpp"

#include <utility>

#include <libpq-fe.h>

namespace parley::detail {
namespace {

// The parsed options of a connection string; empty when it is malformed.
struct ParsedConninfo {
  std::string display;   // host=… port=… dbname=… user=…
  std::string password;  // "" when none is given
  bool ok = false;
};

ParsedConninfo parse_conninfo(const std::string& conninfo) {
  ParsedConninfo out;
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  // libpq's message may quote the string, password included: not kept.
  PQfreemem(error);
  if (!options) return out;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val || !*o->val) continue;
    const std::string_view key = o->keyword;
    if (key == "password") {
      out.password = o->val;
    } else if (key == "host" || key == "hostaddr" || key == "port" ||
               key == "dbname" || key == "user") {
      out.display +=
          (out.display.empty() ? "" : " ") + std::string(key) + "=" + o->val;
    }
  }
  PQconninfoFree(options);
  out.ok = true;
  return out;
}

std::string trimmed(const char* text) {
  std::string out = text ? text : "";
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) {
    out.pop_back();
  }
  return out;
}

}  // namespace

Errc errc_of_sqlstate(std::string_view sqlstate) {
  if (sqlstate == "23505") return Errc::conflict;
  if (sqlstate.starts_with("23") || sqlstate.starts_with("22")) {
    return Errc::bad_value;
  }
  return Errc::storage;
}

void ResultDeleter::operator()(pg_result* result) const noexcept {
  PQclear(result);
}

Connection::Connection(const std::string& conninfo) {
  ParsedConninfo parsed = parse_conninfo(conninfo);
  if (!parsed.ok) {
    throw Error(Errc::bad_value, "postgres",
                "malformed connection string (expected postgresql://… or "
                "key=value pairs)");
  }
  display_ = std::move(parsed.display);
  password_ = std::move(parsed.password);
  conn_ = PQconnectdb(conninfo.c_str());
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    const std::string why = conn_ ? trimmed(PQerrorMessage(conn_)) : "";
    PQfinish(conn_);
    conn_ = nullptr;
    throw Error(Errc::io, display_, scrub("cannot connect: " + why));
  }
  PQsetClientEncoding(conn_, "UTF8");
  // A library does not write to stderr: the server's notices ("relation
  // already exists, skipping") are dropped, not printed by libpq.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
}

Connection::~Connection() { PQfinish(conn_); }

Connection::Connection(Connection&& other) noexcept
    : conn_(std::exchange(other.conn_, nullptr)),
      display_(std::move(other.display_)),
      password_(std::move(other.password_)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    PQfinish(conn_);
    conn_ = std::exchange(other.conn_, nullptr);
    display_ = std::move(other.display_);
    password_ = std::move(other.password_);
  }
  return *this;
}

std::string Connection::scrub(std::string message) const {
  if (password_.empty()) return message;
  for (std::size_t at = message.find(password_); at != std::string::npos;
       at = message.find(password_, at + 3)) {
    message.replace(at, password_.size(), "***");
  }
  return message;
}

void Connection::fail(const pg_result* result) const {
  const char* state =
      result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = trimmed(
      result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr);
  if (message.empty()) {
    message =
        trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
  }
  const std::string detail = trimmed(
      result ? PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL) : nullptr);
  if (!detail.empty()) message += " (" + detail + ")";
  if (state) message += " [SQLSTATE " + std::string(state) + "]";
  const Errc code = state ? errc_of_sqlstate(state) : Errc::storage;
  throw Error(code, display_, scrub("postgres: " + message));
}

}  // namespace parley::detail
