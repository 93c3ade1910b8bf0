// The phrases agreements and implementation calendars use (issue 11): years,
// "the N-th day after X", "no later than", "within N days" (a window, not a
// day), "by the end of", D-day offsets; English and Arabic. Each case checks
// the rule, the sense, the offset from the anchor and the value; expected
// values are worked out by hand from the calendar:
//   2017-02-16 is a Thursday; February 2017 has 28 days, so Feb 16 + 12 days
//   is Feb 28, + 14 is Mar 2, + 21 is Mar 9, + 30 is Mar 18, + 180 is Aug 15
//   (Mar 31 = +43, Apr 30 = +73, May 31 = +104, Jun 30 = +134, Jul 31 =
//   +165); 2016-12-20 + 21 is 2017-01-10; 2016-12-01 + 90 is 2017-03-01.
#include <string>
#include <vector>

#include <date/date.h>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/error.hpp"
#include "parley/relative.hpp"

namespace {

struct Case {
  const char* phrase;
  const char* anchor;
  const char* rule;
  const char* sense;
  const char* offset;
  const char* value;
};

constexpr const char* thu = "2017-02-16";

void check(const std::vector<Case>& cases, parley::Lang lang) {
  for (const Case& c : cases) {
    CAPTURE(c.phrase);
    const parley::Anchor anchor =
        parley::Anchor::from(parley::Edtf::parse(c.anchor));
    const parley::Resolution r = parley::resolve(c.phrase, lang, anchor);
    CHECK(to_string(r.rule) == c.rule);
    CHECK(to_string(r.expression.sense) == c.sense);
    REQUIRE(r.offsets.size() == 1);
    CHECK(to_string(r.offsets[0]) == c.offset);
    CHECK(r.value.str() == c.value);
    CHECK(r.anchor.time().str() == c.anchor);
  }
}

}  // namespace

TEST_CASE("agreement phrases, English: rule, sense, anchor and value") {
  check(
      {
          {"last year", thu, "last_year", "on", "-P1Y", "2016"},
          {"the previous year", thu, "last_year", "on", "-P1Y", "2016"},
          {"next year", thu, "next_year", "on", "P1Y", "2018"},
          {"the following year", thu, "next_year", "on", "P1Y", "2018"},
          {"this year", thu, "this_year", "on", "P0Y", "2017"},
          {"in 2015", thu, "year", "on", "-P2Y", "2015"},
          {"next month", thu, "next_month", "on", "P1M", "2017-03"},
          {"last month", "2017-01-10", "last_month", "on", "-P1M", "2016-12"},
          {"the second day after the ceasefire", thu, "day_after", "on", "P2D",
           "2017-02-18"},
          {"on the third day after the agreement enters into force", thu,
           "day_after", "on", "P3D", "2017-02-19"},
          {"the 10th day following the withdrawal", thu, "day_after", "on",
           "P10D", "2017-02-26"},
          {"the first day after", "2017-02-28", "day_after", "on", "P1D",
           "2017-03-01"},
          {"no later than the second day after the ceasefire", thu, "day_after",
           "no_later_than", "P2D", "../2017-02-18"},
          {"not later than the tenth day after the withdrawal is completed",
           thu, "day_after", "no_later_than", "P10D", "../2017-02-26"},
          {"within 14 days", thu, "later", "within", "P14D",
           "2017-02-16/2017-03-02"},
          {"within 30 days of signing", thu, "later", "within", "P30D",
           "2017-02-16/2017-03-18"},
          {"within 21 days", "2016-12-20", "later", "within", "P21D",
           "2016-12-20/2017-01-10"},
          {"within two weeks", thu, "later", "within", "P2W",
           "2017-02-16/2017-03-02"},
          {"within 14 days", "2017-02-16?", "later", "within", "P14D",
           "2017-02-16?/2017-03-02?"},
          {"14 days later", thu, "later", "on", "P14D", "2017-03-02"},
          {"by the end of 2015", thu, "year", "no_later_than", "-P2Y",
           "../2015-12-31"},
          {"by the end of the year", thu, "this_year", "no_later_than", "P0Y",
           "../2017-12-31"},
          {"by the end of next month", thu, "next_month", "no_later_than",
           "P1M", "../2017-03-31"},
          {"by the end of this month", thu, "this_month", "no_later_than",
           "P0M", "../2017-02-28"},
          {"a week after the signing", thu, "later", "on", "P1W", "2017-02-23"},
          {"D+180", thu, "d_day", "on", "P180D", "2017-08-15"},
          {"D-day + 180", thu, "d_day", "on", "P180D", "2017-08-15"},
          {"D+90", "2016-12-01", "d_day", "on", "P90D", "2017-03-01"},
          {"D-7", thu, "d_day", "on", "-P7D", "2017-02-09"},
          {"not before next month", thu, "next_month", "not_before", "P1M",
           "2017-03-01/.."},
          {"no earlier than 1 March", thu, "day_of_month", "not_before", "P13D",
           "2017-03-01/.."},
          {"on 1 March at the latest", thu, "day_of_month", "no_later_than",
           "P13D", "../2017-03-01"},
          {"by next Thursday", thu, "next_weekday", "no_later_than", "P7D",
           "../2017-02-23"},
      },
      parley::Lang::en);
}

TEST_CASE("agreement phrases, Arabic: rule, sense, anchor and value") {
  check(
      {
          {"العام الماضي", thu, "last_year", "on", "-P1Y", "2016"},
          {"السنة الماضية", thu, "last_year", "on", "-P1Y", "2016"},
          {"العام المنصرم", thu, "last_year", "on", "-P1Y", "2016"},
          {"العام المقبل", thu, "next_year", "on", "P1Y", "2018"},
          {"السنة القادمة", thu, "next_year", "on", "P1Y", "2018"},
          {"هذا العام", thu, "this_year", "on", "P0Y", "2017"},
          {"العام الجاري", thu, "this_year", "on", "P0Y", "2017"},
          {"في عام 2015", thu, "year", "on", "-P2Y", "2015"},
          {"عام ٢٠١٥", thu, "year", "on", "-P2Y", "2015"},
          {"الشهر المقبل", thu, "next_month", "on", "P1M", "2017-03"},
          {"الشهر الماضي", thu, "last_month", "on", "-P1M", "2017-01"},
          {"اليوم الثاني بعد وقف إطلاق النار", thu, "day_after", "on", "P2D",
           "2017-02-18"},
          {"في اليوم الثالث بعد دخول الاتفاق حيز التنفيذ", thu, "day_after",
           "on", "P3D", "2017-02-19"},
          {"اليوم العاشر التالي للانسحاب", thu, "day_after", "on", "P10D",
           "2017-02-26"},
          {"في موعد لا يتجاوز اليوم الثالث بعد دخول الاتفاق حيز التنفيذ", thu,
           "day_after", "no_later_than", "P3D", "../2017-02-19"},
          {"في موعد أقصاه اليوم العاشر بعد اكتمال الانسحاب", thu, "day_after",
           "no_later_than", "P10D", "../2017-02-26"},
          {"خلال 14 يوماً", thu, "later", "within", "P14D",
           "2017-02-16/2017-03-02"},
          {"خلال ١٤ يوما", thu, "later", "within", "P14D",
           "2017-02-16/2017-03-02"},
          {"في غضون أسبوعين", thu, "later", "within", "P2W",
           "2017-02-16/2017-03-02"},
          {"في غضون 30 يوماً من التوقيع", thu, "later", "within", "P30D",
           "2017-02-16/2017-03-18"},
          {"في مدة لا تتجاوز 21 يوماً", thu, "later", "within", "P21D",
           "2017-02-16/2017-03-09"},
          {"خلال 21 يوماً", "2016-12-20", "later", "within", "P21D",
           "2016-12-20/2017-01-10"},
          {"بعد 14 يوماً", thu, "later", "on", "P14D", "2017-03-02"},
          {"بحلول نهاية عام 2015", thu, "year", "no_later_than", "-P2Y",
           "../2015-12-31"},
          {"بحلول نهاية العام", thu, "this_year", "no_later_than", "P0Y",
           "../2017-12-31"},
          {"بحلول نهاية الشهر المقبل", thu, "next_month", "no_later_than",
           "P1M", "../2017-03-31"},
          {"قبل نهاية العام المقبل", thu, "next_year", "no_later_than", "P1Y",
           "../2018-12-31"},
          {"بعد أسبوع من التوقيع", thu, "later", "on", "P1W", "2017-02-23"},
          {"D+180", thu, "d_day", "on", "P180D", "2017-08-15"},
          {"D+90", "2016-12-01", "d_day", "on", "P90D", "2017-03-01"},
          {"اعتباراً من الشهر المقبل", thu, "next_month", "not_before", "P1M",
           "2017-03-01/.."},
          {"ابتداء من العام المقبل", thu, "next_year", "not_before", "P1Y",
           "2018-01-01/.."},
          {"ليس قبل الخميس المقبل", thu, "next_weekday", "not_before", "P7D",
           "2017-02-23/.."},
          {"في موعد أقصاه ٢٣ شباط", thu, "day_of_month", "no_later_than", "P7D",
           "../2017-02-23"},
          {"بحلول الخميس المقبل", thu, "next_weekday", "no_later_than", "P7D",
           "../2017-02-23"},
      },
      parley::Lang::ar);
}

TEST_CASE("agreement phrases: the sense is kept in the stored expression") {
  const parley::Anchor anchor(date::year{2017} / 2 / 16);
  const parley::Resolution r =
      parley::resolve("no later than the second day after the ceasefire",
                      parley::Lang::en, anchor);
  const nlohmann::json j = r.expression;
  CHECK(j.at("rule") == "day_after");
  CHECK(j.at("sense") == "no_later_than");
  CHECK(j.at("count") == 2);
  // Re-derived against a corrected anchor (the ceasefire a day later).
  const parley::Expression back = j.get<parley::Expression>();
  CHECK(back == r.expression);
  const parley::Anchor moved(date::year{2017} / 2 / 17);
  CHECK(parley::resolve(back, moved).value.str() == "../2017-02-19");
  // D-7 keeps its sign through JSON.
  const parley::Expression before =
      nlohmann::json(parley::parse_expression("D-7", parley::Lang::en))
          .get<parley::Expression>();
  CHECK(before.count == -7);
  CHECK(parley::resolve(before, moved).value.str() == "2017-02-10");
}

TEST_CASE("agreement phrases: what is refused") {
  const parley::Anchor anchor(date::year{2017} / 2 / 16);
  // A negative count is only D-day's.
  parley::Expression later;
  later.rule = parley::Rule::later;
  later.count = -3;
  CHECK_THROWS_AS(parley::resolve(later, anchor), parley::Error);
  // "no later than" a one-of set has no last day to bound.
  parley::Expression weekday;
  weekday.rule = parley::Rule::weekday;
  weekday.weekday = date::Monday;
  weekday.sense = parley::Sense::no_later_than;
  parley::ResolveOptions either;
  either.weekday_either = true;
  CHECK_THROWS_AS(parley::resolve(weekday, anchor, either), parley::Error);
  // A bare number after "by" is not a year ("signed by 2254 members").
  CHECK_THROWS_AS(parley::resolve("signed by Russia", parley::Lang::en, anchor),
                  parley::Error);
}

// Hours against a whole day (the anchor any time of 2017-02-16): 72 hours
// fall on 02-19; 48 on 02-18; 36 on 02-17 or 02-18, so a window of 36
// hours reaches 02-18 and "not before" starts on 02-17; 2 hours on 02-16
// or 02-17. D-day words: D - 7 is 02-09, D + 180 is 08-15 (see above),
// two weeks before is 02-02.
TEST_CASE("agreement phrases, English: hours and D-day in words") {
  check(
      {
          {"within 72 hours", thu, "later", "within", "PT72H",
           "2017-02-16/2017-02-19"},
          {"72 hours later", thu, "later", "on", "PT72H", "2017-02-19"},
          {"no later than 48 hours after the signing", thu, "later",
           "no_later_than", "PT48H", "../2017-02-18"},
          {"within 36 hours", thu, "later", "within", "PT36H",
           "2017-02-16/2017-02-18"},
          {"36 hours later", thu, "later", "on", "PT36H",
           "[2017-02-17,2017-02-18]"},
          {"not before 36 hours after the signing", thu, "later", "not_before",
           "PT36H", "2017-02-17/.."},
          {"D minus 7", thu, "d_day", "on", "-P7D", "2017-02-09"},
          {"D-day minus 7", thu, "d_day", "on", "-P7D", "2017-02-09"},
          {"seven days before D-day", thu, "d_day", "on", "-P7D", "2017-02-09"},
          {"180 days after D-day", thu, "d_day", "on", "P180D", "2017-08-15"},
          {"two weeks prior to D-day", thu, "d_day", "on", "-P2W",
           "2017-02-02"},
          {"no later than D plus 180", thu, "d_day", "no_later_than", "P180D",
           "../2017-08-15"},
          {"D+72 hours", thu, "d_day", "on", "PT72H", "2017-02-19"},
          {"48 hours before D-day", thu, "d_day", "on", "-PT48H", "2017-02-14"},
      },
      parley::Lang::en);
}

TEST_CASE("agreement phrases, Arabic: hours and D-day in words") {
  check(
      {
          {"خلال 72 ساعة", thu, "later", "within", "PT72H",
           "2017-02-16/2017-02-19"},
          {"خلال ٧٢ ساعة", thu, "later", "within", "PT72H",
           "2017-02-16/2017-02-19"},
          {"بعد 72 ساعة", thu, "later", "on", "PT72H", "2017-02-19"},
          {"في موعد لا يتجاوز 48 ساعة من التوقيع", thu, "later",
           "no_later_than", "PT48H", "../2017-02-18"},
          {"خلال ساعتين", thu, "later", "within", "PT2H",
           "2017-02-16/2017-02-17"},
          {"قبل اليوم D بسبعة أيام", thu, "d_day", "on", "-P7D", "2017-02-09"},
          {"سبعة أيام قبل اليوم D", thu, "d_day", "on", "-P7D", "2017-02-09"},
          {"اليوم D + 180", thu, "d_day", "on", "P180D", "2017-08-15"},
          {"بعد اليوم D بـ180 يوماً", thu, "d_day", "on", "P180D", "2017-08-15"},
          {"D-7", thu, "d_day", "on", "-P7D", "2017-02-09"},
          {"بحلول اليوم D + 180", thu, "d_day", "no_later_than", "P180D",
           "../2017-08-15"},
          {"اليوم D + 72 ساعة", thu, "d_day", "on", "PT72H", "2017-02-19"},
      },
      parley::Lang::ar);
}

// On the anchor's clock: 06:00 on Friday 2017-03-10 in New York is 11:00Z
// (EST, -05:00); summer time starts on Sunday 03-12 at 02:00, so 06:00 on
// 03-13 is 10:00Z (EDT, -04:00): 72 hours on the clock, 71 elapsed.
TEST_CASE("agreement phrases: hours count on the anchor's clock") {
  const parley::Anchor six = parley::Anchor::from(
      parley::Edtf::parse("2017-03-10T06:00:00-05:00"), "America/New_York");
  REQUIRE(six.clock());
  const auto within = [&](const char* phrase, parley::Lang lang) {
    return parley::resolve(phrase, lang, six).value.str();
  };
  CHECK(within("within 72 hours", parley::Lang::en) ==
        "2017-03-10T06:00:00-05:00/2017-03-13T06:00:00-04:00");
  CHECK(within("خلال 72 ساعة", parley::Lang::ar) ==
        "2017-03-10T06:00:00-05:00/2017-03-13T06:00:00-04:00");
  CHECK(within("no later than 48 hours after the signing", parley::Lang::en) ==
        "../2017-03-12T06:00:00-04:00");
  CHECK(within("12 hours earlier", parley::Lang::en) ==
        "2017-03-09T18:00:00-05:00");
  // The UTC end is 10:00Z on 03-13: its UTC day bounds the value.
  const parley::Bounds b =
      parley::resolve("72 hours later", parley::Lang::en, six).value.bounds();
  CHECK(parley::to_string(*b.earliest_start) == "2017-03-13");
  // A date-time without a zone keeps its written offset.
  const parley::Anchor utc =
      parley::Anchor::from(parley::Edtf::parse("2016-12-01T04:30:00Z"));
  CHECK(parley::resolve("72 hours later", parley::Lang::en, utc).value.str() ==
        "2016-12-04T04:30:00Z");
  // Day counts still name days.
  CHECK(parley::resolve("within 3 days", parley::Lang::en, six).value.str() ==
        "2017-03-10/2017-03-13");
}
