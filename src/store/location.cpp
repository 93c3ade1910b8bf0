#include "store/location.hpp"

namespace parley::detail {
namespace {

// libpq's connection keywords (PostgreSQL 15, "Parameter Key Words").
constexpr std::string_view keywords[] = {"host",
                                         "hostaddr",
                                         "port",
                                         "dbname",
                                         "user",
                                         "password",
                                         "passfile",
                                         "channel_binding",
                                         "connect_timeout",
                                         "client_encoding",
                                         "options",
                                         "application_name",
                                         "fallback_application_name",
                                         "keepalives",
                                         "keepalives_idle",
                                         "keepalives_interval",
                                         "keepalives_count",
                                         "tcp_user_timeout",
                                         "replication",
                                         "gssencmode",
                                         "sslmode",
                                         "requiressl",
                                         "sslcompression",
                                         "sslcert",
                                         "sslkey",
                                         "sslpassword",
                                         "sslrootcert",
                                         "sslcrl",
                                         "sslcrldir",
                                         "sslsni",
                                         "requirepeer",
                                         "ssl_min_protocol_version",
                                         "ssl_max_protocol_version",
                                         "krbsrvname",
                                         "gsslib",
                                         "service",
                                         "target_session_attrs"};

bool starts_with_keyword(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\n");
  if (first == std::string_view::npos) return false;
  s.remove_prefix(first);
  const auto end = s.find_first_of(" \t\n=");
  if (end == std::string_view::npos) return false;
  const std::string_view key = s.substr(0, end);
  const auto equals = s.find_first_not_of(" \t\n", end);
  if (equals == std::string_view::npos || s[equals] != '=') return false;
  for (std::string_view k : keywords) {
    if (k == key) return true;
  }
  return false;
}

}  // namespace

bool is_postgres_location(std::string_view location) noexcept {
  return location.starts_with("postgresql://") ||
         location.starts_with("postgres://") || starts_with_keyword(location);
}

}  // namespace parley::detail
