#include "parley/render/csv.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "parley/payload.hpp"
#include "parley/slip.hpp"

#include "render/common.hpp"

namespace parley {
namespace {

using namespace render_detail;

constexpr const char* columns[] = {
    "event_id",   "event_date", "time_precision", "edtf",     "earliest_start",
    "latest_end", "kind",       "plover",         "status",   "planned",
    "slip",       "title",      "actor1",         "actor2",   "assoc_actors",
    "place",      "country",    "admin1",         "location", "latitude",
    "longitude",  "process",    "topics",         "claims",   "source"};

// RFC 4180: quote a field that holds a comma, a quote, CR or LF.
std::string field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

// Columns that hold numbers; every other column holds text.
bool numeric_column(std::size_t index) {
  const std::string_view name = columns[index];
  return name == "time_precision" || name == "latitude" || name == "longitude";
}

// A text cell made safe for spreadsheets (OWASP's rule against formula
// injection): a leading '=', '+', '-', '@', tab or CR gets a "'" before it,
// so the cell is read as text, not run as a formula. Bidi controls are
// shown escaped ("<U+202E>"), so they cannot reorder the row around them.
std::string spreadsheet_text(std::string_view text) {
  std::string out = escape_bidi_controls(text);
  if (!out.empty() && std::string_view("=+-@\t\r").find(out.front()) !=
                          std::string_view::npos) {
    out.insert(out.begin(), '\'');
  }
  return out;
}

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

std::vector<std::string> row(const Timeline& timeline, const Event& event,
                             const RenderOptions& options) {
  const std::string_view lang = options.lang;
  const std::string first = day_text(first_day(event.time));
  std::vector<std::string> names;
  for (const ActorId& id : actors_of(event)) {
    names.push_back(actor_name(timeline, id, lang));
  }
  std::vector<std::string> assoc;
  if (names.size() > 2) assoc.assign(names.begin() + 2, names.end());
  const AdminChain chain = admin_chain(timeline, event, lang);
  const auto coordinates = timeline.coordinates(event);
  std::vector<std::string> claims;
  std::vector<std::string> sources;
  for (const Claim* claim : timeline.claims_on(event.id)) {
    const std::string who = claim->claimant
                                ? actor_name(timeline, *claim->claimant, lang)
                                : "source";
    claims.push_back(who + ":" + std::string(to_string(claim->stance)));
    const Source* source = timeline.source(claim->source);
    std::string name = claim->source.value;
    if (source && !source->publisher.empty()) {
      name = source->publisher;
    } else if (source && !source->title.empty()) {
      name = source->title;
    }
    if (std::find(sources.begin(), sources.end(), name) == sources.end()) {
      sources.push_back(name);
    }
  }
  return {event.id.value,
          first,
          std::to_string(time_precision(event.time)),
          event.time.str(),
          first,
          day_text(last_day(event.time)),
          std::string(to_string(event.kind())),
          std::string(plover_code(event.kind())),
          std::string(to_string(event.status)),
          event.planned ? event.planned->str() : "",
          slip_text(event),
          best(event.title, lang),
          names.size() > 0 ? names[0] : "",
          names.size() > 1 ? names[1] : "",
          join(assoc),
          place_name(timeline, event, lang),
          chain.country,
          chain.admin1,
          chain.location,
          coordinates ? decimal(coordinates->lat) : "",
          coordinates ? decimal(coordinates->lon) : "",
          process_name(timeline, event, lang),
          join(event.topics),
          join(claims),
          join(sources)};
}

// One record; unless `raw`, text cells pass through spreadsheet_text.
void write_record(std::ostream& out, const std::vector<std::string>& fields,
                  bool raw) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out << ',';
    const bool as_is = raw || numeric_column(i);
    out << field(as_is ? fields[i] : spreadsheet_text(fields[i]));
  }
  out << "\r\n";
}

}  // namespace

void write_csv(const Timeline& timeline, std::ostream& out,
               const RenderOptions& options) {
  write_record(out,
               std::vector<std::string>(std::begin(columns), std::end(columns)),
               true);
  for (const Event& event : timeline.events) {
    write_record(out, row(timeline, event, options), options.csv_raw);
  }
  out.flush();
  check_stream(out, "csv");
}

}  // namespace parley
