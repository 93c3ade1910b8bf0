#include "parley/datasets.hpp"

#include "store/access.hpp"

namespace parley {

std::vector<FlaggedEvent> flagged_events(const Database& db,
                                         std::optional<FlagCode> code) {
  return detail::guard([&] {
    std::vector<detail::Value> params;
    std::string sql = "SELECT event, code FROM event_flag";
    if (code) {
      sql += " WHERE code = ?";
      params.emplace_back(std::string(to_string(*code)));
    }
    const auto rows = detail::DatabaseAccess::backend(db).run(
        sql + " ORDER BY event, code", params);
    std::vector<FlaggedEvent> out;
    while (rows->next()) {
      out.push_back({EventId{std::string(rows->text(0))},
                     parse_enum<FlagCode>(rows->text(1))});
    }
    return out;
  });
}

}  // namespace parley
