// Question 7: did the Lavrov–de Mistura meeting take place during the Astana
// round — certainly, possibly, or certainly not? The report gives the
// meeting no date, only "on or before" its own.
#include <iostream>

#include "astana_data.hpp"

int main() {
  parley::Database db = load_astana();
  const auto meeting = db.event(parley::EventId{"event:lavrov-de-mistura"});
  const auto round = db.event(parley::EventId{"event:astana-2"});
  const parley::Relations during =
      parley::Allen::during | parley::Allen::starts | parley::Allen::finishes |
      parley::Allen::equals;
  const auto x = meeting->time.bounds();
  const auto y = round->time.bounds(parley::Semantics::spans);
  std::cout << "meeting " << meeting->time.str() << ", round "
            << round->time.str() << "\npossible relations: "
            << to_string(parley::possible_relations(x, y)) << '\n';
  if (parley::certain(x, y, during)) {
    std::cout << "certainly during the round\n";
  } else if (parley::possible(x, y, during)) {
    std::cout << "possibly during the round, not certainly\n";
  } else {
    std::cout << "certainly not during the round\n";
  }
}
