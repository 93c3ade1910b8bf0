// Tests for parley/relative.hpp.
//
// Every expected value below was worked out by hand from the calendar:
// 2017-02-01 is a Wednesday, so in February 2017 the Thursdays are the 2nd,
// 9th, 16th and 23rd, the Fridays the 3rd, 10th, 17th and 24th, the Mondays
// the 6th, 13th, 20th and 27th; February 2017 has 28 days; 2017-03-02 is a
// Thursday; 2017-12-30 is a Saturday and 2018-01-01 a Monday; 2016 is a
// leap year. The table anchor is Friday 2017-02-24 (notes/time.md); the
// scenario anchor is Thursday 2017-02-16 (the Astana report).
#include "parley/relative.hpp"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "parley/error.hpp"
#include "parley/time.hpp"

namespace {

using parley::Lang;
using parley::ResolveOptions;
using parley::Rule;
using parley::Tense;

// The EDTF text a phrase resolves to, or "unresolved" / "error:<code>".
std::string resolved(std::string_view phrase, Lang lang,
                     std::string_view anchor,
                     const ResolveOptions& options = {}) {
  try {
    const parley::Anchor a = parley::Anchor::from(parley::Edtf::parse(anchor));
    return parley::resolve(phrase, lang, a, options).value.str();
  } catch (const parley::Error& e) {
    if (e.code() == parley::Errc::unresolved) return "unresolved";
    return "error:" + std::string(parley::to_string(e.code()));
  }
}

struct Case {
  const char* phrase;
  const char* anchor;
  const char* expected;
};

void check_cases(const std::vector<Case>& cases, Lang lang,
                 const ResolveOptions& options = {}) {
  for (const Case& c : cases) {
    CAPTURE(c.phrase);
    CAPTURE(c.anchor);
    CHECK(resolved(c.phrase, lang, c.anchor, options) == c.expected);
  }
}

constexpr const char* fri = "2017-02-24";  // the table's anchor
constexpr const char* thu = "2017-02-16";  // the scenario's anchor
constexpr const char* planned = "2017-02-15";

}  // namespace

// ---------------------------------------------------------------- English

TEST_CASE("relative en: the rows of notes/time.md, anchor Fri 2017-02-24") {
  check_cases(
      {
          {"on Thursday", fri, "2017-02-23"},
          {"Thursday", fri, "2017-02-23"},
          {"the talks will resume on Thursday", fri, "2017-03-02"},
          {"the round is to open on Thursday", fri, "2017-03-02"},
          {"talks scheduled for Thursday", fri, "2017-03-02"},
          {"last Thursday", fri, "2017-02-23"},
          {"next Thursday", fri, "2017-03-02"},
          {"the 23rd of this month", fri, "2017-02-23"},
          {"in February", fri, "2017-02"},
          {"next week", fri, "2017-02-27/2017-03-05"},
          {"yesterday", fri, "2017-02-23"},
          {"tomorrow", fri, "2017-02-25"},
          {"a day late", planned, "2017-02-16"},
          {"the round began a day later than planned", planned, "2017-02-16"},
      },
      Lang::en);
}

TEST_CASE("relative en: weekdays") {
  check_cases(
      {
          {"on Friday", fri, "2017-02-24"},  // the anchor's own weekday
          {"last Friday", fri, "2017-02-17"},
          {"next Friday", fri, "2017-03-03"},
          {"on Monday", fri, "2017-02-20"},
          {"they will meet on Monday", fri, "2017-02-27"},
          {"this coming Wednesday", fri, "2017-03-01"},
          {"the previous Sunday", fri, "2017-02-19"},
          {"Thursday last", fri, "2017-02-23"},
          {"on Thu", fri, "2017-02-23"},
          {"on Thursday", thu, "2017-02-16"},
          {"he said the talks will resume on Thursday", fri, "2017-03-02"},
          {"the talks were scheduled for Wednesday", fri, "2017-02-22"},
          {"talks stalled on Thursday due to the late arrival", fri,
           "2017-02-23"},
      },
      Lang::en);
}

TEST_CASE("relative en: days, weeks and months around the anchor") {
  check_cases(
      {
          {"today", fri, "2017-02-24"},
          {"the day before yesterday", fri, "2017-02-22"},
          {"the day after tomorrow", fri, "2017-02-26"},
          {"the following day", "2017-02-28", "2017-03-01"},
          {"tomorrow", "2017-12-31", "2018-01-01"},
          {"three days later", fri, "2017-02-27"},
          {"3 days later", fri, "2017-02-27"},
          {"two weeks earlier", fri, "2017-02-10"},
          {"three days ago", fri, "2017-02-21"},
          {"in 10 days", fri, "2017-03-06"},
          {"a week later", fri, "2017-03-03"},
          {"last week", fri, "2017-02-13/2017-02-19"},
          {"this week", fri, "2017-02-20/2017-02-26"},
          {"next week", "2017-12-30", "2018-01-01/2018-01-07"},
          {"next month", fri, "2017-03"},
          {"last month", fri, "2017-01"},
          {"this month", fri, "2017-02"},
          {"next month", "2017-12-30", "2018-01"},
      },
      Lang::en);
}

TEST_CASE("relative en: days of this month and of named months") {
  check_cases(
      {
          {"on the twenty-third of this month", fri, "2017-02-23"},
          {"the 1st of the month", fri, "2017-02-01"},
          {"28th of this month", fri, "2017-02-28"},
          {"the 29th of this month", "2016-02-10", "2016-02-29"},
          {"on 23 February", fri, "2017-02-23"},
          {"February 23rd, 2017", fri, "2017-02-23"},
          {"the 23rd of February 2016", fri, "2016-02-23"},
          {"on Feb 23", thu, "2017-02-23"},
          {"in March", fri, "2017-03"},
          {"in May", fri, "2017-05"},
          {"the next round will be held in January", fri, "2018-01"},
          {"talks were held in December", fri, "2016-12"},
          {"last February", fri, "2016-02"},
          {"next February", fri, "2018-02"},
          {"next March", fri, "2017-03"},
          {"in February 2016", fri, "2016-02"},
      },
      Lang::en);
}

TEST_CASE("relative en: a weekday with a date, and days of other months") {
  check_cases(
      {
          {"on Sunday the 26th", fri, "2017-02-26"},
          {"on Monday the 26th", fri, "unresolved"},  // the 26th is a Sunday
          {"Thursday, February 23, 2017", fri, "2017-02-23"},
          {"Friday 23 February", fri, "unresolved"},  // the 23rd is a Thursday
          {"the 3rd of next month", fri, "2017-03-03"},
          {"the 20th of last month", fri, "2017-01-20"},
          {"the 5th of next month", "2017-12-30", "2018-01-05"},
          {"today, Friday", fri, "2017-02-24"},
          {"yesterday (Thursday)", fri, "2017-02-23"},
          {"tomorrow Friday", fri, "unresolved"},  // the 25th is a Saturday
      },
      Lang::en);
}

TEST_CASE("relative en: late and early against the planned date") {
  check_cases(
      {
          {"two days late", planned, "2017-02-17"},
          {"a day behind schedule", planned, "2017-02-16"},
          {"after a one day delay", planned, "2017-02-16"},
          {"delayed by a week", planned, "2017-02-22"},
          {"a day early", planned, "2017-02-14"},
          {"one day earlier than scheduled", planned, "2017-02-14"},
      },
      Lang::en);
}

TEST_CASE("relative en: what cannot be resolved is refused") {
  check_cases(
      {
          {"the 31st of this month", fri, "unresolved"},
          {"the 29th of this month", fri, "unresolved"},
          {"the 31st of this month", "2017-04-10", "unresolved"},
          {"February 29", fri, "unresolved"},
          {"sometime soon", fri, "unresolved"},
          {"talks may resume", fri, "unresolved"},
          {"on the 23rd", fri, "unresolved"},
          {"on Thursday, a day late", fri, "unresolved"},
          {"Thursday next week", fri, "unresolved"},
          {"", fri, "unresolved"},
      },
      Lang::en);
}

TEST_CASE("relative en: tense options") {
  ResolveOptions either;
  either.weekday_either = true;
  CHECK(resolved("on Thursday", Lang::en, fri, either) ==
        "[2017-02-23,2017-03-02]");
  // The anchor's own weekday: both readings are the same day.
  CHECK(resolved("on Friday", Lang::en, fri, either) == "2017-02-24");
  // A stated tense wins over the option.
  CHECK(resolved("they will meet on Thursday", Lang::en, fri, either) ==
        "2017-03-02");

  ResolveOptions future;
  future.default_tense = Tense::future;
  CHECK(resolved("Thursday", Lang::en, fri, future) == "2017-03-02");
  CHECK(resolved("it was held on Thursday", Lang::en, fri, future) ==
        "2017-02-23");
  CHECK(resolved("in January", Lang::en, fri, future) == "2018-01");

  ResolveOptions past;
  past.default_tense = Tense::past;
  CHECK(resolved("in March", Lang::en, fri, past) == "2016-03");
  CHECK(resolved("on 25 February", Lang::en, fri, past) == "2016-02-25");
  CHECK(resolved("on 23 February", Lang::en, fri, past) == "2017-02-23");
}

// ----------------------------------------------------------------- Arabic

TEST_CASE("relative ar: the rows of notes/time.md, anchor Fri 2017-02-24") {
  check_cases(
      {
          {"الخميس", fri, "2017-02-23"},
          {"يوم الخميس", fri, "2017-02-23"},
          {"سوف تعقد الجلسة يوم الخميس", fri, "2017-03-02"},
          {"ستعقد الجلسة الخميس", fri, "2017-03-02"},
          {"الجلسة المقررة الخميس", fri, "2017-03-02"},
          {"المحادثات المرتقبة الخميس", fri, "2017-03-02"},
          {"الخميس الماضي", fri, "2017-02-23"},
          {"الخميس المقبل", fri, "2017-03-02"},
          {"الخميس القادم", fri, "2017-03-02"},
          {"الثالث والعشرين من الشهر الحالي", fri, "2017-02-23"},
          {"23 من الشهر الجاري", fri, "2017-02-23"},
          {"٢٣ من هذا الشهر", fri, "2017-02-23"},
          {"في شباط", fri, "2017-02"},
          {"في فبراير", fri, "2017-02"},
          {"الأسبوع المقبل", fri, "2017-02-27/2017-03-05"},
          {"أمس", fri, "2017-02-23"},
          {"غداً", fri, "2017-02-25"},
          {"متأخرة يوماً", planned, "2017-02-16"},
      },
      Lang::ar);
}

TEST_CASE("relative ar: the Astana report, anchor Thu 2017-02-16") {
  check_cases(
      {
          {"الخميس", thu, "2017-02-16"},
          {"صباح الخميس", thu, "2017-02-16"},
          {"متأخرة يوماً", planned, "2017-02-16"},
          {"متأخرة يوماً عن الموعد المحدد سلفاً", planned, "2017-02-16"},
          {"الثالث والعشرين من الشهر الحالي", thu, "2017-02-23"},
          {"محادثات جنيف ستكون في الثالث والعشرين من الشهر الحالي", thu,
           "2017-02-23"},
          {"في الثالث والعشرين من فبراير", thu, "2017-02-23"},
          {"محادثات جنيف التي ننوي عقدها في الثالث والعشرين من فبراير", thu,
           "2017-02-23"},
          {"٢٣ من الشهر الحالي", thu, "2017-02-23"},
      },
      Lang::ar);
}

TEST_CASE("relative ar: weekdays, days, weeks and months") {
  check_cases(
      {
          {"الجمعة الماضية", fri, "2017-02-17"},
          {"الجمعة المقبلة", fri, "2017-03-03"},
          {"يوم الاثنين", fri, "2017-02-20"},
          {"سيلتقي الوفدان الإثنين", fri, "2017-02-27"},
          {"وبدأت المحادثات الخميس", fri, "2017-02-23"},
          {"الخَمِيس", fri, "2017-02-23"},
          {"الخمـــيس", fri, "2017-02-23"},
          {"اليوم", fri, "2017-02-24"},
          {"أول أمس", fri, "2017-02-22"},
          {"بعد غد", fri, "2017-02-26"},
          {"في اليوم التالي", "2017-02-28", "2017-03-01"},
          {"بعد يومين", fri, "2017-02-26"},
          {"قبل ثلاثة أيام", fri, "2017-02-21"},
          {"بعد أسبوع", fri, "2017-03-03"},
          {"منذ أسبوعين", fri, "2017-02-10"},
          {"بعد ١٠ أيام", fri, "2017-03-06"},
          {"الأسبوع الماضي", fri, "2017-02-13/2017-02-19"},
          {"هذا الأسبوع", fri, "2017-02-20/2017-02-26"},
          {"الشهر المقبل", fri, "2017-03"},
          {"الشهر الماضي", fri, "2017-01"},
          {"الشهر الحالي", fri, "2017-02"},
          {"هذا الشهر", fri, "2017-02"},
      },
      Lang::ar);
}

TEST_CASE("relative ar: Levantine and Egyptian/Gulf month names") {
  check_cases(
      {
          {"في كانون الثاني", fri, "2017-01"},
          {"يناير", fri, "2017-01"},
          {"شباط", fri, "2017-02"},
          {"في آذار", fri, "2017-03"},
          {"مارس", fri, "2017-03"},
          {"نيسان", fri, "2017-04"},
          {"أبريل", fri, "2017-04"},
          {"إبريل", fri, "2017-04"},
          {"أيار", fri, "2017-05"},
          {"مايو", fri, "2017-05"},
          {"حزيران", fri, "2017-06"},
          {"يونيو", fri, "2017-06"},
          {"يونيه", fri, "2017-06"},
          {"تموز", fri, "2017-07"},
          {"يوليو", fri, "2017-07"},
          {"يوليه", fri, "2017-07"},
          {"في آب", fri, "2017-08"},
          {"أغسطس", fri, "2017-08"},
          {"أيلول", fri, "2017-09"},
          {"سبتمبر", fri, "2017-09"},
          {"تشرين الأول", fri, "2017-10"},
          {"أكتوبر", fri, "2017-10"},
          {"تشرين الثاني", fri, "2017-11"},
          {"نوفمبر", fri, "2017-11"},
          {"كانون الأول", fri, "2017-12"},
          {"ديسمبر", fri, "2017-12"},
          {"شباط الماضي", fri, "2016-02"},
          {"آذار المقبل", fri, "2017-03"},
          {"سيعقد الاجتماع في يناير", fri, "2018-01"},
          {"عقدت الجولة في ديسمبر", fri, "2016-12"},
          {"شباط 2016", fri, "2016-02"},
      },
      Lang::ar);
}

TEST_CASE("relative ar: ordinal days and dates of named months") {
  check_cases(
      {
          {"الأول من الشهر الحالي", fri, "2017-02-01"},
          {"الخامس من الشهر الحالي", fri, "2017-02-05"},
          {"العاشر من الشهر الحالي", fri, "2017-02-10"},
          {"الحادي عشر من الشهر الحالي", fri, "2017-02-11"},
          {"الثاني عشر من هذا الشهر", fri, "2017-02-12"},
          {"ثالث عشر من الشهر الجاري", fri, "2017-02-13"},
          {"التاسع عشر من الشهر الحالي", fri, "2017-02-19"},
          {"العشرين من الشهر الحالي", fri, "2017-02-20"},
          {"الحادي والعشرين من الشهر الحالي", fri, "2017-02-21"},
          {"الثامن والعشرين من الشهر الحالي", fri, "2017-02-28"},
          {"الثلاثين من الشهر الحالي", "2017-03-10", "2017-03-30"},
          {"الحادي والثلاثين من الشهر الحالي", "2017-03-10", "2017-03-31"},
          {"ثالث وعشرين من الشهر الحالي", fri, "2017-02-23"},
          {"حادي عشر من الشهر الحالي", fri, "2017-02-11"},
          {"عشرين من الشهر الحالي", fri, "2017-02-20"},
          {"الحادي والعشرون من الشهر الحالي", fri, "2017-02-21"},
          {"السابع و العشرين من الشهر الحالي", fri, "2017-02-27"},
          {"الأول من آذار", fri, "2017-03-01"},
          {"في الحادي عشر من تشرين الثاني", fri, "2017-11-11"},
          {"٢٣ فبراير ٢٠١٧", "2018-05-01", "2017-02-23"},
          {"في ٢٣ شباط", fri, "2017-02-23"},
          {"23 شباط/فبراير", fri, "2017-02-23"},
          {"الثاني من كانون الثاني", fri, "2017-01-02"},
      },
      Lang::ar);
}

TEST_CASE("relative ar: a weekday with a date, and days of other months") {
  check_cases(
      {
          {"الخميس 23 شباط", fri, "2017-02-23"},
          {"يوم الخميس الموافق 23 من الشهر الجاري", fri, "2017-02-23"},
          {"الخميس الثالث والعشرين من فبراير", fri, "2017-02-23"},
          {"الأحد 26", fri, "2017-02-26"},
          {"الاثنين 26", fri, "unresolved"},  // the 26th is a Sunday
          {"3 من الشهر المقبل", fri, "2017-03-03"},
          {"العشرين من الشهر الماضي", fri, "2017-01-20"},
          {"الخامس من الشهر القادم", "2017-12-30", "2018-01-05"},
          {"اليوم الجمعة", fri, "2017-02-24"},
          {"أمس الخميس", fri, "2017-02-23"},
          {"غدا الأحد", fri, "unresolved"},  // the 25th is a Saturday
      },
      Lang::ar);
}

TEST_CASE("relative ar: late against the planned date") {
  check_cases(
      {
          {"متأخرة يومين", planned, "2017-02-17"},
          {"متأخرين بيوم واحد", planned, "2017-02-16"},
          {"بتأخير ثلاثة أيام", planned, "2017-02-18"},
          {"بعد يوم من الموعد المقرر", planned, "2017-02-16"},
          {"مبكرة يوماً", planned, "2017-02-14"},
      },
      Lang::ar);
}

TEST_CASE("relative ar: what cannot be resolved is refused") {
  check_cases(
      {
          {"الثلاثين من الشهر الحالي", fri, "unresolved"},
          {"الحادي والثلاثين من الشهر الجاري", fri, "unresolved"},
          {"التاسع والعشرين من شباط", fri, "unresolved"},
          {"قريباً", fri, "unresolved"},
          {"الخميس متأخرة يوماً", fri, "unresolved"},
          {"متأخرة عن الموعد المحدد", planned, "unresolved"},
          {"في اليوم الأول", fri, "unresolved"},
      },
      Lang::ar);
}

TEST_CASE("relative ar: a bare weekday with the either option") {
  ResolveOptions either;
  either.weekday_either = true;
  CHECK(resolved("الخميس", Lang::ar, fri, either) == "[2017-02-23,2017-03-02]");
  CHECK(resolved("الخميس", Lang::ar, thu, either) == "2017-02-16");
  CHECK(resolved("الخميس الماضي", Lang::ar, fri, either) == "2017-02-23");
}

// ------------------------------------------------------- the API itself

TEST_CASE("relative: a resolution keeps the anchor, rule, offset and phrase") {
  const parley::Anchor anchor(date::year{2017} / 2 / 16, "Asia/Almaty");
  const std::string phrase =
      "مشيراً إلى أن محادثات جنيف ستكون في الثالث والعشرين من الشهر الحالي";
  const parley::Resolution r = parley::resolve(phrase, Lang::ar, anchor);
  CHECK(r.value.str() == "2017-02-23");
  CHECK(r.rule == Rule::day_of_this_month);
  REQUIRE(r.offsets.size() == 1);
  CHECK(parley::to_string(r.offsets[0]) == "P7D");
  CHECK(r.anchor == anchor);
  CHECK(r.anchor.zone() == "Asia/Almaty");
  CHECK(r.anchor.time().str() == "2017-02-16");
  CHECK(r.expression.phrase == phrase);
  CHECK(r.expression.matched == "في الثالث والعشرين من الشهر الحالي");
  CHECK(r.expression.day == 23u);
  CHECK(r.tense == Tense::future);  // ستكون
  CHECK(r.tense_stated);
}

TEST_CASE("relative: offsets of the table's rules") {
  const parley::Anchor fri_anchor(date::year{2017} / 2 / 24);
  const auto offset = [&](std::string_view phrase, Lang lang) {
    const auto r = parley::resolve(phrase, lang, fri_anchor);
    std::string text;
    for (const auto& o : r.offsets) text += parley::to_string(o) + " ";
    return text;
  };
  CHECK(offset("Thursday", Lang::en) == "-P1D ");
  CHECK(offset("next Thursday", Lang::en) == "P6D ");
  CHECK(offset("next week", Lang::en) == "P1W ");
  CHECK(offset("in January", Lang::en) == "-P1M ");
  CHECK(offset("three weeks later", Lang::en) == "P3W ");
  CHECK(offset("أمس", Lang::ar) == "-P1D ");
  ResolveOptions either;
  either.weekday_either = true;
  const auto r = parley::resolve("الخميس", Lang::ar, fri_anchor, either);
  REQUIRE(r.offsets.size() == 2);
  CHECK(parley::to_string(r.offsets[0]) == "-P1D");
  CHECK(parley::to_string(r.offsets[1]) == "P6D");
  CHECK(r.tense == Tense::none);
  CHECK_FALSE(r.tense_stated);
}

TEST_CASE("relative: structured expressions resolve without a phrase") {
  parley::Expression late;
  late.rule = Rule::late;
  late.count = 1;
  const auto planned_anchor =
      parley::Anchor::from(parley::Edtf::parse(planned));
  CHECK(parley::resolve(late, planned_anchor).value.str() == "2017-02-16");

  parley::Expression missing;
  missing.rule = Rule::weekday;  // no weekday given
  try {
    (void)parley::resolve(missing, planned_anchor);
    FAIL("expected an error");
  } catch (const parley::Error& e) {
    CHECK(e.code() == parley::Errc::unresolved);
    CHECK(e.where() == "weekday");
  }
}

TEST_CASE("relative: an unresolvable phrase names itself in the error") {
  const parley::Anchor anchor(date::year{2017} / 2 / 24);
  try {
    (void)parley::resolve("the 31st of this month", Lang::en, anchor);
    FAIL("expected an error");
  } catch (const parley::Error& e) {
    CHECK(e.code() == parley::Errc::unresolved);
    CHECK(e.where() == "the 31st of this month");
    CHECK(std::string(e.what()).find("February 2017 has no day 31") !=
          std::string::npos);
  }
}

TEST_CASE("relative: anchors from EDTF values") {
  // An uncertain anchor makes an uncertain result.
  CHECK(resolved("next week", Lang::en, "2017-02-16?") ==
        "2017-02-20?/2017-02-26?");
  CHECK(resolved("الخميس", Lang::ar, "2017-02-16~") == "2017-02-16~");
  // A date-time anchor is taken to its day in the anchor's zone: 22:00 UTC
  // on the 15th is 04:00 on the 16th in Almaty, a Thursday.
  const auto at = parley::Anchor::from(
      parley::Edtf::parse("2017-02-15T22:00:00Z"), "Asia/Almaty");
  CHECK(date::format("%F", at.day()) == "2017-02-16");
  const auto written =
      parley::Anchor::from(parley::Edtf::parse("2017-02-15T22:00:00Z"));
  CHECK(date::format("%F", written.day()) == "2017-02-15");
  // An instant read in a zone: 20:00 UTC on the 15th is 02:00 on the 16th
  // in Almaty.
  const auto instant = parley::Anchor::at(
      date::sys_days{date::year{2017} / 2 / 15} + std::chrono::hours{20},
      "Asia/Almaty");
  CHECK(date::format("%F", instant.day()) == "2017-02-16");
  CHECK(instant.time().str() == "2017-02-16T02:00:00+06:00");
  CHECK(parley::resolve("yesterday", Lang::en, instant).value.str() ==
        "2017-02-15");
  // Not one day: refused.
  CHECK(resolved("yesterday", Lang::en, "2017-02") == "unresolved");
  CHECK(resolved("yesterday", Lang::en, "2017-02-15/2017-02-16") ==
        "unresolved");
  // An unknown zone.
  try {
    parley::Anchor bad(date::year{2017} / 2 / 16, "Asia/Nowhere");
    FAIL("expected an error");
  } catch (const parley::Error& e) {
    CHECK(e.code() == parley::Errc::bad_value);
  }
}

TEST_CASE("relative: Arabic normalisation") {
  CHECK(parley::normalize_arabic("أإآٱ") == "اااا");
  CHECK(parley::normalize_arabic("متأخرةً يوماً") == "متاخره يوما");
  CHECK(parley::normalize_arabic("الخمـــيس") == "الخميس");
  CHECK(parley::normalize_arabic("على") == "علي");
  CHECK(parley::normalize_arabic("٢٣ ۱۹") == "23 19");
  CHECK(parley::normalize_arabic("Geneva 23") == "Geneva 23");
  CHECK(parley::detect_language("الخميس") == Lang::ar);
  CHECK(parley::detect_language("Thursday") == Lang::en);
}

TEST_CASE("relative: JSON round-trips an expression and re-derives a value") {
  const parley::Anchor published(date::year{2017} / 2 / 16, "Asia/Almaty");
  const parley::Resolution r =
      parley::resolve("الخميس المقبل", Lang::ar, published);
  CHECK(r.value.str() == "2017-02-23");  // Thu 16th + 7 days

  const nlohmann::json j = r;
  CHECK(j["value"] == "2017-02-23");
  CHECK(j["rule"] == "next_weekday");
  CHECK(j["offsets"] == nlohmann::json::array({"P7D"}));
  CHECK(j["anchor"]["day"] == "2017-02-16");
  CHECK(j["anchor"]["zone"] == "Asia/Almaty");
  CHECK(j["expression"]["weekday"] == "thursday");

  const auto back = j["expression"].get<parley::Expression>();
  CHECK(back == r.expression);

  // The source turns out to be from Monday 2017-02-20: the next Thursday is
  // then the 23rd as well; from Friday the 24th it is 2017-03-02.
  const parley::Anchor monday(date::year{2017} / 2 / 20);
  CHECK(parley::resolve(back, monday).value.str() == "2017-02-23");
  const parley::Anchor friday(date::year{2017} / 2 / 24);
  CHECK(parley::resolve(back, friday).value.str() == "2017-03-02");

  parley::Expression dated;
  dated.rule = Rule::day_of_month;
  dated.day = 23;
  dated.month = date::February;
  dated.year = date::year{2017};
  dated.tense = Tense::future;
  CHECK(nlohmann::json(dated).get<parley::Expression>() == dated);
}

TEST_CASE("relative: JSON refuses unknown names") {
  const auto code = [](const char* text) {
    try {
      (void)nlohmann::json::parse(text).get<parley::Expression>();
    } catch (const parley::Error& e) {
      return std::string(parley::to_string(e.code())) + " " + e.where();
    }
    return std::string("accepted");
  };
  CHECK(code(R"({"rule":"fortnight"})") == "bad_document /rule");
  CHECK(code(R"({"day":3})") == "bad_document /rule");
  CHECK(code(R"({"rule":"weekday","weekday":"thor"})") ==
        "bad_document /weekday");
  CHECK(code(R"({"rule":"day_of_this_month","day":32})") ==
        "bad_document /day");
  CHECK(code(R"({"rule":"today"})") == "accepted");
}
