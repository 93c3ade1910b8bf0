#include "parley/render/icalendar.hpp"

#include <chrono>
#include <string>
#include <vector>

#include <date/date.h>

#include "parley/zone.hpp"

#include "render/common.hpp"

namespace parley {
namespace {

using namespace std::chrono_literals;
using namespace render_detail;

// RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in
// TEXT values; a CR is dropped (a CRLF in the input is one newline).
std::string escape_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}

// RFC 5545 §3.1: a content line is folded before 75 octets; a continuation
// starts with one space. A cut never falls before a UTF-8 continuation byte.
void write_line(std::ostream& out, std::string_view line) {
  std::size_t limit = 75;
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    out << line.substr(0, cut) << "\r\n ";
    line.remove_prefix(cut);
    limit = 74;  // the leading space counts
  }
  out << line << "\r\n";
}

// A calendar day within years 1..9999, which iCalendar can write.
std::optional<date::year_month_day> calendar_day(Day day) {
  const auto count = day.time_since_epoch().count();
  // 0001-01-01 and 9999-12-31 as days since 1970-01-01.
  if (count < -719162 || count > 2932896) return std::nullopt;
  return date::year_month_day{
      date::sys_days{date::days{static_cast<int>(count)}}};
}

std::string ical_date(const date::year_month_day& d) {
  return date::format("%Y%m%d", d);
}

std::string ical_utc(date::sys_seconds t) {
  return date::format("%Y%m%dT%H%M%SZ", t);
}

std::optional<std::chrono::minutes> clock(const std::string& hhmm) {
  if (hhmm.size() != 5 || hhmm[2] != ':') return std::nullopt;
  try {
    return std::chrono::hours{std::stoi(hhmm.substr(0, 2))} +
           std::chrono::minutes{std::stoi(hhmm.substr(3, 2))};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

bool scheduled(const Event& e) {
  return e.planned.has_value() || e.status != Status::none;
}

// A single, certain day: the only value shown as one calendar day without a
// note.
bool exact_day(const Edtf& time) {
  const Bounds b = time.bounds();
  return time.form() == Form::date && time.precision() == Precision::day &&
         !time.uncertain() && !time.approximate() && b.earliest_start &&
         b.latest_end && *b.latest_end - *b.earliest_start == days64{1};
}

struct Span {
  std::string start;  // the DTSTART line
  std::string end;    // the DTEND line, or ""
  std::string note;   // for DESCRIPTION, or ""
};

// DTSTART/DTEND of an event at a time of day in its zone, in UTC; empty
// when the zone or the clock times cannot be read.
std::optional<Span> timed_span(const Event& e, Day day) {
  const TimeOfDay& tod = *e.time_of_day;
  const auto start = clock(tod.start);
  if (!start || tod.zone.empty() || !is_known_zone(tod.zone)) {
    return std::nullopt;
  }
  const date::local_seconds midnight{
      std::chrono::duration_cast<std::chrono::seconds>(day.time_since_epoch())};
  const ZoneOptions earliest{LocalTimePolicy::earliest};
  Span span;
  span.start =
      "DTSTART:" + ical_utc(to_utc(midnight + *start, tod.zone, earliest).utc);
  if (const auto end = clock(tod.end)) {
    auto local_end = midnight + *end;
    if (*end <= *start) local_end += date::days{1};
    span.end = "DTEND:" + ical_utc(to_utc(local_end, tod.zone, earliest).utc);
  }
  return span;
}

// Where the event goes on the calendar; empty when it cannot be placed.
std::optional<Span> span_of(const Event& e) {
  const Bounds b = e.time.bounds();
  if (!b.earliest_start || !b.latest_end) return std::nullopt;
  const auto first = calendar_day(*b.earliest_start);
  const auto after = calendar_day(*b.latest_end);
  if (!first || !after) return std::nullopt;
  if (exact_day(e.time) && e.time_of_day) {
    if (auto timed = timed_span(e, *b.earliest_start)) return timed;
  }
  Span span;
  span.start = "DTSTART;VALUE=DATE:" + ical_date(*first);
  span.end = "DTEND;VALUE=DATE:" + ical_date(*after);
  if (!exact_day(e.time)) {
    span.note = "Date: " + display_date(e.time) + " (EDTF " + e.time.str() +
                "), shown as all days it may cover.";
  }
  return span;
}

std::string_view status_of(Status status) {
  switch (status) {
    case Status::scheduled:
    case Status::postponed:
      return "TENTATIVE";
    case Status::held:
      return "CONFIRMED";
    case Status::cancelled:
      return "CANCELLED";
    case Status::none:
      break;
  }
  return "";
}

// Text from the data, isolated (U+2068..U+2069) when it holds bidi
// controls, then escaped as an iCalendar TEXT value.
std::string data_text(std::string_view text) {
  return escape_text(isolate_bidi_controls(text));
}

std::string location(const Timeline& timeline, const Event& event,
                     std::string_view lang) {
  if (!event.place) return "";
  std::string out;
  for (const Place* place : timeline.place_path(*event.place)) {
    if (!out.empty()) out += ", ";
    out += isolate_bidi_controls(best(place->names, lang));
  }
  return out.empty() ? event.place->value : out;
}

std::string description(const Timeline& timeline, const Event& event,
                        const Span& span, std::string_view lang) {
  std::vector<std::string> parts;
  if (const auto& summary = best(event.summary, lang); !summary.empty()) {
    parts.push_back(isolate_bidi_controls(summary));
  }
  if (const auto plan = plan_line(event); !plan.empty()) {
    parts.push_back(plan);
  }
  if (!span.note.empty()) parts.push_back(span.note);
  if (event.time_of_day) {
    parts.push_back("Time: " + display_time_of_day(*event.time_of_day,
                                                   first_day(event.time)));
  }
  for (const Claim* claim : timeline.claims_on(event.id)) {
    std::string line =
        std::string(to_string(claim->stance)) + ": " +
        isolate_bidi_controls(claimant_name(timeline, *claim, lang));
    if (!claim->quote.empty()) {
      line += " — “" + isolate_bidi_controls(claim->quote) + "”";
    }
    parts.push_back(line);
  }
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += '\n';
    out += part;
  }
  return out;
}

void write_event(std::ostream& out, const Timeline& timeline,
                 const Event& event, const Span& span, const std::string& stamp,
                 std::string_view lang) {
  write_line(out, "BEGIN:VEVENT");
  // Ids are letters, digits and ":._-/", none of which needs escaping.
  write_line(out, "UID:" + event.id.value + "@parley");
  write_line(out, "DTSTAMP:" + stamp);
  write_line(out, span.start);
  if (!span.end.empty()) write_line(out, span.end);
  write_line(out, "SUMMARY:" + data_text(best(event.title, lang)));
  if (const auto status = status_of(event.status); !status.empty()) {
    write_line(out, "STATUS:" + std::string(status));
  }
  if (const auto where = location(timeline, event, lang); !where.empty()) {
    write_line(out, "LOCATION:" + escape_text(where));
  }
  if (const auto coordinates = timeline.coordinates(event)) {
    // RFC 5545 §3.8.1.6: latitude first (GeoJSON has the reverse).
    write_line(out, "GEO:" + decimal(coordinates->lat) + ";" +
                        decimal(coordinates->lon));
  }
  write_line(out, "CATEGORIES:" + escape_text(to_string(event.kind())));
  if (const auto text = description(timeline, event, span, lang);
      !text.empty()) {
    write_line(out, "DESCRIPTION:" + escape_text(text));
  }
  write_line(out, "END:VEVENT");
}

}  // namespace

void write_icalendar(const Timeline& timeline, std::ostream& out,
                     const RenderOptions& options) {
  const RecordTime now = options.generated_at
                             ? *options.generated_at
                             : date::floor<std::chrono::microseconds>(
                                   std::chrono::system_clock::now());
  const std::string stamp = ical_utc(date::floor<std::chrono::seconds>(now));
  write_line(out, "BEGIN:VCALENDAR");
  write_line(out, "VERSION:2.0");
  write_line(out, "PRODID:-//parley//parley timeline//EN");
  write_line(out, "CALSCALE:GREGORIAN");
  write_line(out, "METHOD:PUBLISH");
  write_line(out,
             "X-WR-CALNAME:" + data_text(document_title(timeline, options)));
  for (const Event& event : timeline.events) {
    if (!scheduled(event)) continue;
    if (const auto span = span_of(event)) {
      write_event(out, timeline, event, *span, stamp, options.lang);
    }
  }
  write_line(out, "END:VCALENDAR");
  out.flush();
  check_stream(out, "icalendar");
}

}  // namespace parley
