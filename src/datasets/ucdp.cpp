// UCDP GED rows (version 19.1, 41 columns) to parley's model; the mapping
// is documented in include/parley/datasets.hpp.
#include <nlohmann/json.hpp>

#include "datasets/formats.hpp"

namespace parley::detail {
namespace {

ActorKind side_kind(std::string_view name) {
  if (name.rfind("Government of ", 0) == 0) return ActorKind::government;
  // UCDP's side b of one-sided violence; parley has no kind for it.
  if (name == "Civilians") return ActorKind::organisation;
  return ActorKind::armed_group;
}

Actor named_actor(const std::string& prefix, const std::string& name,
                  ActorKind kind) {
  Actor actor;
  actor.id = ActorId{prefix + id_part(name)};
  actor.kind = kind;
  actor.names = {{"en", name}};
  return actor;
}

// A side and, for a coalition ("A, B"), its members before it.
ActorId add_side(RowReader& row, const char* name_column, const char* id_column,
                 RowEntities& out) {
  const std::string& name = row.text(name_column);
  if (name.empty()) row.fail(name_column, "a side needs a name");
  const std::optional<int> ucdp_id = row.count(id_column);
  if (!ucdp_id) row.fail(id_column, "a side needs its UCDP id");
  Actor side = named_actor("actor:ucdp-", name, side_kind(name));
  side.external_ids["ucdp"] = std::to_string(*ucdp_id);
  const std::vector<std::string> members = split(name, ", ");
  if (members.size() > 1) {
    side.kind = ActorKind::coalition;
    for (const std::string& member : members) {
      if (member.empty()) continue;
      out.actors.push_back(
          named_actor("actor:ucdp-", member, side_kind(member)));
      side.ties.push_back({TieKind::member_of, out.actors.back().id, {}});
    }
  }
  out.actors.push_back(side);
  return side.id;
}

ProcessId add_processes(RowReader& row, RowEntities& out) {
  ProcessId parent;
  for (const auto& [kind, id_column, name_column] :
       {std::tuple{"conflict", "conflict_new_id", "conflict_name"},
        std::tuple{"dyad", "dyad_new_id", "dyad_name"}}) {
    const std::optional<int> id = row.count(id_column);
    if (!id) row.fail(id_column, std::string("a ") + kind + " needs its id");
    const std::string& name = row.text(name_column);
    if (name.empty()) row.fail(name_column, std::string("empty ") + kind);
    Process process;
    process.id = ProcessId{std::string("process:ucdp-") + kind + "-" +
                           std::to_string(*id)};
    process.kind = ProcessKind::conflict;
    process.names = {{"en", name}};
    if (!parent.empty()) process.parent = parent;
    parent = process.id;
    out.processes.push_back(std::move(process));
  }
  return parent;
}

// Country ⊃ adm_1 ⊃ adm_2 ⊃ the location; returns the innermost.
PlaceId add_places(RowReader& row, RowEntities& out) {
  const std::optional<int> country_id = row.count("country_id");
  if (!country_id) row.fail("country_id", "the country needs its code");
  const std::string& country = row.text("country");
  if (country.empty()) row.fail("country", "empty country");
  Place place;
  place.id = PlaceId{"place:ucdp-" + std::to_string(*country_id)};
  place.kind = PlaceKind::country;
  place.names = {{"en", country}};
  place.external_ids["gw"] = std::to_string(*country_id);
  out.places.push_back(place);
  for (const auto& [column, kind] : {std::pair{"adm_1", PlaceKind::region},
                                     {"adm_2", PlaceKind::area},
                                     {"where_coordinates", PlaceKind::site}}) {
    const std::string& name = row.text(column);
    if (name.empty()) continue;
    Place inner;
    inner.id = PlaceId{place.id.value + "/" + id_part(name)};
    inner.kind = kind;
    inner.names = {{"en", name}};
    inner.parent = place.id;
    place = std::move(inner);
    out.places.push_back(place);
  }
  if (place.kind != PlaceKind::site) return place.id;  // coordinates stay raw
  const std::optional<double> lat = row.number("latitude");
  const std::optional<double> lon = row.number("longitude");
  if (lat && !(*lat >= -90 && *lat <= 90)) row.fail("latitude", "not -90..90");
  if (lon && !(*lon >= -180 && *lon <= 180)) {
    row.fail("longitude", "not -180..180");
  }
  if (lat && lon) {
    out.places.back().coordinates = Coordinates{*lat, *lon};
  } else {
    row.keep("latitude");
    row.keep("longitude");
  }
  return place.id;
}

std::string format_day(date::year_month_day day) {
  return date::format("%F", date::sys_days{day});
}

// The day, or "[start..end]": one day between them, as date_prec says.
Edtf event_time(RowReader& row, std::vector<Flag>& flags) {
  const date::year_month_day start = row.day("date_start");
  const date::year_month_day end = row.day("date_end");
  if (end < start) {
    flags.push_back(
        {FlagCode::end_before_start,
         "date_end " + format_day(end) + " < date_start " + format_day(start)});
    row.keep("date_end");
    return Edtf::from_day(start);
  }
  if (start == end) return Edtf::from_day(start);
  return Edtf::parse("[" + format_day(start) + ".." + format_day(end) + "]");
}

// The article list UCDP derives from office, date and headline.
std::string article_list(const std::vector<std::string>& offices,
                         const std::vector<std::string>& dates,
                         const std::vector<std::string>& headlines) {
  std::string out;
  for (std::size_t i = 0; i < offices.size(); ++i) {
    if (i) out += ';';
    out += '"' + offices[i] + ',' + dates[i] + ',' + headlines[i] + '"';
  }
  return out;
}

// One source per entry of the ";" lists of office, date and headline, with
// a claim each by source_original. Lists that do not line up, or a date
// that is not a day, make one source holding the lists as written (the
// dates kept raw). source_article is kept raw unless the lists rebuild it.
void add_sources(RowReader& row, const std::string& key, RowEntities& out) {
  const std::string& office = row.text("source_office");
  const std::string& dates = row.text("source_date");
  const std::string& headline = row.text("source_headline");
  const std::string& article = row.text("source_article");
  const std::string& original = row.text("source_original");
  if (office.empty() && dates.empty() && headline.empty()) {
    for (const char* column :
         {"source_article", "source_date", "source_original"}) {
      row.keep(column);
    }
    return;
  }
  const auto offices = split(office, ";");
  const auto days = split(dates, ";");
  const auto headlines = split(headline, ";");
  bool lined_up =
      offices.size() == days.size() && offices.size() == headlines.size();
  for (std::size_t i = 0; lined_up && i < days.size(); ++i) {
    lined_up = parse_day(days[i]).has_value();
  }
  const std::size_t n = lined_up ? offices.size() : 1;
  if (!lined_up || article_list(offices, days, headlines) != article) {
    row.keep("source_article");
  }
  if (!lined_up) row.keep("source_date");
  std::optional<ActorId> claimant;
  if (!original.empty()) {
    out.actors.push_back(
        named_actor("actor:source-", original, ActorKind::organisation));
    claimant = out.actors.back().id;
  }
  for (std::size_t i = 0; i < n; ++i) {
    Source source;
    source.id = SourceId{"source:" + key + "-" + std::to_string(i + 1)};
    source.publisher = lined_up ? offices[i] : office;
    source.title = lined_up ? headlines[i] : headline;
    if (lined_up) source.published = Edtf::from_day(*parse_day(days[i]));
    Claim claim;
    claim.id = ClaimId{"claim:" + key + "-" + std::to_string(i + 1)};
    claim.source = source.id;
    claim.claimant = claimant;
    out.sources.push_back(std::move(source));
    out.claims.push_back(std::move(claim));
  }
}

Deaths deaths(RowReader& row) {
  Deaths d;
  d.low = row.count("low");
  d.best = row.count("best");
  d.high = row.count("high");
  d.side_a = row.count("deaths_a");
  d.side_b = row.count("deaths_b");
  d.civilians = row.count("deaths_civilians");
  d.unknown = row.count("deaths_unknown");
  return d;
}

}  // namespace

RowEntities ucdp_row(RowReader& row, const std::string& release) {
  const std::optional<int> id = row.count("id");
  if (!id) row.fail("id", "the row has no id");
  const std::string key = "ucdp-" + std::to_string(*id);
  RowEntities out;
  Event& event = out.event;
  event.id = EventId{"event:" + key};
  event.external = ExternalRef{"ucdp", std::to_string(*id), release};
  event.time = event_time(row, event.flags);
  const ActorId side_a = add_side(row, "side_a", "side_a_new_id", out);
  const ActorId side_b = add_side(row, "side_b", "side_b_new_id", out);
  event.participants = {{side_a, Role::party}, {side_b, Role::party}};
  event.process = add_processes(row, out);
  event.place = add_places(row, out);
  const std::string& where = row.text("where_coordinates");
  event.title = {
      {"en", row.text("dyad_name") + (where.empty() ? "" : ", " + where)}};
  Hostilities hostilities;
  hostilities.deaths = deaths(row);
  for (Flag& flag : hostilities.deaths.inconsistencies()) {
    event.flags.push_back(std::move(flag));
  }
  event.payload = std::move(hostilities);
  add_sources(row, key, out);
  for (Claim& claim : out.claims) claim.event = event.id;
  event.attributes = row.unused();
  return out;
}

}  // namespace parley::detail
