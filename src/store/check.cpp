#include "store/check.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include <date/tz.h>
#include <nlohmann/json.hpp>

#include "parley/error.hpp"
#include "parley/text.hpp"

namespace parley::detail {
namespace {

// A quote is a short fragment, never the source's text.
constexpr std::size_t max_quote_bytes = 400;

[[noreturn]] void fail(const std::string& where, const std::string& message) {
  throw Error(Errc::bad_value, where, message);
}

template <class Tag>
void check_id(const Id<Tag>& id, const std::string& where) {
  if (id.empty()) fail(where, "required id is empty");
  if (!valid_id(id.value)) {
    fail(where, "'" + id.value +
                    "' is not a valid id (1-200 characters: letters, digits "
                    "and : . _ - /)");
  }
}

template <class Tag>
void ref(std::vector<Reference>& refs, const Id<Tag>& id,
         const std::string& where, const char* table) {
  check_id(id, where);
  refs.push_back({where, table, id.value});
}

template <class Tag>
void ref(std::vector<Reference>& refs, const std::optional<Id<Tag>>& id,
         const std::string& where, const char* table) {
  if (id) ref(refs, *id, where, table);
}

void check_texts(const Texts& texts, const std::string& where, bool required) {
  if (required && texts.empty()) fail(where, "at least one language needed");
  for (const auto& [lang, text] : texts) {
    if (!valid_language(lang)) {
      fail(where + "/" + lang, "'" + lang + "' is not a language tag");
    }
    if (text.empty()) fail(where + "/" + lang, "text is empty");
  }
}

void check_time(const std::optional<Edtf>& time, const std::string& where) {
  if (time && !time->ok()) fail(where, "empty time value");
}

void check_clock(const std::string& text, const std::string& where) {
  bool ok = text.size() == 5 && std::isdigit(text[0]) &&
            std::isdigit(text[1]) && text[2] == ':' && std::isdigit(text[3]) &&
            std::isdigit(text[4]);
  if (ok) {
    int hours = std::stoi(text.substr(0, 2));
    int minutes = std::stoi(text.substr(3, 2));
    ok = hours < 24 && minutes < 60;
  }
  if (!ok) fail(where, "'" + text + "' is not a time of day (HH:MM)");
}

void check_count(const std::optional<int>& n, const std::string& where) {
  if (n && *n < 0) fail(where, "must not be negative");
}

void check_payload(const Payload& payload, const std::vector<Flag>& flags,
                   const std::string& where, std::vector<Reference>& refs) {
  for (const PayloadActor& a : payload_actors(payload)) {
    ref(refs, a.actor, where + "/" + std::string(a.role), "actor");
  }
  if (const auto* round = std::get_if<NegotiationRound>(&payload)) {
    if (round->number && *round->number < 1) {
      fail(where + "/number", "a round number starts at 1");
    }
  } else if (const auto* pledge = std::get_if<Pledge>(&payload)) {
    check_time(pledge->deadline, where + "/deadline");
  } else if (const auto* release = std::get_if<DetaineeRelease>(&payload)) {
    check_count(release->count, where + "/count");
  } else if (const auto* h = std::get_if<Hostilities>(&payload)) {
    const Deaths& d = h->deaths;
    check_count(d.low, where + "/deaths_low");
    check_count(d.best, where + "/deaths_best");
    check_count(d.high, where + "/deaths_high");
    // per-side counts; estimates out of order only when flagged.
    check_count(d.side_a, where + "/deaths_side_a");
    check_count(d.side_b, where + "/deaths_side_b");
    check_count(d.civilians, where + "/deaths_civilians");
    check_count(d.unknown, where + "/deaths_unknown");
    for (const Flag& f : d.inconsistencies()) {
      if (std::none_of(flags.begin(), flags.end(),
                       [&](const Flag& g) { return g.code == f.code; })) {
        fail(where + "/deaths_low",
             "estimates must be low <= best <= high (" + f.message + ")");
      }
    }
  } else if (const auto* custom = std::get_if<Custom>(&payload)) {
    if (custom->name.empty()) fail(where + "/name", "required name is empty");
  }
}

// Text is valid UTF-8 or refused: throws Error (bad_value) at the JSON path
// of the first key or string of `doc` that is not, before anything is
// stored (storing it would fail later with no field named).
void check_utf8(const nlohmann::json& doc, const std::string& where) {
  const auto refuse = [&](const std::string& text, const std::string& at) {
    const std::size_t bad = invalid_utf8_at(text);
    if (bad == std::string_view::npos) return;
    fail(at, "not valid UTF-8 (byte " + std::to_string(bad) + ")");
  };
  if (doc.is_string()) refuse(doc.get_ref<const std::string&>(), where);
  if (doc.is_object()) {
    for (const auto& [key, value] : doc.items()) {
      refuse(key, where);
      check_utf8(value, where + "/" + key);
    }
  }
  if (doc.is_array()) {
    for (std::size_t i = 0; i < doc.size(); ++i) {
      check_utf8(doc[i], where + "/" + std::to_string(i));
    }
  }
}

template <class T>
void check_utf8(const T& value, const std::string& where) {
  check_utf8(nlohmann::json(value), where);
}

}  // namespace

void check_zone(const std::string& zone, const std::string& where) {
  try {
    (void)date::locate_zone(zone);
  } catch (const std::exception&) {
    fail(where, "'" + zone + "' is not an IANA time zone");
  }
}

void check(const Actor& actor, const std::string& where,
           std::vector<Reference>& refs) {
  check_utf8(actor, where);
  check_id(actor.id, where + "/id");
  check_texts(actor.names, where + "/names", true);
  for (std::size_t i = 0; i < actor.ties.size(); ++i) {
    const std::string at = where + "/ties/" + std::to_string(i);
    ref(refs, actor.ties[i].other, at + "/other", "actor");
    if (actor.ties[i].other == actor.id) fail(at + "/other", "a tie to itself");
    check_time(actor.ties[i].time, at + "/time");
  }
}

void check(const Place& place, const std::string& where,
           std::vector<Reference>& refs) {
  check_utf8(place, where);
  check_id(place.id, where + "/id");
  check_texts(place.names, where + "/names", true);
  ref(refs, place.parent, where + "/parent", "place");
  if (place.parent == place.id) fail(where + "/parent", "its own parent");
  if (const auto& c = place.coordinates) {
    if (!(c->lat >= -90 && c->lat <= 90)) {
      fail(where + "/coordinates/lat", "latitude must be in -90..90");
    }
    if (!(c->lon >= -180 && c->lon <= 180)) {
      fail(where + "/coordinates/lon", "longitude must be in -180..180");
    }
  }
  if (place.zone) check_zone(*place.zone, where + "/zone");
}

void check(const Process& process, const std::string& where,
           std::vector<Reference>& refs) {
  check_utf8(process, where);
  check_id(process.id, where + "/id");
  check_texts(process.names, where + "/names", true);
  check_texts(process.summary, where + "/summary", false);
  ref(refs, process.parent, where + "/parent", "process");
  if (process.parent == process.id) fail(where + "/parent", "its own parent");
}

void check(const Source& source, const std::string& where,
           std::vector<Reference>&) {
  check_utf8(source, where);
  check_id(source.id, where + "/id");
  if (!source.language.empty() && !valid_language(source.language)) {
    fail(where + "/language",
         "'" + source.language + "' is not a language tag");
  }
  check_time(source.published, where + "/published");
}

void check(const Event& event, const std::string& where,
           std::vector<Reference>& refs) {
  check_utf8(event, where);
  check_id(event.id, where + "/id");
  check_texts(event.title, where + "/title", true);
  check_texts(event.summary, where + "/summary", false);
  if (!event.time.ok()) fail(where + "/time", "required time is missing");
  check_time(event.planned, where + "/planned");
  if (event.planned && event.status == Status::none) {
    fail(where + "/status",
         "an event with a planned time needs a status (scheduled, held, "
         "postponed or cancelled)");
  }
  if (const auto& t = event.time_of_day) {
    check_clock(t->start, where + "/time_of_day/start");
    if (!t->end.empty()) {
      check_clock(t->end, where + "/time_of_day/end");
      if (t->end == t->start) {  // earlier: the next day
        fail(where + "/time_of_day/end", "ends when it starts");
      }
    }
    check_zone(t->zone, where + "/time_of_day/zone");
  }
  ref(refs, event.place, where + "/place", "place");
  ref(refs, event.process, where + "/process", "process");
  ref(refs, event.parent, where + "/parent", "event");
  if (event.parent == event.id) fail(where + "/parent", "part of itself");
  for (std::size_t i = 0; i < event.participants.size(); ++i) {
    ref(refs, event.participants[i].actor,
        where + "/participants/" + std::to_string(i) + "/actor", "actor");
  }
  for (std::size_t i = 0; i < event.topics.size(); ++i) {
    const std::string& topic = event.topics[i];
    bool ok = !topic.empty() && topic.size() <= 64;
    for (char c : topic) {
      ok = ok && (std::islower(static_cast<unsigned char>(c)) ||
                  std::isdigit(static_cast<unsigned char>(c)) || c == '_');
    }
    if (!ok) {
      fail(where + "/topics/" + std::to_string(i),
           "'" + topic + "' is not a topic (lowercase letters, digits, _)");
    }
  }
  check_payload(event.payload, event.flags, where + "/details", refs);
}

void check(const Claim& claim, const std::string& where,
           std::vector<Reference>& refs) {
  check_utf8(claim, where);
  check_id(claim.id, where + "/id");
  ref(refs, claim.event, where + "/event", "event");
  ref(refs, claim.source, where + "/source", "source");
  ref(refs, claim.claimant, where + "/claimant", "actor");
  if (claim.quote.size() > max_quote_bytes) {
    fail(where + "/quote", "a quote is a short fragment (at most " +
                               std::to_string(max_quote_bytes) + " bytes)");
  }
  check_time(claim.said, where + "/said");
}

void check(const Link& link, const std::string& where,
           std::vector<Reference>& refs) {
  check_utf8(link, where);
  ref(refs, link.from, where + "/from", "event");
  ref(refs, link.to, where + "/to", "event");
  if (link.from == link.to) fail(where + "/to", "a link to itself");
}

}  // namespace parley::detail
