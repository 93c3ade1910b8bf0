// Clock times (parley/clock.hpp): bounds in minutes, UTC instants, and
// Allen's relations in minutes.
#include "parley/clock.hpp"

#include <array>
#include <cctype>
#include <chrono>
#include <regex>

#include "parley/error.hpp"
#include "parley/normalize.hpp"

namespace parley {
namespace {

constexpr int minutes_per_day = 24 * 60;

int required_clock(const std::string& text, const char* where) {
  const auto minutes = parse_clock(text);
  if (!minutes) {
    throw Error(Errc::bad_time, where,
                "'" + text + "' is not a time of day (HH:MM)");
  }
  return *minutes;
}

// The day a clock applies to: [first, last] local days, when `time` is a
// day or an exact interval of days.
struct ClockDays {
  Day first;
  Day last;
};

std::optional<ClockDays> clock_days(const Edtf& time) {
  if (time.precision() != Precision::day) return std::nullopt;
  const Bounds b = time.bounds(Semantics::spans);
  if (!b.earliest_start || !b.latest_start || !b.earliest_end ||
      !b.latest_end || *b.earliest_start != *b.latest_start ||
      *b.earliest_end != *b.latest_end) {
    return std::nullopt;
  }
  return ClockDays{*b.earliest_start, *b.latest_end - days64{1}};
}

// Minutes to add to a clock's end bounds for a time on several days: the
// start is on the first day, the end on the last (an end earlier than the
// start is then on the last day itself, not the day after it).
int end_shift(const ClockDays& days, const ClockBounds& c) {
  const int last = static_cast<int>((days.last - days.first).count());
  const int crossed = c.latest_end > minutes_per_day ? minutes_per_day : 0;
  return last > 0 ? last * minutes_per_day - crossed : 0;
}

// UTC minutes since 1970 of local `minutes` after midnight of `day`.
std::int64_t utc_minutes(Day day, int minutes, std::string_view zone) {
  const date::local_seconds local{
      std::chrono::duration_cast<std::chrono::seconds>(day.time_since_epoch()) +
      std::chrono::minutes{minutes}};
  const ZonedInstant at =
      to_utc(local, zone, ZoneOptions{LocalTimePolicy::earliest});
  return std::chrono::floor<std::chrono::minutes>(at.utc.time_since_epoch())
      .count();
}

}  // namespace

std::optional<int> parse_clock(std::string_view text) noexcept {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (std::size_t i : {0u, 1u, 3u, 4u}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59) return std::nullopt;
  return hours * 60 + minutes;
}

ClockBounds clock_bounds(const TimeOfDay& time) {
  const int start = required_clock(time.start, "time_of_day/start");
  if (time.end.empty()) return {start, start, start + 1, start + 1};
  int end = required_clock(time.end, "time_of_day/end");
  if (end == start) {
    throw Error(Errc::bad_time, "time_of_day/end",
                "ends when it starts (" + time.end +
                    "); a range across midnight ends earlier than its start");
  }
  if (end < start) end += minutes_per_day;
  if (time.approximate) return {start, end - 1, start + 1, end};
  return {start, start, end, end};
}

std::optional<TimeOfDay> approximate_time(std::string_view words,
                                          std::string zone) {
  std::string text = normalize_arabic(words);
  for (char& c : text) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  static const std::regex about(
      "(about|around|approximately|حوالي|نحو) +(the +)?(الساعه +)?"
      "([0-9]{1,2})(:([0-9]{2}))?");
  std::smatch m;
  if (std::regex_search(text, m, about)) {
    const int hour = std::stoi(m[4].str());
    const int minute = m[6].matched ? std::stoi(m[6].str()) : 0;
    if (hour > 23 || minute > 59) return std::nullopt;
    const int at = hour * 60 + minute;
    auto clock = [](int minutes) {
      minutes = (minutes + minutes_per_day) % minutes_per_day;
      const char text[] = {
          char('0' + minutes / 600),     char('0' + minutes / 60 % 10), ':',
          char('0' + minutes % 60 / 10), char('0' + minutes % 10),      '\0'};
      return std::string(text);
    };
    return TimeOfDay{clock(at - 30), clock(at + 30), std::move(zone),
                     std::string(words), true};
  }
  struct Window {
    std::string_view word;
    const char* start;
    const char* end;
  };
  // Longer words first: "early hours" before "hours", "بعد الظهر" before
  // "ظهر".
  static constexpr std::array<Window, 15> windows = {{
      {"early hours", "00:00", "06:00"},
      {"small hours", "00:00", "06:00"},
      {"فجر", "00:00", "06:00"},
      {"afternoon", "12:00", "18:00"},
      {"بعد الظهر", "12:00", "18:00"},
      {"عصر", "12:00", "18:00"},
      {"morning", "06:00", "12:00"},
      {"صباح", "06:00", "12:00"},
      {"midday", "11:00", "13:00"},
      {"noon", "11:00", "13:00"},
      {"ظهر", "11:00", "13:00"},
      {"evening", "18:00", "22:00"},
      {"مساء", "18:00", "22:00"},
      {"night", "20:00", "06:00"},
      {"ليل", "20:00", "06:00"},
  }};
  for (const Window& w : windows) {
    if (text.find(w.word) != std::string::npos) {
      return TimeOfDay{w.start, w.end, std::move(zone), std::string(words),
                       true};
    }
  }
  return std::nullopt;
}

UtcSpan utc_bounds(Day day, const TimeOfDay& time, const ZoneOptions& options) {
  const ClockBounds b = clock_bounds(time);
  const auto midnight = date::local_seconds{
      std::chrono::duration_cast<std::chrono::seconds>(day.time_since_epoch())};
  UtcSpan span{to_utc(midnight + std::chrono::minutes{b.earliest_start},
                      time.zone, options),
               std::nullopt};
  if (!time.end.empty()) {
    span.end = to_utc(midnight + std::chrono::minutes{b.latest_end}, time.zone,
                      options);
  }
  return span;
}

std::optional<UtcSpan> utc_bounds(const ClockedTime& t) {
  const auto days = clock_days(t.time);
  if (!days || !t.clock) return std::nullopt;
  const ClockBounds c = clock_bounds(*t.clock);
  const ZoneOptions earliest{LocalTimePolicy::earliest};
  const auto midnight =
      date::local_seconds{std::chrono::duration_cast<std::chrono::seconds>(
          days->first.time_since_epoch())};
  UtcSpan span{to_utc(midnight + std::chrono::minutes{c.earliest_start},
                      t.clock->zone, earliest),
               std::nullopt};
  if (!t.clock->end.empty()) {
    span.end = to_utc(
        midnight + std::chrono::minutes{c.latest_end + end_shift(*days, c)},
        t.clock->zone, earliest);
  }
  return span;
}

std::optional<std::string> utc_text(const ClockedTime& t) {
  try {
    if (const auto span = utc_bounds(t)) return to_string(*span);
  } catch (const Error&) {
    // An unknown zone or a malformed clock: no UTC text.
  }
  return std::nullopt;
}

std::string to_string(const UtcSpan& span) {
  auto utc = [](const ZonedInstant& at) {
    return date::format("%FT%H:%MZ", at.utc);
  };
  return span.end ? utc(span.start) + "/" + utc(*span.end) : utc(span.start);
}

std::optional<MinuteBounds> minute_bounds(const ClockedTime& t,
                                          std::string_view zone) {
  const auto days = clock_days(t.time);
  if (!days) return std::nullopt;
  if (t.clock) {
    const ClockBounds c = clock_bounds(*t.clock);
    const int shift = end_shift(*days, c);
    return MinuteBounds{
        utc_minutes(days->first, c.earliest_start, t.clock->zone),
        utc_minutes(days->first, c.latest_start, t.clock->zone),
        utc_minutes(days->first, c.earliest_end + shift, t.clock->zone),
        utc_minutes(days->first, c.latest_end + shift, t.clock->zone)};
  }
  if (zone.empty()) return std::nullopt;
  const std::int64_t start = utc_minutes(days->first, 0, zone);
  const std::int64_t end = utc_minutes(days->last + days64{1}, 0, zone);
  return MinuteBounds{start, start, end, end};
}

Relations possible_relations(const ClockedTime& x, const ClockedTime& y) {
  const bool x_clock = x.clock && clock_days(x.time);
  const bool y_clock = y.clock && clock_days(y.time);
  if (x_clock || y_clock) {
    const std::string zone = x_clock ? x.clock->zone : y.clock->zone;
    const auto xm = minute_bounds(x, zone);
    const auto ym = minute_bounds(y, zone);
    if (xm && ym) return possible_relations(*xm, *ym);
  }
  return possible_relations(x.time, y.time);
}

}  // namespace parley
