// Question 2: every account of how the second round ended, and who gave it;
// then the accounts that contradict each other.
#include <iostream>

#include "astana_data.hpp"

int main() {
  parley::Database db = load_astana();
  parley::Query outcomes;
  outcomes.kinds = {"commitment"};  // pledges, agreements, no agreement
  outcomes.processes = {parley::ProcessId{"process:astana"}};
  auto who = [](const parley::Account& a) {
    return a.claimant ? parley::best(a.claimant->names) : "the report";
  };
  for (const parley::Account& a : parley::accounts(db, outcomes)) {
    std::cout << who(a) << " " << to_string(a.claim.stance) << ": "
              << parley::best(a.event.title) << '\n';
  }
  std::cout << "\nCompeting accounts:\n";
  for (const parley::Contradiction& c : parley::contradictions(db, outcomes)) {
    std::cout << "- " << c.reason << '\n';
  }
}
