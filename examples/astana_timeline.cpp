// The second Astana round on Syria (February 2017), built through parley's
// C++ API and printed as a timeline.
//
// The facts come from an undated Arabic news report (see
// examples/data/astana-2017.json for the complete scenario as a document).
// This program stores the core of it in an in-memory database — the round,
// its sessions, the pledges and the competing accounts of how it ended, the
// Moscow meeting, and the Geneva talks it prepared — resolving the report's
// own relative dates ("a day late", "the 23rd of this month") against their
// anchors, then prints every event in chronological order with who said so.
//
//   build/examples/astana_timeline
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "parley/parley.hpp"
#include "parley/relative.hpp"

namespace {

using parley::ActorId;
using parley::EventId;
using parley::Role;

parley::Actor actor(const char* id, parley::ActorKind kind, const char* en,
                    const char* ar) {
  parley::Actor a;
  a.id = ActorId{id};
  a.kind = kind;
  a.names = {{"en", en}, {"ar", ar}};
  return a;
}

parley::Place place(const char* id, parley::PlaceKind kind, const char* en,
                    const char* ar, const char* parent = nullptr) {
  parley::Place p;
  p.id = parley::PlaceId{id};
  p.kind = kind;
  p.names = {{"en", en}, {"ar", ar}};
  if (parent) p.parent = parley::PlaceId{parent};
  return p;
}

// An event of the round, in Astana, on `time`.
parley::Event event(const char* id, const char* title, parley::Payload payload,
                    const parley::Edtf& time) {
  parley::Event e;
  e.id = EventId{id};
  e.title = {{"en", title}};
  e.time = time;
  e.place = parley::PlaceId{"place:astana"};
  e.process = parley::ProcessId{"process:astana"};
  e.payload = std::move(payload);
  return e;
}

parley::Claim claim(const char* id, const char* event, const char* claimant,
                    parley::Stance stance = parley::Stance::asserts) {
  parley::Claim c;
  c.id = parley::ClaimId{id};
  c.event = EventId{event};
  c.source = parley::SourceId{"source:report"};
  if (claimant) c.claimant = ActorId{claimant};
  c.stance = stance;
  return c;
}

void build(parley::Database& db) {
  using K = parley::ActorKind;
  for (const auto& a : {
           actor("actor:opposition", K::delegation, "Opposition delegation",
                 "وفد فصائل المعارضة"),
           actor("actor:government", K::delegation, "Government delegation",
                 "وفد النظام السوري"),
           actor("actor:alloush", K::person, "Mohammed Alloush", "محمد علوش"),
           actor("actor:jaafari", K::person, "Bashar al-Jaafari",
                 "بشار الجعفري"),
           actor("actor:russia", K::state, "Russia", "روسيا"),
           actor("actor:turkey", K::state, "Turkey", "تركيا"),
           actor("actor:iran", K::state, "Iran", "إيران"),
           actor("actor:lavrov", K::person, "Sergei Lavrov", "سيرغي لافروف"),
           actor("actor:de-mistura", K::person, "Staffan de Mistura",
                 "ستافان دي ميستورا"),
       }) {
    db.add(a);
  }
  using P = parley::PlaceKind;
  db.add(place("place:syria", P::country, "Syria", "سوريا"));
  db.add(place("place:eastern-ghouta", P::area, "Eastern Ghouta",
               "الغوطة الشرقية", "place:syria"));
  auto astana = place("place:astana", P::city, "Astana", "أستانا");
  astana.zone = "Asia/Almaty";
  db.add(astana);
  db.add(place("place:moscow", P::city, "Moscow", "موسكو"));
  db.add(place("place:geneva", P::city, "Geneva", "جنيف"));
  for (const char* id : {"process:astana", "process:geneva"}) {
    parley::Process p;
    p.id = parley::ProcessId{id};
    p.names = {{"en", id[8] == 'a' ? "Astana talks" : "Geneva talks"}};
    db.add(p);
  }

  // The report is undated; its content places it on Thursday 2017-02-16.
  parley::Source report;
  report.id = parley::SourceId{"source:report"};
  report.language = "ar";
  report.published = parley::Edtf::parse("2017-02-16?");
  report.published_note = "inferred from its content";
  db.add(report);

  // F1: planned for Wednesday 02-15, the round began "a day late".
  const auto planned = parley::Edtf::parse("2017-02-15");
  const parley::Resolution late = parley::resolve(
      "متأخرة يوماً", parley::Lang::ar, parley::Anchor::from(planned));
  auto round = event("event:astana-2", "Second Astana round",
                     parley::NegotiationRound{2}, late.value);
  round.planned = planned;
  round.status = parley::Status::held;
  round.participants = {{ActorId{"actor:opposition"}, Role::party},
                        {ActorId{"actor:government"}, Role::party},
                        {ActorId{"actor:russia"}, Role::mediator},
                        {ActorId{"actor:turkey"}, Role::mediator}};
  db.add(round);

  // F11: three sessions on Thursday morning, Astana time.
  for (const char* id :
       {"event:session-1", "event:session-2", "event:session-3"}) {
    auto s = event(id, "Morning consultations", parley::Session{}, late.value);
    s.parent = round.id;
    s.time_of_day =
        parley::TimeOfDay{"06:00", "12:00", "Asia/Almaty", "morning"};
    db.add(s);
  }

  // F4/F5 and F19: two accounts of how the round ended.
  const auto day = late.value;
  auto shelling = event("event:pledge-shelling",
                        "Russian pledge: government forces stop shelling",
                        parley::Pledge{ActorId{"actor:russia"},
                                       ActorId{"actor:opposition"},
                                       {"stop the shelling"}},
                        day);
  auto siege = event("event:pledge-siege",
                     "Russian pledge: lift the siege of Eastern Ghouta",
                     parley::Pledge{ActorId{"actor:russia"},
                                    ActorId{"actor:opposition"},
                                    {"lift the siege of Eastern Ghouta"}},
                     day);
  auto none = event("event:no-new-agreement", "No new agreement",
                    parley::NoAgreement{"any new agreement"}, day);
  // F10: the opposition rejects any role for Iran.
  parley::Rejection no_iran;
  no_iran.by = ActorId{"actor:opposition"};
  no_iran.object = "any role for Iran";
  no_iran.object_actor = ActorId{"actor:iran"};
  auto rejection = event("event:no-iran",
                         "Opposition rejects any role for Iran", no_iran, day);
  for (auto* e : {&shelling, &siege, &none, &rejection}) {
    e->parent = round.id;
    db.add(*e);
  }
  db.add(claim("claim:f4", "event:pledge-shelling", "actor:alloush"));
  db.add(claim("claim:f5", "event:pledge-siege", "actor:alloush"));
  db.add(claim("claim:f10", "event:no-iran", "actor:alloush"));
  db.add(claim("claim:f19", "event:no-new-agreement", "actor:jaafari"));

  // F13: Lavrov met de Mistura in Moscow; the report gives no date, so the
  // meeting is "some day on or before" the report's.
  auto moscow = event("event:moscow", "Lavrov meets de Mistura",
                      parley::Meeting{parley::MeetingFormat::bilateral},
                      parley::Edtf::parse("[..2017-02-16]"));
  moscow.place = parley::PlaceId{"place:moscow"};
  moscow.process = parley::ProcessId{"process:geneva"};
  moscow.participants = {{ActorId{"actor:lavrov"}, Role::party},
                         {ActorId{"actor:de-mistura"}, Role::party}};
  db.add(moscow);
  db.add(claim("claim:f13", "event:moscow", nullptr));

  // F18: Geneva "on the 23rd of this month", read against the report's date.
  const parley::Resolution geneva_day =
      parley::resolve("في الثالث والعشرين من الشهر الحالي", parley::Lang::ar,
                      parley::Anchor{date::year{2017} / 2 / 16, "Asia/Almaty"});
  auto geneva = event("event:geneva-4", "Geneva talks open",
                      parley::NegotiationRound{4}, geneva_day.value);
  geneva.place = parley::PlaceId{"place:geneva"};
  geneva.process = parley::ProcessId{"process:geneva"};
  geneva.planned = geneva_day.value;
  geneva.status = parley::Status::scheduled;
  db.add(geneva);
  db.add(claim("claim:f18", "event:geneva-4", "actor:de-mistura"));
}

// Chronological order that is defined for imprecise dates: earliest start
// (open starts first), then latest end, then id.
bool earlier(const parley::Event& a, const parley::Event& b) {
  const auto x = a.time.bounds();
  const auto y = b.time.bounds();
  if (x.earliest_start != y.earliest_start) {
    return !x.earliest_start ||
           (y.earliest_start && *x.earliest_start < *y.earliest_start);
  }
  if (x.latest_end != y.latest_end) {
    return y.latest_end.has_value() &&
           (!x.latest_end || *x.latest_end < *y.latest_end);
  }
  return a.id < b.id;
}

std::string when(const parley::Event& e) {
  std::string out = e.time.str();
  if (e.planned && !(*e.planned == e.time)) {
    out += " (planned " + e.planned->str() + ")";
  }
  if (e.time_of_day) {
    out += " " + e.time_of_day->label + " " + e.time_of_day->start + "-" +
           e.time_of_day->end + " " + e.time_of_day->zone;
  }
  return out;
}

void print(const parley::Database& db) {
  auto events = db.events();
  std::sort(events.begin(), events.end(), earlier);
  const auto claims = db.claims();
  std::cout << "Second Astana round on Syria, February 2017\n\n";
  for (const auto& e : events) {
    std::cout << when(e) << "  [" << to_string(e.kind()) << "] "
              << parley::best(e.title) << "\n";
    if (e.status != parley::Status::none) {
      std::cout << "    status: " << to_string(e.status) << "\n";
    }
    for (const auto& c : claims) {
      if (c.event != e.id) continue;
      std::string who = "the report";
      if (c.claimant) {
        const auto a = db.actor(*c.claimant);
        who =
            parley::best(a->names) + " (" + parley::best(a->names, "ar") + ")";
      }
      std::cout << "    " << to_string(c.stance) << ": " << who << "\n";
    }
  }
}

}  // namespace

int main() {
  try {
    parley::Database db{":memory:"};
    build(db);
    print(db);
  } catch (const parley::Error& e) {
    std::cerr << "astana_timeline: " << e.what() << '\n';
    return 1;
  }
}
