// GDELT 2.0 event rows (61 tab-separated columns, no header) to parley's
// model.
//
//   GLOBALEVENTID     external id; event `event:gdelt-<id>`
//   SQLDATE           time (the day); DATEADDED is the record time
//   EventCode         kind, by CAMEO → PLOVER → parley (cameo_kind); the
//                     codes stay strings ("0871" is not "871")
//   Actor1/2 Code and Name   participants (party), actors
//                     `actor:gdelt-<code or name>`, in the payload's
//                     fields where the kind has them (speaker, by, ...)
//   ActionGeo_FullName, _Lat, _Long, _FeatureID   the place
//   SOURCEURL         a source (its url) and a claim
//   every other column  attributes (codes as written)
#include <array>

#include "parley/error.hpp"
#include "parley/record_time.hpp"

#include "datasets/formats.hpp"

namespace parley::detail {

const std::vector<std::string>& gdelt_columns() {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> out = {"GLOBALEVENTID", "SQLDATE", "MonthYear",
                                    "Year", "FractionDate"};
    for (const char* actor : {"Actor1", "Actor2"}) {
      for (const char* field : {"Code", "Name", "CountryCode", "KnownGroupCode",
                                "EthnicCode", "Religion1Code", "Religion2Code",
                                "Type1Code", "Type2Code", "Type3Code"}) {
        out.push_back(std::string(actor) + field);
      }
    }
    for (const char* c :
         {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
          "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
          "NumArticles", "AvgTone"}) {
      out.push_back(c);
    }
    for (const char* geo : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
      for (const char* field : {"Type", "FullName", "CountryCode", "ADM1Code",
                                "ADM2Code", "Lat", "Long", "FeatureID"}) {
        out.push_back(std::string(geo) + field);
      }
    }
    out.push_back("DATEADDED");
    out.push_back("SOURCEURL");
    return out;
  }();
  return columns;
}

CameoKind cameo_kind(std::string_view code) {
  using K = EventKind;
  if (code == "036") return {"AGREE", K::statement};  // intent to meet: words
  if (code == "046") return {"CONSULT", K::negotiation_round};
  if (code == "057") return {"SUPPORT", K::agreement};
  if (code == "0841") return {"RETREAT", K::detainee_release};
  if (code == "0871") return {"CONCEDE", K::ceasefire};
  if (code == "164") return {"SANCTION", K::no_agreement};
  if (code == "196") return {"ASSAULT", K::ceasefire};  // violated
  static constexpr std::array<CameoKind, 20> by_root = {
      {{"", K::statement},             // 01 make public statement
       {"REQUEST", K::proposal},       // 02 appeal
       {"AGREE", K::statement},        // 03 express intent to cooperate
       {"CONSULT", K::meeting},        // 04 consult
       {"SUPPORT", K::support},        // 05 diplomatic cooperation
       {"COOPERATE", K::custom},       // 06 material cooperation
       {"AID", K::custom},             // 07 provide aid
       {"CONCEDE", K::custom},         // 08 yield
       {"ACCUSE", K::custom},          // 09 investigate
       {"REQUEST", K::demand},         // 10 demand
       {"ACCUSE", K::statement},       // 11 disapprove
       {"REJECT", K::rejection},       // 12 reject
       {"THREATEN", K::statement},     // 13 threaten
       {"PROTEST", K::custom},         // 14 protest
       {"MOBILIZE", K::custom},        // 15 exhibit force posture
       {"SANCTION", K::custom},        // 16 reduce relations
       {"COERCE", K::custom},          // 17 coerce
       {"ASSAULT", K::hostilities},    // 18 assault
       {"ASSAULT", K::hostilities},    // 19 fight
       {"ASSAULT", K::hostilities}}};  // 20 unconventional mass violence
  int root = 0;
  if (code.size() >= 3 && code[0] >= '0' && code[0] <= '2' && code[1] >= '0' &&
      code[1] <= '9') {
    root = (code[0] - '0') * 10 + (code[1] - '0');
  }
  if (root < 1 || root > 20) return {"", K::custom};
  return by_root[static_cast<std::size_t>(root - 1)];
}

namespace {

// Actor<n>Code and Actor<n>Name; an empty one is kept (as "") in the
// attributes, so the participants' order gives both actors back.
std::optional<ActorId> gdelt_actor(RowReader& row, const std::string& n,
                                   RowEntities& out) {
  const std::string& code = row.text("Actor" + n + "Code");
  const std::string& name = row.text("Actor" + n + "Name");
  if (code.empty()) row.keep("Actor" + n + "Code");
  if (name.empty()) row.keep("Actor" + n + "Name");
  if (code.empty() && name.empty()) return std::nullopt;
  Actor actor;
  actor.id = ActorId{"actor:gdelt-" + id_part(code.empty() ? name : code)};
  actor.kind = ActorKind::organisation;
  actor.names = {{"en", name.empty() ? code : name}};
  if (!code.empty()) actor.external_ids["cameo"] = code;
  out.actors.push_back(actor);
  out.event.participants.push_back({actor.id, Role::party});
  return actor.id;
}

Payload gdelt_payload(const CameoKind& cameo, const std::string& code,
                      const std::optional<ActorId>& by,
                      const std::optional<ActorId>& to) {
  switch (cameo.kind) {
    case EventKind::statement: {
      Statement s;
      s.speaker = by;
      s.tone = cameo.plover == "AGREE" ? StatementTone::announcement
               : cameo.plover.empty()  ? StatementTone::neutral
                                       : StatementTone::critical;
      return s;
    }
    case EventKind::proposal:
      return Proposal{{by, to, "", {}}};
    case EventKind::demand:
      return Demand{{by, to, "", {}}};
    case EventKind::rejection:
      return Rejection{{by, to, "", {}}};
    case EventKind::support:
      return Support{{by, to, "", {}}};
    case EventKind::agreement: {
      Agreement a;
      for (const auto& party : {by, to}) {
        if (party) a.parties.push_back(*party);
      }
      return a;
    }
    case EventKind::detainee_release:
      return DetaineeRelease{{}, by, Realisation::carried_out};
    case EventKind::ceasefire:
      return Ceasefire{"", code == "196" ? CeasefireState::violated
                                         : CeasefireState::declared};
    case EventKind::hostilities: {
      Hostilities h;
      h.perpetrator = by;
      h.target = to;
      return h;
    }
    case EventKind::custom: {
      std::string name = cameo.plover.empty() ? "cameo" : "";
      for (char c : cameo.plover) name += static_cast<char>(c - 'A' + 'a');
      return Custom{name, {}};
    }
    default:
      return make_payload(cameo.kind);
  }
}

// ActionGeo: the location (by feature id), inside its country (by code).
std::optional<PlaceId> gdelt_place(RowReader& row, RowEntities& out) {
  const std::string& name = row.text("ActionGeo_FullName");
  const std::string& feature = row.text("ActionGeo_FeatureID");
  if (name.empty()) {
    for (const char* c : {"ActionGeo_FullName", "ActionGeo_FeatureID"}) {
      row.keep(c);
    }
    return std::nullopt;
  }
  Place place;
  place.id =
      PlaceId{"place:gdelt-" + id_part(feature.empty() ? name : feature)};
  place.kind = PlaceKind::site;
  place.names = {{"en", name}};
  if (!feature.empty()) place.external_ids["gdelt_feature"] = feature;
  if (feature.empty()) row.keep("ActionGeo_FeatureID");
  const std::optional<double> lat = row.number("ActionGeo_Lat");
  const std::optional<double> lon = row.number("ActionGeo_Long");
  if (lat && lon && *lat >= -90 && *lat <= 90 && *lon >= -180 && *lon <= 180) {
    place.coordinates = Coordinates{*lat, *lon};
  } else {
    row.keep("ActionGeo_Lat");
    row.keep("ActionGeo_Long");
  }
  out.places.push_back(std::move(place));
  return out.places.back().id;
}

// DATEADDED, YYYYMMDDHHMMSS in UTC.
RecordTime date_added(RowReader& row) {
  const std::string& text = row.text("DATEADDED");
  row.keep("DATEADDED");
  const bool digits =
      text.size() == 14 && text.find_first_not_of("0123456789") == text.npos;
  if (digits) {
    try {
      return parse_record_time(text.substr(0, 4) + "-" + text.substr(4, 2) +
                               "-" + text.substr(6, 2) + "T" +
                               text.substr(8, 2) + ":" + text.substr(10, 2) +
                               ":" + text.substr(12, 2) + "Z");
    } catch (const Error&) {
    }
  }
  row.fail("DATEADDED", "'" + text + "' is not a time (YYYYMMDDHHMMSS)");
}

}  // namespace

RowEntities gdelt_row(RowReader& row, const std::string& release) {
  const std::optional<int> id = row.count("GLOBALEVENTID");
  if (!id) row.fail("GLOBALEVENTID", "the row has no id");
  const std::string key = "gdelt-" + std::to_string(*id);
  RowEntities out;
  Event& event = out.event;
  event.id = EventId{"event:" + key};
  event.external = ExternalRef{"gdelt", std::to_string(*id), release};
  const std::string& day = row.text("SQLDATE");
  const auto parsed = day.size() == 8
                          ? parse_day(day.substr(0, 4) + "-" +
                                      day.substr(4, 2) + "-" + day.substr(6, 2))
                          : std::nullopt;
  if (!parsed) row.fail("SQLDATE", "'" + day + "' is not a day (YYYYMMDD)");
  event.time = Edtf::from_day(*parsed);
  out.recorded = date_added(row);
  out.recorded_column = "DATEADDED";
  const std::string& code = row.text("EventCode");
  row.keep("EventCode");
  if (code.size() < 3 || code.size() > 4 ||
      code.find_first_not_of("0123456789") != code.npos) {
    row.fail("EventCode", "'" + code + "' is not a CAMEO code");
  }
  const auto by = gdelt_actor(row, "1", out);
  const auto to = gdelt_actor(row, "2", out);
  const CameoKind cameo = cameo_kind(code);
  event.payload = gdelt_payload(cameo, code, by, to);
  event.place = gdelt_place(row, out);
  event.title = {
      {"en", code + " " + std::string(to_string(cameo.kind)) +
                 (by ? ": " + out.actors.front().names.at("en") : "")}};
  const std::string& url = row.text("SOURCEURL");
  if (url.empty()) {
    row.keep("SOURCEURL");
  } else {
    out.sources.push_back(
        Source{SourceId{"source:" + key}, "", "", "", {}, "", url});
    out.claims.push_back(Claim{ClaimId{"claim:" + key},
                               event.id,
                               out.sources.back().id,
                               {},
                               Stance::asserts,
                               "",
                               {}});
  }
  event.attributes = row.unused();
  return out;
}

}  // namespace parley::detail
