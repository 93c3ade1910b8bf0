// parley resolve — resolves a relative time expression against an anchor
// and prints the result as one JSON object:
//
//   parley resolve --anchor 2017-02-16 --zone Asia/Almaty --lang ar
//       "الثالث والعشرين من الشهر الحالي"
//   {"phrase":"…","lang":"ar","anchor":"2017-02-16","zone":"Asia/Almaty",
//    "rule":"day_of_this_month","offset":"P7D","edtf":"2017-02-23",
//    "earliest_start":"2017-02-23","latest_start":"2017-02-23",
//    "earliest_end":"2017-02-23","latest_end":"2017-02-23",...}
//
// End bounds are inclusive here (the last day), unlike Bounds. "offset" is
// one ISO 8601 duration, or "[-P1D,P6D]" for a one-of set. Three fields
// follow the ones above: "matched" (the part of the phrase that named the
// time), "tense" and "tense_stated". A phrase that cannot be resolved exits
// 65 with a one-line message on stderr; a bad flag exits 64.
//
// An agreement's deadline is anchored on another event: --anchor-event ID
// (with the database given by --db) reads that event's first day, or its
// last with --anchor-side end, in the zone of its clock time or place, as
// a stored rule reads it (parley::anchor_on; hours count from its clock):
//
//   parley resolve --db astana.db --anchor-event event:astana-2
//       "a week after the signing"
//
// "sense" (on, no_later_than, not_before, within) and "anchor_event" follow.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/error.hpp"
#include "parley/relative.hpp"
#include "parley/time.hpp"
#include "parley/time_rule.hpp"

#include "cli/command.hpp"

namespace parley::cli {
namespace {

struct ResolveArgs {
  std::string anchor;
  std::string db;
  std::string anchor_event;
  std::string anchor_side = "start";
  std::string zone;
  std::string lang;
  std::string tense;
  std::vector<std::string> words;
};

nlohmann::ordered_json day_or_null(const std::optional<Day>& day,
                                   bool inclusive_end) {
  if (!day) return nullptr;
  return to_string(inclusive_end ? *day - days64{1} : *day);
}

// The anchor --anchor or --anchor-event gives. Throws Error (bad_value,
// bad_reference) naming the flag.
Anchor anchor_of(const ResolveArgs& args) {
  if (args.anchor_event.empty()) {
    if (args.anchor.empty()) {
      throw Error(Errc::bad_value, "--anchor",
                  "give --anchor DAY or --anchor-event ID with --db");
    }
    return Anchor::from(Edtf::parse(args.anchor), args.zone);
  }
  if (args.db.empty()) {
    throw Error(Errc::bad_value, "--db", "--anchor-event needs --db DB");
  }
  const Database db{args.db, OpenOptions{.create = false, .read_only = true}};
  const auto event = db.event(EventId{args.anchor_event});
  if (!event) {
    throw Error(Errc::bad_reference, "--anchor-event",
                "no event '" + args.anchor_event + "'");
  }
  std::string zone = args.zone;
  if (zone.empty() && !event->time_of_day && event->place) {
    if (const auto place = db.place(*event->place)) {
      zone = place->zone.value_or("");
    }
  }
  try {
    return anchor_on(
        args.anchor_side == "end" ? AnchorSide::end : AnchorSide::start,
        event->time, event->time_of_day, zone);
  } catch (const Error& e) {
    throw Error(e.code(), "--anchor-event",
                args.anchor_event + ": " + e.message());
  }
}

int run_resolve(const ResolveArgs& args) {
  std::string phrase;
  for (const std::string& w : args.words) {
    if (!phrase.empty()) phrase += ' ';
    phrase += w;
  }
  const Lang lang = args.lang.empty()   ? detect_language(phrase)
                    : args.lang == "ar" ? Lang::ar
                                        : Lang::en;
  ResolveOptions options;
  if (args.tense == "past") options.default_tense = Tense::past;
  if (args.tense == "future") options.default_tense = Tense::future;
  if (args.tense == "either") options.weekday_either = true;

  const Anchor anchor = anchor_of(args);
  const Resolution r = resolve(phrase, lang, anchor, options);

  std::string offset;
  for (const Offset& o : r.offsets) {
    if (!offset.empty()) offset += ',';
    offset += to_string(o);
  }
  if (r.offsets.size() > 1) offset = "[" + offset + "]";

  const Bounds b = r.value.bounds();
  nlohmann::ordered_json out;
  out["phrase"] = phrase;
  out["lang"] = std::string(to_string(lang));
  // An event's anchor is its day (the value printed as edtf shows the
  // clock time, when hours counted from it).
  out["anchor"] = args.anchor_event.empty() ? anchor.time().str()
                                            : date::format("%F", anchor.day());
  out["zone"] = anchor.zone().empty() ? nlohmann::ordered_json(nullptr)
                                      : nlohmann::ordered_json(anchor.zone());
  out["rule"] = std::string(to_string(r.rule));
  out["offset"] = offset;
  out["edtf"] = r.value.str();
  out["earliest_start"] = day_or_null(b.earliest_start, false);
  out["latest_start"] = day_or_null(b.latest_start, false);
  out["earliest_end"] = day_or_null(b.earliest_end, true);
  out["latest_end"] = day_or_null(b.latest_end, true);
  out["matched"] = r.expression.matched;
  out["tense"] = std::string(to_string(r.tense));
  out["tense_stated"] = r.tense_stated;
  out["sense"] = std::string(to_string(r.expression.sense));
  if (!args.anchor_event.empty()) {
    out["anchor_event"] = args.anchor_event;
    out["anchor_side"] = args.anchor_side;
  }
  std::cout << out.dump() << '\n';
  return ok;
}

}  // namespace

void add_resolve_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<ResolveArgs>();
  CLI::App* sub = app.add_subcommand(
      "resolve",
      "Resolve a relative time expression (\"next Thursday\", \"الخميس "
      "الماضي\") against an anchor day and print JSON");
  sub->footer(
      "Examples:\n"
      "  parley resolve --anchor 2017-02-16 --lang ar \"الخميس\"\n"
      "  parley resolve --anchor 2017-02-16 \"no later than the second day "
      "after\"\n"
      "  parley resolve --db astana.db --anchor-event event:astana-2 \"a "
      "week after the signing\"");
  sub->add_option("--anchor", args->anchor,
                  "The anchor: an EDTF day (2017-02-16, 2017-02-16?) or "
                  "date-time (2017-02-15T22:00:00Z)");
  sub->add_option(
      "--db", args->db,
      "Database of --anchor-event (a file or a PostgreSQL connection string)");
  sub->add_option("--anchor-event", args->anchor_event,
                  "Anchor on this event's day (\"a week after the "
                  "signing\")");
  sub->add_option("--anchor-side", args->anchor_side,
                  "start (default: the event's first day) or end (its last)")
      ->check(CLI::IsMember({"start", "end"}));
  sub->add_option("--zone", args->zone,
                  "IANA zone of the anchor (Asia/Almaty); a date-time anchor "
                  "is taken to its day in this zone");
  sub->add_option("--lang", args->lang,
                  "Language of the phrase; default: Arabic if it has Arabic "
                  "letters, else English")
      ->check(CLI::IsMember({"en", "ar"}));
  sub->add_option("--tense", args->tense,
                  "Tense assumed when the phrase states none: past, future, "
                  "or either (a bare weekday gives both as a one-of set)")
      ->check(CLI::IsMember({"past", "future", "either"}));
  sub->add_option("phrase", args->words, "The phrase (quoted or as words)")
      ->required();
  sub->callback(
      [args, &action] { action = [args] { return run_resolve(*args); }; });
}

}  // namespace parley::cli
