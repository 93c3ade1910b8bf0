#include "render/html_overview.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/common.hpp"
#include "render/compress.hpp"
#include "render/html_lanes.hpp"

namespace parley::render_detail {

namespace {

using Json = nlohmann::json;

// Names by position: the first lookup of a key appends it.
class Table {
 public:
  // The position of `key`; `name` is what the page shows for it, taken
  // only when the key is new.
  template <typename Name>
  std::size_t index(const std::string& key, Name&& name) {
    const auto [it, added] = positions_.try_emplace(key, names_.size());
    if (added) names_.push_back(std::forward<Name>(name)());
    return it->second;
  }
  Json names() const { return names_; }

 private:
  std::map<std::string, std::size_t> positions_;
  std::vector<Json> names_;
};

// Every place of the timeline as [name, parent index or -1].
Json place_table(const Timeline& timeline, const RenderOptions& options,
                 std::map<PlaceId, std::size_t>& positions) {
  for (const auto& [id, place] : timeline.places) {
    positions.emplace(id, positions.size());
  }
  Json table = Json::array();
  for (const auto& [id, place] : timeline.places) {
    const auto parent =
        place.parent ? positions.find(*place.parent) : positions.end();
    table.push_back({best(place.names, options.lang),
                     parent == positions.end()
                         ? -1
                         : static_cast<long long>(parent->second)});
  }
  return table;
}

// What an event row needs from the tables it points into.
struct Tables {
  Table kinds, roles, actors;
  std::map<PlaceId, std::size_t> places;
};

// render_detail::named_actors as "actor role actor role ..." (indexes).
std::string actors_of(const Timeline& timeline, const Event& event,
                      Tables& tables, const RenderOptions& options) {
  std::string pairs;
  for (const NamedActor& named : named_actors(event)) {
    const std::size_t actor = tables.actors.index(named.actor.value, [&] {
      return actor_name(timeline, named.actor, options.lang);
    });
    const std::size_t role =
        tables.roles.index(named.role, [&] { return named.role; });
    pairs += (pairs.empty() ? "" : " ") + std::to_string(actor) + " " +
             std::to_string(role);
  }
  return pairs;
}

// The length of the part up to a ':' that every event id shares ("event:"
// of "event:0000042"), so the page need not repeat it; 0 when none.
std::size_t shared_id_prefix(const Timeline& timeline) {
  if (timeline.events.empty()) return 0;
  std::string_view prefix = timeline.events.front().id.value;
  prefix = prefix.substr(0, prefix.rfind(':') + 1);  // npos + 1 == 0
  for (const Event& event : timeline.events) {
    const std::string_view id = event.id.value;
    while (!prefix.empty() && id.substr(0, prefix.size()) != prefix) {
      prefix.remove_suffix(1);
      prefix = prefix.substr(0, prefix.rfind(':') + 1);
    }
  }
  return prefix.size();
}

// The fields of the events, each written as one JSON array (a column):
// the page parses a few long arrays far faster than an array per event.
enum class Field {
  id,
  lane,
  start,
  length,
  kind,
  label,
  title,
  place,
  who,
  deaths,
};
constexpr std::size_t kFieldCount = 10;
constexpr const char* kFieldNames[kFieldCount] = {
    "id",    "lane",  "start", "length", "kind",
    "label", "title", "place", "who",    "deaths"};

using Columns = std::array<std::string, kFieldCount>;

void add(Columns& columns, Field field, const Json& value) {
  std::string& column = columns[static_cast<std::size_t>(field)];
  column += column.empty() ? "[" : ",";
  column += value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Deaths are sparse: index, low, best, high of each event that has them.
void add_deaths(Columns& columns, const Event& event, std::size_t index) {
  const Deaths* deaths = deaths_of(event);
  if (!deaths) return;
  add(columns, Field::deaths, index);
  for (const auto& count : {deaths->low, deaths->best, deaths->high}) {
    add(columns, Field::deaths, count ? Json(*count) : Json(nullptr));
  }
}

// Where a chart draws the event (render_detail::mark_start, mark_end): the
// start as days after the previous event's known start (`last_start`,
// updated), and the length in days; with no start, the end day (days
// since 1970-01-01) as the length.
void add_days(Columns& columns, const Event& event, std::int64_t& last_start) {
  const Bounds bounds = event.time.bounds();
  const auto start = mark_start(bounds);
  const auto end = mark_end(bounds);
  if (start) {
    const std::int64_t day = start->time_since_epoch().count();
    add(columns, Field::start, day - last_start);
    last_start = day;
  } else {
    add(columns, Field::start, nullptr);
  }
  if (!end) {
    add(columns, Field::length, nullptr);
  } else {
    add(columns, Field::length,
        start ? (*end - *start).count() : end->time_since_epoch().count());
  }
}

void add_event(Columns& columns, const Timeline& timeline, const Event& event,
               std::size_t lane, Tables& tables, std::int64_t& last_start,
               const RenderOptions& options) {
  const std::string kind(to_string(event.kind()));
  const auto place =
      event.place ? tables.places.find(*event.place) : tables.places.end();
  add(columns, Field::lane, lane);
  add_days(columns, event, last_start);
  add(columns, Field::kind, tables.kinds.index(kind, [&] { return kind; }));
  add(columns, Field::label, date_label(event.time));
  add(columns, Field::title, title_of(event, options.lang));
  add(columns, Field::place,
      place == tables.places.end() ? -1
                                   : static_cast<long long>(place->second));
  add(columns, Field::who, actors_of(timeline, event, tables, options));
}

// The data object; the events' columns are built in one pass over them.
void write_data(std::ostream& out, const Timeline& timeline,
                const std::vector<Lane>& lanes, const std::string& title,
                const RenderOptions& options) {
  Tables tables;
  const Json places = place_table(timeline, options, tables.places);
  std::vector<std::size_t> lane_of(timeline.events.size());
  Json lane_table = Json::array();
  for (std::size_t lane = 0; lane < lanes.size(); ++lane) {
    for (std::size_t i : lanes[lane].events) lane_of[i] = lane;
    lane_table.push_back(
        {lanes[lane].name, lanes[lane].lang, lanes[lane].colour});
  }
  const std::size_t prefix = shared_id_prefix(timeline);
  Columns columns;
  std::int64_t last_start = 0;
  for (std::size_t i = 0; i < timeline.events.size(); ++i) {
    const Event& event = timeline.events[i];
    add(columns, Field::id, event.id.value.substr(prefix));
    add_event(columns, timeline, event, lane_of[i], tables, last_start,
              options);
    add_deaths(columns, event, i);
  }
  std::string text = "{\"events\":{";
  for (std::size_t field = 0; field < kFieldCount; ++field) {
    text += std::string(field ? ",\n\"" : "\"") + kFieldNames[field] + "\":";
    text += columns[field].empty() ? "[]" : columns[field] + "]";
    columns[field].clear();
    columns[field].shrink_to_fit();
  }
  const Json rest = {
      {"id_prefix", timeline.events.empty()
                        ? std::string()
                        : timeline.events.front().id.value.substr(0, prefix)},
      {"title", title},
      {"lanes", lane_table},
      {"places", places},
      {"kinds", tables.kinds.names()},
      {"roles", tables.roles.names()},
      {"actors", tables.actors.names()}};
  text += "},\n";
  // Without its '{': the object's other members follow the events.
  text += rest.dump(-1, ' ', false, Json::error_handler_t::replace).substr(1);
  out << base64(gzip(text));
}

}  // namespace

void write_html_overview(const Timeline& timeline, std::ostream& out,
                         const RenderOptions& options) {
  const std::string title = document_title(timeline, options);
  const std::vector<Lane> lanes = make_lanes(timeline, options);
  out << "<!DOCTYPE html>\n<html lang=\"" << html_escape(options.lang)
      << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\">\n<title>"
      << html_escape(isolate_bidi_controls(title)) << "</title>\n<style>";
  write_overview_style(out);
  out << "</style>\n</head>\n<body>\n<h1><bdi dir=\"auto\">"
      << html_escape(title) << "</bdi></h1>\n"
      << "<p class=\"sub\" id=\"sub\">" << timeline.events.size()
      << " events in " << lanes.size()
      << (lanes.size() == 1 ? " lane" : " lanes")
      << ".</p>\n<noscript><p>This page draws its " << timeline.events.size()
      << " events with JavaScript; export them as CSV "
         "(--format csv) to read them without.</p></noscript>\n"
      << "<script type=\"application/gzip\" id=\"parley-data\">";
  write_data(out, timeline, lanes, title, options);
  out << "</script>\n<script>";
  write_overview_script(out);
  out << "</script>\n</body>\n</html>\n";
  check_stream(out, "html");
}

}  // namespace parley::render_detail
