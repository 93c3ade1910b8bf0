// parley/claim.hpp — who says what about an event.
//
// Claims are accounts, not truths: one delegation asserts that a pledge was
// obtained, the other that no new agreement came out of the round. Both are
// kept, each attributed to its claimant and source.
#ifndef PARLEY_CLAIM_HPP
#define PARLEY_CLAIM_HPP

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "parley/enum_names.hpp"
#include "parley/ids.hpp"
#include "parley/time.hpp"

namespace parley {

enum class Stance {
  asserts,  // the claimant says the event happened as described
  denies,   // the claimant says it did not
};

struct Claim {
  ClaimId id;
  EventId event;
  SourceId source;
  std::optional<ActorId> claimant;  // empty: the source itself says so
  Stance stance = Stance::asserts;
  std::string quote;         // a short fragment, in the source's language
  std::optional<Edtf> said;  // when the claim was made

  bool operator==(const Claim&) const = default;
};

void to_json(nlohmann::json& j, const Claim& claim);
void from_json(const nlohmann::json& j, Claim& claim);

}  // namespace parley

PARLEY_ENUM_NAMES(parley::Stance, {parley::Stance::asserts, "asserts"},
                  {parley::Stance::denies, "denies"});

#endif  // PARLEY_CLAIM_HPP
