#include "parley/render/csv.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "parley/clock.hpp"
#include "parley/payload.hpp"
#include "parley/slip.hpp"

#include "render/common.hpp"
#include "render/csv_field.hpp"

namespace parley {
namespace {

using namespace render_detail;

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += "; ";
    out += item;
  }
  return out;
}

// The slip in words (parley::slip_words), "" without a plan.
std::string slip_text(const Event& event) {
  const auto moved = slip(event);
  return moved ? slip_words(*moved) : "";
}

std::string day_text(const std::optional<Day>& day) {
  return day ? to_string(*day) : "";
}

int time_precision(const Edtf& time) {
  const Bounds b = time.bounds();
  if (!b.earliest_start || !b.latest_end) return 3;
  const auto span = (*b.latest_end - *b.earliest_start).count();
  if (span == 1 && !time.uncertain() && !time.approximate()) return 1;
  return span <= 7 ? 2 : 3;
}

int role_rank(Role role) {
  switch (role) {
    case Role::party:
      return 0;
    case Role::mediator:
      return 1;
    case Role::host:
      return 2;
    default:
      return 3;
  }
}

// Participants (parties, mediators, hosts, the rest), then actors named only
// in the payload; each once.
std::vector<ActorId> actors_of(const Event& event) {
  std::vector<Participant> participants = event.participants;
  std::stable_sort(participants.begin(), participants.end(),
                   [](const Participant& a, const Participant& b) {
                     return role_rank(a.role) < role_rank(b.role);
                   });
  std::vector<ActorId> out;
  auto add = [&](const ActorId& id) {
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  };
  for (const Participant& p : participants) add(p.actor);
  for (const PayloadActor& p : payload_actors(event.payload)) add(p.actor);
  return out;
}

struct AdminChain {
  std::string country, admin1, location;
};

AdminChain admin_chain(const Timeline& timeline, const Event& event,
                       std::string_view lang) {
  AdminChain chain;
  if (!event.place) return chain;
  const auto path = timeline.place_path(*event.place);
  for (const Place* p : path) {  // innermost first: the last match wins
    if (p->kind == PlaceKind::country) chain.country = best(p->names, lang);
    if (p->kind == PlaceKind::region) chain.admin1 = best(p->names, lang);
  }
  if (!path.empty() && path.front()->kind != PlaceKind::country &&
      path.front()->kind != PlaceKind::region) {
    chain.location = best(path.front()->names, lang);
  }
  return chain;
}

// "Syria > Rif Dimashq > Eastern Ghouta": the place's path, country first.
std::string place_path(const Timeline& timeline, const Event& event,
                       std::string_view lang) {
  if (!event.place) return "";
  const auto path = timeline.place_path(*event.place);
  std::string out;
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    if (!out.empty()) out += " > ";
    out += best((*it)->names, lang);
  }
  return out;
}

// What a row's cells come from, gathered once per event.
struct RowData {
  const Timeline& timeline;
  const Event& event;
  std::string_view lang;
  std::vector<std::string> names{};  // actors, parties first (actors_of)
  AdminChain chain{};
  std::optional<Coordinates> coordinates{};
  std::vector<std::string> claims{};   // "claimant:stance"
  std::vector<std::string> sources{};  // by publisher, without repeats
  const Deaths* deaths = nullptr;      // render_detail::deaths_of
};

RowData row_data(const Timeline& timeline, const Event& event,
                 std::string_view lang) {
  RowData data{timeline, event, lang};
  for (const ActorId& id : actors_of(event)) {
    data.names.push_back(actor_name(timeline, id, lang));
  }
  data.chain = admin_chain(timeline, event, lang);
  data.coordinates = timeline.coordinates(event);
  for (const Claim* claim : timeline.claims_on(event.id)) {
    const std::string who = claim->claimant
                                ? actor_name(timeline, *claim->claimant, lang)
                                : "source";
    data.claims.push_back(who + ":" + std::string(to_string(claim->stance)));
    const Source* source = timeline.source(claim->source);
    std::string name = claim->source.value;
    if (source && !source->publisher.empty()) {
      name = source->publisher;
    } else if (source && !source->title.empty()) {
      name = source->title;
    }
    if (std::find(data.sources.begin(), data.sources.end(), name) ==
        data.sources.end()) {
      data.sources.push_back(name);
    }
  }
  data.deaths = deaths_of(event);
  return data;
}

std::string nth_name(const RowData& row, std::size_t n) {
  return row.names.size() > n ? row.names[n] : "";
}

std::string count_text(const std::optional<int>& count) {
  return count ? std::to_string(*count) : "";
}

// "Name (role)" for every actor the event names (named_actors).
std::string actor_roles(const RowData& row) {
  std::vector<std::string> items;
  for (const NamedActor& named : named_actors(row.event)) {
    items.push_back(actor_name(row.timeline, named.actor, row.lang) + " (" +
                    named.role + ")");
  }
  return join(items);
}

// A column: its header, whether its cells are numbers (written as they are)
// or text (guarded by spreadsheet_text), and its cell. A new column is one
// line here and one in the header's list (parley/render/csv.hpp).
struct Column {
  const char* name;
  bool numeric;
  std::string (*cell)(const RowData&);
};

using Row = const RowData&;
const Column kColumns[] = {
    {"event_id", false, [](Row r) { return r.event.id.value; }},
    {"event_date", false,
     [](Row r) { return day_text(first_day(r.event.time)); }},
    {"time_precision", true,
     [](Row r) { return std::to_string(time_precision(r.event.time)); }},
    {"edtf", false, [](Row r) { return r.event.time.str(); }},
    {"earliest_start", false,
     [](Row r) { return day_text(first_day(r.event.time)); }},
    {"latest_end", false,
     [](Row r) { return day_text(last_day(r.event.time)); }},
    {"kind", false,
     [](Row r) { return std::string(to_string(r.event.kind())); }},
    {"plover", false,
     [](Row r) { return std::string(plover_code(r.event.kind())); }},
    {"status", false,
     [](Row r) { return std::string(to_string(r.event.status)); }},
    {"planned", false,
     [](Row r) { return r.event.planned ? r.event.planned->str() : ""; }},
    {"slip", false, [](Row r) { return slip_text(r.event); }},
    {"title", false, [](Row r) { return best(r.event.title, r.lang); }},
    {"actor1", false, [](Row r) { return nth_name(r, 0); }},
    {"actor2", false, [](Row r) { return nth_name(r, 1); }},
    {"assoc_actors", false,
     [](Row r) {
       return r.names.size() > 2 ? join({r.names.begin() + 2, r.names.end()})
                                 : "";
     }},
    {"place", false,
     [](Row r) { return place_name(r.timeline, r.event, r.lang); }},
    {"country", false, [](Row r) { return r.chain.country; }},
    {"admin1", false, [](Row r) { return r.chain.admin1; }},
    {"location", false, [](Row r) { return r.chain.location; }},
    {"latitude", true,
     [](Row r) { return r.coordinates ? decimal(r.coordinates->lat) : ""; }},
    {"longitude", true,
     [](Row r) { return r.coordinates ? decimal(r.coordinates->lon) : ""; }},
    {"process", false,
     [](Row r) { return process_name(r.timeline, r.event, r.lang); }},
    {"topics", false, [](Row r) { return join(r.event.topics); }},
    {"claims", false, [](Row r) { return join(r.claims); }},
    {"source", false, [](Row r) { return join(r.sources); }},
    {"deaths_low", true,
     [](Row r) { return r.deaths ? count_text(r.deaths->low) : ""; }},
    {"deaths_best", true,
     [](Row r) { return r.deaths ? count_text(r.deaths->best) : ""; }},
    {"deaths_high", true,
     [](Row r) { return r.deaths ? count_text(r.deaths->high) : ""; }},
    {"place_path", false,
     [](Row r) { return place_path(r.timeline, r.event, r.lang); }},
    {"start_precision", false,
     [](Row r) {
       return std::string(to_string(side_precision(r.event.time, false)));
     }},
    {"end_precision", false,
     [](Row r) {
       return std::string(to_string(side_precision(r.event.time, true)));
     }},
    {"actor_roles", false, actor_roles},
    {"deaths_side_a", true,
     [](Row r) { return r.deaths ? count_text(r.deaths->side_a) : ""; }},
    {"deaths_side_b", true,
     [](Row r) { return r.deaths ? count_text(r.deaths->side_b) : ""; }},
    {"deaths_civilians", true,
     [](Row r) { return r.deaths ? count_text(r.deaths->civilians) : ""; }},
    {"deaths_unknown", true,
     [](Row r) { return r.deaths ? count_text(r.deaths->unknown) : ""; }},
    {"dataset", false,
     [](Row r) { return r.event.external ? r.event.external->dataset : ""; }},
    {"external_id", false,
     [](Row r) { return r.event.external ? r.event.external->key() : ""; }},
    {"release", false,
     [](Row r) { return r.event.external ? r.event.external->release : ""; }},
    {"time_of_day", false,
     [](Row r) {
       const auto& t = r.event.time_of_day;
       return t ? t->start + (t->end.empty() ? "" : "-" + t->end) + " " +
                      t->zone
                : "";
     }},
    {"time_utc", false,
     [](Row r) {
       return utc_text({r.event.time, r.event.time_of_day}).value_or("");
     }},
};

// One record: RFC 4180 quoting; unless `raw`, text cells pass through
// spreadsheet_text.
void write_record(std::ostream& out, const RowData* row, bool raw) {
  bool first = true;
  for (const Column& column : kColumns) {
    if (!first) out << ',';
    first = false;
    if (!row) {
      out << csv_field(column.name);
      continue;
    }
    const std::string cell = column.cell(*row);
    out << csv_field(raw || column.numeric ? cell : spreadsheet_text(cell));
  }
  out << "\r\n";
}

}  // namespace

void write_csv(const Timeline& timeline, std::ostream& out,
               const RenderOptions& options) {
  write_record(out, nullptr, true);
  for (const Event& event : timeline.events) {
    const RowData row = row_data(timeline, event, options.lang);
    write_record(out, &row, options.csv_raw);
  }
  out.flush();
  check_stream(out, "csv");
}

}  // namespace parley
