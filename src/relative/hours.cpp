// Hour counts on the anchor's clock, and over whole days.
#include "relative/hours.hpp"

#include <chrono>

#include <date/date.h>

#include "parley/error.hpp"
#include "parley/zone.hpp"

namespace parley::detail {
namespace {

// `local` as EDTF: in the anchor's zone with the offset it has then, or
// with the offset written with the anchor (none when none was written).
std::string instant_text(date::local_seconds local, const Anchor& anchor,
                         const std::string& where) {
  const date::year_month_day day{date::floor<date::days>(local)};
  if (day.year() < date::year{0} || day.year() > date::year{9999}) {
    throw Error(Errc::unresolved, where,
                "the result falls outside the years 0000-9999");
  }
  if (!anchor.zone().empty()) {
    const ZoneOptions earliest{LocalTimePolicy::earliest};
    return to_string(to_utc(local, anchor.zone(), earliest));
  }
  std::string text = date::format("%FT%T", local);
  if (const auto& offset = anchor.clock_offset()) {
    text += offset->count() == 0 ? "Z" : offset_string(*offset);
  }
  return text;
}

}  // namespace

std::string clock_value(std::int64_t hours, Sense sense, const Anchor& anchor,
                        const std::string& where) {
  const date::local_seconds from = *anchor.clock();
  // Wall-clock arithmetic: 72 hours from 06:00 ends at 06:00 three days
  // on, whatever summer time did in between.
  const std::string end =
      instant_text(from + std::chrono::hours{hours}, anchor, where);
  switch (sense) {
    case Sense::on:
      return end;
    case Sense::no_later_than:
      return "../" + end;
    case Sense::not_before:
      return end + "/..";
    case Sense::within: {
      const std::string start = instant_text(from, anchor, where);
      return hours >= 0 ? start + "/" + end : end + "/" + start;
    }
  }
  return end;
}

HourDays hour_days(std::int64_t hours) {
  // Floor division: -36 hours falls on days -2 or -1.
  const std::int64_t first = hours >= 0 ? hours / 24 : -((-hours + 23) / 24);
  return {first, hours % 24 == 0 ? first : first + 1};
}

}  // namespace parley::detail
