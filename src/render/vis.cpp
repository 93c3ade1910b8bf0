#include "parley/render/vis.hpp"

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "render/html_common.hpp"

namespace parley {

namespace {

using nlohmann::json;
using namespace render_detail;

std::string group_id(const Event& e) {
  return e.process ? e.process->value : "other";
}

std::string tooltip(const Timeline& timeline, const Event& e,
                    const RenderOptions& options) {
  std::string t = title_of(e, options.lang) + "\n" + describe(e.time);
  if (e.time_of_day) {
    t += ", " + e.time_of_day->label + " " + e.time_of_day->start + "–" +
         e.time_of_day->end + " " + e.time_of_day->zone;
  }
  if (e.planned && !(*e.planned == e.time)) {
    t += "\nplanned " + describe(*e.planned) + " (" + slip_text(e) + ")";
  }
  for (const Claim* c : timeline.claims_on(e.id)) {
    t += "\n" +
         (c->claimant ? actor_name(timeline, *c->claimant, options.lang)
                      : std::string("the source")) +
         (c->stance == Stance::denies ? " denies" : " asserts");
  }
  return html_escape(t);
}

}  // namespace

void write_vis(const Timeline& timeline, std::ostream& out,
               const RenderOptions& options) {
  json items = json::array();
  json groups = json::array();
  std::map<std::string, bool> seen;
  for (const Event& e : timeline.events) {
    const Bounds b = e.time.bounds();
    const auto first = first_day(b);
    const auto end = end_day(b);
    if (!first || !end) continue;
    const std::string group = group_id(e);
    if (!seen[group]) {
      seen[group] = true;
      groups.push_back(
          {{"id", group},
           {"content", html_escape(lane_name(timeline, e, options.lang))}});
    }
    json item;
    item["id"] = e.id.value;
    item["content"] = html_escape(title_of(e, options.lang));
    item["group"] = group;
    item["title"] = tooltip(timeline, e, options);
    const bool open = !b.earliest_start || !b.latest_end;
    const bool one_day = (*end - *first).count() == 1;
    if (open) {
      // Only one side is known: a point there, the title says which.
      item["type"] = "point";
      item["start"] =
          iso_day(b.earliest_start ? *b.earliest_start : *end - days64{1});
      item["className"] = "open";
    } else if (one_day && e.time_of_day &&
               clock_minutes(e.time_of_day->start) >= 0 &&
               clock_minutes(e.time_of_day->end) >
                   clock_minutes(e.time_of_day->start)) {
      item["type"] = "range";
      item["start"] = iso_day(*first) + "T" + e.time_of_day->start;
      item["end"] = iso_day(*first) + "T" + e.time_of_day->end;
    } else if (one_day) {
      item["type"] = "box";
      item["start"] = iso_day(*first);
    } else {
      item["type"] = "range";
      item["start"] = iso_day(*first);
      item["end"] = iso_day(*end);
      const bool certain =
          b.latest_start == b.earliest_start && b.earliest_end == b.latest_end;
      if (!certain) item["className"] = "imprecise";
    }
    items.push_back(std::move(item));

    if (e.planned && !(*e.planned == e.time)) {
      if (const auto p = first_day(e.planned->bounds())) {
        items.push_back(
            {{"id", e.id.value + "#planned"},
             {"content", html_escape("planned: " + title_of(e, options.lang))},
             {"start", iso_day(*p)},
             {"group", group},
             {"type", "point"},
             {"className", "planned"},
             {"title", html_escape("planned " + describe(*e.planned) + " (" +
                                   slip_text(e) + ")")}});
      }
    }
  }
  json doc;
  doc["items"] = std::move(items);
  doc["groups"] = std::move(groups);
  out << doc.dump(1) << '\n';
  check_stream(out, "vis");
}

}  // namespace parley
