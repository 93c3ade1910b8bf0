#include "parley/render/vis.hpp"

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "parley/slip.hpp"

#include "render/common.hpp"

namespace parley {

namespace {

using nlohmann::json;
using namespace render_detail;

std::string group_id(const Event& event) {
  return event.process ? event.process->value : "other";
}

// Text from the data for vis's HTML fields: isolated when it holds bidi
// controls (so they cannot reorder the item around it), then escaped.
std::string data_html(std::string_view text) {
  return html_escape(isolate_bidi_controls(text));
}

// "planned 15 Feb 2017 (1 day late)".
std::string planned_words(const Event& event) {
  std::string words = "planned " + date_label(*event.planned);
  if (const auto moved = slip(event)) {
    words += " (" + slip_words(*moved) + ")";
  }
  return words;
}

std::string tooltip(const Timeline& timeline, const Event& event,
                    const RenderOptions& options) {
  std::string text = isolate_bidi_controls(title_of(event, options.lang)) +
                     "\n" + date_label(event.time);
  if (const auto& clock = event.time_of_day) {
    text += ", " + isolate_bidi_controls(clock->label) + " " + clock->start +
            "–" + clock->end + " " + clock->zone;
  }
  if (event.planned && !(*event.planned == event.time)) {
    text += "\n" + planned_words(event);
  }
  for (const Claim* claim : timeline.claims_on(event.id)) {
    text +=
        "\n" +
        isolate_bidi_controls(speaker_name(timeline, *claim, options.lang)) +
        (claim->stance == Stance::denies ? " denies" : " asserts");
  }
  return html_escape(text);
}

// Where vis draws the event: a point for a one-sided value, a box for a
// day, a range otherwise (hours of the day when known).
void place_item(json& item, const Event& event, const Bounds& bounds) {
  const Day first = *mark_start(bounds);
  const Day end = *mark_end(bounds);
  const bool open = !bounds.earliest_start || !bounds.latest_end;
  const bool one_day = (end - first).count() == 1;
  const auto& clock = event.time_of_day;
  if (open) {
    // Only one side is known: a point there, the title says which.
    item["type"] = "point";
    item["start"] = iso_day(bounds.earliest_start ? *bounds.earliest_start
                                                  : end - days64{1});
    item["className"] = "open";
  } else if (one_day && clock && clock_minutes(clock->start) >= 0 &&
             clock_minutes(clock->end) > clock_minutes(clock->start)) {
    item["type"] = "range";
    item["start"] = iso_day(first) + "T" + clock->start;
    item["end"] = iso_day(first) + "T" + clock->end;
  } else if (one_day) {
    item["type"] = "box";
    item["start"] = iso_day(first);
  } else {
    item["type"] = "range";
    item["start"] = iso_day(first);
    item["end"] = iso_day(end);
    const bool certain = bounds.latest_start == bounds.earliest_start &&
                         bounds.earliest_end == bounds.latest_end;
    if (!certain) item["className"] = "imprecise";
  }
}

// The ghost item at the planned start, when the plan differs.
std::optional<json> planned_item(const Event& event, const std::string& group,
                                 const RenderOptions& options) {
  if (!event.planned || *event.planned == event.time) return std::nullopt;
  const auto planned_start = mark_start(event.planned->bounds());
  if (!planned_start) return std::nullopt;
  return json{
      {"id", event.id.value + "#planned"},
      {"content", "planned: " + data_html(title_of(event, options.lang))},
      {"start", iso_day(*planned_start)},
      {"group", group},
      {"type", "point"},
      {"className", "planned"},
      {"title", html_escape(planned_words(event))}};
}

}  // namespace

void write_vis(const Timeline& timeline, std::ostream& out,
               const RenderOptions& options) {
  json items = json::array();
  json groups = json::array();
  std::map<std::string, bool> seen;
  for (const Event& event : timeline.events) {
    const Bounds bounds = event.time.bounds();
    if (!mark_start(bounds) || !mark_end(bounds)) continue;
    const std::string group = group_id(event);
    if (!seen[group]) {
      seen[group] = true;
      groups.push_back(
          {{"id", group},
           {"content", data_html(lane_name(timeline, event, options.lang))}});
    }
    json item;
    item["id"] = event.id.value;
    item["content"] = data_html(title_of(event, options.lang));
    item["group"] = group;
    item["title"] = tooltip(timeline, event, options);
    place_item(item, event, bounds);
    items.push_back(std::move(item));
    if (auto planned = planned_item(event, group, options)) {
      items.push_back(std::move(*planned));
    }
  }
  json doc;
  doc["items"] = std::move(items);
  doc["groups"] = std::move(groups);
  out << doc.dump(1) << '\n';
  check_stream(out, "vis");
}

}  // namespace parley
