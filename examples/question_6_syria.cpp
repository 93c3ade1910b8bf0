// Question 6: everything located in Syria, including places inside it such
// as Eastern Ghouta.
#include <iostream>

#include "astana_data.hpp"

int main() {
  parley::Database db = load_astana();
  parley::Query syria;
  syria.places = {parley::PlaceId{"place:syria"}};
  for (const parley::Event& e : db.query(syria).events) {
    const auto place = db.place(*e.place);
    std::cout << e.time.str() << "  " << parley::best(e.title) << "  ("
              << parley::best(place->names) << ")\n";
  }
}
