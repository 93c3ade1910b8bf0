// Question 5: everything involving Iran — as a party, a supporter, or the
// object of a rejection.
#include <iostream>

#include "astana_data.hpp"

int main() {
  parley::Database db = load_astana();
  parley::Query iran;
  iran.actors = {parley::ActorId{"actor:iran"}};
  for (const parley::Event& e : db.query(iran).events) {
    std::cout << e.time.str() << "  [" << to_string(e.kind()) << "] "
              << parley::best(e.title) << '\n';
  }
}
