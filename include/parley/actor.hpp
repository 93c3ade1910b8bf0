// parley/actor.hpp — who acts: people, delegations, states, organisations.
//
//   parley::Actor alloush;
//   alloush.id = parley::ActorId{"actor:alloush"};
//   alloush.kind = parley::ActorKind::person;
//   alloush.names = {{"en", "Mohammed Alloush"}, {"ar", "محمد علوش"}};
//   alloush.ties.push_back({parley::TieKind::heads,
//                           parley::ActorId{"actor:opposition-delegation"}});
#ifndef PARLEY_ACTOR_HPP
#define PARLEY_ACTOR_HPP

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "parley/enum_names.hpp"
#include "parley/ids.hpp"
#include "parley/text.hpp"
#include "parley/time.hpp"

namespace parley {

enum class ActorKind {
  person,
  delegation,
  state,
  organisation,  // intergovernmental or other: the UN, a ministry
  armed_group,
  coalition,
  government,
};

enum class TieKind {
  heads,       // this actor heads the other (a delegation, a ministry)
  member_of,   // this actor belongs to the other
  represents,  // this actor speaks for the other
  backs,       // this actor supports the other
  mediates,    // this actor mediates for the other (a party, a process)
  guarantees,  // this actor guarantees an arrangement of the other
};

// A time-bounded relation from the actor that holds it to `other`.
struct Tie {
  TieKind kind = TieKind::member_of;
  ActorId other;
  std::optional<Edtf> time;  // when the tie held; empty = not stated
  bool operator==(const Tie&) const = default;
};

struct Actor {
  ActorId id;
  ActorKind kind = ActorKind::person;
  Texts names;                       // at least one
  std::vector<std::string> aliases;  // other spellings, any language
  // External identifiers by scheme: "wikidata" -> "Q159", "ucdp" -> "118".
  std::map<std::string, std::string, std::less<>> external_ids;
  std::vector<Tie> ties;

  bool operator==(const Actor&) const = default;
};

void to_json(nlohmann::json& j, const Tie& tie);
void from_json(const nlohmann::json& j, Tie& tie);
void to_json(nlohmann::json& j, const Actor& actor);
void from_json(const nlohmann::json& j, Actor& actor);

}  // namespace parley

PARLEY_ENUM_NAMES(parley::ActorKind, {parley::ActorKind::person, "person"},
                  {parley::ActorKind::delegation, "delegation"},
                  {parley::ActorKind::state, "state"},
                  {parley::ActorKind::organisation, "organisation"},
                  {parley::ActorKind::armed_group, "armed_group"},
                  {parley::ActorKind::coalition, "coalition"},
                  {parley::ActorKind::government, "government"});
PARLEY_ENUM_NAMES(parley::TieKind, {parley::TieKind::heads, "heads"},
                  {parley::TieKind::member_of, "member_of"},
                  {parley::TieKind::represents, "represents"},
                  {parley::TieKind::backs, "backs"},
                  {parley::TieKind::mediates, "mediates"},
                  {parley::TieKind::guarantees, "guarantees"});

#endif  // PARLEY_ACTOR_HPP
