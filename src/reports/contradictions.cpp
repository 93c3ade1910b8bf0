#include <string>

#include "parley/reports.hpp"

namespace parley {
namespace {

std::string who(const Account& a) {
  return a.claimant ? best(a.claimant->names) : std::string("the source");
}

bool is_outcome(const Event& e) {
  return e.kind() == EventKind::pledge || e.kind() == EventKind::agreement;
}

// A no_agreement that says nothing at all was agreed.
bool denies_any_agreement(const Event& e) {
  const auto* none = std::get_if<NoAgreement>(&e.payload);
  return none && (none->topic.empty() || none->topic.starts_with("any"));
}

bool same_claimant(const Account& a, const Account& b) {
  return a.claim.claimant == b.claim.claimant;
}

}  // namespace

std::vector<Contradiction> contradictions(const Database& db,
                                          const Query& query) {
  const std::vector<Account> all = accounts(db, query);
  std::vector<Contradiction> out;
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (std::size_t j = i + 1; j < all.size(); ++j) {
      const Account& a = all[i];
      const Account& b = all[j];
      if (a.event.id == b.event.id && a.claim.stance != b.claim.stance) {
        const bool a_asserts = a.claim.stance == Stance::asserts;
        const Account& yes = a_asserts ? a : b;
        const Account& no = a_asserts ? b : a;
        out.push_back({ContradictionKind::assert_deny, yes, no,
                       who(yes) + " asserts and " + who(no) +
                           " denies: " + best(a.event.title)});
        continue;
      }
      if (a.claim.stance != Stance::asserts ||
          b.claim.stance != Stance::asserts || same_claimant(a, b) ||
          !a.event.parent || a.event.parent != b.event.parent) {
        continue;
      }
      const bool a_first = is_outcome(a.event) && denies_any_agreement(b.event);
      const bool b_first = is_outcome(b.event) && denies_any_agreement(a.event);
      if (!a_first && !b_first) continue;
      const Account& obtained = a_first ? a : b;
      const Account& nothing = a_first ? b : a;
      out.push_back({ContradictionKind::exclusive_outcomes, obtained, nothing,
                     who(obtained) + ": " + best(obtained.event.title) + "; " +
                         who(nothing) + ": " + best(nothing.event.title)});
    }
  }
  return out;
}

}  // namespace parley
