// parley/event.hpp — an event: the common fields and a typed payload.
//
//   parley::Event round;
//   round.id = parley::EventId{"event:astana-2"};
//   round.title = {{"en", "Second Astana round"}, {"ar", "الجولة الثانية"}};
//   round.time = parley::Edtf::parse("2017-02-16");
//   round.planned = parley::Edtf::parse("2017-02-15");
//   round.status = parley::Status::held;
//   round.place = parley::PlaceId{"place:astana"};
//   round.participants.push_back(
//       {parley::ActorId{"actor:russia"}, parley::Role::mediator});
//   round.payload = parley::NegotiationRound{.number = 2};
//   round.kind();  // parley::EventKind::negotiation_round
#ifndef PARLEY_EVENT_HPP
#define PARLEY_EVENT_HPP

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "parley/clock.hpp"
#include "parley/enum_names.hpp"
#include "parley/flag.hpp"
#include "parley/ids.hpp"
#include "parley/json_object.hpp"
#include "parley/payload.hpp"
#include "parley/text.hpp"
#include "parley/time.hpp"
#include "parley/time_rule.hpp"

namespace parley {

enum class Role {
  party,
  mediator,
  host,
  guarantor,
  observer,
  speaker,
  addressee,
  beneficiary,
  target,
};

// Where a scheduled thing stands. `none` for things that are not scheduled
// (a statement, a shelling).
enum class Status { none, scheduled, held, postponed, cancelled };

struct Participant {
  ActorId actor;
  Role role = Role::party;
  bool operator==(const Participant&) const = default;
};

// Where an imported event came from: the dataset, the row's id in it and
// the release it was read from.
struct ExternalRef {
  std::string dataset;  // "ucdp", "acled", "gdelt", "pax"
  std::string id;       // the row's id in the dataset: "214797"
  std::string release;  // "19.1"; empty when not stated

  // The row's id across datasets: "ucdp:214797".
  std::string key() const { return dataset + ":" + id; }
  bool operator==(const ExternalRef&) const = default;
};

struct Event {
  EventId id;
  Texts title;    // at least one language
  Texts summary;  // may be empty
  Edtf time;      // valid time: when it happened or is to happen (required)
  // The rule `time` is derived from, when it is given as one: the writer
  // derives `time` from it (parley/time_rule.hpp), and re-derives it when
  // the anchor event changes.
  std::optional<TimeRule> time_rule;
  std::optional<Edtf> planned;  // when it was scheduled, if it was
  Status status = Status::none;
  std::optional<TimeOfDay> time_of_day;
  std::optional<PlaceId> place;
  std::optional<ProcessId> process;
  std::optional<EventId> parent;  // the event this one is part of
  std::vector<Participant> participants;
  std::vector<std::string> topics;  // "ceasefire", "detainees", ...
  Payload payload;
  // Set on imported events (parley import --from ...); empty otherwise.
  std::optional<ExternalRef> external;
  // What the source row contradicts itself in, kept as given.
  std::vector<Flag> flags;
  // The source columns the typed fields do not hold, by column name, with
  // their original text; and a column whose typed form loses its original
  // text (a list parley splits). Export gives them back.
  JsonObject attributes;

  EventKind kind() const noexcept { return kind_of(payload); }
  bool operator==(const Event&) const = default;
};

void to_json(nlohmann::json& j, const Participant& participant);
void from_json(const nlohmann::json& j, Participant& participant);
void to_json(nlohmann::json& j, const ExternalRef& ref);
void from_json(const nlohmann::json& j, ExternalRef& ref);
void to_json(nlohmann::json& j, const Event& event);
void from_json(const nlohmann::json& j, Event& event);

}  // namespace parley

PARLEY_ENUM_NAMES(parley::Role, {parley::Role::party, "party"},
                  {parley::Role::mediator, "mediator"},
                  {parley::Role::host, "host"},
                  {parley::Role::guarantor, "guarantor"},
                  {parley::Role::observer, "observer"},
                  {parley::Role::speaker, "speaker"},
                  {parley::Role::addressee, "addressee"},
                  {parley::Role::beneficiary, "beneficiary"},
                  {parley::Role::target, "target"});
PARLEY_ENUM_NAMES(parley::Status, {parley::Status::none, "none"},
                  {parley::Status::scheduled, "scheduled"},
                  {parley::Status::held, "held"},
                  {parley::Status::postponed, "postponed"},
                  {parley::Status::cancelled, "cancelled"});

#endif  // PARLEY_EVENT_HPP
