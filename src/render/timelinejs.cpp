#include "parley/render/timelinejs.hpp"

#include <string>

#include <nlohmann/json.hpp>

#include "render/html_common.hpp"

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
  const Civil c = civil(day);
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

std::string event_text(const Timeline& timeline, const Event& e,
                       const RenderOptions& options) {
  std::string html;
  const std::string& summary = best(e.summary, options.lang);
  if (!summary.empty()) html += "<p>" + html_escape(summary) + "</p>";
  if (options.lang != "ar") {
    if (auto ar = e.title.find("ar"); ar != e.title.end()) {
      html += "<p dir=\"rtl\" lang=\"ar\">" + html_escape(ar->second) + "</p>";
    }
  }
  if (e.planned && !(*e.planned == e.time)) {
    html += "<p>Planned: " + html_escape(describe(*e.planned));
    const std::string slip = slip_text(e);
    if (!slip.empty()) html += " — " + html_escape(slip);
    html += "</p>";
  }
  if (e.status != Status::none) {
    html += "<p>Status: " + std::string(to_string(e.status)) + "</p>";
  }
  for (const Claim* c : timeline.claims_on(e.id)) {
    std::string who = "the source";
    if (c->claimant) who = actor_name(timeline, *c->claimant, options.lang);
    html += "<p>" + html_escape(who) +
            (c->stance == Stance::denies ? " denies" : " asserts");
    if (!c->quote.empty()) {
      html += ": <q dir=\"auto\">" + html_escape(c->quote) + "</q>";
    }
    html += "</p>";
  }
  return html;
}

}  // namespace

void write_timelinejs(const Timeline& timeline, std::ostream& out,
                      const RenderOptions& options) {
  json doc;
  const std::string title = document_title(timeline, options);
  json events = json::array();
  std::optional<Day> lo, hi;
  for (const Event& e : timeline.events) {
    const Bounds b = e.time.bounds();
    auto first = b.earliest_start ? b.earliest_start : b.latest_start;
    if (const auto day = written_day(e.time)) first = day;
    if (!first) continue;  // nothing to place it by
    std::optional<Day> last;
    if (b.latest_end) last = *b.latest_end - days64{1};
    if (!lo || *first < *lo) lo = first;
    if (last && (!hi || *last > *hi)) hi = last;

    json start = date_parts(*first, side_precision(e.time, false));
    json end;
    if (last) end = date_parts(*last, side_precision(e.time, true));
    std::string display = describe(e.time);
    if (e.time_of_day && !e.time_of_day->start.empty() &&
        add_clock(start, e.time_of_day->start)) {
      start["day"] = std::to_string(civil(*first).day);
      if (!e.time_of_day->end.empty()) {
        end = start;
        add_clock(end, e.time_of_day->end);
      }
      display += ", ";
      if (!e.time_of_day->label.empty()) {
        display += e.time_of_day->label + " ";
      }
      display += e.time_of_day->start;
      if (!e.time_of_day->end.empty()) display += "–" + e.time_of_day->end;
      if (!e.time_of_day->zone.empty()) {
        display += " (" + e.time_of_day->zone + " time)";
      }
    } else if (e.time.precision() >= Precision::hour &&
               e.time.form() == Form::date) {
      // Wall time as written; its offset is in display (from describe()).
      if (add_clock(start, edtf_clock(e.time))) end = json();
    }
    if (const std::string slip = slip_text(e);
        !slip.empty() && slip != "as planned") {
      display += " (planned " + describe(*e.planned) + ", " + slip + ")";
    }
    start["display_date"] = display;

    json event;
    event["start_date"] = start;
    if (!end.is_null()) {
      json bare_start = start;
      bare_start.erase("display_date");
      if (end != bare_start) event["end_date"] = end;
    }
    event["display_date"] = display;
    event["text"] = {{"headline", html_escape(title_of(e, options.lang))},
                     {"text", event_text(timeline, e, options)}};
    event["group"] = lane_name(timeline, e, options.lang);
    event["unique_id"] = e.id.value;
    events.push_back(std::move(event));
  }
  std::string span;
  if (lo) {
    span = day_label(*lo, Precision::day);
    if (hi && *hi != *lo) span += " – " + day_label(*hi, Precision::day);
  }
  doc["title"] = {{"text",
                   {{"headline", html_escape(title)},
                    {"text", std::to_string(events.size()) + " events" +
                                 (span.empty() ? "" : ", " + span)}}},
                  {"unique_id", "title"}};
  doc["events"] = std::move(events);
  out << doc.dump(1) << '\n';
  check_stream(out, "timelinejs");
}

}  // namespace parley
