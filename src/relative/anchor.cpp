// Anchor: the day a relative expression is read against.
#include <cctype>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <date/date.h>

#include "parley/error.hpp"
#include "parley/relative.hpp"
#include "parley/time.hpp"
#include "parley/zone.hpp"

namespace parley {
namespace {

void check_zone(const std::string& zone) {
  if (!zone.empty() && !is_known_zone(zone)) {
    throw Error(Errc::bad_value, "zone",
                "unknown time zone '" + zone +
                    "' (expected an IANA name such as Asia/Almaty)");
  }
}

void check_day(const date::year_month_day& day) {
  if (!day.ok() || day.year() < date::year{0} ||
      day.year() > date::year{9999}) {
    throw Error(Errc::bad_value, "anchor",
                "an anchor must be a valid day in the years 0000-9999");
  }
}

std::string qualifier_of(const Edtf& time) {
  if (time.uncertain() && time.approximate()) return "%";
  if (time.uncertain()) return "?";
  if (time.approximate()) return "~";
  return "";
}

// Reads `count` ASCII digits at text[at]; nothing when any is not a digit.
std::optional<int> digits(std::string_view text, std::size_t at,
                          std::size_t count) {
  if (at + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t k = at; k < at + count; ++k) {
    if (!std::isdigit(static_cast<unsigned char>(text[k]))) {
      return std::nullopt;
    }
    value = value * 10 + (text[k] - '0');
  }
  return value;
}

[[noreturn]] void not_a_day(const Edtf& time) {
  throw Error(Errc::unresolved, "anchor",
              "anchor '" + time.str() +
                  "' is not a single day or date-time; a relative "
                  "expression needs one day to count from");
}

// An EDTF date-time "YYYY-MM-DDThh:mm[:ss][Z|±hh[:mm]]" as written: its
// local time and its UTC offset, if one is written.
struct DateTime {
  date::local_seconds local;
  std::optional<std::chrono::seconds> offset;
};

DateTime read_date_time(const Edtf& time) {
  const std::string& text = time.str();
  const auto year = digits(text, 0, 4);
  const auto month = digits(text, 5, 2);
  const auto day = digits(text, 8, 2);
  const auto hour = digits(text, 11, 2);
  const auto minute = digits(text, 14, 2);
  if (!year || !month || !day || !hour || !minute || text[4] != '-' ||
      text[7] != '-' || text[13] != ':') {
    not_a_day(time);
  }
  const date::year_month_day written{date::year{*year},
                                     date::month{static_cast<unsigned>(*month)},
                                     date::day{static_cast<unsigned>(*day)}};
  if (!written.ok()) not_a_day(time);

  std::size_t at = 16;
  int second = 0;
  if (at < text.size() && text[at] == ':') {
    const auto s = digits(text, at + 1, 2);
    if (!s) not_a_day(time);
    second = *s;
    at += 3;
  }
  DateTime out{date::local_days{written} + std::chrono::hours{*hour} +
                   std::chrono::minutes{*minute} + std::chrono::seconds{second},
               std::nullopt};
  if (at < text.size() && text[at] == 'Z') {
    out.offset = std::chrono::seconds{0};
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    const auto oh = digits(text, at + 1, 2);
    if (!oh) not_a_day(time);
    int om = 0;
    if (at + 3 < text.size() && text[at + 3] == ':') {
      const auto m = digits(text, at + 4, 2);
      if (!m) not_a_day(time);
      om = *m;
    }
    const std::chrono::seconds magnitude{(*oh * 60 + om) * 60};
    out.offset = text[at] == '-' ? -magnitude : magnitude;
  }
  return out;
}

}  // namespace

Anchor::Anchor(date::year_month_day day, std::string zone)
    : day_(day), zone_(std::move(zone)) {
  check_day(day_);
  check_zone(zone_);
  time_ = Edtf::from_day(day_);
}

Anchor Anchor::from(const Edtf& time, std::string zone) {
  if (!time.ok()) {
    throw Error(Errc::unresolved, "anchor", "the anchor has no value");
  }
  check_zone(zone);
  Anchor anchor;
  anchor.zone_ = std::move(zone);
  anchor.time_ = time;
  anchor.qualifier_ = qualifier_of(time);

  if (time.precision() > Precision::day) {
    // A date-time with an offset is read on the clock of the zone, when
    // one is given; otherwise as written.
    const DateTime written = read_date_time(time);
    if (written.offset && !anchor.zone_.empty()) {
      const date::sys_seconds utc{written.local.time_since_epoch() -
                                  *written.offset};
      anchor.clock_ = in_zone(utc, anchor.zone_).local();
    } else {
      anchor.clock_ = written.local;
      if (anchor.zone_.empty()) anchor.clock_offset_ = written.offset;
    }
    anchor.day_ = date::year_month_day{date::floor<date::days>(*anchor.clock_)};
  } else {
    const Bounds b = time.bounds();
    if (time.form() != Form::date || time.precision() != Precision::day ||
        !b.earliest_start || !b.latest_start || !b.earliest_end ||
        !b.latest_end || *b.earliest_start != *b.latest_start ||
        *b.earliest_end != *b.latest_end ||
        *b.earliest_end - *b.earliest_start != days64{1}) {
      not_a_day(time);
    }
    const std::int64_t count = b.earliest_start->time_since_epoch().count();
    constexpr date::sys_days first{date::year{0} / 1 / 1};
    constexpr date::sys_days last{date::year{9999} / 12 / 31};
    if (count < first.time_since_epoch().count() ||
        count > last.time_since_epoch().count()) {
      not_a_day(time);
    }
    anchor.day_ = date::year_month_day{
        date::sys_days{date::days{static_cast<int>(count)}}};
  }
  check_day(anchor.day_);
  return anchor;
}

Anchor Anchor::at(date::sys_seconds instant, std::string zone) {
  const ZonedInstant seen = in_zone(instant, zone);
  Anchor anchor;
  anchor.day_ = date::year_month_day{date::floor<date::days>(seen.local())};
  anchor.clock_ = seen.local();
  check_day(anchor.day_);
  anchor.zone_ = std::move(zone);
  anchor.time_ = Edtf::parse(to_string(seen));
  return anchor;
}

}  // namespace parley
