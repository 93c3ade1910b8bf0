#include "parley/render/csv.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "parley/payload.hpp"

#include "render/format_time.hpp"

namespace parley {
namespace {

using detail::decimal;

constexpr const char* columns[] = {
    "event_id",       "event_date",   "time_precision", "edtf",
    "earliest_start", "latest_end",   "kind",           "plover",
    "status",         "planned",      "title",          "actor1",
    "actor2",         "assoc_actors", "place",          "country",
    "admin1",         "location",     "latitude",       "longitude",
    "process",        "topics",       "claims",         "source"};

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

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += "; ";
    out += item;
  }
  return out;
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
std::vector<ActorId> actors_of(const Event& e) {
  std::vector<Participant> participants = e.participants;
  std::stable_sort(participants.begin(), participants.end(),
                   [](const Participant& a, const Participant& b) {
                     return role_rank(a.role) < role_rank(b.role);
                   });
  std::vector<ActorId> out;
  auto add = [&](const ActorId& id) {
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  };
  for (const Participant& p : participants) add(p.actor);
  for (const PayloadActor& p : payload_actors(e.payload)) add(p.actor);
  return out;
}

struct AdminChain {
  std::string country, admin1, location;
};

AdminChain admin_chain(const Timeline& t, const Event& e,
                       std::string_view lang) {
  AdminChain chain;
  if (!e.place) return chain;
  const auto path = t.place_path(*e.place);
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

std::vector<std::string> row(const Timeline& t, const Event& e,
                             const RenderOptions& options) {
  const std::string_view lang = options.lang;
  const std::string first = day_text(detail::first_day(e.time));
  std::vector<std::string> names;
  for (const ActorId& id : actors_of(e)) {
    names.push_back(detail::actor_name(t, id, lang));
  }
  std::vector<std::string> assoc;
  if (names.size() > 2) assoc.assign(names.begin() + 2, names.end());
  const AdminChain chain = admin_chain(t, e, lang);
  const auto coordinates = t.coordinates(e);
  std::vector<std::string> claims;
  std::vector<std::string> sources;
  for (const Claim* c : t.claims_on(e.id)) {
    const std::string who =
        c->claimant ? detail::actor_name(t, *c->claimant, lang) : "source";
    claims.push_back(who + ":" + std::string(to_string(c->stance)));
    const Source* s = t.source(c->source);
    std::string name = c->source.value;
    if (s && !s->publisher.empty()) {
      name = s->publisher;
    } else if (s && !s->title.empty()) {
      name = s->title;
    }
    if (std::find(sources.begin(), sources.end(), name) == sources.end()) {
      sources.push_back(name);
    }
  }
  return {e.id.value,
          first,
          std::to_string(time_precision(e.time)),
          e.time.str(),
          first,
          day_text(detail::last_day(e.time)),
          std::string(to_string(e.kind())),
          std::string(plover_code(e.kind())),
          std::string(to_string(e.status)),
          e.planned ? e.planned->str() : "",
          best(e.title, lang),
          names.size() > 0 ? names[0] : "",
          names.size() > 1 ? names[1] : "",
          join(assoc),
          detail::place_name(t, e, lang),
          chain.country,
          chain.admin1,
          chain.location,
          coordinates ? decimal(coordinates->lat) : "",
          coordinates ? decimal(coordinates->lon) : "",
          detail::process_name(t, e, lang),
          join(e.topics),
          join(claims),
          join(sources)};
}

void write_record(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out << ',';
    out << field(fields[i]);
  }
  out << "\r\n";
}

}  // namespace

void write_csv(const Timeline& timeline, std::ostream& out,
               const RenderOptions& options) {
  write_record(
      out, std::vector<std::string>(std::begin(columns), std::end(columns)));
  for (const Event& e : timeline.events) {
    write_record(out, row(timeline, e, options));
  }
  out.flush();
  detail::check_stream(out, "csv");
}

}  // namespace parley
