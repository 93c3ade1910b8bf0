// The Arabic grammar of relative time expressions. Tokens arrive
// normalised (see normalize_arabic), so every word below is written in its
// normalised form: ا for أ إ آ, ي for ى, ه for ة, no diacritics, 0-9 for
// Eastern digits ("الأربعاء" is written "الاربعاء", "متأخرة" "متاخره").
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

#include <date/date.h>

#include "parley/relative.hpp"

#include "relative/grammar.hpp"

namespace parley::detail {
namespace {

constexpr std::string_view definite = "ال";

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The token is `word`, or `word` behind the conjunction و or ف ("والعشرين",
// "فسوف"). Two-letter words take no conjunction: "واب" is not "and August".
bool is_word(std::string_view token, std::string_view word) {
  if (token == word) return true;
  if (code_points(word) < 3 || token.size() != word.size() + 2) return false;
  return (starts_with(token, "و") || starts_with(token, "ف")) &&
         token.substr(2) == word;
}

// As is_word, and also behind the preposition ب ("بيومين", "وبثلاثه").
bool is_word_b(std::string_view token, std::string_view word) {
  if (is_word(token, word)) return true;
  for (std::string_view prefix : {"ب", "وب", "فب"}) {
    if (token.size() == word.size() + prefix.size() &&
        starts_with(token, prefix) && token.substr(prefix.size()) == word) {
      return true;
    }
  }
  return false;
}

bool take(Cursor& c, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (!c.done() && is_word(c.peek(), w)) {
      c.advance();
      return true;
    }
  }
  return false;
}

bool take_b(Cursor& c, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (!c.done() && is_word_b(c.peek(), w)) {
      c.advance();
      return true;
    }
  }
  return false;
}

// Modifiers after a noun: "الماضي", "المقبل", "الحالي" (both genders).
enum class Modifier { none, last, next, current };

Modifier modifier_word(std::string_view w) {
  for (std::string_view m :
       {"الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفائته",
        "السابق", "السابقه", "المنقضي"}) {
    if (w == m) return Modifier::last;
  }
  for (std::string_view m : {"المقبل", "المقبله", "القادم", "القادمه", "الاتي",
                             "الاتيه", "التالي", "التاليه"}) {
    if (w == m) return Modifier::next;
  }
  for (std::string_view m : {"الحالي", "الحاليه", "الجاري", "الجاريه"}) {
    if (w == m) return Modifier::current;
  }
  return Modifier::none;
}

Modifier take_modifier(Cursor& c) {
  const Modifier m = modifier_word(c.peek());
  if (m != Modifier::none) c.advance();
  return m;
}

std::optional<date::weekday> weekday_word(std::string_view token) {
  struct Name {
    std::string_view word;
    date::weekday day;
  };
  static const std::array<Name, 7> names{{
      {"الاحد", date::Sunday},
      {"الاثنين", date::Monday},
      {"الثلاثاء", date::Tuesday},
      {"الاربعاء", date::Wednesday},
      {"الخميس", date::Thursday},
      {"الجمعه", date::Friday},
      {"السبت", date::Saturday},
  }};
  for (const Name& n : names) {
    if (is_word(token, n.word)) return n.day;
  }
  return std::nullopt;
}

// Single-word month names, Levantine and Egyptian/Gulf.
std::optional<date::month> single_month(std::string_view token) {
  struct Name {
    std::string_view word;
    unsigned month;
  };
  static const std::array<Name, 23> names{{
      {"يناير", 1},   {"شباط", 2},    {"فبراير", 2}, {"اذار", 3},
      {"مارس", 3},    {"نيسان", 4},   {"ابريل", 4},  {"ايار", 5},
      {"مايو", 5},    {"حزيران", 6},  {"يونيو", 6},  {"يونيه", 6},
      {"تموز", 7},    {"يوليو", 7},   {"يوليه", 7},  {"اب", 8},
      {"اغسطس", 8},   {"ايلول", 9},   {"سبتمبر", 9}, {"اكتوبر", 10},
      {"نوفمبر", 11}, {"ديسمبر", 12}, {"افريل", 4},
  }};
  for (const Name& n : names) {
    if (is_word(token, n.word)) return date::month{n.month};
  }
  return std::nullopt;
}

// One month name: the two-word Levantine names (كانون الثاني, تشرين الاول,
// تشرين الثاني, كانون الاول) or a single word.
std::optional<date::month> one_month_name(Cursor& c) {
  const std::string_view first = c.peek();
  const std::string_view second = c.peek(1);
  const bool first_ordinal = second == "الاول" || second == "اول";
  const bool second_ordinal = second == "الثاني" || second == "ثاني";
  if (is_word(first, "كانون") && (first_ordinal || second_ordinal)) {
    c.advance(2);
    return first_ordinal ? date::December : date::January;
  }
  if (is_word(first, "تشرين") && (first_ordinal || second_ordinal)) {
    c.advance(2);
    return first_ordinal ? date::October : date::November;
  }
  const auto m = single_month(first);
  if (m) c.advance();
  return m;
}

// A month name; "شباط/فبراير" (both names of one month, as Levantine media
// write them) counts as one.
std::optional<date::month> month_name(Cursor& c) {
  const auto m = one_month_name(c);
  if (!m) return std::nullopt;
  Cursor k = c;
  if (const auto again = one_month_name(k); again && *again == *m) c = k;
  return m;
}

// A month name that is also a common word (مارس "he practised", اب
// "father") needs context: a preposition, شهر, a day, a year, a modifier, or
// nothing else in the phrase.
bool ambiguous_month_word(std::string_view token) {
  return token == "اب" || is_word(token, "مارس");
}

std::optional<date::year> year_number(Cursor& c) {
  const std::string_view w = c.peek();
  if (w.size() != 4) return std::nullopt;
  const auto v = digits_value(w);
  if (!v) return std::nullopt;
  c.advance();
  take(c, {"م", "ميلادي", "ميلاديه"});
  return date::year{static_cast<int>(*v)};
}

std::string_view without_definite(std::string_view w) {
  return starts_with(w, definite) ? w.substr(definite.size()) : w;
}

// Masculine ordinal day words, with and without ال: الاول … العاشر,
// الحادي عشر … التاسع عشر, العشرين, الحادي والعشرين … التاسع والعشرين,
// الثلاثين, الحادي والثلاثين (nominative -ون forms too).
std::optional<unsigned> ordinal_day(Cursor& c) {
  const std::string_view w = without_definite(c.peek());
  if (w == "عشرين" || w == "عشرون") {
    c.advance();
    return 20;
  }
  if (w == "ثلاثين" || w == "ثلاثون") {
    c.advance();
    return 30;
  }
  if (w == "عاشر") {
    c.advance();
    return 10;
  }
  struct Unit {
    std::string_view word;
    unsigned value;
  };
  static const std::array<Unit, 11> units{{
      {"اول", 1},
      {"حادي", 1},
      {"واحد", 1},
      {"ثاني", 2},
      {"ثالث", 3},
      {"رابع", 4},
      {"خامس", 5},
      {"سادس", 6},
      {"سابع", 7},
      {"ثامن", 8},
      {"تاسع", 9},
  }};
  const Unit* unit = nullptr;
  for (const Unit& u : units) {
    if (w == u.word) unit = &u;
  }
  if (!unit) return std::nullopt;
  const bool first = unit->word == "اول";
  const bool compound_only = unit->word == "حادي" || unit->word == "واحد";

  // Teens: الحادي عشر … التاسع عشر.
  if (!first && unit->word != "واحد" && c.peek(1) == "عشر") {
    c.advance(2);
    return 10 + unit->value;
  }
  // Tens: الثالث والعشرين, الحادي والثلاثين; "و" may stand alone.
  std::size_t length = 2;
  std::string_view tens = c.peek(1);
  if (tens == "و") {
    tens = c.peek(2);
    length = 3;
  } else if (starts_with(tens, "و")) {
    tens = tens.substr(2);
  } else {
    tens = {};
  }
  tens = without_definite(tens);
  if (!first && (tens == "عشرين" || tens == "عشرون")) {
    c.advance(length);
    return 20 + unit->value;
  }
  if (!first && unit->value == 1 && (tens == "ثلاثين" || tens == "ثلاثون")) {
    c.advance(length);
    return 31;
  }
  if (compound_only) return std::nullopt;
  c.advance();
  return unit->value;
}

// A day of the month in digits (Eastern digits arrive as 0-9) or words.
std::optional<unsigned> day_number(Cursor& c) {
  if (const auto v = digits_value(c.peek())) {
    if (*v < 1 || *v > 31) return std::nullopt;
    c.advance();
    return static_cast<unsigned>(*v);
  }
  return ordinal_day(c);
}

std::optional<std::int64_t> number_word(std::string_view token) {
  struct Number {
    std::string_view word;
    std::int64_t value;
  };
  static const std::array<Number, 19> numbers{{
      {"واحد", 1}, {"اثنين", 2}, {"اثنان", 2}, {"ثلاث", 3},  {"ثلاثه", 3},
      {"اربع", 4}, {"اربعه", 4}, {"خمس", 5},   {"خمسه", 5},  {"ست", 6},
      {"سته", 6},  {"سبع", 7},   {"سبعه", 7},  {"ثماني", 8}, {"ثمانيه", 8},
      {"ثمان", 8}, {"تسع", 9},   {"تسعه", 9},  {"عشره", 10},
  }};
  for (const Number& n : numbers) {
    if (is_word_b(token, n.word)) return n.value;
  }
  if (const auto v = digits_value(token); v && *v > 0 && *v <= 10000) {
    return v;
  }
  for (std::string_view prefix : {"ب", "وب"}) {
    if (starts_with(token, prefix)) {
      const auto v = digits_value(token.substr(prefix.size()));
      if (v && *v > 0 && *v <= 10000) return v;
    }
  }
  return std::nullopt;
}

// "يوما", "بيومين", "ثلاثه ايام", "بثلاثه ايام", "اسبوعين", "3 اسابيع",
// "يوم واحد", "ساعتين", "72 ساعه", "ثلاث ساعات".
bool count_and_unit(Cursor& c, Expression& e) {
  // "يوم الخميس" is a weekday, not a count of one day.
  if (weekday_word(c.peek(1))) return false;
  if (take_b(c, {"يوم", "يوما"})) {
    e.count = 1;
    e.unit = Unit::day;
    take(c, {"واحد", "واحدا"});
    return true;
  }
  if (take_b(c, {"يومين", "يومان"})) {
    e.count = 2;
    e.unit = Unit::day;
    return true;
  }
  if (take_b(c, {"اسبوع", "اسبوعا"})) {
    e.count = 1;
    e.unit = Unit::week;
    take(c, {"واحد", "واحدا"});
    return true;
  }
  if (take_b(c, {"اسبوعين", "اسبوعان"})) {
    e.count = 2;
    e.unit = Unit::week;
    return true;
  }
  if (take_b(c, {"ساعه"})) {
    e.count = 1;
    e.unit = Unit::hour;
    take(c, {"واحده"});
    return true;
  }
  if (take_b(c, {"ساعتين", "ساعتان"})) {
    e.count = 2;
    e.unit = Unit::hour;
    return true;
  }
  const auto n = number_word(c.peek());
  if (!n) return false;
  const std::string_view unit = c.peek(1);
  if (unit == "ايام" || unit == "يوما" || unit == "يوم") {
    e.unit = Unit::day;
  } else if (unit == "اسابيع" || unit == "اسبوعا" || unit == "اسبوع") {
    e.unit = Unit::week;
  } else if (unit == "ساعه" || unit == "ساعات") {
    e.unit = Unit::hour;
  } else {
    return false;
  }
  e.count = *n;
  c.advance(2);
  return true;
}

// "عن الموعد المحدد سلفا", "من موعدها المقرر": the planned time of the same
// event.
bool planned_reference(Cursor& c) {
  Cursor k = c;
  if (!take(k, {"عن", "من"})) return false;
  if (!take(k, {"الموعد", "موعد", "موعدها", "موعده", "موعدهم", "موعدهما",
                "التاريخ", "تاريخها", "تاريخه"})) {
    return false;
  }
  take(k, {"المحدد", "المحدده", "المقرر", "المقرره", "الاصلي", "المعلن",
           "المضروب", "المرتقب", "المتفق"});
  take(k, {"سلفا", "مسبقا", "سابقا"});
  c = k;
  return true;
}

bool relative_day(Cursor& c, Expression& e) {
  take(c, {"في"});
  if (take(c, {"امس", "الامس", "البارحه"})) {
    e.rule = Rule::yesterday;
  } else if (c.accept_all({"اول", "امس"}) ||
             c.accept_all({"اول", "من", "امس"})) {
    e.rule = Rule::earlier;
    e.count = 2;
  } else if (take(c, {"غدا", "الغد", "غد"})) {
    e.rule = Rule::tomorrow;
  } else if (take(c, {"الليله"})) {
    e.rule = Rule::today;
  } else if (take(c, {"اليوم"})) {
    const std::string_view next = c.peek();
    if (next == "التالي" || next == "الموالي") {
      c.advance();
      e.rule = Rule::later;
      e.count = 1;
    } else if (next == "السابق") {
      c.advance();
      e.rule = Rule::earlier;
      e.count = 1;
    } else if (next == "نفسه" || next == "ذاته") {
      c.advance();
      e.rule = Rule::today;
    } else {
      // "اليوم الاول" is "the first day" of something, not today.
      Cursor k = c;
      if (ordinal_day(k)) return false;
      e.rule = Rule::today;
    }
  } else {
    return false;
  }
  // "اليوم الخميس", "امس الاربعاء": the weekday is checked.
  if (const auto w = weekday_word(c.peek())) {
    e.weekday = *w;
    c.advance();
  }
  return true;
}

bool day_of_month(Cursor& c, Expression& e);

// "الخميس 23 شباط", "يوم الخميس الموافق 23 من الشهر الجاري", "الأحد 26": a
// weekday that names a date. The date decides; the weekday is checked. A
// bare day after a weekday must be in digits: "الخميس الاول" is more often
// "the first Thursday" than "Thursday the 1st".
bool weekday_and_date(Cursor& c, Expression& e) {
  Cursor k = c;
  take(k, {"الموافق", "الموافقه"});
  Expression dated;
  Cursor full = k;
  if (day_of_month(full, dated)) {
    adopt_date(e, dated);
    c = full;
    return true;
  }
  const auto v = digits_value(k.peek());
  if (v && *v >= 1 && *v <= 31) {
    k.advance();
    e.rule = Rule::day_of_this_month;
    e.day = static_cast<unsigned>(*v);
    c = k;
    return true;
  }
  return false;
}

bool weekday(Cursor& c, Expression& e) {
  take(c, {"في"});
  take(c, {"يوم"});
  const auto w = weekday_word(c.peek());
  if (!w) return false;
  c.advance();
  e.weekday = *w;
  if (weekday_and_date(c, e)) return true;
  switch (take_modifier(c)) {
    case Modifier::last:
      e.rule = Rule::last_weekday;
      break;
    case Modifier::next:
      e.rule = Rule::next_weekday;
      break;
    case Modifier::current:
    case Modifier::none:
      e.rule = Rule::weekday;
      break;
  }
  return true;
}

// "الاسبوع المقبل", "هذا الاسبوع", "الشهر الحالي", "الشهر الماضي".
bool week_or_month(Cursor& c, Expression& e) {
  take(c, {"في", "خلال"});
  Modifier m = Modifier::none;
  bool week = false;
  if (c.accept("هذا")) {
    m = Modifier::current;
    if (take(c, {"الاسبوع"})) {
      week = true;
    } else if (!take(c, {"الشهر"})) {
      return false;
    }
  } else {
    if (take(c, {"الاسبوع"})) {
      week = true;
    } else if (!take(c, {"الشهر"})) {
      return false;
    }
    m = take_modifier(c);
  }
  switch (m) {
    case Modifier::none:
      return false;
    case Modifier::last:
      e.rule = week ? Rule::last_week : Rule::last_month;
      break;
    case Modifier::next:
      e.rule = week ? Rule::next_week : Rule::next_month;
      break;
    case Modifier::current:
      e.rule = week ? Rule::this_week : Rule::this_month;
      break;
  }
  return true;
}

// "بعد يومين", "قبل ثلاثه ايام", "منذ اسبوع", "بعد غد", "بعد ذلك بيومين";
// with a planned reference ("بعد يوم من الموعد المحدد") they are late or
// early.
bool counted(Cursor& c, Expression& e) {
  // "خلال 14 يوما", "في غضون اسبوعين", "في مده لا تتجاوز 14 يوما": the
  // window from the anchor.
  {
    Cursor k = c;
    if (take(k, {"خلال"}) || k.accept_all({"في", "غضون"}) ||
        k.accept_all({"في", "مده", "لا", "تتجاوز"}) ||
        k.accept_all({"في", "فتره", "لا", "تتجاوز"})) {
      if (count_and_unit(k, e)) {
        e.rule = Rule::later;
        e.sense = Sense::within;
        c = k;
        return true;
      }
    }
  }
  take(c, {"في"});
  if (take(c, {"بعد"})) {
    if (take(c, {"غد", "الغد"})) {
      e.rule = Rule::later;
      e.count = 2;
      return true;
    }
    if (take(c, {"ذلك"})) {
      if (!count_and_unit(c, e)) return false;
      e.rule = Rule::later;
      return true;
    }
    if (!count_and_unit(c, e)) return false;
    e.rule = planned_reference(c) ? Rule::late : Rule::later;
    return true;
  }
  if (take(c, {"قبل"})) {
    if (!count_and_unit(c, e)) return false;
    e.rule = planned_reference(c) ? Rule::early : Rule::earlier;
    return true;
  }
  if (take(c, {"منذ"})) {
    if (!count_and_unit(c, e)) return false;
    e.rule = Rule::earlier;
    return true;
  }
  // "48 ساعه من التوقيع", "ثلاثه ايام بعد", "سبعه ايام قبل": a count, then
  // the anchor (after a sense: "في موعد لا يتجاوز 48 ساعه من التوقيع").
  if (!count_and_unit(c, e)) return false;
  if (take(c, {"من", "بعد", "عقب"})) {
    e.rule = Rule::later;
  } else if (take(c, {"قبل"})) {
    e.rule = Rule::earlier;
  } else {
    return false;
  }
  return true;
}

// "متاخره يوما عن الموعد المحدد", "متاخرين بيوم", "بتاخير يومين",
// "مبكره يوما".
bool late_or_early(Cursor& c, Expression& e) {
  if (take(c, {"متاخره", "متاخرا", "متاخر", "متاخرين", "متاخرون", "متاخرتين",
               "متاخرتان", "تاخرت", "تاخر", "تاخرا", "بتاخير", "تاخير"})) {
    e.rule = Rule::late;
  } else if (take(c, {"مبكره", "مبكرا", "مبكر", "مبكرين", "مبكرتين"})) {
    e.rule = Rule::early;
  } else {
    return false;
  }
  if (!count_and_unit(c, e)) return false;
  planned_reference(c);
  return true;
}

// "الثالث والعشرين من الشهر الحالي", "23 من الشهر الجاري", "23 من هذا
// الشهر", "23 الجاري"; and "في الثالث والعشرين من فبراير", "23 شباط 2017".
bool day_of_month(Cursor& c, Expression& e) {
  take(c, {"في"});
  take(c, {"يوم", "بتاريخ", "تاريخ"});
  const auto d = day_number(c);
  if (!d) return false;
  e.day = *d;
  const bool of = take(c, {"من"});
  if (of && c.accept_all({"هذا", "الشهر"})) {
    e.rule = Rule::day_of_this_month;
    return true;
  }
  if (of && take(c, {"الشهر"})) {
    switch (take_modifier(c)) {
      case Modifier::last:
        e.rule = Rule::day_of_last_month;
        break;
      case Modifier::next:
        e.rule = Rule::day_of_next_month;
        break;
      case Modifier::current:
      case Modifier::none:
        take(c, {"نفسه", "ذاته"});
        e.rule = Rule::day_of_this_month;
        break;
    }
    return true;
  }
  if (modifier_word(c.peek()) == Modifier::current) {
    c.advance();
    e.rule = Rule::day_of_this_month;
    return true;
  }
  take(c, {"شهر"});
  const auto m = month_name(c);
  if (!m) return false;
  e.month = *m;
  e.rule = Rule::day_of_month;
  if (const auto y = year_number(c)) e.year = *y;
  return true;
}

// "في شباط", "شهر فبراير", "فبراير 2017", "شباط الماضي", "آذار المقبل".
bool month(Cursor& c, Expression& e) {
  const std::size_t start = c.position();
  const bool preposition = take(c, {"في", "خلال", "منذ", "حتي"});
  const bool context = take(c, {"شهر"}) || preposition;
  const std::string_view word = c.peek();
  const auto m = month_name(c);
  if (!m) return false;
  e.month = *m;
  e.rule = Rule::month;
  if (const auto y = year_number(c)) {
    e.year = *y;
  } else {
    switch (modifier_word(c.peek())) {
      case Modifier::last:
        c.advance();
        e.rule = Rule::last_named_month;
        break;
      case Modifier::next:
        c.advance();
        e.rule = Rule::next_named_month;
        break;
      case Modifier::current:
      case Modifier::none:
        break;
    }
  }
  const bool alone = start == 0 && c.done();
  if (ambiguous_month_word(word) && !context && !e.year &&
      e.rule == Rule::month && !alone) {
    return false;
  }
  return true;
}

// The exceptions to the سـ future prefix: common words that begin with
// سي، ست، سن.
bool plain_s_word(std::string_view w) {
  for (std::string_view x :
       {"سته",      "ستين",    "ستون",    "ستمايه",   "ستمائه",  "سنه",
        "سنوات",    "سنين",    "سنتين",   "سنتان",    "سنوي",    "سنويه",
        "سياره",    "سيارات",  "سياسي",   "سياسيه",   "سياسه",   "سياسات",
        "سياسيين",  "سيطره",   "سيده",    "سيدات",    "سياده",   "سيرغي",
        "ستافان",   "سيول",    "سينما",   "سيناريو",  "سيناء",   "سنغافوره",
        "ستوكهولم", "سيبيريا", "سيناتور", "ستار",     "سنتيمتر", "سيره",
        "سيوف",     "سنجار",   "ستالين",  "سيراليون", "سيدني",   "سنوار"}) {
    if (w == x) return true;
  }
  return false;
}

// "العام الماضي", "السنه المقبله", "هذا العام", "العام الجاري", "عام 2015",
// "في سنه 2015"; "العام" alone after sense words ("بحلول نهايه العام").
bool year(Cursor& c, Expression& e) {
  take(c, {"في", "خلال"});
  if (c.accept("هذا") || c.accept("هذه")) {
    if (!take(c, {"العام", "السنه"})) return false;
    e.rule = Rule::this_year;
    return true;
  }
  if (take(c, {"عام", "سنه", "العام", "السنه"})) {
    if (const auto y = year_number(c)) {
      e.rule = Rule::year;
      e.year = *y;
      return true;
    }
    switch (take_modifier(c)) {
      case Modifier::last:
        e.rule = Rule::last_year;
        return true;
      case Modifier::next:
        e.rule = Rule::next_year;
        return true;
      case Modifier::current:
      case Modifier::none:
        e.rule = Rule::this_year;
        return true;
    }
  }
  return false;
}

// "اليوم الثاني بعد", "في اليوم الثالث من", "اليوم العاشر التالي ل": the
// N-th day after the anchor.
bool nth_day_after(Cursor& c, Expression& e) {
  take(c, {"في"});
  if (!take(c, {"اليوم"})) return false;
  const auto n = ordinal_day(c);
  if (!n) return false;
  if (!take(c, {"بعد", "من", "التالي", "يلي", "الذي"})) return false;
  take(c, {"يلي"});
  e.rule = Rule::day_after;
  e.count = *n;
  e.unit = Unit::day;
  return true;
}

// "اليوم D + 180", "يوم D-7", "قبل اليوم D بسبعه ايام", "بعد اليوم D ب180
// يوما", "سبعه ايام قبل اليوم D": D-day (the anchor) plus or minus a
// count, as Rule::d_day.
bool arabic_d_day(Cursor& c, Expression& e) {
  Cursor k = c;
  const int before = take(k, {"قبل"}) ? -1 : take(k, {"بعد"}) ? 1 : 0;
  if (before != 0) {
    take(k, {"اليوم", "يوم"});
    if (!k.accept("d") || !count_and_unit(k, e)) return false;
  } else if (count_and_unit(k, e)) {
    const int after = take(k, {"قبل"}) ? -1 : take(k, {"بعد"}) ? 1 : 0;
    take(k, {"اليوم", "يوم"});
    if (after == 0 || !k.accept("d")) return false;
    e.count *= after;
  } else {
    take(k, {"اليوم", "يوم"});
    if (!d_day(k, e)) return false;
  }
  e.count *= before == 0 ? 1 : before;
  e.rule = Rule::d_day;
  c = k;
  return true;
}

std::optional<Found> plain_arabic(const Tokens& tokens, std::size_t at) {
  return longest_match(
      tokens, at,
      {relative_day, weekday, week_or_month, counted, late_or_early,
       day_of_month, month, year, nth_day_after, arabic_d_day});
}

}  // namespace

SenseWords arabic_sense(const Tokens& tokens, std::size_t at) {
  Cursor c(tokens, at);
  Sense sense = Sense::on;
  if (c.accept_all({"في", "موعد", "لا", "يتجاوز"}) ||
      c.accept_all({"في", "موعد", "اقصاه"}) ||
      c.accept_all({"موعد", "اقصاه"}) || c.accept_all({"لا", "يتجاوز"}) ||
      c.accept_all({"بحلول", "نهايه"}) || c.accept_all({"قبل", "نهايه"}) ||
      c.accept_all({"مع", "نهايه"}) || take(c, {"بحلول"})) {
    sense = Sense::no_later_than;
  } else if (c.accept_all({"ليس", "قبل"}) || take(c, {"اعتبارا"}) ||
             take(c, {"ابتداء"}) || take(c, {"بدءا"})) {
    take(c, {"من"});
    sense = Sense::not_before;
  } else {
    return {};
  }
  return {sense, c.position() - at};
}

std::optional<Found> match_arabic(const Tokens& tokens, std::size_t at) {
  return with_sense(tokens, at, plain_arabic, arabic_sense);
}

Marker arabic_marker(const Tokens& tokens, std::size_t at) {
  Cursor c(tokens, at);
  if (c.accept_all({"من", "المقرر"}) || c.accept_all({"من", "المنتظر"}) ||
      c.accept_all({"من", "المتوقع"})) {
    return {Tense::future, 2};
  }
  if (take(c,
           {"سوف",      "المقرر",   "المقرره", "مقرر",   "مقرره",   "المرتقب",
            "المرتقبه", "مرتقب",    "مرتقبه",  "المزمع", "المزمعه", "مزمع",
            "المنتظر",  "المنتظره", "المتوقع", "يتوقع",  "المقبل",  "المقبله",
            "القادم",   "القادمه",  "ننوي",    "ينوي",   "تنوي",    "يعتزم",
            "تعتزم",    "نعتزم",    "لن"})) {
    return {Tense::future, 1};
  }
  if (take(c,
           {"كان",    "كانت",   "كانوا",   "جرت",    "جري",    "عقدت",  "بدات",
            "بدا",    "انطلقت", "انتهت",   "انتهي",  "اختتمت", "وصل",   "وصلت",
            "قال",    "قالت",   "اعلن",    "اعلنت",  "التقي",  "التقت", "اجتمع",
            "اجتمعت", "الماضي", "الماضيه", "المنصرم"})) {
    return {Tense::past, 1};
  }
  // The سـ prefix on an imperfect verb: ستكون, سيعقد, سنبحث.
  std::string_view w = c.peek();
  if (starts_with(w, "و") || starts_with(w, "ف")) w = w.substr(2);
  if (starts_with(w, "س") && code_points(w) >= 4 && !plain_s_word(w)) {
    const std::string_view second = w.substr(2, 2);
    if (second == "ي" || second == "ت" || second == "ن") {
      return {Tense::future, 1};
    }
  }
  return {};
}

}  // namespace parley::detail
