// The schedule of the Astana example as an iCalendar file, for a calendar
// program: every event that was planned or has a status (the second Astana
// round, held a day late; the Geneva talks it prepared).
//
//   build/examples/astana_ics > astana.ics
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "parley/parley.hpp"
#include "parley/render/icalendar.hpp"

int main() {
  try {
    std::ifstream file{PARLEY_EXAMPLE_DATA "/astana-2017.json"};

    parley::Database db{":memory:"};
    db.import_json(nlohmann::json::parse(file));
    parley::Timeline timeline = parley::make_timeline(db, db.events());
    timeline.title = "Astana and Geneva talks on Syria, February 2017";

    parley::write_icalendar(timeline, std::cout);
  } catch (const std::exception& e) {
    std::cerr << "astana_ics: " << e.what() << '\n';
    return 1;
  }
}
