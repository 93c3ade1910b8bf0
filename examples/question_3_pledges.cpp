// Question 3: every pledge, by whom, to whom, of what, and its status.
#include <iostream>

#include "astana_data.hpp"

int main() {
  parley::Database db = load_astana();
  for (const parley::PledgeEntry& p : parley::pledge_tracker(db, {})) {
    const auto& pledge = std::get<parley::Pledge>(p.pledge.payload);
    std::cout << parley::best(p.pledge.title) << '\n'
              << "  by " << pledge.pledger.value;
    if (pledge.beneficiary) std::cout << " to " << pledge.beneficiary->value;
    std::cout << ", status " << to_string(p.status) << '\n';
    for (const std::string& o : pledge.obligations) {
      std::cout << "  obligation: " << o << '\n';
    }
    for (const parley::Account& a : p.accounts) {
      std::cout << "  told by "
                << (a.claimant ? parley::best(a.claimant->names) : "the report")
                << '\n';
    }
  }
}
