// JSON for relative expressions and their resolutions.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include "parley/error.hpp"
#include "parley/relative.hpp"

namespace parley {
namespace {

constexpr std::array<Rule, 29> all_rules{Rule::today,
                                         Rule::yesterday,
                                         Rule::tomorrow,
                                         Rule::later,
                                         Rule::earlier,
                                         Rule::weekday,
                                         Rule::last_weekday,
                                         Rule::next_weekday,
                                         Rule::this_week,
                                         Rule::last_week,
                                         Rule::next_week,
                                         Rule::this_month,
                                         Rule::last_month,
                                         Rule::next_month,
                                         Rule::day_of_this_month,
                                         Rule::day_of_last_month,
                                         Rule::day_of_next_month,
                                         Rule::month,
                                         Rule::last_named_month,
                                         Rule::next_named_month,
                                         Rule::day_of_month,
                                         Rule::late,
                                         Rule::early,
                                         Rule::this_year,
                                         Rule::last_year,
                                         Rule::next_year,
                                         Rule::year,
                                         Rule::day_after,
                                         Rule::d_day};

constexpr std::array<Sense, 4> all_senses{Sense::on, Sense::no_later_than,
                                          Sense::not_before, Sense::within};

constexpr std::array<std::string_view, 7> weekday_names{
    "sunday",   "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday"};

std::string_view unit_name(Unit unit) {
  switch (unit) {
    case Unit::day:
      return "day";
    case Unit::week:
      return "week";
    case Unit::month:
      return "month";
    case Unit::year:
      return "year";
    case Unit::hour:
      return "hour";
  }
  return "day";
}

[[noreturn]] void bad(const std::string& where, const std::string& message) {
  throw Error(Errc::bad_document, where, message);
}

const nlohmann::json* member(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

std::string text_at(const nlohmann::json& j, const char* key) {
  const nlohmann::json* v = member(j, key);
  if (!v->is_string()) bad(std::string("/") + key, "expected a string");
  return v->get<std::string>();
}

std::int64_t integer_at(const nlohmann::json& j, const char* key,
                        std::int64_t low, std::int64_t high) {
  const nlohmann::json* v = member(j, key);
  if (!v->is_number_integer()) {
    bad(std::string("/") + key, "expected an integer");
  }
  const auto n = v->get<std::int64_t>();
  if (n < low || n > high) {
    bad(std::string("/") + key, "expected an integer from " +
                                    std::to_string(low) + " to " +
                                    std::to_string(high));
  }
  return n;
}

Sense sense_at(const nlohmann::json& j) {
  const std::string name = text_at(j, "sense");
  for (Sense s : all_senses) {
    if (to_string(s) == name) return s;
  }
  bad("/sense", "unknown sense '" + name + "'");
}

}  // namespace

void to_json(nlohmann::json& j, const Expression& e) {
  j = nlohmann::json::object();
  j["rule"] = std::string(to_string(e.rule));
  if (e.tense != Tense::none) j["tense"] = std::string(to_string(e.tense));
  if (e.sense != Sense::on) j["sense"] = std::string(to_string(e.sense));
  if (e.weekday) {
    j["weekday"] = std::string(weekday_names.at(e.weekday->c_encoding() % 7));
  }
  if (e.day) j["day"] = *e.day;
  if (e.month) j["month"] = static_cast<unsigned>(*e.month);
  if (e.year) j["year"] = static_cast<int>(*e.year);
  j["count"] = e.count;
  j["unit"] = std::string(unit_name(e.unit));
  if (!e.phrase.empty()) j["phrase"] = e.phrase;
  if (!e.matched.empty()) j["matched"] = e.matched;
}

void from_json(const nlohmann::json& j, Expression& e) {
  if (!j.is_object()) bad("", "an expression must be a JSON object");
  Expression out;
  if (!member(j, "rule")) bad("/rule", "missing");
  const std::string rule = text_at(j, "rule");
  bool known = false;
  for (Rule r : all_rules) {
    if (to_string(r) == rule) {
      out.rule = r;
      known = true;
    }
  }
  if (!known) bad("/rule", "unknown rule '" + rule + "'");
  if (member(j, "tense")) {
    const std::string tense = text_at(j, "tense");
    if (tense == "past") {
      out.tense = Tense::past;
    } else if (tense == "future") {
      out.tense = Tense::future;
    } else if (tense != "none") {
      bad("/tense", "unknown tense '" + tense + "'");
    }
  }
  if (member(j, "sense")) out.sense = sense_at(j);
  if (member(j, "weekday")) {
    const std::string name = text_at(j, "weekday");
    for (unsigned i = 0; i < weekday_names.size(); ++i) {
      if (weekday_names[i] == name) out.weekday = date::weekday{i};
    }
    if (!out.weekday) bad("/weekday", "unknown weekday '" + name + "'");
  }
  if (member(j, "day")) {
    out.day = static_cast<unsigned>(integer_at(j, "day", 1, 31));
  }
  if (member(j, "month")) {
    out.month =
        date::month{static_cast<unsigned>(integer_at(j, "month", 1, 12))};
  }
  if (member(j, "year")) {
    out.year = date::year{static_cast<int>(integer_at(j, "year", 0, 9999))};
  }
  // Negative only for d_day ("D-7"); resolve() refuses it elsewhere.
  if (member(j, "count")) out.count = integer_at(j, "count", -100000, 100000);
  if (member(j, "unit")) {
    const std::string unit = text_at(j, "unit");
    if (unit == "day") {
      out.unit = Unit::day;
    } else if (unit == "week") {
      out.unit = Unit::week;
    } else if (unit == "month") {
      out.unit = Unit::month;
    } else if (unit == "year") {
      out.unit = Unit::year;
    } else if (unit == "hour") {
      out.unit = Unit::hour;
    } else {
      bad("/unit", "unknown unit '" + unit + "'");
    }
  }
  if (member(j, "phrase")) out.phrase = text_at(j, "phrase");
  if (member(j, "matched")) out.matched = text_at(j, "matched");
  e = std::move(out);
}

void to_json(nlohmann::json& j, const Anchor& anchor) {
  j = nlohmann::json::object();
  j["day"] = date::format("%F", anchor.day());
  if (!anchor.zone().empty()) j["zone"] = anchor.zone();
  j["time"] = anchor.time().str();
}

void to_json(nlohmann::json& j, const Resolution& r) {
  j = nlohmann::json::object();
  j["value"] = r.value.str();
  j["anchor"] = r.anchor;
  j["rule"] = std::string(to_string(r.rule));
  j["tense"] = std::string(to_string(r.tense));
  j["tense_stated"] = r.tense_stated;
  nlohmann::json offsets = nlohmann::json::array();
  for (const Offset& o : r.offsets) offsets.push_back(to_string(o));
  j["offsets"] = std::move(offsets);
  j["expression"] = r.expression;
}

}  // namespace parley
