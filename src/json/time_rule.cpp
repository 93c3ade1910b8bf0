// JSON for TimeRule, in the vocabulary of `parley resolve`'s output.
#include "parley/time_rule.hpp"

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "parley/error.hpp"

#include "json/reader.hpp"

namespace parley {
namespace {

// Rules whose offset is their count (`parley resolve` prints the offset,
// not the count): anchor ± count units.
bool counted(Rule rule) {
  return rule == Rule::later || rule == Rule::earlier || rule == Rule::late ||
         rule == Rule::early || rule == Rule::day_after || rule == Rule::d_day;
}

// An ISO 8601 duration as `parley resolve` prints it ("P3D", "-P1W") into
// count and unit, the sign dropped for the rules that count backwards.
void read_offset(nlohmann::json& j, Rule rule) {
  const auto& text = j.at("offset");
  const std::string s = text.is_string() ? text.get<std::string>() : "";
  const bool negative = !s.empty() && s[0] == '-';
  std::string body = s.substr(negative ? 1 : 0);
  // Hours: "PT72H" (ISO 8601 puts a time unit after T).
  const bool hours = body.size() >= 4 && body.compare(0, 2, "PT") == 0;
  if (hours) body.erase(1, 1);
  std::size_t digits = 0;
  if (body.size() >= 3 && body[0] == 'P') {
    digits = body.find_first_not_of("0123456789", 1);
  }
  const std::string units = hours ? "H" : "DWMY";
  if (digits <= 1 || digits + 1 != body.size() || digits > 10 ||
      units.find(body[digits]) == std::string::npos) {
    throw Error(Errc::bad_document, "/offset",
                "'" + s + "' is not an offset such as P3D, -P1W or PT72H");
  }
  const std::int64_t n = std::stoll(body.substr(1, digits - 1));
  const bool backwards = rule == Rule::earlier || rule == Rule::early;
  j["count"] = negative && !backwards ? -n : n;
  const char* names[] = {"day", "week", "month", "year"};
  j["unit"] = hours ? "hour" : names[units.find(body[digits])];
}

// The expression `j` gives: its fields, or its offset, or its phrase.
Expression expression_of(const nlohmann::json& j) {
  nlohmann::json fields = j;
  Expression e;
  detail::at_path("", [&] { from_json(fields, e); });
  if (counted(e.rule) && !j.contains("count") && j.contains("offset")) {
    read_offset(fields, e.rule);
    from_json(fields, e);
  }
  const bool parameters = j.contains("count") || j.contains("day") ||
                          j.contains("month") || j.contains("year") ||
                          j.contains("weekday") || j.contains("offset");
  if (!parameters && j.contains("phrase") && j["phrase"].is_string()) {
    const std::string phrase = j["phrase"].get<std::string>();
    const std::string lang = j.value("lang", std::string());
    Expression parsed = parse_expression(
        phrase, lang.empty() ? detect_language(phrase)
                             : (lang == "ar" ? Lang::ar : Lang::en));
    if (parsed.rule != e.rule) {
      throw Error(Errc::bad_document, "/rule",
                  "'" + std::string(to_string(e.rule)) + "' is not the rule " +
                      "of the phrase ('" + std::string(to_string(parsed.rule)) +
                      "')");
    }
    if (j.contains("sense")) parsed.sense = e.sense;
    e = std::move(parsed);
  }
  return e;
}

}  // namespace

void to_json(nlohmann::json& j, const TimeRule& rule) {
  j = rule.expression;
  if (rule.anchor_event) {
    j["anchor_event"] = rule.anchor_event->value;
    j["anchor_side"] = std::string(to_string(rule.anchor_side));
  }
  if (rule.anchor) j["anchor"] = rule.anchor->str();
  if (!rule.zone.empty()) j["zone"] = rule.zone;
}

void from_json(const nlohmann::json& j, TimeRule& rule) {
  if (!j.is_object()) {
    throw Error(Errc::bad_document, "", "a time rule must be a JSON object");
  }
  TimeRule out;
  if (j.contains("anchor_event")) {
    detail::at_path("/anchor_event", [&] {
      std::string id;
      detail::read_value(j["anchor_event"], id);
      out.anchor_event = EventId{id};
    });
  }
  if (j.contains("anchor_side")) {
    detail::at_path("/anchor_side", [&] {
      detail::read_value(j["anchor_side"], out.anchor_side);
    });
  }
  // `parley resolve --anchor-event` prints the anchor event's day as
  // "anchor" too: the event is the anchor then, and its day is derived.
  if (j.contains("anchor") && !j["anchor"].is_null() && !out.anchor_event) {
    detail::at_path("/anchor", [&] {
      std::string text;
      detail::read_value(j["anchor"], text);
      out.anchor = Edtf::parse(text);
    });
  }
  if (!out.anchor_event && !out.anchor) {
    throw Error(Errc::bad_document, "/anchor_event",
                "a time rule needs an anchor_event or an anchor day");
  }
  if (j.contains("zone") && !j["zone"].is_null()) {
    detail::at_path("/zone", [&] { detail::read_value(j["zone"], out.zone); });
  }
  out.expression = expression_of(j);
  rule = std::move(out);
}

}  // namespace parley
