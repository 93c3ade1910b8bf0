// The second Astana round on Syria (February 2017) as one self-contained
// HTML page: lanes per process, imprecise dates as faded ranges, the
// planned and actual opening with the day's slip, and who claims what.
//
//   build/examples/astana_html > astana.html
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "parley/parley.hpp"
#include "parley/render/html.hpp"

int main() {
  try {
    std::ifstream file{PARLEY_EXAMPLE_DATA "/astana-2017.json"};
    parley::Database db{":memory:"};
    db.import_json(nlohmann::json::parse(file));

    parley::Timeline timeline = parley::make_timeline(db, db.events());
    parley::RenderOptions options;
    options.title = "Second Astana round on Syria, February 2017";
    parley::write_html(timeline, std::cout, options);
  } catch (const std::exception& e) {
    std::cerr << "astana_html: " << e.what() << '\n';
    return 1;
  }
}
