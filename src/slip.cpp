#include "parley/slip.hpp"

#include <cstdlib>

namespace parley {
namespace {

std::string day_count(std::int64_t days) {
  const std::int64_t n = days < 0 ? -days : days;
  return std::to_string(n) + (n == 1 ? " day" : " days");
}

// One known slip: "as planned", "1 day late", "3 days early".
std::string exact_words(std::int64_t days) {
  if (days == 0) return "as planned";
  return day_count(days) + (days > 0 ? " late" : " early");
}

std::string range_words(std::int64_t least, std::int64_t most) {
  if (least >= 0) {  // late on both sides: "2 to 5 days late"
    return std::to_string(least) + " to " + day_count(most) + " late";
  }
  if (most <= 0) {  // early on both sides: "0 to 3 days early"
    return std::to_string(-most) + " to " + day_count(least) + " early";
  }
  return "from " + exact_words(least) + " to " + exact_words(most);
}

std::string one_side_words(const Slip& slip) {
  if (slip.least) {
    if (*slip.least > 0) return "at least " + exact_words(*slip.least);
    if (*slip.least == 0) return "not early";
    return "at most " + exact_words(*slip.least);
  }
  if (*slip.most > 0) return "at most " + exact_words(*slip.most);
  if (*slip.most == 0) return "not late";
  return "at least " + exact_words(*slip.most);
}

// "month" of a plan stated to the month; "dates" when the plan is finer
// than a day (its clock time) or has no precision.
std::string_view unit_words(Precision precision) {
  if (precision == Precision::unknown || precision > Precision::day) {
    return "dates";
  }
  return to_string(precision);
}

std::optional<std::int64_t> difference(const std::optional<Day>& actual,
                                       const std::optional<Day>& planned) {
  if (!actual || !planned) return std::nullopt;
  return (*actual - *planned).count();
}

}  // namespace

std::optional<Slip> slip(const Event& event) {
  if (!event.planned || event.status == Status::cancelled) return std::nullopt;
  Slip out;
  out.planned_precision = event.planned->precision();
  if (*event.planned == event.time) {
    out.least = out.most = 0;
    return out;
  }
  const Bounds planned = event.planned->bounds();
  const Bounds actual = event.time.bounds();
  out.least = difference(actual.earliest_start, planned.latest_start);
  out.most = difference(actual.latest_start, planned.earliest_start);
  if (!out.least && !out.most) return std::nullopt;
  out.within_plan = planned.earliest_start && planned.latest_end &&
                    actual.earliest_start && actual.latest_end &&
                    *actual.earliest_start >= *planned.earliest_start &&
                    *actual.latest_end <= *planned.latest_end;
  return out;
}

std::string slip_words(const Slip& slip) {
  if (slip.exact()) return exact_words(*slip.least);
  std::string words = slip.least && slip.most
                          ? range_words(*slip.least, *slip.most)
                          : one_side_words(slip);
  if (slip.within_plan) {
    words += " (within the planned ";
    words += unit_words(slip.planned_precision);
    words += ")";
  }
  return words;
}

bool slipped(const Slip& slip) { return !(slip.exact() && *slip.least == 0); }

}  // namespace parley
