// parley/record_time.hpp — when a version of a record became known.
//
// Every stored version carries a record time; as-of queries and reports
// read the versions known at one. A record time is an instant in UTC:
//
//   parley::RecordTime t = parley::parse_record_time("2017-02-16T18:00:00Z");
//   parley::format_record_time(t);  // "2017-02-16T18:00:00Z"
//
// Thread-safety: pure functions; safe to call concurrently.
#ifndef PARLEY_RECORD_TIME_HPP
#define PARLEY_RECORD_TIME_HPP

#include <chrono>
#include <string>
#include <string_view>

#include <date/date.h>

namespace parley {

// A record time: an instant in UTC, to the microsecond.
using RecordTime = date::sys_time<std::chrono::microseconds>;

// "2017-02-16T18:00:00Z" (fraction only when not zero).
std::string format_record_time(RecordTime t);
// Reads RFC 3339 UTC ("…Z" or "…+00:00"), with or without a fraction, or a
// plain date ("2017-02-16" = midnight UTC). Throws Error (bad_time).
RecordTime parse_record_time(std::string_view text);

}  // namespace parley

#endif  // PARLEY_RECORD_TIME_HPP
