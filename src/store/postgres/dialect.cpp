// PostgreSQL's dialect. Not written yet (issue 13): every function refuses
// with Errc::unsupported, so a query on a PostgreSQL database fails loudly
// instead of running SQLite's SQL there.
#include "store/postgres/dialect.hpp"

#include "parley/error.hpp"

namespace parley::detail {
namespace {

[[noreturn]] void not_yet() {
  throw Error(Errc::unsupported, "",
              "queries on PostgreSQL are not built yet (issue 13)");
}

class PostgresDialect final : public Dialect {
 public:
  Value list(const std::vector<std::string>&) const override { not_yet(); }
  std::string list_rows() const override { not_yet(); }
  std::string in_list(std::string_view) const override { not_yet(); }
  bool reads_window(std::int64_t, std::int64_t) const override { not_yet(); }
  std::vector<Condition> window_arms(std::int64_t,
                                     std::int64_t) const override {
    not_yet();
  }
  std::string actor_events() const override { not_yet(); }
  std::string text_query(
      const std::vector<std::vector<std::string>>&) const override {
    not_yet();
  }
  std::string text_matches(TextOf, std::string_view) const override {
    not_yet();
  }
  std::string text_versions(TextOf) const override { not_yet(); }
  std::string document_integer(
      std::string_view,
      std::initializer_list<std::string_view>) const override {
    not_yet();
  }
  std::string document_flag(std::string_view) const override { not_yet(); }
};

}  // namespace

const Dialect& postgres_dialect() noexcept {
  static const PostgresDialect dialect;
  return dialect;
}

}  // namespace parley::detail
