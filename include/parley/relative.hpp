// parley/relative.hpp — relative time expressions resolved against an anchor.
//
// News reports date events in their own words: "on Thursday", "the 23rd of
// this month", "a day late", "الخميس", "الثالث والعشرين من الشهر الحالي",
// "متأخرة يوماً". Such a phrase names a day only against an anchor: by
// default the source's publication date in its zone, or another event's
// time (the planned date, for "a day late"). parley keeps the anchor, the
// rule and the offset with the result, so that a corrected anchor
// re-derives the value.
//
//   parley::Anchor published(date::year{2017} / 2 / 16, "Asia/Almaty");
//   parley::Resolution r = parley::resolve(
//       "الثالث والعشرين من الشهر الحالي", parley::Lang::ar, published);
//   r.value.str();           // "2017-02-23"
//   r.rule;                  // Rule::day_of_this_month
//   to_string(r.offsets[0]); // "P7D"
//
// Agreements write deadlines and windows relative to other events: "no
// later than the second day after the ceasefire", "within 14 days",
// "D+180", "by the end of 2015", "في موعد لا يتجاوز اليوم الثالث بعد",
// "خلال 14 يوماً", "بحلول نهاية عام 2015". The rule names a day or period
// against the anchor (the event, given by the caller), and the Sense turns
// it into the interval the words mean: "../2017-02-18",
// "2017-02-16/2017-03-02". Expression (rule, count, unit, sense) with its
// Anchor is what a stored deadline rule keeps, so the value can be
// re-derived when the anchor event moves.
//
// Two steps, usable apart: parse_expression() turns a phrase into a
// structured Expression (a rule and its parameters), and resolve() turns an
// Expression and an Anchor into a Resolution. Programs that already know
// the rule (an importer, a form) build the Expression themselves.
//
// Tense. "Thursday" in a past-tense sentence is the latest Thursday on or
// before the anchor; in a future one ("will", "is to", "scheduled", سوف,
// the سـ prefix, المقرر, المرتقب) the earliest on or after it. A phrase
// without a marker follows ResolveOptions::default_tense; when that is
// Tense::none too, a bare weekday takes the past reading (notes/time.md:
// "past or no tense") unless ResolveOptions::weekday_either asks for the
// one-of set of both readings ("[2017-02-23,2017-03-02]"). The Resolution
// says which tense was used and whether the phrase stated it.
//
// Errors. A phrase with no recognised time expression, with two of them,
// naming a day its month lacks ("the 31st of this month" in February), or
// a weekday that does not fall on the day it names ("Monday the 26th" in
// February 2017) raises parley::Error with Errc::unresolved whose where()
// is the phrase. Nothing is guessed silently.
//
// Arabic is normalised before matching (normalize_arabic): diacritics and
// tatweel removed, أ إ آ ٱ → ا, ى → ي, ة → ه, Eastern digits → 0-9.
//
// Tense markers are found outside the matched expression, by word lists:
// future (will, shall, is/are to, scheduled, upcoming; سوف, the سـ prefix on
// a verb (ستكون, سيعقد; with a list of nouns it excludes), المقرر, المرتقب,
// المزمع, ننوي) and past (was, were, said, began; كان, جرت, بدأت, قال). A
// future marker outweighs a past one, because a reporting verb is past in
// reported speech ("he said the talks will open on Thursday"). "was/were
// to", "were scheduled" are past.
//
// Limitations. A part of a period resolves to the whole period ("late
// February", "أواخر شباط" give 2017-02; "early next week" the whole week):
// the value contains the truth but is coarser than the words. Refused, as
// unresolved: a bare day without a month ("on the 23rd"), "the week after
// next", and a phrase holding two expressions ("Thursday next week",
// "الخميس، متأخرة يوماً") — resolve such parts one at a time. Dates in
// digits ("23/2") are not read: they are not relative. A sense over a
// one-of set (an unknown-tense weekday with weekday_either) is refused.
//
// Thread-safety: all functions are pure; concurrent calls are safe.
#ifndef PARLEY_RELATIVE_HPP
#define PARLEY_RELATIVE_HPP

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>
#include <nlohmann/json_fwd.hpp>

#include "parley/normalize.hpp"  // normalize_arabic, used before matching
#include "parley/time.hpp"

namespace parley {

// The language of a phrase.
enum class Lang { en, ar };
std::string_view to_string(Lang lang) noexcept;

// Lang::ar when `text` contains an Arabic letter, else Lang::en.
Lang detect_language(std::string_view text) noexcept;

// The tense a phrase is read in.
enum class Tense { none, past, future };
std::string_view to_string(Tense tense) noexcept;

// How a rule reads its anchor. Names (to_string) are stable: they are
// stored with resolved values.
enum class Rule {
  today,      // "today", "اليوم": the anchor's day
  yesterday,  // "yesterday", "أمس": the anchor − 1 day
  tomorrow,   // "tomorrow", "غدا": the anchor + 1 day
  later,      // "three days later", "بعد يومين": anchor + count
  earlier,  // "a week earlier", "قبل ثلاثة أيام": anchor − count
  weekday,  // "on Thursday", "الخميس": by tense (see above)
  last_weekday,  // "last Thursday", "الخميس الماضي": 1–7 days before
  next_weekday,  // "next Thursday", "الخميس المقبل": 1–7 days after
  this_week,     // "this week": the anchor's ISO week, Mon/Sun
  last_week,  // "last week", "الأسبوع الماضي": the ISO week before
  next_week,  // "next week", "الأسبوع المقبل": the ISO week after
  this_month,  // "this month", "الشهر الحالي": the anchor's month
  last_month,  // "last month", "الشهر الماضي"
  next_month,  // "next month", "الشهر المقبل"
  day_of_this_month,  // "the 23rd of this month": anchor's year and month
  day_of_last_month,  // "the 23rd of last month", "23 من الشهر الماضي"
  day_of_next_month,  // "the 23rd of next month", "23 من الشهر المقبل"
  month,              // "in February", "في شباط": the anchor's year,
                      // shifted by tense (past: not after the anchor's
                      // month; future: not before it)
  last_named_month,  // "last February", "فبراير الماضي": 1–12 months before
  next_named_month,  // "next February", "شباط المقبل": 1–12 months after
  day_of_month,  // "on 23 February", "في الثالث والعشرين من فبراير":
                 // the stated year, or the anchor's shifted by tense
  late,       // "a day late", "متأخرة يوماً": planned + count
  early,      // "a day early", "مبكرا يوما": planned − count
  this_year,  // "this year", "هذا العام": the anchor's year
  last_year,  // "last year", "العام الماضي": the year before it
  next_year,  // "next year", "العام المقبل": the year after it
  year,       // "in 2015", "عام 2015": the stated year
  // "the second day after X", "اليوم الثاني بعد": anchor + count days (the
  // first day after is anchor + 1); the anchor is X.
  day_after,
  // "D+180", "D-day + 180", "D-7", "D minus 7", "seven days before D-day",
  // "180 days after D-day", "اليوم D + 180", "قبل اليوم D بسبعة أيام": D-day
  // (the anchor) + count days, count negative before it.
  d_day,
};
std::string_view to_string(Rule rule) noexcept;

// How a value relates to the day or period its rule names. Agreements
// write deadlines and windows, not days: the resolved value is the
// interval the sense gives.
enum class Sense {
  on,  // the day or period itself
  // "no later than", "not later than", "by", "by the end of", "at the
  // latest", "في موعد لا يتجاوز", "بحلول", "بحلول نهاية": from an open start
  // to the named value's last day: "../2015-12-31".
  no_later_than,
  // "not before", "no earlier than", "from … on", "اعتبارا من", "ليس قبل":
  // from the named value's first day to an open end: "2017-02-18/..".
  not_before,
  // "within 14 days", "خلال 14 يوما", "في غضون": from the anchor to the
  // named value's last day: "2017-02-16/2017-03-02", not the day + 14.
  within,
};
std::string_view to_string(Sense sense) noexcept;

// The unit of a count or an offset. Hours ("within 72 hours", "خلال 72
// ساعة") count on the anchor's clock when it has one: the local wall time
// plus the hours, in the anchor's zone, its UTC instant by the zone's rules
// on the day it lands ("within 72 hours" of 06:00 on 2017-03-10 in
// America/New_York ends at 06:00 local on 03-13, 10:00Z after the change
// to summer time). Against a whole day (no clock), an hour count names the
// days the instant can fall on, the anchor being any time of its day: a
// multiple of 24 hours is that many days ("72 hours after" 03-10 is
// 03-13); otherwise "36 hours after" 03-10 is one of [03-11,03-12], a
// window or deadline ends on the later day ("within 36 hours": 03-10/03-12)
// and "not before" starts on the earlier.
enum class Unit { day, week, month, year, hour };

// A signed displacement from the anchor to a resolved value's start.
struct Offset {
  std::int64_t count = 0;  // negative: before the anchor
  Unit unit = Unit::day;

  bool operator==(const Offset&) const = default;
};

// ISO 8601 duration text, negative with a leading minus (ISO 8601-2):
// "P7D", "-P1D", "P1W", "P0M", "-P1Y", "PT72H".
std::string to_string(const Offset& offset);

// A relative expression: a rule and its parameters. Only the fields the
// rule reads are set; the rest stay empty.
struct Expression {
  Rule rule = Rule::today;
  // The tense the phrase states; none when it states no tense.
  Tense tense = Tense::none;
  // How the value relates to the day the rule names.
  Sense sense = Sense::on;
  // The weekday rules; with a day rule, the weekday the phrase gives the
  // day ("Sunday the 26th", "الخميس 23 شباط"), checked when resolving.
  std::optional<date::weekday> weekday;
  std::optional<unsigned> day;       // day_of_*_month, day_of_month
  std::optional<date::month> month;  // month, *_named_month, day_of_month
  std::optional<date::year> year;    // month, day_of_month, when stated
  std::int64_t count = 1;            // later, earlier, late, early
  Unit unit = Unit::day;             // the unit of count
  // The whole phrase, and the part of it that named the time (as written,
  // before normalisation). Empty for expressions built by hand.
  std::string phrase;
  std::string matched;

  bool operator==(const Expression&) const = default;
};

// The day a phrase is read against, with its zone and provenance.
class Anchor {
 public:
  // A calendar day, local to `zone` (an IANA name; empty when unknown).
  // Error: parley::Error with Errc::bad_value (where "anchor") when `day`
  // is not a valid date, or (where "zone") when the zone is unknown.
  explicit Anchor(date::year_month_day day, std::string zone = {});

  // Another value's time: a single day ("2017-02-15", "2017-02-16?") or a
  // date-time ("2017-02-16T10:00:00+06:00", "2017-02-15T22:00:00Z"). A
  // date-time with an offset is taken to its calendar day in `zone` when a
  // zone is given, else to the day written. The value's qualifiers are
  // carried to results ("2017-02-16?" + 7 days is "2017-02-23?").
  // Error: parley::Error with Errc::unresolved (where "anchor") when the
  // value is not one day (an interval, a month, a set); as the constructor
  // for the zone.
  static Anchor from(const Edtf& time, std::string zone = {});

  // An instant, read in `zone` (required): its local calendar day there.
  // time() is the local date-time with its offset
  // ("2017-02-16T04:00:00+06:00"). Error: parley::Error with
  // Errc::bad_value (where "zone") for an unknown zone.
  static Anchor at(date::sys_seconds instant, std::string zone);

  const date::year_month_day& day() const noexcept { return day_; }
  const std::string& zone() const noexcept { return zone_; }
  // The value the anchor came from: Edtf::from_day(day) when built from a
  // day.
  const Edtf& time() const noexcept { return time_; }
  // The anchor's wall-clock time when it came from a date-time (from(),
  // at()): local to zone(), or as written when zone() is empty; empty for
  // a day. Hour offsets count from it.
  const std::optional<date::local_seconds>& clock() const noexcept {
    return clock_;
  }
  // With clock() and no zone(): the UTC offset written with the date-time
  // ("Z" is 0); empty when none was written.
  const std::optional<std::chrono::seconds>& clock_offset() const noexcept {
    return clock_offset_;
  }
  // The qualifier to carry to results: "", "?", "~" or "%".
  const std::string& qualifier() const noexcept { return qualifier_; }

  bool operator==(const Anchor&) const = default;

 private:
  Anchor() = default;

  date::year_month_day day_;
  std::string zone_;
  Edtf time_;
  std::string qualifier_;
  std::optional<date::local_seconds> clock_;
  std::optional<std::chrono::seconds> clock_offset_;
};

struct ResolveOptions {
  // The tense assumed when the phrase states none. Default: none (each rule
  // then does what its comment says for no tense).
  Tense default_tense = Tense::none;
  // When the tense is still none, a bare weekday gives the one-of set of
  // its past and future readings instead of the past one:
  // Thursday against Fri 2017-02-24 is "[2017-02-23,2017-03-02]". A single
  // day when both coincide (the anchor is a Thursday). Default: false.
  bool weekday_either = false;
};

// A resolved expression: the value and everything that derived it.
struct Resolution {
  // "2017-02-23", "2017-02", "2017-02-27/2017-03-05"; with a sense other
  // than on, the interval it gives ("../2015-12-31").
  Edtf value;
  Anchor anchor;              // what it was resolved against
  Rule rule = Rule::today;    // the rule applied
  Tense tense = Tense::none;  // the tense used (stated or assumed)
  bool tense_stated = false;  // true when the phrase stated the tense
  // The displacement from the anchor to the start of the day or period
  // the rule names (before the sense widens it), one per alternative (two
  // for a one-of set).
  std::vector<Offset> offsets;
  Expression expression;  // the expression resolved, with its phrase

  bool operator==(const Resolution&) const = default;
};

// Turns a phrase into an Expression.
// Success: exactly one time expression was recognised; its rule and
// parameters, the tense markers found outside it, the phrase, and the
// matched part. Error: parley::Error with Errc::unresolved, where() the
// phrase, when no expression or more than one is recognised.
Expression parse_expression(std::string_view phrase, Lang lang);

// Resolves `expression` against `anchor`.
// Error: parley::Error with Errc::unresolved, where() the phrase (or the
// rule's name for a hand-built expression), when a parameter the rule needs
// is missing or the day does not exist (2017-02-31, 2017-02-29).
Resolution resolve(const Expression& expression, const Anchor& anchor,
                   const ResolveOptions& options = {});

// parse_expression then resolve.
Resolution resolve(std::string_view phrase, Lang lang, const Anchor& anchor,
                   const ResolveOptions& options = {});

// JSON. An Expression is an object with its rule and the fields the rule
// reads: {"rule":"day_of_this_month","tense":"future","day":23,
// "phrase":"…","matched":"…"}; weekdays are lowercase English names
// ("thursday"), months numbers 1-12, units "day"/"week"/"month". An Anchor
// is {"day":"2017-02-16","zone":"Asia/Almaty","time":"2017-02-16?"}; a
// Resolution is {"value","anchor","rule","tense","tense_stated","offsets",
// "expression"} with offsets as ISO 8601 durations ("-P1D"). A stored
// resolution is re-derived by reading its expression back and resolving it
// against the (corrected) anchor, so only Expression has from_json.
// from_json throws parley::Error (Errc::bad_document, where() the JSON
// path) for a missing rule, an unknown name, or a value out of range.
void to_json(nlohmann::json& j, const Expression& expression);
void from_json(const nlohmann::json& j, Expression& expression);
void to_json(nlohmann::json& j, const Anchor& anchor);
void to_json(nlohmann::json& j, const Resolution& resolution);

}  // namespace parley

#endif  // PARLEY_RELATIVE_HPP
