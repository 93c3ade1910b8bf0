// The second Astana round on Syria (February 2017), built through parley's
// C++ API and printed as a timeline.
//
// The facts F1–F19 of an undated Arabic news report (the same scenario as
// examples/data/astana-2017.json): the round that opened a day late, its
// three morning sessions, the pledges and the competing accounts of how it
// ended, the Moscow meeting, and the Geneva talks it prepared. The report's
// own relative dates ("a day late", "the 23rd of this month") are resolved
// against their anchors. Everything is recorded as known on the evening of
// 2017-02-16, except the later report that Geneva opened as scheduled. The
// timeline is then read with parley's query and printed with its text
// renderer.
//
//   build/examples/astana_timeline
#include <initializer_list>
#include <iostream>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "parley/parley.hpp"
#include "parley/render/text.hpp"

namespace {

using parley::ActorId;
using parley::EventId;
using parley::Role;

const parley::WriteOptions evening{
    parley::parse_record_time("2017-02-16T18:00:00Z")};

parley::Actor actor(const char* id, parley::ActorKind kind, const char* en,
                    const char* ar, std::vector<parley::Tie> ties = {}) {
  parley::Actor a;
  a.id = ActorId{id};
  a.kind = kind;
  a.names = {{"en", en}, {"ar", ar}};
  a.ties = std::move(ties);
  return a;
}

parley::Tie tie(parley::TieKind kind, const char* other) {
  return parley::Tie{kind, ActorId{other}, std::nullopt};
}

void add_actors(parley::Database& db) {
  using K = parley::ActorKind;
  using T = parley::TieKind;
  for (const auto& a : {
           actor("actor:armed-opposition", K::armed_group,
                 "Syrian armed opposition factions", "فصائل المعارضة المسلحة"),
           actor("actor:opposition-delegation", K::delegation,
                 "Armed opposition delegation", "وفد فصائل المعارضة",
                 {tie(T::represents, "actor:armed-opposition")}),
           actor("actor:alloush", K::person, "Mohammed Alloush", "محمد علوش",
                 {tie(T::heads, "actor:opposition-delegation")}),
           actor("actor:syrian-government", K::government,
                 "Government of Syria", "الحكومة السورية"),
           actor("actor:assad", K::person, "Bashar al-Assad", "بشار الأسد",
                 {tie(T::heads, "actor:syrian-government")}),
           actor("actor:government-delegation", K::delegation,
                 "Syrian government delegation", "وفد النظام السوري",
                 {tie(T::represents, "actor:syrian-government")}),
           actor("actor:jaafari", K::person, "Bashar al-Jaafari",
                 "بشار الجعفري",
                 {tie(T::heads, "actor:government-delegation")}),
           actor("actor:russia", K::state, "Russia", "روسيا",
                 {tie(T::backs, "actor:syrian-government")}),
           actor("actor:turkey", K::state, "Turkey", "تركيا",
                 {tie(T::backs, "actor:armed-opposition")}),
           actor("actor:iran", K::state, "Iran", "إيران"),
           actor("actor:kazakhstan", K::state, "Kazakhstan", "كازاخستان"),
           actor("actor:kazakh-mfa-spokesperson", K::person,
                 "Spokesperson of Kazakhstan's foreign ministry",
                 "متحدث باسم الخارجية الكازاخستانية",
                 {tie(T::represents, "actor:kazakhstan")}),
           actor("actor:lavrov", K::person, "Sergei Lavrov", "سيرغي لافروف",
                 {tie(T::represents, "actor:russia")}),
           actor("actor:un", K::organisation, "United Nations",
                 "الأمم المتحدة"),
           actor("actor:de-mistura", K::person, "Staffan de Mistura",
                 "ستافان دي ميستورا", {tie(T::represents, "actor:un")}),
       }) {
    db.add(a, evening);
  }
}

void add_place(parley::Database& db, const char* id, parley::PlaceKind kind,
               const char* en, const char* ar, const char* parent,
               const char* zone) {
  parley::Place p;
  p.id = parley::PlaceId{id};
  p.kind = kind;
  p.names = {{"en", en}, {"ar", ar}};
  if (parent) p.parent = parley::PlaceId{parent};
  if (zone) p.zone = zone;
  db.add(p, evening);
}

void add_places_and_processes(parley::Database& db) {
  using P = parley::PlaceKind;
  add_place(db, "place:syria", P::country, "Syria", "سوريا", nullptr,
            "Asia/Damascus");
  add_place(db, "place:rif-dimashq", P::region, "Rif Dimashq", "ريف دمشق",
            "place:syria", "Asia/Damascus");
  add_place(db, "place:eastern-ghouta", P::area, "Eastern Ghouta",
            "الغوطة الشرقية", "place:rif-dimashq", "Asia/Damascus");
  add_place(db, "place:kazakhstan", P::country, "Kazakhstan", "كازاخستان",
            nullptr, nullptr);
  add_place(db, "place:astana", P::city, "Astana", "أستانا", "place:kazakhstan",
            "Asia/Almaty");
  add_place(db, "place:russia", P::country, "Russia", "روسيا", nullptr,
            nullptr);
  add_place(db, "place:moscow", P::city, "Moscow", "موسكو", "place:russia",
            "Europe/Moscow");
  add_place(db, "place:switzerland", P::country, "Switzerland", "سويسرا",
            nullptr, nullptr);
  add_place(db, "place:geneva", P::city, "Geneva", "جنيف", "place:switzerland",
            "Europe/Zurich");

  const std::pair<const char*, const char*> processes[] = {
      {"process:syria", "Syrian conflict"},
      {"process:astana", "Astana talks"},
      {"process:geneva", "Intra-Syrian talks in Geneva"}};
  for (const auto& [id, name] : processes) {
    parley::Process p;
    p.id = parley::ProcessId{id};
    p.kind = id == std::string("process:syria") ? parley::ProcessKind::conflict
                                                : parley::ProcessKind::talks;
    p.names = {{"en", name}};
    if (p.kind == parley::ProcessKind::talks) {
      p.parent = parley::ProcessId{"process:syria"};
    }
    db.add(p, evening);
  }
}

// F-less setting: the report is undated; its content places it on Thursday
// 2017-02-16, so its date is recorded as uncertain, with the reason.
void add_sources(parley::Database& db) {
  parley::Source report;
  report.id = parley::SourceId{"source:astana-2-report"};
  report.publisher = "Arabic-language news report";
  report.language = "ar";
  report.published = parley::Edtf::parse("2017-02-16?");
  report.published_note = "undated; its content places it on 2017-02-16";
  db.add(report, evening);
}

// An event of the second round: in Astana, part of the round, on `time`.
parley::Event in_round(const char* id, const char* title,
                       parley::Payload payload, const parley::Edtf& time) {
  parley::Event e;
  e.id = EventId{id};
  e.title = {{"en", title}};
  e.time = time;
  e.place = parley::PlaceId{"place:astana"};
  e.process = parley::ProcessId{"process:astana"};
  e.parent = EventId{"event:astana-2"};
  e.payload = std::move(payload);
  return e;
}

// A claim of the report: `claimant` (empty: the report itself) says so.
void claim(parley::Database& db, const char* id, const char* event,
           const char* claimant, const char* quote = "",
           parley::Stance stance = parley::Stance::asserts) {
  parley::Claim c;
  c.id = parley::ClaimId{id};
  c.event = EventId{event};
  c.source = parley::SourceId{"source:astana-2-report"};
  if (claimant) c.claimant = ActorId{claimant};
  c.stance = stance;
  c.quote = quote;
  db.add(c, evening);
}

void link(parley::Database& db, const char* from, parley::LinkKind kind,
          const char* to, const char* reason = "") {
  db.add(parley::Link{EventId{from}, kind, EventId{to}, reason}, evening);
}

// F1, F11, F12: the round opened "a day late" (resolved against the planned
// Wednesday) because the opposition arrived late; three sessions on
// Thursday morning, Astana time; the first day's agenda.
void add_round(parley::Database& db, const parley::Edtf& day) {
  const auto planned = parley::Edtf::parse("2017-02-15");
  const parley::Resolution late = parley::resolve(
      "متأخرة يوماً", parley::Lang::ar, parley::Anchor::from(planned));
  auto round = in_round("event:astana-2", "Second Astana round on Syria",
                        parley::NegotiationRound{2}, late.value);
  round.parent.reset();
  round.planned = planned;
  round.status = parley::Status::held;
  round.participants = {{ActorId{"actor:opposition-delegation"}, Role::party},
                        {ActorId{"actor:government-delegation"}, Role::party},
                        {ActorId{"actor:russia"}, Role::mediator},  // F3
                        {ActorId{"actor:turkey"}, Role::mediator},
                        {ActorId{"actor:kazakhstan"}, Role::host}};
  db.add(round, evening);
  claim(db, "claim:f1", "event:astana-2", nullptr, "متأخرة يوماً");

  auto arrival = in_round("event:opposition-late-arrival",
                          "Opposition negotiators arrive late in Astana",
                          parley::Custom{"late_arrival", {}},
                          parley::Edtf::parse("2017-02-15/2017-02-16"));
  arrival.parent.reset();
  arrival.participants = {
      {ActorId{"actor:opposition-delegation"}, Role::party}};
  db.add(arrival, evening);
  claim(db, "claim:f1-late", "event:opposition-late-arrival", nullptr);

  // Three sessions, told apart by their order in the morning (the report
  // gives no clock time for each).
  const char* const ordinals[] = {"first", "second", "third"};
  for (int n = 1; n <= 3; ++n) {
    const std::string id = "event:astana-2-session-" + std::to_string(n);
    const std::string title =
        "Astana round 2: " + std::string(ordinals[n - 1]) +
        " morning consultation";
    auto s = in_round(id.c_str(), title.c_str(), parley::Session{}, day);
    s.time_of_day =
        parley::TimeOfDay{"06:00", "12:00", "Asia/Almaty", "morning"};
    db.add(s, evening);
    const std::string claim_id = "claim:f11-" + std::to_string(n);
    claim(db, claim_id.c_str(), id.c_str(), "actor:kazakh-mfa-spokesperson",
          n == 1 ? "صباح الخميس" : "");
  }

  parley::Statement agenda;
  agenda.speaker = ActorId{"actor:kazakh-mfa-spokesperson"};
  agenda.tone = parley::StatementTone::announcement;
  auto f12 = in_round("event:first-day-agenda",
                      "Kazakhstan: first day centred on consolidating the "
                      "ceasefire; draft constitution on the agenda",
                      agenda, day);
  f12.topics = {"ceasefire", "constitution"};
  db.add(f12, evening);
  claim(db, "claim:f12", "event:first-day-agenda",
        "actor:kazakh-mfa-spokesperson");
}

// The pledged and the denied: F2, F4–F6 and the hostilities the pledges
// are about.
void add_outcomes(parley::Database& db, const parley::Edtf& day) {
  auto f2 = in_round(
      "event:no-ceasefire-consolidation",
      "Round closes without agreement on consolidating the "
      "ceasefire",
      parley::NoAgreement{"consolidating the ceasefire in Syria"}, day);
  db.add(f2, evening);
  claim(db, "claim:f2", "event:no-ceasefire-consolidation", nullptr);

  for (const auto& [id, title, kind, place] :
       {std::tuple{"event:government-shelling", "Shelling by government forces",
                   parley::HostilityKind::shelling, "place:syria"},
        std::tuple{"event:ghouta-siege", "Siege of Eastern Ghouta",
                   parley::HostilityKind::siege, "place:eastern-ghouta"}}) {
    parley::Hostilities h;
    h.kind = kind;
    h.perpetrator = ActorId{"actor:syrian-government"};
    auto e = in_round(id, title, h, day);
    e.parent.reset();
    e.place = parley::PlaceId{place};
    e.process = parley::ProcessId{"process:syria"};
    db.add(e, evening);
  }

  const auto pledge = [&](const char* id, const char* title,
                          const char* obligation, const char* quote,
                          const char* claim_id) {
    auto e = in_round(id, title,
                      parley::Pledge{ActorId{"actor:russia"},
                                     ActorId{"actor:armed-opposition"},
                                     {obligation}},
                      day);
    db.add(e, evening);
    claim(db, claim_id, id, "actor:alloush", quote);
  };
  pledge("event:pledge-stop-shelling",
         "Russian pledge that government forces stop shelling",
         "government forces stop their shelling", "تعهد روسي بوقف قصف",
         "claim:f4");
  pledge("event:pledge-lift-ghouta-siege",
         "Russian pledge to lift the siege of Eastern Ghouta",
         "lift the siege of Eastern Ghouta", "فك الحصار عن الغوطة الشرقية",
         "claim:f5");

  parley::Agreement committee;
  committee.document = "committee for the ceasefire";
  committee.stage = parley::AgreementStage::ceasefire;
  db.add(in_round("event:ceasefire-committee-agreement",
                  "Agreement to form a ceasefire committee", committee, day),
         evening);
  claim(db, "claim:f6", "event:ceasefire-committee-agreement", "actor:alloush",
        "", parley::Stance::denies);
}

// What the opposition said the meeting worked on (F7–F10), and the
// government's account of the outcome (F19).
void add_accounts(parley::Database& db, const parley::Edtf& day) {
  parley::Demand arab_role;
  arab_role.by = ActorId{"actor:opposition-delegation"};
  arab_role.object =
      "a major Arab role in any committee formed for the "
      "ceasefire";
  db.add(in_round("event:demand-arab-role",
                  "Opposition demands a major Arab role in any ceasefire "
                  "committee",
                  arab_role, day),
         evening);
  claim(db, "claim:f7", "event:demand-arab-role", "actor:alloush",
        "دور عربي كبير");

  db.add(in_round("event:detention-visit-committees",
                  "Committees to visit government detention facilities",
                  parley::Mechanism{"visits to government detention "
                                    "facilities"},
                  day),
         evening);
  claim(db, "claim:f8", "event:detention-visit-committees", "actor:alloush");
  parley::DetaineeRelease release;
  release.count = 100;
  release.releasing_party = ActorId{"actor:syrian-government"};
  db.add(
      in_round("event:release-100-detainees",
               "Release of 100 detainees as a goodwill gesture", release, day),
      evening);
  claim(db, "claim:f8-release", "event:release-100-detainees", "actor:alloush");
  db.add(in_round("event:truce-monitoring", "Mechanisms to monitor the truce",
                  parley::Mechanism{"monitoring the truce"}, day),
         evening);
  claim(db, "claim:f9", "event:truce-monitoring", "actor:alloush");

  parley::Rejection no_iran;
  no_iran.by = ActorId{"actor:opposition-delegation"};
  no_iran.object = "any role for Iran";
  no_iran.object_actor = ActorId{"actor:iran"};
  db.add(in_round("event:rejection-iran-role",
                  "Opposition rejects any role for Iran", no_iran, day),
         evening);
  claim(db, "claim:f10", "event:rejection-iran-role", "actor:alloush");

  auto f19 = in_round("event:no-new-agreement",
                      "Government delegation: Astana produced no new "
                      "agreement",
                      parley::NoAgreement{"any new agreement"}, day);
  f19.participants = {{ActorId{"actor:jaafari"}, Role::speaker}};
  db.add(f19, evening);
  claim(db, "claim:f19", "event:no-new-agreement", "actor:jaafari",
        "لم تتمخض عن أي اتفاق جديد");
}

// F13–F17: Lavrov met de Mistura in Moscow. The report gives no date, so
// the meeting and what was said there are "on or before" the report's day.
void add_moscow(parley::Database& db) {
  const auto before_report = parley::Edtf::parse("[..2017-02-16]");
  const auto in_moscow = [&](const char* id, const char* title,
                             parley::Payload payload, const char* process,
                             const char* speaker) {
    auto e = in_round(id, title, std::move(payload), before_report);
    e.place = parley::PlaceId{"place:moscow"};
    e.process = parley::ProcessId{process};
    e.parent = EventId{"event:lavrov-de-mistura"};
    e.participants = {{ActorId{speaker}, Role::speaker}};
    return e;
  };
  auto meeting =
      in_moscow("event:lavrov-de-mistura", "Lavrov meets de Mistura in Moscow",
                parley::Meeting{parley::MeetingFormat::bilateral},
                "process:geneva", "actor:lavrov");
  meeting.parent.reset();
  meeting.participants = {{ActorId{"actor:lavrov"}, Role::party},
                          {ActorId{"actor:de-mistura"}, Role::party}};
  db.add(meeting, evening);
  claim(db, "claim:f13", "event:lavrov-de-mistura", nullptr);

  const auto support = [](const char* by, const char* object) {
    parley::Support s;
    s.by = ActorId{by};
    s.object = object;
    return s;
  };
  auto f14 = in_moscow(
      "event:countrywide-ceasefire-support",
      "Russia, with Turkey and Iran, backs a ceasefire across all of Syria",
      support("actor:russia",
              "efforts toward a ceasefire over all Syrian territory"),
      "process:syria", "actor:lavrov");
  f14.participants.push_back({ActorId{"actor:turkey"}, Role::party});
  f14.participants.push_back({ActorId{"actor:iran"}, Role::party});
  db.add(f14, evening);
  claim(db, "claim:f14", "event:countrywide-ceasefire-support", "actor:lavrov");

  // F15 refers to a resolution adopted on 2015-12-18.
  parley::Event resolution;
  resolution.id = EventId{"event:unsc-2254"};
  resolution.title = {{"en", "UN Security Council resolution 2254"}};
  resolution.time = parley::Edtf::parse("2015-12-18");
  resolution.participants = {{ActorId{"actor:un"}, Role::party}};
  resolution.payload = parley::Publication{parley::DocumentKind::resolution,
                                           "S/RES/2254 (2015)"};
  db.add(resolution, evening);
  db.add(in_moscow("event:support-2254",
                   "Russia backs implementing resolution 2254",
                   support("actor:russia",
                           "efforts to implement UN Security "
                           "Council resolution 2254"),
                   "process:syria", "actor:lavrov"),
         evening);
  claim(db, "claim:f15", "event:support-2254", "actor:lavrov",
        "تدعم جهود تنفيذ قرار مجلس الأمن");

  parley::Statement geneva_agenda;
  geneva_agenda.speaker = ActorId{"actor:de-mistura"};
  geneva_agenda.tone = parley::StatementTone::announcement;
  db.add(in_moscow("event:geneva-agenda",
                   "De Mistura: Geneva talks to address the constitution and "
                   "UN-supervised elections",
                   geneva_agenda, "process:geneva", "actor:de-mistura"),
         evening);
  claim(db, "claim:f16", "event:geneva-agenda", "actor:de-mistura");
  db.add(in_moscow("event:un-supports-astana",
                   "UN backs the Astana talks as a step toward Geneva",
                   support("actor:un", "the Astana talks"), "process:astana",
                   "actor:de-mistura"),
         evening);
  claim(db, "claim:f17", "event:un-supports-astana", "actor:de-mistura");
}

// F18: Geneva "on the 23rd of this month", read against the report's day in
// Astana; a later report records that it opened as scheduled.
void add_geneva(parley::Database& db) {
  const parley::Resolution day =
      parley::resolve("في الثالث والعشرين من الشهر الحالي", parley::Lang::ar,
                      parley::Anchor{date::year{2017} / 2 / 16, "Asia/Almaty"});
  parley::Event geneva;
  geneva.id = EventId{"event:geneva-4"};
  geneva.title = {{"en", "Intra-Syrian talks in Geneva (fourth round)"}};
  geneva.time = day.value;
  geneva.planned = day.value;
  geneva.status = parley::Status::scheduled;
  geneva.place = parley::PlaceId{"place:geneva"};
  geneva.process = parley::ProcessId{"process:geneva"};
  geneva.participants = {{ActorId{"actor:un"}, Role::mediator},
                         {ActorId{"actor:government-delegation"}, Role::party}};
  geneva.payload = parley::NegotiationRound{4};
  db.add(geneva, evening);
  claim(db, "claim:f18", "event:geneva-4", "actor:de-mistura",
        "الثالث والعشرين من الشهر الحالي");

  geneva.status = parley::Status::held;
  db.update(geneva, {parley::parse_record_time("2017-02-24T09:00:00Z")});
}

void add_links(parley::Database& db) {
  using L = parley::LinkKind;
  link(db, "event:opposition-late-arrival", L::delays, "event:astana-2",
       "the opposition negotiators arrived late");
  link(db, "event:pledge-stop-shelling", L::references,
       "event:government-shelling");
  link(db, "event:pledge-lift-ghouta-siege", L::references,
       "event:ghouta-siege");
  link(db, "event:support-2254", L::references, "event:unsc-2254");
  link(db, "event:astana-2", L::prepares, "event:geneva-4");
  link(db, "event:no-new-agreement", L::responds_to,
       "event:pledge-stop-shelling",
       "competing account of the round's outcome");
  link(db, "event:no-new-agreement", L::references,
       "event:opposition-late-arrival",
       "the government delegation gives the late arrival as the cause");
}

}  // namespace

int main() {
  try {
    parley::Database db{":memory:"};
    const auto day = parley::Edtf::parse("2017-02-16");
    add_actors(db);
    add_places_and_processes(db);
    add_sources(db);
    add_round(db, day);
    add_outcomes(db, day);
    add_accounts(db, day);
    add_moscow(db);
    add_geneva(db);
    add_links(db);

    // Every event, in parley's chronological order, printed by the library.
    const parley::Page page = db.query(parley::Query{});
    parley::Timeline timeline = parley::make_timeline(db, page.events);
    timeline.title = "Astana and Geneva talks on Syria, February 2017";
    parley::write_text(timeline, std::cout);
  } catch (const parley::Error& e) {
    std::cerr << "astana_timeline: " << e.what() << '\n';
    return 1;
  }
}
