#include "parley/zone.hpp"

#include <chrono>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include <date/date.h>
#include <date/tz.h>

#include "parley/error.hpp"

namespace parley {
namespace {

const date::time_zone* find_zone(std::string_view zone) {
  // locate_zone throws std::runtime_error for an unknown name; translate it
  // so that the date library's exceptions never reach the caller.
  try {
    return date::locate_zone(std::string(zone));
  } catch (const std::exception&) {
    throw Error(Errc::bad_value, "zone",
                "unknown time zone '" + std::string(zone) +
                    "' (expected an IANA name such as Asia/Almaty)");
  }
}

ZonedInstant make_instant(date::sys_seconds utc, const date::time_zone& tz) {
  const date::sys_info info = tz.get_info(utc);
  return ZonedInstant{utc, std::string(tz.name()), info.offset, info.abbrev};
}

std::string local_text(date::local_seconds local) {
  return date::format("%F %T", local);
}

}  // namespace

ZonedInstant to_utc(date::local_seconds local, std::string_view zone,
                    const ZoneOptions& options) {
  const date::time_zone* tz = find_zone(zone);
  const date::local_info info = tz->get_info(local);
  switch (info.result) {
    case date::local_info::unique:
      return make_instant(
          date::sys_seconds{local.time_since_epoch() - info.first.offset}, *tz);
    case date::local_info::nonexistent:
      if (options.policy == LocalTimePolicy::reject) {
        throw Error(Errc::bad_time, "local time",
                    local_text(local) + " does not exist in " +
                        std::string(zone) + " (clocks moved forward at " +
                        date::format("%F %T UTC", info.first.end) + ")");
      }
      // Both policies name the transition itself, as date::choose does.
      return make_instant(info.first.end, *tz);
    case date::local_info::ambiguous:
      if (options.policy == LocalTimePolicy::reject) {
        throw Error(Errc::bad_time, "local time",
                    local_text(local) + " is ambiguous in " +
                        std::string(zone) + " (it occurs at UTC offsets " +
                        offset_string(info.first.offset) + " and " +
                        offset_string(info.second.offset) + ")");
      }
      {
        const date::sys_info& used = options.policy == LocalTimePolicy::earliest
                                         ? info.first
                                         : info.second;
        return make_instant(
            date::sys_seconds{local.time_since_epoch() - used.offset}, *tz);
      }
  }
  throw Error(Errc::bad_time, "local time",
              "the time zone database gave no answer for " + local_text(local) +
                  " in " + std::string(zone));
}

ZonedInstant in_zone(date::sys_seconds utc, std::string_view zone) {
  return make_instant(utc, *find_zone(zone));
}

date::year_month_day local_day(date::sys_seconds utc, std::string_view zone) {
  const ZonedInstant seen = in_zone(utc, zone);
  return date::year_month_day{date::floor<date::days>(seen.local())};
}

bool is_known_zone(std::string_view zone) {
  try {
    find_zone(zone);
    return true;
  } catch (const Error&) {
    return false;
  }
}

std::string offset_string(std::chrono::seconds offset) {
  const char sign = offset < std::chrono::seconds{0} ? '-' : '+';
  const long long total = std::llabs(offset.count());
  const long long hours = total / 3600;
  const long long minutes = total % 3600 / 60;
  const long long seconds = total % 60;
  std::string text(1, sign);
  auto two = [&text](long long n) {
    text += static_cast<char>('0' + n / 10);
    text += static_cast<char>('0' + n % 10);
  };
  two(hours);
  text += ':';
  two(minutes);
  // Local mean time offsets before 1900 carry seconds (+05:07:48).
  if (seconds != 0) {
    text += ':';
    two(seconds);
  }
  return text;
}

std::string to_string(const ZonedInstant& instant) {
  return date::format("%FT%T", instant.local()) + offset_string(instant.offset);
}

}  // namespace parley
