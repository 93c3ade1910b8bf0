// The Astana example in one of parley's timeline formats, on stdout:
//
//   build/examples/astana_outputs text|md|csv|geojson|ics [LANG]
//
// LANG (default "en") picks the language of names and titles ("ar").
//
// The check tests/outputs_node.test.sh feeds these to the programs that read
// each format. DTSTAMP in the iCalendar output is the document's record
// time, so the output is the same on every run.
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "parley/parley.hpp"
#include "parley/render/csv.hpp"
#include "parley/render/geojson.hpp"
#include "parley/render/icalendar.hpp"
#include "parley/render/markdown.hpp"
#include "parley/render/text.hpp"

int main(int argc, char** argv) {
  using Writer = std::function<void(const parley::Timeline&, std::ostream&,
                                    const parley::RenderOptions&)>;
  const std::map<std::string, Writer> writers = {
      {"text", parley::write_text},
      {"md", parley::write_markdown},
      {"csv", parley::write_csv},
      {"geojson", parley::write_geojson},
      {"ics", parley::write_icalendar}};
  const auto writer =
      argc == 2 || argc == 3 ? writers.find(argv[1]) : writers.end();
  if (writer == writers.end()) {
    std::cerr << "usage: astana_outputs text|md|csv|geojson|ics [LANG]\n";
    return 64;
  }
  try {
    std::ifstream file{PARLEY_EXAMPLE_DATA "/astana-2017.json"};

    parley::Database db{":memory:"};
    db.import_json(nlohmann::json::parse(file));
    parley::Timeline timeline = parley::make_timeline(db, db.events());
    timeline.title = "Astana and Geneva talks on Syria, February 2017";

    parley::RenderOptions options;
    if (argc == 3) options.lang = argv[2];
    options.generated_at = parley::parse_record_time("2017-02-16T18:00:00Z");
    writer->second(timeline, std::cout, options);
  } catch (const std::exception& e) {
    std::cerr << "astana_outputs: " << e.what() << '\n';
    return 1;
  }
}
