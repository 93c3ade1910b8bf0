// Edtf's accessors, day formatting and JSON.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "parley/error.hpp"
#include "parley/time.hpp"

#include "time/calendar.hpp"

namespace parley {

std::string_view to_string(Precision p) noexcept {
  switch (p) {
    case Precision::unknown:
      return "unknown";
    case Precision::year:
      return "year";
    case Precision::season:
      return "season";
    case Precision::month:
      return "month";
    case Precision::day:
      return "day";
    case Precision::hour:
      return "hour";
    case Precision::minute:
      return "minute";
    case Precision::second:
      return "second";
  }
  return "unknown";
}

std::string_view to_string(Form f) noexcept {
  switch (f) {
    case Form::date:
      return "date";
    case Form::interval:
      return "interval";
    case Form::one_of:
      return "one_of";
    case Form::all_of:
      return "all_of";
  }
  return "date";
}

Bounds Edtf::bounds(Semantics semantics) const {
  return semantics == Semantics::spans ? spans_ : within_;
}

std::string to_string(Day day) {
  const detail::Civil c =
      detail::civil_from_days(day.time_since_epoch().count());
  std::string out;
  const std::int64_t y = c.year;
  const std::uint64_t magnitude =
      y < 0 ? static_cast<std::uint64_t>(-y) : static_cast<std::uint64_t>(y);
  if (magnitude > 9999) out += 'Y';
  if (y < 0) out += '-';
  std::string digits = std::to_string(magnitude);
  if (digits.size() < 4) out.append(4 - digits.size(), '0');
  out += digits;
  out += '-';
  out += static_cast<char>('0' + c.month / 10);
  out += static_cast<char>('0' + c.month % 10);
  out += '-';
  out += static_cast<char>('0' + c.day / 10);
  out += static_cast<char>('0' + c.day % 10);
  return out;
}

Edtf Edtf::from_day(date::year_month_day day) {
  if (!day.ok())
    throw Error(Errc::bad_time, "", "from_day needs a valid calendar day");
  if (day.year() < date::year{-9999} || day.year() > date::year{9999})
    throw Error(Errc::unsupported, "",
                "EDTF writes a day only for years -9999..9999");
  return parse(to_string(Day{date::sys_days{day}}));
}

void to_json(nlohmann::json& j, const Edtf& value) { j = value.str(); }

void from_json(const nlohmann::json& j, Edtf& value) {
  if (!j.is_string())
    throw Error(Errc::bad_time, "", "an EDTF value must be a JSON string");
  value = Edtf::parse(j.get_ref<const std::string&>());
}

}  // namespace parley
