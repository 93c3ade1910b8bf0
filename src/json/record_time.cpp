// parse_record_time: RFC 3339 instants and plain dates, read by hand so that
// no malformed text reaches a floating-point conversion (date::parse turned
// "2017-03-01T00:00:+00Z" into a NaN cast to an integer).
#include "parley/record_time.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "parley/error.hpp"

namespace parley {
namespace {

// Reads `count` ASCII digits of `text` at `at` into `out`; false when the
// text is shorter or any of them is not a digit.
bool digits(std::string_view text, std::size_t at, std::size_t count,
            int& out) {
  if (at > text.size() || text.size() - at < count) return false;
  out = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

// ".f" to ".ffffff" as microseconds; advances `at` past it. Empty when the
// dot has no digit after it or more than six.
std::optional<std::chrono::microseconds> fraction(std::string_view text,
                                                  std::size_t& at) {
  std::int64_t micros = 0;
  std::size_t count = 0;
  ++at;  // the dot
  while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
    if (++count > 6) return std::nullopt;
    micros = micros * 10 + (text[at++] - '0');
  }
  if (count == 0) return std::nullopt;
  for (; count < 6; ++count) micros *= 10;
  return std::chrono::microseconds{micros};
}

// "Z", "+HH:MM" or "-HH:MM" as the offset to add to reach UTC.
std::optional<std::chrono::minutes> to_utc(std::string_view zone) {
  if (zone == "Z") return std::chrono::minutes{0};
  int hours = 0;
  int minutes = 0;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') ||
      !digits(zone, 1, 2, hours) || zone[3] != ':' ||
      !digits(zone, 4, 2, minutes) || hours > 23 || minutes > 59) {
    return std::nullopt;
  }
  const std::chrono::minutes offset{hours * 60 + minutes};
  return zone[0] == '+' ? -offset : offset;
}

std::optional<RecordTime> read(std::string_view text) {
  int year = 0, month = 0, day = 0;
  if (!digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' ||
      !digits(text, 5, 2, month) || text[7] != '-' ||
      !digits(text, 8, 2, day)) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{year},
                                 date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  RecordTime t = date::sys_days{ymd};
  if (text.size() == 10) return t;
  int hour = 0, minute = 0, second = 0;
  if (text[10] != 'T' || !digits(text, 11, 2, hour) || text.size() < 19 ||
      text[13] != ':' || !digits(text, 14, 2, minute) || text[16] != ':' ||
      !digits(text, 17, 2, second) || hour > 23 || minute > 59 || second > 59) {
    return std::nullopt;
  }
  t += std::chrono::hours{hour} + std::chrono::minutes{minute} +
       std::chrono::seconds{second};
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    const auto micros = fraction(text, at);
    if (!micros) return std::nullopt;
    t += *micros;
  }
  const auto offset = to_utc(text.substr(at));
  if (!offset) return std::nullopt;
  return t + *offset;
}

}  // namespace

RecordTime parse_record_time(std::string_view text) {
  if (auto t = read(text)) return *t;
  throw Error(Errc::bad_time, "",
              "'" + std::string(text) +
                  "' is not a record time; expected an RFC 3339 UTC time "
                  "such as 2017-02-16T18:00:00Z, or a date");
}

}  // namespace parley
