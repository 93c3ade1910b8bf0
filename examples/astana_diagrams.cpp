// The second Astana round on Syria (February 2017) as vis-timeline items or
// Mermaid diagrams.
//
//   build/examples/astana_diagrams vis      # {"items": [...], "groups": [...]}
//   build/examples/astana_diagrams mermaid  # a Mermaid timeline
//   build/examples/astana_diagrams gantt    # a Mermaid gantt chart
//
// A second argument names another parley JSON document to render instead.
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "parley/parley.hpp"
#include "parley/render/mermaid.hpp"
#include "parley/render/vis.hpp"

int main(int argc, char** argv) {
  const std::string format = argc >= 2 ? argv[1] : "";
  if (argc > 3 ||
      (format != "vis" && format != "mermaid" && format != "gantt")) {
    std::cerr << "usage: astana_diagrams vis|mermaid|gantt [document.json]\n";
    return 64;
  }
  try {
    std::ifstream file{argc == 3 ? argv[2]
                                 : PARLEY_EXAMPLE_DATA "/astana-2017.json"};
    parley::Database db{":memory:"};
    db.import_json(nlohmann::json::parse(file));

    parley::Timeline timeline = parley::make_timeline(db, db.events());
    parley::RenderOptions options;
    if (argc == 2) {
      options.title = "Second Astana round on Syria, February 2017";
    }
    if (format == "vis") parley::write_vis(timeline, std::cout, options);
    if (format == "mermaid") {
      parley::write_mermaid_timeline(timeline, std::cout, options);
    }
    if (format == "gantt") {
      parley::write_mermaid_gantt(timeline, std::cout, options);
    }
  } catch (const std::exception& e) {
    std::cerr << "astana_diagrams: " << e.what() << '\n';
    return 1;
  }
}
