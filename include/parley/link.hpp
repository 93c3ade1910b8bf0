// parley/link.hpp — typed edges between events.
//
// A link is identified by (from, kind, to). "The round's opening delays the
// planned opening, because the opposition arrived late" is
//   {from: opening, kind: delays, to: round, reason: "late arrival"}.
#ifndef PARLEY_LINK_HPP
#define PARLEY_LINK_HPP

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "parley/enum_names.hpp"
#include "parley/ids.hpp"

namespace parley {

enum class LinkKind {
  part_of,      // from is a part of to (a session of a round)
  follows,      // from comes after to in a sequence (round 2 after round 1)
  delays,       // from delayed to
  reschedules,  // from moved the time of to
  fulfils,      // from carries out the pledge or agreement to
  violates,     // from breaks the pledge or agreement to
  responds_to,  // from answers to
  prepares,     // from prepares to (Astana prepares Geneva)
  references,   // from mentions to
};

struct Link {
  EventId from;
  LinkKind kind = LinkKind::references;
  EventId to;
  std::string reason;

  bool operator==(const Link&) const = default;
};

void to_json(nlohmann::json& j, const Link& link);
void from_json(const nlohmann::json& j, Link& link);

}  // namespace parley

PARLEY_ENUM_NAMES(parley::LinkKind, {parley::LinkKind::part_of, "part_of"},
                  {parley::LinkKind::follows, "follows"},
                  {parley::LinkKind::delays, "delays"},
                  {parley::LinkKind::reschedules, "reschedules"},
                  {parley::LinkKind::fulfils, "fulfils"},
                  {parley::LinkKind::violates, "violates"},
                  {parley::LinkKind::responds_to, "responds_to"},
                  {parley::LinkKind::prepares, "prepares"},
                  {parley::LinkKind::references, "references"});

#endif  // PARLEY_LINK_HPP
