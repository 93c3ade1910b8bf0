#include "parley/render/timelinejs.hpp"

#include <string>

#include <nlohmann/json.hpp>

#include "parley/slip.hpp"

#include "render/common.hpp"
#include "time/calendar.hpp"

namespace parley {

namespace {

using nlohmann::json;
using namespace render_detail;

// TimelineJS3 has no year 0: astronomical 0 is 1 BCE, written -1.
std::string tl_year(std::int64_t year) {
  return std::to_string(year <= 0 ? year - 1 : year);
}

// The parts of `day` that `precision` states, all as strings.
json date_parts(Day day, Precision precision) {
  const detail::Civil c =
      detail::civil_from_days(day.time_since_epoch().count());
  json j = json::object();
  j["year"] = tl_year(c.year);
  if (precision >= Precision::season) j["month"] = std::to_string(c.month);
  if (precision >= Precision::day) j["day"] = std::to_string(c.day);
  return j;
}

// "HH:MM" -> hour and minute parts (strings); false when malformed.
bool add_clock(json& j, const std::string& clock) {
  const int m = clock_minutes(clock);
  if (m < 0) return false;
  j["hour"] = std::to_string(m / 60);
  j["minute"] = std::to_string(m % 60);
  return true;
}

// The clock part of an EDTF date-time as written: "10:00" of
// "2017-02-23T10:00:00+06:00"; "" when there is none.
std::string edtf_clock(const Edtf& time) {
  const std::string& s = time.str();
  const auto t = s.find('T');
  if (t == std::string::npos || s.size() < t + 6) return "";
  return s.substr(t + 1, 5);
}

// Text from the data for TimelineJS's HTML fields: isolated when it holds
// bidi controls (so they cannot reorder the slide around it), then escaped.
std::string data_html(std::string_view text) {
  return html_escape(isolate_bidi_controls(text));
}

std::string event_text(const Timeline& timeline, const Event& e,
                       const RenderOptions& options) {
  std::string html;
  const std::string& summary = best(e.summary, options.lang);
  if (!summary.empty()) html += "<p>" + data_html(summary) + "</p>";
  if (options.lang != "ar") {
    if (auto ar = e.title.find("ar"); ar != e.title.end()) {
      html += "<p dir=\"rtl\" lang=\"ar\">" + data_html(ar->second) + "</p>";
    }
  }
  if (e.planned && !(*e.planned == e.time)) {
    html += "<p>Planned: " + html_escape(date_label(*e.planned));
    if (const auto moved = slip(e)) {
      html += " — " + html_escape(slip_words(*moved));
    }
    html += "</p>";
  }
  if (e.status != Status::none) {
    html += "<p>Status: " + std::string(to_string(e.status)) + "</p>";
  }
  for (const Claim* c : timeline.claims_on(e.id)) {
    html += "<p>" + data_html(speaker_name(timeline, *c, options.lang)) +
            (c->stance == Stance::denies ? " denies" : " asserts");
    if (!c->quote.empty()) {
      html += ": <q dir=\"auto\">" + data_html(c->quote) + "</q>";
    }
    html += "</p>";
  }
  return html;
}

// The slide of an event placed from `first` to `last` (inclusive; empty
// when its end is open or unknown).
json slide(const Timeline& timeline, const Event& event, Day first,
           std::optional<Day> last, const RenderOptions& options) {
  json start = date_parts(first, side_precision(event.time, false));
  json end;
  if (last) end = date_parts(*last, side_precision(event.time, true));
  std::string display = date_label(event.time);
  const auto& clock = event.time_of_day;
  if (clock && !clock->start.empty() && add_clock(start, clock->start)) {
    start["day"] = std::to_string(
        detail::civil_from_days(first.time_since_epoch().count()).day);
    if (!clock->end.empty()) {
      end = start;
      add_clock(end, clock->end);
    }
    display += ", ";
    if (!clock->label.empty()) {
      display += isolate_bidi_controls(clock->label) + " ";
    }
    display += clock->start;
    if (!clock->end.empty()) display += "–" + clock->end;
    if (!clock->zone.empty()) display += " (" + clock->zone + " time)";
  } else if (event.time.precision() >= Precision::hour &&
             event.time.form() == Form::date) {
    // Wall time as written; its offset is in display (from date_label()).
    if (add_clock(start, edtf_clock(event.time))) end = json();
  }
  if (const auto moved = slip(event); moved && slipped(*moved)) {
    display += " (planned " + date_label(*event.planned) + ", " +
               slip_words(*moved) + ")";
  }
  start["display_date"] = display;

  json out;
  out["start_date"] = start;
  if (!end.is_null()) {
    json bare_start = start;
    bare_start.erase("display_date");
    if (end != bare_start) out["end_date"] = end;
  }
  out["display_date"] = display;
  out["text"] = {{"headline", data_html(title_of(event, options.lang))},
                 {"text", event_text(timeline, event, options)}};
  out["group"] =
      isolate_bidi_controls(lane_name(timeline, event, options.lang));
  out["unique_id"] = event.id.value;
  return out;
}

}  // namespace

void write_timelinejs(const Timeline& timeline, std::ostream& out,
                      const RenderOptions& options) {
  const std::string title = document_title(timeline, options);
  json events = json::array();
  std::optional<Day> lo, hi;
  for (const Event& event : timeline.events) {
    const Bounds bounds = event.time.bounds();
    auto first =
        bounds.earliest_start ? bounds.earliest_start : bounds.latest_start;
    if (const auto day = written_day(event.time)) first = day;
    if (!first) continue;  // nothing to place it by
    std::optional<Day> last;
    if (bounds.latest_end) last = *bounds.latest_end - days64{1};
    if (!lo || *first < *lo) lo = first;
    if (last && (!hi || *last > *hi)) hi = last;
    events.push_back(slide(timeline, event, *first, last, options));
  }
  std::string span;
  if (lo) {
    span = day_label(*lo, Precision::day);
    if (hi && *hi != *lo) span += " – " + day_label(*hi, Precision::day);
  }
  json doc;
  doc["title"] = {{"text",
                   {{"headline", data_html(title)},
                    {"text", std::to_string(events.size()) + " events" +
                                 (span.empty() ? "" : ", " + span)}}},
                  {"unique_id", "title"}};
  doc["events"] = std::move(events);
  out << doc.dump(1) << '\n';
  check_stream(out, "timelinejs");
}

}  // namespace parley
