// count_pledges: pledge entries counted per period, as Database::count
// counts events.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "parley/reports.hpp"

#include "query/sql.hpp"

namespace parley {
namespace {

// The keys `pledge` counts under when grouped by `group`.
std::vector<std::string> keys_of(const Event& pledge, GroupBy group) {
  switch (group) {
    case GroupBy::kind:
      return {std::string(to_string(pledge.kind()))};
    case GroupBy::place:
      return {pledge.place ? pledge.place->value : std::string()};
    case GroupBy::process:
      return {pledge.process ? pledge.process->value : std::string()};
    case GroupBy::none:
      return {std::string()};
    case GroupBy::actor:
      break;
  }
  std::vector<std::string> actors;
  for (const Participant& p : pledge.participants) {
    actors.push_back(p.actor.value);
  }
  for (const PayloadActor& named : payload_actors(pledge.payload)) {
    actors.push_back(named.actor.value);
  }
  std::sort(actors.begin(), actors.end());
  actors.erase(std::unique(actors.begin(), actors.end()), actors.end());
  return actors;
}

}  // namespace

std::vector<Count> count_pledges(const std::vector<PledgeEntry>& entries,
                                 Period period, GroupBy group) {
  std::map<std::pair<std::string, std::string>, std::size_t> tally;
  for (const PledgeEntry& e : entries) {
    const auto start = e.pledge.time.bounds().earliest_start;
    const std::int64_t day = start ? start->time_since_epoch().count()
                                   : std::numeric_limits<std::int64_t>::min();
    const std::string when = detail::period_of(day, period);
    for (std::string& key : keys_of(e.pledge, group)) {
      ++tally[{when, std::move(key)}];
    }
  }
  std::vector<Count> out;
  for (const auto& [key, n] : tally) {
    out.push_back({key.first, key.second, n, 0, 0, 0});
  }
  return out;
}

}  // namespace parley
