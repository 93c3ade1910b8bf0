// parley/zone.hpp — local times in IANA zones and the UTC instants they name.
//
// An event's time of day means something only together with its zone:
// Astana 10:00 on 2017-02-16 (Asia/Almaty, UTC+06 then) is 04:00 UTC and
// 05:00 in Geneva. These functions convert between a local date-time in a
// named IANA zone and a UTC instant, using the system time-zone database
// (Debian's date library is built with USE_OS_TZDB=1 and reads
// /usr/share/zoneinfo, so the tzdata package is needed at run time).
//
// clang-format off
//   using namespace std::chrono_literals;
//   parley::ZonedInstant t = parley::to_utc(
//       date::local_days{date::year{2017} / 2 / 16} + 10h, "Asia/Almaty");
//   // t.utc == 2017-02-16 04:00:00 UTC, t.offset == 6h, t.abbrev == "+06"
//   parley::to_string(t);            // "2017-02-16T10:00:00+06:00"
//   parley::in_zone(t.utc, "Europe/Zurich").local();  // 05:00 local
//   parley::local_day(t.utc, "Etc/UTC");              // 2017-02-16
// clang-format on
//
// A local time that the zone skips (a spring-forward gap: Damascus
// 2022-03-25 00:30) or passes twice (a fall-back overlap: Zurich 2017-10-29
// 02:30) is an error unless ZoneOptions names a policy.
//
// The OS database reports no version, so a result keeps what it used: the
// zone's name and the UTC offset in force at that instant.
//
// Thread-safety: all functions are safe to call concurrently (the date
// library loads its database once, under its own lock).
#ifndef PARLEY_ZONE_HPP
#define PARLEY_ZONE_HPP

#include <chrono>
#include <string>
#include <string_view>

#include <date/date.h>

namespace parley {

// What to do with a local time that does not name exactly one instant.
enum class LocalTimePolicy {
  // Throw parley::Error (Errc::bad_time) naming the time and the zone.
  reject,
  // An ambiguous time takes the earlier of its two instants (the offset in
  // force before the transition). A nonexistent time takes the instant of
  // the transition that skipped it (as date::choose does).
  earliest,
  // An ambiguous time takes the later of its two instants (the offset in
  // force after the transition). A nonexistent time takes the instant of
  // the transition, as for earliest.
  latest,
};

struct ZoneOptions {
  // How to map a local time the zone skips or repeats. Default: reject.
  LocalTimePolicy policy = LocalTimePolicy::reject;
};

// A UTC instant as seen in a named zone.
struct ZonedInstant {
  date::sys_seconds utc;        // the instant
  std::string zone;             // the IANA name it was read in: "Asia/Almaty"
  std::chrono::seconds offset;  // local time minus UTC at `utc`: +6h
  std::string abbrev;           // the zone's abbreviation then: "+06", "CET"

  // The wall-clock time in `zone`.
  date::local_seconds local() const {
    return date::local_seconds{utc.time_since_epoch() + offset};
  }

  bool operator==(const ZonedInstant&) const = default;
};

// The instant that the wall-clock time `local` names in `zone`.
// Success: the instant with the zone's name, offset and abbreviation.
// Error: parley::Error with Errc::bad_value (where "zone") for a name the
// database does not know; Errc::bad_time (where "local time") for a time
// that is nonexistent or ambiguous in the zone when options.policy is
// reject. The message names the time and the zone.
ZonedInstant to_utc(date::local_seconds local, std::string_view zone,
                    const ZoneOptions& options = {});

// The instant `utc` seen in `zone`. Always exactly one local time.
// Error: parley::Error with Errc::bad_value (where "zone") for an unknown
// zone name.
ZonedInstant in_zone(date::sys_seconds utc, std::string_view zone);

// The calendar day that the instant `utc` falls on in `zone`: Astana
// 2017-02-16 02:00 (20:00 UTC the day before) is 2017-02-15 in "Etc/UTC".
// Error: as in_zone.
date::year_month_day local_day(date::sys_seconds utc, std::string_view zone);

// True when the database knows `zone` ("Asia/Almaty", "UTC").
bool is_known_zone(std::string_view zone);

// An offset as ISO 8601 text: "+06:00", "-03:30", "+00:00".
std::string offset_string(std::chrono::seconds offset);

// The local date-time with its offset, ISO 8601 / EDTF level 0:
// "2017-02-16T10:00:00+06:00". Seconds are always written.
std::string to_string(const ZonedInstant& instant);

}  // namespace parley

#endif  // PARLEY_ZONE_HPP
