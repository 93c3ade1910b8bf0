// ACLED rows (the 31 columns of its export) to parley's model.
//
//   event_id_cnty        external id; event `event:acled-<id>`
//   event_date, time_precision   time: the day (1), the week around the
//                        coded midpoint (2, "[d-3..d+3]"), the month (3);
//                        the date's text is kept unless ISO and precise
//   event_type, sub_event_type   kind: Battles and violence →
//                        hostilities, Strategic developments / Agreement →
//                        agreement, others → custom named by sub-event type
//   actor1, actor2, assoc_actor_1/2 ("; " lists)   participants (party),
//                        actors `actor:acled-<name>`
//   iso, country, admin1..3, location, latitude, longitude   places
//   source ("; " list)   one source and claim each
//   notes                summary; fatalities → details.deaths_best
//   every other column   attributes ("NA" kept as written)
#include <algorithm>
#include <array>
#include <cctype>

#include "datasets/formats.hpp"

namespace parley::detail {
namespace {

constexpr std::string_view missing = "NA";

// "2023-01-31" or "28 December 2022".
std::optional<date::year_month_day> acled_day(const std::string& text) {
  if (auto iso = parse_day(text)) return iso;
  static constexpr std::array<std::string_view, 12> months = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const auto parts = split(text, " ");
  if (parts.size() != 3 || parts[0].empty() || parts[0].size() > 2 ||
      parts[2].size() != 4) {
    return std::nullopt;
  }
  const auto month = std::find(months.begin(), months.end(), parts[1]);
  if (month == months.end()) return std::nullopt;
  if (parts[0].find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  const auto two = [](int n) {
    return std::string(n < 10 ? "0" : "") + std::to_string(n);
  };
  const std::string digits = parts[2] + "-" +
                             two(static_cast<int>(month - months.begin()) + 1) +
                             "-" + two(std::stoi(parts[0]));
  return parse_day(digits);
}

Edtf acled_time(RowReader& row) {
  const std::string& text = row.text("event_date");
  const std::optional<date::year_month_day> day = acled_day(text);
  if (!day) {
    row.fail("event_date",
             "'" + text + "' is not a date (2023-01-31 or 28 December 2022)");
  }
  const std::optional<int> precision = row.count("time_precision", missing);
  row.keep("time_precision");
  if (precision && (*precision < 1 || *precision > 3)) {
    row.fail("time_precision", "not 1 (day), 2 (week) or 3 (month)");
  }
  if (!precision || *precision == 1) {
    if (!parse_day(text)) row.keep("event_date");
    return Edtf::from_day(*day);
  }
  row.keep("event_date");
  if (*precision == 3) {
    return Edtf::parse(date::format("%Y-%m", date::sys_days{*day}));
  }
  const date::sys_days mid{*day};
  return Edtf::parse("[" + date::format("%F", mid - date::days{3}) + ".." +
                     date::format("%F", mid + date::days{3}) + "]");
}

ActorKind acled_kind(const std::optional<int>& inter) {
  if (!inter) return ActorKind::organisation;
  switch (*inter) {
    case 1:
      return ActorKind::government;  // state forces
    case 2:
    case 3:
    case 4:
      return ActorKind::armed_group;  // rebels, political, identity militias
    case 8:
      return ActorKind::state;  // external/other forces
    default:
      return ActorKind::organisation;  // rioters, protesters, civilians
  }
}

void add_actor(const std::string& name, ActorKind kind, RowEntities& out) {
  Actor actor;
  actor.id = ActorId{"actor:acled-" + id_part(name)};
  actor.kind = kind;
  actor.names = {{"en", name}};
  actor.external_ids["acled"] = name;
  out.actors.push_back(actor);
  out.event.participants.push_back({actor.id, Role::party});
}

// actor1, then actor2 (kept as "" in the attributes when empty, so the
// order gives them back), then the associated actors (kept as written).
void acled_actors(RowReader& row, RowEntities& out) {
  for (const char* n : {"1", "2"}) {
    const std::string column = std::string("actor") + n;
    const std::string& name = row.text(column);
    const std::optional<int> inter =
        row.count(std::string("inter") + n, missing);
    row.keep(std::string("inter") + n);
    if (name.empty() || name == missing) {
      if (*n == '1') row.fail(column, "an event needs its first actor");
      row.keep(column);
      continue;
    }
    add_actor(name, acled_kind(inter), out);
  }
  for (const char* column : {"assoc_actor_1", "assoc_actor_2"}) {
    const std::string& list = row.text(column);
    row.keep(column);
    if (list.empty() || list == missing) continue;
    for (const std::string& name : split(list, "; ")) {
      if (!name.empty()) add_actor(name, ActorKind::organisation, out);
    }
  }
}

// Country (by ISO code) ⊃ admin1 ⊃ admin2 ⊃ admin3 ⊃ the location.
PlaceId acled_places(RowReader& row, RowEntities& out) {
  const std::optional<int> iso = row.count("iso", missing);
  const std::string& country = row.text("country");
  if (!iso || country.empty()) row.fail("iso", "the country is missing");
  Place place;
  place.id = PlaceId{"place:acled-" + std::to_string(*iso)};
  place.kind = PlaceKind::country;
  place.names = {{"en", country}};
  place.external_ids["iso"] = std::to_string(*iso);
  out.places.push_back(place);
  for (const auto& [column, kind] : {std::pair{"admin1", PlaceKind::region},
                                     {"admin2", PlaceKind::area},
                                     {"admin3", PlaceKind::area},
                                     {"location", PlaceKind::site}}) {
    const std::string& name = row.text(column);
    if (name.empty() || name == missing) {
      row.keep(column);
      continue;
    }
    Place inner;
    inner.id = PlaceId{place.id.value + "/" + id_part(name)};
    inner.kind = kind;
    inner.names = {{"en", name}};
    inner.parent = place.id;
    place = std::move(inner);
    out.places.push_back(place);
  }
  const std::optional<double> lat = row.number("latitude", missing);
  const std::optional<double> lon = row.number("longitude", missing);
  if (place.kind == PlaceKind::site && lat && lon && *lat >= -90 &&
      *lat <= 90 && *lon >= -180 && *lon <= 180) {
    out.places.back().coordinates = Coordinates{*lat, *lon};
  } else {
    row.keep("latitude");
    row.keep("longitude");
  }
  return place.id;
}

void acled_sources(RowReader& row, const std::string& key, RowEntities& out) {
  const std::string& list = row.text("source");
  if (list.empty() || list == missing) {
    row.keep("source");
    return;
  }
  int n = 0;
  for (const std::string& name : split(list, "; ")) {
    const std::string number = "-" + std::to_string(++n);
    Source source;
    source.id = SourceId{"source:" + key + number};
    source.publisher = name;
    Claim claim;
    claim.id = ClaimId{"claim:" + key + number};
    claim.event = out.event.id;
    claim.source = source.id;
    out.sources.push_back(std::move(source));
    out.claims.push_back(std::move(claim));
  }
}

std::string lower_snake(std::string_view text) {
  std::string out = id_part(text);
  for (char& c : out) {
    c = c == '-' ? '_' : static_cast<char>(std::tolower(c));
  }
  return out;
}

// The kind, from event_type and sub_event_type (both kept as written).
Payload acled_payload(RowReader& row, const std::optional<int>& fatalities) {
  const std::string& type = row.text("event_type");
  const std::string& sub = row.text("sub_event_type");
  row.keep("event_type");
  row.keep("sub_event_type");
  if (type == "Battles" || type == "Explosions/Remote violence" ||
      type == "Violence against civilians") {
    Hostilities h;
    h.kind = type == "Battles"           ? HostilityKind::clashes
             : sub == "Air/drone strike" ? HostilityKind::air_strike
             : sub == "Shelling/artillery/missile attack"
                 ? HostilityKind::shelling
                 : HostilityKind::other;
    h.deaths.best = fatalities;
    if (!fatalities) row.keep("fatalities");
    return h;
  }
  row.keep("fatalities");  // no typed field outside hostilities
  if (sub == "Agreement") return Agreement{};
  if (sub.empty()) row.fail("sub_event_type", "empty sub-event type");
  return Custom{lower_snake(sub), {}};
}

}  // namespace

RowEntities acled_row(RowReader& row, const std::string& release) {
  const std::string& id = row.text("event_id_cnty");
  if (id.empty() || id == missing || id_part(id) != id) {
    row.fail("event_id_cnty", "'" + id + "' is not an ACLED event id");
  }
  RowEntities out;
  Event& event = out.event;
  event.id = EventId{"event:acled-" + id};
  event.external = ExternalRef{"acled", id, release};
  event.time = acled_time(row);
  const std::string& sub = row.text("sub_event_type");
  const std::string& location = row.text("location");
  event.title = {{"en", sub.empty()
                            ? id
                            : sub + (location.empty() || location == missing
                                         ? ""
                                         : ": " + location)}};
  acled_actors(row, out);
  event.place = acled_places(row, out);
  event.payload = acled_payload(row, row.count("fatalities", missing));
  const std::string& notes = row.text("notes");
  if (!notes.empty() && notes != missing) {
    event.summary = {{"en", notes}};
  } else {
    row.keep("notes");
  }
  acled_sources(row, "acled-" + id, out);
  event.attributes = row.unused();
  return out;
}

}  // namespace parley::detail
