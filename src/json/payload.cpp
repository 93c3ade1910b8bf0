#include "parley/payload.hpp"

#include <nlohmann/json.hpp>

#include "json/reader.hpp"
#include "json/writer.hpp"

namespace parley {
namespace {

using detail::ObjectReader;
using detail::put;
using nlohmann::json;

// One pair of functions per payload struct: write(j, p) and read(in, p).

void write(json& j, const NegotiationRound& p) {
  put(j, "number", p.number);
  if (p.format != TalksFormat::unstated) put(j, "format", p.format);
}
void read(ObjectReader& in, NegotiationRound& p) {
  in.optional("number", p.number);
  in.optional("format", p.format);
}

void write(json&, const Session&) {}
void read(ObjectReader&, Session&) {}

void write(json& j, const Meeting& p) {
  if (p.format != MeetingFormat::unstated) put(j, "format", p.format);
}
void read(ObjectReader& in, Meeting& p) { in.optional("format", p.format); }

void write(json& j, const Statement& p) {
  put(j, "speaker", p.speaker);
  put(j, "tone", p.tone);
  put(j, "quote", p.quote);
  put(j, "language", p.language);
}
void read(ObjectReader& in, Statement& p) {
  in.optional("speaker", p.speaker);
  in.optional("tone", p.tone);
  in.optional("quote", p.quote);
  in.optional("language", p.language);
}

void write(json& j, const Pledge& p) {
  put(j, "pledger", p.pledger);
  put(j, "beneficiary", p.beneficiary);
  put(j, "obligations", p.obligations);
  put(j, "deadline", p.deadline);
  put(j, "deadline_rule", p.deadline_rule);
  put(j, "status", p.status);
}
void read(ObjectReader& in, Pledge& p) {
  in.required("pledger", p.pledger);
  in.optional("beneficiary", p.beneficiary);
  in.optional("obligations", p.obligations);
  in.optional("deadline", p.deadline);
  in.optional("deadline_rule", p.deadline_rule);
  in.optional("status", p.status);
}

void write(json& j, const Agreement& p) {
  put(j, "parties", p.parties);
  put(j, "document", p.document);
  put(j, "stage", p.stage);
  put(j, "sub_stage", p.sub_stage);
}
void read(ObjectReader& in, Agreement& p) {
  in.optional("parties", p.parties);
  in.optional("document", p.document);
  in.optional("stage", p.stage);
  in.optional("sub_stage", p.sub_stage);
}

void write(json& j, const NoAgreement& p) { put(j, "topic", p.topic); }
void read(ObjectReader& in, NoAgreement& p) { in.optional("topic", p.topic); }

void write(json& j, const Act& p) {
  put(j, "by", p.by);
  put(j, "addressee", p.addressee);
  put(j, "object", p.object);
  put(j, "object_actor", p.object_actor);
}
void read(ObjectReader& in, Act& p) {
  in.optional("by", p.by);
  in.optional("addressee", p.addressee);
  in.optional("object", p.object);
  in.optional("object_actor", p.object_actor);
}

void write(json& j, const Mechanism& p) {
  put(j, "purpose", p.purpose);
  put(j, "members", p.members);
}
void read(ObjectReader& in, Mechanism& p) {
  in.optional("purpose", p.purpose);
  in.optional("members", p.members);
}

void write(json& j, const DetaineeRelease& p) {
  put(j, "count", p.count);
  put(j, "releasing_party", p.releasing_party);
  put(j, "realisation", p.realisation);
}
void read(ObjectReader& in, DetaineeRelease& p) {
  in.optional("count", p.count);
  in.optional("releasing_party", p.releasing_party);
  in.optional("realisation", p.realisation);
}

void write(json& j, const Ceasefire& p) {
  put(j, "scope", p.scope);
  put(j, "state", p.state);
}
void read(ObjectReader& in, Ceasefire& p) {
  in.optional("scope", p.scope);
  in.optional("state", p.state);
}

void write(json& j, const Hostilities& p) {
  put(j, "kind", p.kind);
  put(j, "perpetrator", p.perpetrator);
  put(j, "target", p.target);
  put(j, "deaths_low", p.deaths.low);
  put(j, "deaths_best", p.deaths.best);
  put(j, "deaths_high", p.deaths.high);
  put(j, "deaths_side_a", p.deaths.side_a);
  put(j, "deaths_side_b", p.deaths.side_b);
  put(j, "deaths_civilians", p.deaths.civilians);
  put(j, "deaths_unknown", p.deaths.unknown);
}
void read(ObjectReader& in, Hostilities& p) {
  in.optional("kind", p.kind);
  in.optional("perpetrator", p.perpetrator);
  in.optional("target", p.target);
  in.optional("deaths_low", p.deaths.low);
  in.optional("deaths_best", p.deaths.best);
  in.optional("deaths_high", p.deaths.high);
  in.optional("deaths_side_a", p.deaths.side_a);
  in.optional("deaths_side_b", p.deaths.side_b);
  in.optional("deaths_civilians", p.deaths.civilians);
  in.optional("deaths_unknown", p.deaths.unknown);
}

void write(json& j, const Election& p) {
  put(j, "realisation", p.realisation);
  put(j, "supervisor", p.supervisor);
}
void read(ObjectReader& in, Election& p) {
  in.optional("realisation", p.realisation);
  in.optional("supervisor", p.supervisor);
}

void write(json& j, const Publication& p) {
  put(j, "kind", p.kind);
  put(j, "reference", p.reference);
}
void read(ObjectReader& in, Publication& p) {
  in.optional("kind", p.kind);
  in.optional("reference", p.reference);
}

void write(json& j, const Custom& p) {
  put(j, "name", p.name);
  if (!p.attributes.empty()) j["attributes"] = p.attributes.value();
}
void read(ObjectReader& in, Custom& p) {
  in.required("name", p.name);
  json attributes = json::object();
  in.optional("attributes", attributes);
  if (!attributes.is_object()) {
    throw Error(Errc::bad_document, "/attributes", "expected an object");
  }
  p.attributes = JsonObject(attributes);
}

}  // namespace

Payload make_payload(EventKind kind) {
  static const auto defaults = [] {
    std::vector<Payload> all;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      (all.emplace_back(std::in_place_index<I>), ...);
    }
    (std::make_index_sequence<std::variant_size_v<Payload>>{});
    return all;
  }();
  return defaults.at(static_cast<std::size_t>(kind));
}

std::string_view plover_code(EventKind kind) noexcept {
  switch (kind) {
    case EventKind::negotiation_round:
    case EventKind::session:
    case EventKind::meeting:
      return "CONSULT";
    case EventKind::statement:
      return "";
    case EventKind::pledge:
    case EventKind::agreement:
      return "AGREE";
    case EventKind::no_agreement:
    case EventKind::rejection:
      return "REJECT";
    case EventKind::proposal:
    case EventKind::demand:
      return "REQUEST";
    case EventKind::support:
      return "SUPPORT";
    case EventKind::mechanism:
      return "COOPERATE";
    case EventKind::detainee_release:
      return "RETREAT";
    case EventKind::ceasefire:
      return "CONCEDE";
    case EventKind::hostilities:
      return "ASSAULT";
    case EventKind::election:
    case EventKind::document:
    case EventKind::custom:
      return "";
  }
  return "";
}

std::vector<PayloadActor> payload_actors(const Payload& payload) {
  std::vector<PayloadActor> out;
  auto one = [&](const std::optional<ActorId>& id, std::string_view role) {
    if (id) out.push_back({*id, role});
  };
  std::visit(
      [&](const auto& p) {
        using P = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<P, Statement>) {
          one(p.speaker, "speaker");
        } else if constexpr (std::is_same_v<P, Pledge>) {
          out.push_back({p.pledger, "pledger"});
          one(p.beneficiary, "beneficiary");
        } else if constexpr (std::is_same_v<P, Agreement>) {
          for (const auto& a : p.parties) out.push_back({a, "party"});
        } else if constexpr (std::is_base_of_v<Act, P>) {
          one(p.by, "by");
          one(p.addressee, "addressee");
          one(p.object_actor, "object");
        } else if constexpr (std::is_same_v<P, Mechanism>) {
          for (const auto& a : p.members) out.push_back({a, "member"});
        } else if constexpr (std::is_same_v<P, DetaineeRelease>) {
          one(p.releasing_party, "releasing_party");
        } else if constexpr (std::is_same_v<P, Hostilities>) {
          one(p.perpetrator, "perpetrator");
          one(p.target, "target");
        } else if constexpr (std::is_same_v<P, Election>) {
          one(p.supervisor, "supervisor");
        }
      },
      payload);
  return out;
}

nlohmann::json payload_to_json(const Payload& payload) {
  json j = json::object();
  std::visit([&](const auto& p) { write(j, p); }, payload);
  return j;
}

Payload payload_from_json(EventKind kind, const nlohmann::json& j) {
  Payload payload = make_payload(kind);
  ObjectReader in{j};
  std::visit([&](auto& p) { read(in, p); }, payload);
  in.finish();
  return payload;
}

}  // namespace parley
