// The second Astana round on Syria (February 2017) as TimelineJS3 JSON, to
// load with `new TL.Timeline(element, data)`.
//
//   build/examples/astana_timelinejs > astana-timeline.json
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "parley/parley.hpp"
#include "parley/render/timelinejs.hpp"

int main() {
  try {
    std::ifstream file{PARLEY_EXAMPLE_DATA "/astana-2017.json"};
    parley::Database db{":memory:"};
    db.import_json(nlohmann::json::parse(file));

    parley::Timeline timeline = parley::make_timeline(db, db.events());
    parley::RenderOptions options;
    options.title = "Second Astana round on Syria, February 2017";
    parley::write_timelinejs(timeline, std::cout, options);
  } catch (const std::exception& e) {
    std::cerr << "astana_timelinejs: " << e.what() << '\n';
    return 1;
  }
}
