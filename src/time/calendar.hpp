// Private: proleptic Gregorian arithmetic on 64-bit day counts, for years
// far beyond date::year's ±32767. Days count from 1970-01-01, as date's
// sys_days do; the results agree with date for every year date can hold.
#ifndef PARLEY_SRC_TIME_CALENDAR_HPP
#define PARLEY_SRC_TIME_CALENDAR_HPP

#include <cstdint>

namespace parley::detail {

// Sentinels for "minus/plus infinity" in day arithmetic. Far beyond any
// representable year (|year| < 10^15 is about 3.7e17 days) and small enough
// that adding a few of them never overflows an int64.
inline constexpr std::int64_t kNegInf = -(std::int64_t{1} << 60);
inline constexpr std::int64_t kPosInf = std::int64_t{1} << 60;

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

constexpr bool is_leap(std::int64_t y) noexcept {
  return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

constexpr unsigned last_day(std::int64_t y, unsigned m) noexcept {
  constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29u : kDays[m - 1];
}

// Days since 1970-01-01 of y-m-d (m 1..12, d 1..31). Counts in 400-year
// eras of 146097 days with the year starting in March, so February's
// length only matters at the end of a year.
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m,
                                       unsigned d) noexcept {
  const std::int64_t yy = m <= 2 ? y - 1 : y;
  const std::int64_t era = floor_div(yy, 400);
  const std::int64_t yoe = yy - era * 400;              // 0..399
  const std::int64_t mp = m > 2 ? m - 3 : m + 9;        // Mar = 0
  const std::int64_t doy = (153 * mp + 2) / 5 + d - 1;  // 0..365
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

// The inverse of days_from_civil.
constexpr Civil civil_from_days(std::int64_t z) noexcept {
  z += 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;  // 0..146096
  const std::int64_t yoe =
      (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;         // 0..399
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);  // 0..365
  const std::int64_t mp = (5 * doy + 2) / 153;                       // 0..11
  const unsigned d = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  const unsigned m = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

// The first day of the month `months` months after y-m (months may be
// negative or beyond 12).
constexpr std::int64_t month_start(std::int64_t y, unsigned m,
                                   std::int64_t months) noexcept {
  const std::int64_t index = y * 12 + (m - 1) + months;
  const std::int64_t ny = floor_div(index, 12);
  return days_from_civil(ny, static_cast<unsigned>(index - ny * 12 + 1), 1);
}

// Four bounds of a value in raw days; ends are half-open. kNegInf/kPosInf
// stand for unbounded sides.
struct RawBounds {
  std::int64_t earliest_start = kNegInf;
  std::int64_t latest_start = kPosInf;
  std::int64_t earliest_end = kNegInf;
  std::int64_t latest_end = kPosInf;
};

}  // namespace parley::detail

#endif  // PARLEY_SRC_TIME_CALENDAR_HPP
