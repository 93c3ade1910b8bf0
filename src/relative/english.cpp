// The English grammar of relative time expressions. Tokens arrive
// lowercased, with punctuation and hyphens removed ("twenty-third" is
// "twenty" "third"; "they'll" is "they" "ll").
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include <date/date.h>

#include "parley/relative.hpp"

#include "relative/grammar.hpp"

namespace parley::detail {
namespace {

std::optional<date::weekday> weekday_word(std::string_view w) {
  struct Name {
    std::string_view full, short1, short2, short3;
    date::weekday day;
  };
  static const std::array<Name, 7> names{{
      {"monday", "mon", "", "", date::Monday},
      {"tuesday", "tue", "tues", "", date::Tuesday},
      {"wednesday", "wed", "", "", date::Wednesday},
      {"thursday", "thu", "thur", "thurs", date::Thursday},
      {"friday", "fri", "", "", date::Friday},
      {"saturday", "sat", "", "", date::Saturday},
      {"sunday", "sun", "", "", date::Sunday},
  }};
  if (w.empty()) return std::nullopt;
  for (const Name& n : names) {
    if (w == n.full || w == n.short1 || w == n.short2 || w == n.short3) {
      return n.day;
    }
  }
  return std::nullopt;
}

std::optional<date::month> month_word(std::string_view w) {
  static constexpr std::array<std::string_view, 12> full{
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  static constexpr std::array<std::string_view, 12> abbreviated{
      "jan", "feb", "mar", "apr", "",    "jun",
      "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.empty()) return std::nullopt;
  for (unsigned i = 0; i < 12; ++i) {
    if (w == full[i] || w == abbreviated[i]) return date::month{i + 1};
  }
  if (w == "sept") return date::September;
  return std::nullopt;
}

// "may" and "march" are also a verb and a noun: they name a month only
// beside a day, a year, a preposition or a modifier, or alone.
bool ambiguous_month(std::string_view w) { return w == "may" || w == "march"; }

std::optional<date::year> year_number(std::string_view w) {
  if (w.size() != 4) return std::nullopt;
  const auto v = digits_value(w);
  if (!v) return std::nullopt;
  return date::year{static_cast<int>(*v)};
}

// Ordinal words up to thirty-first.
std::optional<unsigned> ordinal_word(std::string_view w) {
  static constexpr std::array<std::string_view, 20> first_twenty{
      "first",     "second",      "third",      "fourth",     "fifth",
      "sixth",     "seventh",     "eighth",     "ninth",      "tenth",
      "eleventh",  "twelfth",     "thirteenth", "fourteenth", "fifteenth",
      "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};
  for (unsigned i = 0; i < first_twenty.size(); ++i) {
    if (w == first_twenty[i]) return i + 1;
  }
  if (w == "thirtieth") return 30;
  return std::nullopt;
}

// A day of the month: "23", "23rd", "twenty third", "thirty first".
std::optional<unsigned> day_number(Cursor& c) {
  const std::string_view w = c.peek();
  std::size_t digits = 0;
  while (digits < w.size() && w[digits] >= '0' && w[digits] <= '9') ++digits;
  if (digits > 0 && digits <= 2) {
    const std::string_view suffix = w.substr(digits);
    if (suffix.empty() || suffix == "st" || suffix == "nd" || suffix == "rd" ||
        suffix == "th") {
      const auto v = digits_value(w.substr(0, digits));
      if (v && *v >= 1 && *v <= 31) {
        c.advance();
        return static_cast<unsigned>(*v);
      }
    }
    return std::nullopt;
  }
  if (w == "twenty" || w == "thirty") {
    const unsigned tens = w == "twenty" ? 20 : 30;
    const auto unit = ordinal_word(c.peek(1));
    if (unit && *unit <= 9 && tens + *unit <= 31) {
      c.advance(2);
      return tens + *unit;
    }
    return std::nullopt;
  }
  if (const auto v = ordinal_word(w)) {
    c.advance();
    return v;
  }
  return std::nullopt;
}

std::optional<std::int64_t> count_word(std::string_view w) {
  static constexpr std::array<std::string_view, 12> words{
      "one",   "two",   "three", "four", "five",   "six",
      "seven", "eight", "nine",  "ten",  "eleven", "twelve"};
  if (w == "a" || w == "an") return 1;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (w == words[i]) return static_cast<std::int64_t>(i + 1);
  }
  if (const auto v = digits_value(w); v && *v > 0 && *v <= 10000) return v;
  return std::nullopt;
}

// "a day", "two days", "3 weeks", "one-week", "72 hours": a count and its
// unit.
bool count_and_unit(Cursor& c, Expression& e) {
  const auto n = count_word(c.peek());
  if (!n) return false;
  const std::string_view unit = c.peek(1);
  if (unit == "day" || unit == "days") {
    e.unit = Unit::day;
  } else if (unit == "week" || unit == "weeks") {
    e.unit = Unit::week;
  } else if (unit == "hour" || unit == "hours") {
    e.unit = Unit::hour;
  } else {
    return false;
  }
  e.count = *n;
  c.advance(2);
  return true;
}

// "than planned", "than scheduled", "than originally planned", "than
// expected": the reference to the planned time of the same event.
bool than_planned(Cursor& c) {
  Cursor k = c;
  if (!k.accept("than")) return false;
  k.accept_any({"originally", "first", "initially", "previously"});
  if (!k.accept_any({"planned", "scheduled", "expected", "intended",
                     "announced", "foreseen"})) {
    return false;
  }
  c = k;
  return true;
}

bool relative_day(Cursor& c, Expression& e) {
  c.accept("on");
  if (c.accept("yesterday")) {
    e.rule = Rule::yesterday;
  } else if (c.accept_any({"today", "tonight"})) {
    e.rule = Rule::today;
  } else if (c.accept("tomorrow")) {
    e.rule = Rule::tomorrow;
  } else if (c.accept_all({"last", "night"})) {
    e.rule = Rule::yesterday;
  } else if (c.accept_all({"the", "day", "before", "yesterday"})) {
    e.rule = Rule::earlier;
    e.count = 2;
  } else if (c.accept_all({"the", "day", "after", "tomorrow"})) {
    e.rule = Rule::later;
    e.count = 2;
  } else if (c.accept_all({"the", "next", "day"}) ||
             c.accept_all({"the", "following", "day"}) ||
             c.accept_all({"the", "day", "after"})) {
    e.rule = Rule::later;
    e.count = 1;
  } else if (c.accept_all({"the", "previous", "day"}) ||
             c.accept_all({"the", "preceding", "day"}) ||
             c.accept_all({"the", "day", "before"})) {
    e.rule = Rule::earlier;
    e.count = 1;
  } else if (c.accept_all({"the", "same", "day"})) {
    e.rule = Rule::today;
  } else {
    return false;
  }
  // "today, Thursday", "yesterday (Wednesday)": the weekday is checked.
  if (const auto w = weekday_word(c.peek())) {
    e.weekday = *w;
    c.advance();
  }
  return true;
}

bool day_of_this_month(Cursor& c, Expression& e);
bool day_of_month(Cursor& c, Expression& e);

// "Sunday the 26th", "Thursday, February 23", "Thursday 23rd of this month":
// a weekday that names a date. The date decides; the weekday is checked.
bool weekday_and_date(Cursor& c, Expression& e) {
  Cursor k = c;
  Expression dated;
  if (day_of_month(k, dated) || day_of_this_month(k, dated)) {
    adopt_date(e, dated);
    c = k;
    return true;
  }
  k = c;
  k.accept("the");
  if (const auto d = day_number(k)) {
    e.rule = Rule::day_of_this_month;
    e.day = *d;
    c = k;
    return true;
  }
  return false;
}

bool weekday(Cursor& c, Expression& e) {
  c.accept("on");
  c.accept("the");
  e.rule = Rule::weekday;
  if (c.accept_all({"this", "past"}) ||
      c.accept_any({"last", "past", "previous"})) {
    e.rule = Rule::last_weekday;
  } else if (c.accept_all({"this", "coming"}) ||
             c.accept_any({"next", "coming", "following"})) {
    e.rule = Rule::next_weekday;
  } else {
    c.accept("this");
  }
  const auto w = weekday_word(c.peek());
  if (!w) return false;
  c.advance();
  e.weekday = *w;
  if (e.rule == Rule::weekday && weekday_and_date(c, e)) return true;
  // "Thursday last", "Thursday next" — but not "Thursday next week".
  if (e.rule == Rule::weekday && c.peek(1) != "week" && c.peek(1) != "month") {
    if (c.accept("last")) {
      e.rule = Rule::last_weekday;
    } else if (c.accept("next")) {
      e.rule = Rule::next_weekday;
    }
  }
  return true;
}

// "next week", "the following month", "this week", "last month".
bool week_or_month(Cursor& c, Expression& e) {
  c.accept_any({"in", "during", "within"});
  c.accept("the");
  int k = 0;
  if (c.accept_any({"next", "following", "coming"})) {
    k = 1;
  } else if (c.accept_any({"last", "previous"})) {
    k = -1;
  } else if (c.accept_any({"this", "current"})) {
    k = 0;
  } else {
    return false;
  }
  if (c.accept("week")) {
    e.rule = k > 0   ? Rule::next_week
             : k < 0 ? Rule::last_week
                     : Rule::this_week;
  } else if (c.accept("month")) {
    e.rule = k > 0   ? Rule::next_month
             : k < 0 ? Rule::last_month
                     : Rule::this_month;
  } else {
    return false;
  }
  return true;
}

// "three days later", "a week earlier", "two days ago", "in three days",
// "after two weeks"; "within 14 days" (of X) is the window from the anchor.
bool counted(Cursor& c, Expression& e) {
  if (c.accept("within")) {
    if (!count_and_unit(c, e)) return false;
    e.rule = Rule::later;
    e.sense = Sense::within;
    return true;
  }
  if (c.accept_any({"in", "after"})) {
    if (!count_and_unit(c, e)) return false;
    e.rule = Rule::later;
    return true;
  }
  if (!count_and_unit(c, e)) return false;
  if (c.accept_any({"later", "after", "afterwards", "hence"}) ||
      c.accept_all({"from", "now"})) {
    e.rule = Rule::later;
  } else if (c.accept_any(
                 {"earlier", "before", "ago", "previously", "prior"})) {
    e.rule = Rule::earlier;
  } else {
    return false;
  }
  return true;
}

// "a day late", "two days later than planned", "a day behind schedule",
// "late by a day", "delayed by two days", "after a one day delay", and the
// same for early.
bool late_or_early(Cursor& c, Expression& e) {
  if (c.accept_any({"late", "delayed", "postponed"})) {
    if (!c.accept("by") || !count_and_unit(c, e)) return false;
    e.rule = Rule::late;
    return true;
  }
  if (c.accept_all({"early", "by"}) || c.accept_all({"advanced", "by"}) ||
      c.accept_all({"brought", "forward", "by"})) {
    if (!count_and_unit(c, e)) return false;
    e.rule = Rule::early;
    return true;
  }
  if (c.accept("after")) {
    // "after a one day delay"; "after a day's delay", "after two days' delay"
    Cursor k = c;
    if (k.accept("a") && count_and_unit(k, e) && k.accept("delay")) {
      c = k;
      e.rule = Rule::late;
      return true;
    }
    k = c;
    if (!count_and_unit(k, e)) return false;
    k.accept("s");
    if (!k.accept("delay")) return false;
    c = k;
    e.rule = Rule::late;
    return true;
  }
  if (!count_and_unit(c, e)) return false;
  if (c.accept("late") || c.accept_all({"behind", "schedule"}) ||
      c.accept_all({"s", "delay"}) || c.accept("delay")) {
    e.rule = Rule::late;
  } else if (c.accept("later")) {
    if (!than_planned(c)) return false;
    e.rule = Rule::late;
  } else if (c.accept("early") || c.accept_all({"ahead", "of", "schedule"})) {
    e.rule = Rule::early;
  } else if (c.accept("earlier")) {
    if (!than_planned(c)) return false;
    e.rule = Rule::early;
  } else {
    return false;
  }
  return true;
}

// "the 23rd of this month", "23 of the month", "the 23rd this month",
// "this month's 23rd".
bool day_of_this_month(Cursor& c, Expression& e) {
  c.accept("on");
  if (c.accept_all({"this", "month", "s"}) ||
      c.accept_all({"the", "current", "month", "s"})) {
    c.accept("the");
    const auto d = day_number(c);
    if (!d) return false;
    e.rule = Rule::day_of_this_month;
    e.day = *d;
    return true;
  }
  c.accept("the");
  const auto d = day_number(c);
  if (!d) return false;
  c.accept("of");
  if (c.accept_all({"this", "month"}) ||
      c.accept_all({"the", "current", "month"}) ||
      c.accept_all({"the", "month"}) || c.accept_all({"current", "month"})) {
    e.rule = Rule::day_of_this_month;
  } else if (c.accept_all({"next", "month"}) ||
             c.accept_all({"the", "following", "month"}) ||
             c.accept_all({"the", "next", "month"})) {
    e.rule = Rule::day_of_next_month;
  } else if (c.accept_all({"last", "month"}) ||
             c.accept_all({"the", "previous", "month"})) {
    e.rule = Rule::day_of_last_month;
  } else {
    return false;
  }
  e.day = *d;
  return true;
}

void optional_year(Cursor& c, Expression& e) {
  if (const auto y = year_number(c.peek())) {
    e.year = *y;
    c.advance();
  }
}

// "23 February", "the 23rd of February 2017", "February 23", "on Feb 23rd".
bool day_of_month(Cursor& c, Expression& e) {
  c.accept("on");
  c.accept("the");
  if (const auto d = day_number(c)) {
    c.accept("of");
    const auto m = month_word(c.peek());
    if (!m) return false;
    c.advance();
    e.day = *d;
    e.month = *m;
  } else {
    const auto m = month_word(c.peek());
    if (!m) return false;
    c.advance();
    c.accept("the");
    const auto d2 = day_number(c);
    if (!d2) return false;
    e.day = *d2;
    e.month = *m;
  }
  e.rule = Rule::day_of_month;
  optional_year(c, e);
  return true;
}

// "in February", "February 2017", "last February", "next February".
bool month(Cursor& c, Expression& e) {
  const std::size_t start = c.position();
  const bool preposition = c.accept_any({"in", "during", "of", "since"});
  e.rule = Rule::month;
  bool modifier = true;
  if (c.accept_any({"last", "past", "previous"})) {
    e.rule = Rule::last_named_month;
  } else if (c.accept_any({"next", "coming"})) {
    e.rule = Rule::next_named_month;
  } else if (!c.accept("this")) {
    modifier = false;
  }
  const std::string_view word = c.peek();
  const auto m = month_word(word);
  if (!m) return false;
  c.advance();
  e.month = *m;
  if (e.rule == Rule::month) optional_year(c, e);
  if (ambiguous_month(word) && !preposition && !modifier && !e.year &&
      !(start == 0 && c.done())) {
    return false;
  }
  return true;
}

// "last year", "this year", "the following year", "in 2015", "of 2015".
bool year(Cursor& c, Expression& e) {
  const bool preposition = c.accept_any({"in", "during", "of", "for"});
  if (const auto y = year_number(c.peek())) {
    if (!preposition) return false;
    c.advance();
    e.rule = Rule::year;
    e.year = *y;
    return true;
  }
  c.accept("the");
  if (c.accept("year")) {  // "by the end of the year"
    e.rule = Rule::this_year;
    return true;
  }
  if (c.accept_any({"last", "previous", "past", "preceding"})) {
    e.rule = Rule::last_year;
  } else if (c.accept_any({"next", "following", "coming"})) {
    e.rule = Rule::next_year;
  } else if (c.accept_any({"this", "current"})) {
    e.rule = Rule::this_year;
  } else {
    return false;
  }
  return c.accept("year");
}

// "the second day after", "on the 3rd day following", "the tenth day
// from": the N-th day after the anchor (the event the phrase then names).
bool nth_day_after(Cursor& c, Expression& e) {
  c.accept("on");
  c.accept("the");
  const auto n = day_number(c);
  if (!n || !c.accept("day")) return false;
  if (!c.accept_any({"after", "following", "from"})) return false;
  e.rule = Rule::day_after;
  e.count = *n;
  e.unit = Unit::day;
  return true;
}

// "seven days before D-day", "180 days after D-day", "two weeks prior to
// D-day": D-day (the anchor) plus or minus a count, as Rule::d_day.
bool counted_from_d_day(Cursor& c, Expression& e) {
  if (!count_and_unit(c, e)) return false;
  int sign = 0;
  if (c.accept("before") || c.accept_all({"prior", "to"})) {
    sign = -1;
  } else if (c.accept_any({"after", "following", "from"})) {
    sign = 1;
  } else {
    return false;
  }
  if (!c.accept("d")) return false;
  c.accept("day");
  e.rule = Rule::d_day;
  e.count *= sign;
  return true;
}

std::optional<Found> plain_english(const Tokens& tokens, std::size_t at) {
  return longest_match(tokens, at,
                       {relative_day, weekday, week_or_month, counted,
                        late_or_early, day_of_this_month, day_of_month, month,
                        year, nth_day_after, d_day, counted_from_d_day});
}

}  // namespace

SenseWords english_sense(const Tokens& tokens, std::size_t at) {
  Cursor c(tokens, at);
  Sense sense = Sense::on;
  if (c.accept_all({"no", "later", "than"}) ||
      c.accept_all({"not", "later", "than"}) ||
      c.accept_all({"by", "the", "end", "of"}) ||
      c.accept_all({"by", "end", "of"}) ||
      c.accept_all({"before", "the", "end", "of"}) || c.accept("by")) {
    sense = Sense::no_later_than;
  } else if (c.accept_all({"not", "before"}) ||
             c.accept_all({"no", "earlier", "than"}) ||
             c.accept_all({"not", "earlier", "than"}) || c.accept("starting") ||
             c.accept_all({"as", "from"})) {
    sense = Sense::not_before;
  } else {
    return {};
  }
  return {sense, c.position() - at};
}

std::optional<Found> match_english(const Tokens& tokens, std::size_t at) {
  std::optional<Found> found =
      with_sense(tokens, at, plain_english, english_sense);
  // "on 1 March at the latest"
  if (found && found->expression.sense == Sense::on) {
    Cursor c(tokens, found->last);
    if (c.accept_all({"at", "the", "latest"})) {
      found->expression.sense = Sense::no_later_than;
      found->last = c.position();
    }
  }
  return found;
}

Marker english_marker(const Tokens& tokens, std::size_t at) {
  Cursor c(tokens, at);
  // A plan seen from the past ("was to open", "were scheduled for") is past.
  if (c.accept_any({"was", "were"})) {
    if (c.accept_any({"to", "scheduled", "due", "expected", "set", "planned",
                      "slated"})) {
      return {Tense::past, 2};
    }
    return {Tense::past, 1};
  }
  if (c.accept_any({"is", "are", "am"})) {
    if (c.accept_any({"to", "due", "scheduled", "expected", "set", "slated"})) {
      return {Tense::future, 2};
    }
    return {};
  }
  // Not "due" alone: "due to the late arrival" gives a cause, not a tense.
  if (c.accept_any({"will", "shall", "ll", "scheduled", "upcoming",
                    "forthcoming", "expected", "slated", "planned", "plans",
                    "planning", "intends", "intend"})) {
    return {Tense::future, 1};
  }
  if (c.accept_all({"going", "to"})) return {Tense::future, 2};
  if (c.accept_any({"had", "did", "said", "began", "started", "met", "opened",
                    "ended", "closed", "arrived", "took", "happened",
                    "occurred", "announced"})) {
    return {Tense::past, 1};
  }
  return {};
}

}  // namespace parley::detail
