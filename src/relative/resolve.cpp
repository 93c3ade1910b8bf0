// resolve: the rules of notes/time.md, "Relative expressions", as calendar
// arithmetic on the anchor's day.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "parley/error.hpp"
#include "parley/relative.hpp"
#include "parley/time.hpp"

#include "relative/hours.hpp"

namespace parley {
namespace {

// What a rule produced: the EDTF text and the offsets to its alternatives.
struct Outcome {
  std::string text;
  std::vector<Offset> offsets;
  bool sensed = false;  // the text has the expression's sense applied
};

class Resolver {
 public:
  Resolver(const Expression& e, const Anchor& a, Tense tense, bool either)
      : e_(e),
        anchor_(a),
        day_(date::sys_days{a.day()}),
        tense_(tense),
        either_(either) {}

  Outcome run() const {
    switch (e_.rule) {
      case Rule::today:
        return shift_days(0);
      case Rule::yesterday:
        return shift_days(-1);
      case Rule::tomorrow:
        return shift_days(1);
      case Rule::later:
      case Rule::late:
        return shift_count(1);
      case Rule::earlier:
      case Rule::early:
        return shift_count(-1);
      case Rule::weekday:
        return weekday();
      case Rule::last_weekday:
        return last_weekday();
      case Rule::next_weekday:
        return next_weekday();
      case Rule::this_week:
        return week(0);
      case Rule::last_week:
        return week(-1);
      case Rule::next_week:
        return week(1);
      case Rule::this_month:
        return relative_month(0);
      case Rule::last_month:
        return relative_month(-1);
      case Rule::next_month:
        return relative_month(1);
      case Rule::day_of_this_month:
        return day_of_relative_month(0);
      case Rule::day_of_last_month:
        return day_of_relative_month(-1);
      case Rule::day_of_next_month:
        return day_of_relative_month(1);
      case Rule::month:
        return named_month();
      case Rule::last_named_month:
        return last_named_month();
      case Rule::next_named_month:
        return next_named_month();
      case Rule::day_of_month:
        return day_of_month();
      default:
        return run_agreement_rules();
    }
  }

 private:
  // The rules agreements add: years, the N-th day after, D-day.
  Outcome run_agreement_rules() const {
    switch (e_.rule) {
      case Rule::this_year:
        return year_outcome(anchor_.day().year());
      case Rule::last_year:
        return year_outcome(anchor_.day().year() - date::years{1});
      case Rule::next_year:
        return year_outcome(anchor_.day().year() + date::years{1});
      case Rule::year:
        if (!e_.year || !e_.year->ok()) fail("the rule needs a year");
        return year_outcome(*e_.year);
      case Rule::day_after:
      case Rule::d_day:
        return shift_count(1);
      default:
        fail("unknown rule");
    }
  }

  Outcome year_outcome(date::year y) const {
    check_year(y);
    return Outcome{date::format("%Y", y) + anchor_.qualifier(),
                   {{(y - anchor_.day().year()).count(), Unit::year}}};
  }

  // Where errors point: the phrase, or the rule of a hand-built expression.
  std::string where() const {
    return e_.phrase.empty() ? std::string(to_string(e_.rule)) : e_.phrase;
  }

  [[noreturn]] void fail(const std::string& message) const {
    throw Error(Errc::unresolved, where(), message);
  }

  // Year 0000-9999: what a four-digit EDTF year can say.
  void check_year(date::year y) const {
    if (y < date::year{0} || y > date::year{9999}) {
      fail("the result falls outside the years 0000-9999");
    }
  }

  std::string day_text(date::sys_days d) const {
    const date::year_month_day ymd{d};
    check_year(ymd.year());
    return date::format("%F", ymd) + anchor_.qualifier();
  }

  std::string month_text(date::year_month ym) const {
    check_year(ym.year());
    return date::format("%Y-%m", ym / 1) + anchor_.qualifier();
  }

  // Counts here are bounded (shift_count checks them), so they fit date's
  // int-based durations.
  static date::days days(std::int64_t n) {
    return date::days{static_cast<int>(n)};
  }

  Offset days_from_anchor(date::sys_days d) const {
    return Offset{(d - day_).count(), Unit::day};
  }

  Outcome single(date::sys_days d) const {
    return Outcome{day_text(d), {days_from_anchor(d)}};
  }

  Outcome shift_days(std::int64_t n) const { return dated(day_ + days(n)); }

  Outcome shift_count(int sign) const {
    const bool signed_count = e_.rule == Rule::d_day;
    if ((!signed_count && e_.count < 0) || e_.count > 100000 ||
        e_.count < -100000) {
      fail("count out of range");
    }
    const std::int64_t n = sign * e_.count;
    switch (e_.unit) {
      case Unit::day:
        check_weekday(day_ + days(n));
        return Outcome{day_text(day_ + days(n)), {{n, Unit::day}}};
      case Unit::week:
        return Outcome{day_text(day_ + days(7 * n)), {{n, Unit::week}}};
      case Unit::hour:
        return hours(n);
      case Unit::month:
      case Unit::year:
        break;
    }
    fail("a count of months or years has no single day; use day or week");
  }

  // On the anchor's clock when it has one, else the days the instant can
  // fall on (relative.hpp, Unit).
  Outcome hours(std::int64_t n) const {
    const std::vector<Offset> offsets{{n, Unit::hour}};
    if (anchor_.clock()) {
      return Outcome{detail::clock_value(n, e_.sense, anchor_, where()),
                     offsets, true};
    }
    const detail::HourDays d = detail::hour_days(n);
    const std::string first = day_text(day_ + days(d.first));
    if (d.first == d.last) return Outcome{first, offsets};
    const std::string last = day_text(day_ + days(d.last));
    // One of the two days; a window or deadline reaches the later one.
    return Outcome{e_.sense == Sense::on ? "[" + first + "," + last + "]"
                                         : first + "/" + last,
                   offsets};
  }

  date::weekday wanted() const {
    if (!e_.weekday || !e_.weekday->ok()) fail("the rule needs a weekday");
    return *e_.weekday;
  }

  // The latest `w` on or before the anchor (0–6 days back).
  date::sys_days on_or_before(date::weekday w) const {
    return day_ - (date::weekday{day_} - w);
  }

  // The earliest `w` on or after the anchor (0–6 days on).
  date::sys_days on_or_after(date::weekday w) const {
    return day_ + (w - date::weekday{day_});
  }

  Outcome weekday() const {
    const date::weekday w = wanted();
    const date::sys_days past = on_or_before(w);
    const date::sys_days future = on_or_after(w);
    if (tense_ == Tense::future) return single(future);
    if (tense_ == Tense::past || past == future || !either_) {
      return single(past);
    }
    return Outcome{"[" + day_text(past) + "," + day_text(future) + "]",
                   {days_from_anchor(past), days_from_anchor(future)}};
  }

  Outcome last_weekday() const {
    const date::weekday w = wanted();
    const date::days back = date::weekday{day_} - w;
    return single(day_ - (back == date::days{0} ? date::days{7} : back));
  }

  Outcome next_weekday() const {
    const date::weekday w = wanted();
    const date::days on = w - date::weekday{day_};
    return single(day_ + (on == date::days{0} ? date::days{7} : on));
  }

  Outcome week(int k) const {
    const date::sys_days monday = on_or_before(date::Monday) + date::weeks{k};
    return Outcome{day_text(monday) + "/" + day_text(monday + date::days{6}),
                   {{k, Unit::week}}};
  }

  date::year_month anchor_month() const {
    const date::year_month_day a = anchor_.day();
    return a.year() / a.month();
  }

  std::int64_t months_between(date::year_month from,
                              date::year_month to) const {
    return (to - from).count();
  }

  Outcome month_outcome(date::year_month ym) const {
    return Outcome{month_text(ym),
                   {{months_between(anchor_month(), ym), Unit::month}}};
  }

  Outcome relative_month(int k) const {
    return month_outcome(anchor_month() + date::months{k});
  }

  date::month wanted_month() const {
    if (!e_.month || !e_.month->ok()) fail("the rule needs a month");
    return *e_.month;
  }

  // The year a month (or a day of it) is read in: the stated one, or the
  // anchor's.
  date::year base_year() const {
    return e_.year ? *e_.year : anchor_.day().year();
  }

  Outcome named_month() const {
    const date::month m = wanted_month();
    date::year_month ym = base_year() / m;
    if (!e_.year) {
      if (tense_ == Tense::future && ym < anchor_month()) ym += date::years{1};
      if (tense_ == Tense::past && ym > anchor_month()) ym -= date::years{1};
    }
    return month_outcome(ym);
  }

  Outcome last_named_month() const {
    date::year_month ym = anchor_.day().year() / wanted_month();
    if (ym >= anchor_month()) ym -= date::years{1};
    return month_outcome(ym);
  }

  Outcome next_named_month() const {
    date::year_month ym = anchor_.day().year() / wanted_month();
    if (ym <= anchor_month()) ym += date::years{1};
    return month_outcome(ym);
  }

  unsigned wanted_day() const {
    if (!e_.day || *e_.day < 1 || *e_.day > 31) {
      fail("the rule needs a day of the month (1-31)");
    }
    return *e_.day;
  }

  date::sys_days checked(date::year_month_day ymd) const {
    if (!ymd.ok()) {
      fail(date::format("%B %Y", ymd.year() / ymd.month() / 1) +
           " has no day " + std::to_string(static_cast<unsigned>(ymd.day())));
    }
    return date::sys_days{ymd};
  }

  // When the phrase also gives a weekday ("Sunday the 26th", "today,
  // Thursday"), it must fall on the day named.
  void check_weekday(date::sys_days d) const {
    if (e_.weekday && date::weekday{d} != *e_.weekday) {
      fail(date::format("%F", d) + " is a " +
           date::format("%A", date::weekday{d}) + ", not a " +
           date::format("%A", *e_.weekday));
    }
  }

  Outcome dated(date::sys_days d) const {
    check_weekday(d);
    return single(d);
  }

  Outcome day_of_relative_month(int k) const {
    const unsigned d = wanted_day();
    return dated(checked((anchor_month() + date::months{k}) / date::day{d}));
  }

  Outcome day_of_month() const {
    const unsigned d = wanted_day();
    const date::month m = wanted_month();
    if (e_.year) return dated(checked(*e_.year / m / date::day{d}));
    const date::year y = anchor_.day().year();
    date::year_month_day ymd = y / m / date::day{d};
    // The day must exist in the anchor's year: "29 February" read in 2017 is
    // refused, not moved to a leap year by the tense.
    if (tense_ == Tense::future && checked(ymd) < day_) {
      ymd = (y + date::years{1}) / m / date::day{d};
    } else if (tense_ == Tense::past && checked(ymd) > day_) {
      ymd = (y - date::years{1}) / m / date::day{d};
    }
    return dated(checked(ymd));
  }

 private:
  const Expression& e_;
  const Anchor& anchor_;
  date::sys_days day_;
  Tense tense_;
  bool either_;
};

// The value the sense gives around the named `text`: "../" + its last
// day, its first day + "/..", or the anchor's day to its last day.
std::string with_sense(const std::string& text, const Expression& e,
                       const Anchor& anchor) {
  if (e.sense == Sense::on) return text;
  const Edtf named = Edtf::parse(text);
  const Bounds b = named.bounds();
  if (named.form() == Form::one_of || !b.earliest_start || !b.latest_end) {
    throw Error(Errc::unresolved, e.phrase.empty() ? text : e.phrase,
                "'" + std::string(to_string(e.sense)) +
                    "' needs a day or a period, not " + text);
  }
  const std::string q = anchor.qualifier();
  const auto day = [&q](Day d) {
    return date::format("%F",
                        date::year_month_day{date::sys_days{date::days{
                            static_cast<int>(d.time_since_epoch().count())}}}) +
           q;
  };
  const std::string last = day(*b.latest_end - days64{1});
  switch (e.sense) {
    case Sense::no_later_than:
      return "../" + last;
    case Sense::not_before:
      return day(*b.earliest_start) + "/..";
    case Sense::within: {
      const std::string from =
          date::format("%F", anchor.day()) + anchor.qualifier();
      return from <= last ? from + "/" + last : last + "/" + from;
    }
    case Sense::on:
      break;
  }
  return text;
}

}  // namespace

std::string_view to_string(Lang lang) noexcept {
  switch (lang) {
    case Lang::en:
      return "en";
    case Lang::ar:
      return "ar";
  }
  return "unknown";
}

std::string_view to_string(Tense tense) noexcept {
  switch (tense) {
    case Tense::none:
      return "none";
    case Tense::past:
      return "past";
    case Tense::future:
      return "future";
  }
  return "unknown";
}

std::string_view to_string(Rule rule) noexcept {
  switch (rule) {
    case Rule::today:
      return "today";
    case Rule::yesterday:
      return "yesterday";
    case Rule::tomorrow:
      return "tomorrow";
    case Rule::later:
      return "later";
    case Rule::earlier:
      return "earlier";
    case Rule::weekday:
      return "weekday";
    case Rule::last_weekday:
      return "last_weekday";
    case Rule::next_weekday:
      return "next_weekday";
    case Rule::this_week:
      return "this_week";
    case Rule::last_week:
      return "last_week";
    case Rule::next_week:
      return "next_week";
    case Rule::this_month:
      return "this_month";
    case Rule::last_month:
      return "last_month";
    case Rule::next_month:
      return "next_month";
    case Rule::day_of_this_month:
      return "day_of_this_month";
    case Rule::day_of_last_month:
      return "day_of_last_month";
    case Rule::day_of_next_month:
      return "day_of_next_month";
    case Rule::month:
      return "month";
    case Rule::last_named_month:
      return "last_named_month";
    case Rule::next_named_month:
      return "next_named_month";
    case Rule::day_of_month:
      return "day_of_month";
    case Rule::late:
      return "late";
    case Rule::early:
      return "early";
    case Rule::this_year:
      return "this_year";
    case Rule::last_year:
      return "last_year";
    case Rule::next_year:
      return "next_year";
    case Rule::year:
      return "year";
    case Rule::day_after:
      return "day_after";
    case Rule::d_day:
      return "d_day";
  }
  return "unknown";
}

std::string_view to_string(Sense sense) noexcept {
  switch (sense) {
    case Sense::on:
      return "on";
    case Sense::no_later_than:
      return "no_later_than";
    case Sense::not_before:
      return "not_before";
    case Sense::within:
      return "within";
  }
  return "unknown";
}

std::string to_string(const Offset& offset) {
  const char unit = offset.unit == Unit::day     ? 'D'
                    : offset.unit == Unit::week  ? 'W'
                    : offset.unit == Unit::month ? 'M'
                    : offset.unit == Unit::hour  ? 'H'
                                                 : 'Y';
  const std::int64_t n = offset.count < 0 ? -offset.count : offset.count;
  return (offset.count < 0 ? "-P" : "P") +
         std::string(offset.unit == Unit::hour ? "T" : "") + std::to_string(n) +
         unit;
}

Resolution resolve(const Expression& expression, const Anchor& anchor,
                   const ResolveOptions& options) {
  const bool stated = expression.tense != Tense::none;
  const Tense tense = stated ? expression.tense : options.default_tense;
  Outcome outcome =
      Resolver(expression, anchor, tense, options.weekday_either).run();

  // What the tense came to for the weekday rule without one: the past
  // reading, unless the one-of set was asked for.
  Tense used = tense;
  if (used == Tense::none && expression.rule == Rule::weekday &&
      outcome.offsets.size() == 1) {
    used = Tense::past;
  }
  return Resolution{
      Edtf::parse(outcome.sensed
                      ? outcome.text
                      : with_sense(outcome.text, expression, anchor)),
      anchor,
      expression.rule,
      used,
      stated,
      std::move(outcome.offsets),
      expression};
}

}  // namespace parley
