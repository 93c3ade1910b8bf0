#include <SQLiteCpp/Statement.h>

#include "parley/datasets.hpp"

#include "store/impl.hpp"

namespace parley {

std::vector<FlaggedEvent> flagged_events(const Database& db,
                                         std::optional<FlagCode> code) {
  return detail::guard([&] {
    SQLite::Statement q{detail::DatabaseAccess::connection(db),
                        "SELECT event, code FROM event_flag WHERE ?1 IS NULL "
                        "OR code = ?1 ORDER BY event, code"};
    if (code) q.bind(1, std::string(to_string(*code)));
    std::vector<FlaggedEvent> out;
    while (q.executeStep()) {
      out.push_back({EventId{q.getColumn(0).getString()},
                     parse_enum<FlagCode>(q.getColumn(1).getString())});
    }
    return out;
  });
}

}  // namespace parley
