// parley/payload.hpp — the typed part of an event, one struct per kind.
//
// An event's kind is the type of its payload: a NegotiationRound is not a
// Meeting is not a Pledge. Each payload holds only what that kind adds to
// the common fields of parley::Event. Actor references in payloads
// (a pledger, a speaker, a perpetrator) are indexed with the participants,
// so a query for an actor finds them too.
//
// The vocabulary maps to PLOVER for interchange (plover_code()).
#ifndef PARLEY_PAYLOAD_HPP
#define PARLEY_PAYLOAD_HPP

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "parley/enum_names.hpp"
#include "parley/flag.hpp"
#include "parley/ids.hpp"
#include "parley/json_object.hpp"
#include "parley/time.hpp"
#include "parley/time_rule.hpp"

namespace parley {

enum class TalksFormat { unstated, direct, proximity, indirect, mixed };
enum class MeetingFormat { unstated, bilateral, multilateral };
enum class StatementTone { neutral, supportive, critical, announcement };
enum class PledgeStatus {
  made,
  in_progress,
  fulfilled,
  partly_fulfilled,
  broken,
  withdrawn,
};
// PA-X agreement stages.
enum class AgreementStage {
  pre_negotiation,
  ceasefire,
  partial_framework,
  comprehensive_framework,
  implementation,
  renewal,
  other,
};
// Whether a thing was only announced or was carried out.
enum class Realisation { declared, carried_out };
enum class CeasefireState { declared, in_force, violated };
enum class HostilityKind { shelling, air_strike, siege, clashes, other };
enum class DocumentKind {
  resolution,
  draft_constitution,
  communique,
  statement,
  other,
};

// A round of talks: "the second Astana round".
struct NegotiationRound {
  std::optional<int> number{};
  TalksFormat format = TalksFormat::unstated;
  bool operator==(const NegotiationRound&) const = default;
};

// A sitting within a round (linked to it by Event::parent).
struct Session {
  bool operator==(const Session&) const = default;
};

struct Meeting {
  MeetingFormat format = MeetingFormat::unstated;
  bool operator==(const Meeting&) const = default;
};

// Something said publicly.
struct Statement {
  std::optional<ActorId> speaker{};
  StatementTone tone = StatementTone::neutral;
  std::string quote{};     // a short fragment
  std::string language{};  // the language the quote is in
  bool operator==(const Statement&) const = default;
};

struct Pledge {
  ActorId pledger;
  std::optional<ActorId> beneficiary{};
  std::vector<std::string> obligations{};
  std::optional<Edtf> deadline{};
  // The rule the deadline is derived from ("no later than the tenth day
  // after event:withdrawal"); when set, `deadline` is its derived value.
  std::optional<TimeRule> deadline_rule{};
  PledgeStatus status = PledgeStatus::made;
  bool operator==(const Pledge&) const = default;
};

struct Agreement {
  std::vector<ActorId> parties{};
  std::string document{};  // its title or reference
  AgreementStage stage = AgreementStage::other;
  std::string sub_stage{};  // PA-X's sub-stage code: "Proc", "Ceas", "FrCons"
  bool operator==(const Agreement&) const = default;
};

// Talks ended without agreement on `topic`.
struct NoAgreement {
  std::string topic{};
  bool operator==(const NoAgreement&) const = default;
};

// The four speech acts that have an author, an addressee and an object.
struct Act {
  std::optional<ActorId> by{};
  std::optional<ActorId> addressee{};
  std::string object{};                   // what is proposed/demanded/...
  std::optional<ActorId> object_actor{};  // when the object is an actor
  bool operator==(const Act&) const = default;
};
struct Proposal : Act {};
struct Demand : Act {};
struct Rejection : Act {};
struct Support : Act {};

// A body set up for a purpose: ceasefire monitoring, detention visits.
struct Mechanism {
  std::string purpose{};
  std::vector<ActorId> members{};
  bool operator==(const Mechanism&) const = default;
};

struct DetaineeRelease {
  std::optional<int> count{};
  std::optional<ActorId> releasing_party{};
  Realisation realisation = Realisation::declared;
  bool operator==(const DetaineeRelease&) const = default;
};

struct Ceasefire {
  std::string scope{};  // "all Syrian territory"
  CeasefireState state = CeasefireState::declared;
  bool operator==(const Ceasefire&) const = default;
};

// Deaths as UCDP codes them: low, best and high estimates of the total,
// and the best estimate split by whom they were: side a, side b, civilians
// and unknown (UCDP's deaths_a, deaths_b, deaths_civilians,
// deaths_unknown; their sum is the best estimate in UCDP GED).
struct Deaths {
  std::optional<int> low{};
  std::optional<int> best{};
  std::optional<int> high{};
  std::optional<int> side_a{};
  std::optional<int> side_b{};
  std::optional<int> civilians{};
  std::optional<int> unknown{};

  // The estimates out of order (low > best, best > high, low > high), each
  // with the values as a message; empty when consistent. Validation refuses
  // an event whose deaths are inconsistent unless it carries these flags.
  std::vector<Flag> inconsistencies() const;
  bool operator==(const Deaths&) const = default;
};

struct Hostilities {
  HostilityKind kind = HostilityKind::other;
  std::optional<ActorId> perpetrator{};
  std::optional<ActorId> target{};
  Deaths deaths;
  bool operator==(const Hostilities&) const = default;
};

struct Election {
  Realisation realisation = Realisation::declared;
  std::optional<ActorId> supervisor{};
  bool operator==(const Election&) const = default;
};

// A document issued: a resolution, a draft constitution, a communiqué.
struct Publication {
  DocumentKind kind = DocumentKind::other;
  std::string reference{};  // "UNSC resolution 2254"
  bool operator==(const Publication&) const = default;
};

// A kind of the user's own: a name and any JSON object of attributes.
struct Custom {
  std::string name{};
  JsonObject attributes{};
  bool operator==(const Custom&) const = default;
};

using Payload =
    std::variant<NegotiationRound, Session, Meeting, Statement, Pledge,
                 Agreement, NoAgreement, Proposal, Demand, Rejection, Support,
                 Mechanism, DetaineeRelease, Ceasefire, Hostilities, Election,
                 Publication, Custom>;

// The kinds, in the order of Payload's alternatives.
enum class EventKind {
  negotiation_round,
  session,
  meeting,
  statement,
  pledge,
  agreement,
  no_agreement,
  proposal,
  demand,
  rejection,
  support,
  mechanism,
  detainee_release,
  ceasefire,
  hostilities,
  election,
  document,
  custom,
};

inline EventKind kind_of(const Payload& payload) noexcept {
  return static_cast<EventKind>(payload.index());
}

// A default payload of the given kind.
Payload make_payload(EventKind kind);

// The PLOVER event type a kind maps to by default ("CONSULT", "AGREE", ...);
// "" where PLOVER has none (election, document, custom).
std::string_view plover_code(EventKind kind) noexcept;

// An actor named in a payload, with the payload field as its role.
struct PayloadActor {
  ActorId actor;
  std::string_view role;  // "pledger", "speaker", "object", ...
};
std::vector<PayloadActor> payload_actors(const Payload& payload);

// JSON: the payload's fields as an object (without the kind, which the event
// carries). from_json needs the kind to know which struct to read.
nlohmann::json payload_to_json(const Payload& payload);
Payload payload_from_json(EventKind kind, const nlohmann::json& j);

}  // namespace parley

PARLEY_ENUM_NAMES(parley::TalksFormat,
                  {parley::TalksFormat::unstated, "unstated"},
                  {parley::TalksFormat::direct, "direct"},
                  {parley::TalksFormat::proximity, "proximity"},
                  {parley::TalksFormat::indirect, "indirect"},
                  {parley::TalksFormat::mixed, "mixed"});
PARLEY_ENUM_NAMES(parley::MeetingFormat,
                  {parley::MeetingFormat::unstated, "unstated"},
                  {parley::MeetingFormat::bilateral, "bilateral"},
                  {parley::MeetingFormat::multilateral, "multilateral"});
PARLEY_ENUM_NAMES(parley::StatementTone,
                  {parley::StatementTone::neutral, "neutral"},
                  {parley::StatementTone::supportive, "supportive"},
                  {parley::StatementTone::critical, "critical"},
                  {parley::StatementTone::announcement, "announcement"});
PARLEY_ENUM_NAMES(parley::PledgeStatus, {parley::PledgeStatus::made, "made"},
                  {parley::PledgeStatus::in_progress, "in_progress"},
                  {parley::PledgeStatus::fulfilled, "fulfilled"},
                  {parley::PledgeStatus::partly_fulfilled, "partly_fulfilled"},
                  {parley::PledgeStatus::broken, "broken"},
                  {parley::PledgeStatus::withdrawn, "withdrawn"});
PARLEY_ENUM_NAMES(parley::AgreementStage,
                  {parley::AgreementStage::pre_negotiation, "pre_negotiation"},
                  {parley::AgreementStage::ceasefire, "ceasefire"},
                  {parley::AgreementStage::partial_framework,
                   "partial_framework"},
                  {parley::AgreementStage::comprehensive_framework,
                   "comprehensive_framework"},
                  {parley::AgreementStage::implementation, "implementation"},
                  {parley::AgreementStage::renewal, "renewal"},
                  {parley::AgreementStage::other, "other"});
PARLEY_ENUM_NAMES(parley::Realisation,
                  {parley::Realisation::declared, "declared"},
                  {parley::Realisation::carried_out, "carried_out"});
PARLEY_ENUM_NAMES(parley::CeasefireState,
                  {parley::CeasefireState::declared, "declared"},
                  {parley::CeasefireState::in_force, "in_force"},
                  {parley::CeasefireState::violated, "violated"});
PARLEY_ENUM_NAMES(parley::HostilityKind,
                  {parley::HostilityKind::shelling, "shelling"},
                  {parley::HostilityKind::air_strike, "air_strike"},
                  {parley::HostilityKind::siege, "siege"},
                  {parley::HostilityKind::clashes, "clashes"},
                  {parley::HostilityKind::other, "other"});
PARLEY_ENUM_NAMES(parley::DocumentKind,
                  {parley::DocumentKind::resolution, "resolution"},
                  {parley::DocumentKind::draft_constitution,
                   "draft_constitution"},
                  {parley::DocumentKind::communique, "communique"},
                  {parley::DocumentKind::statement, "statement"},
                  {parley::DocumentKind::other, "other"});
PARLEY_ENUM_NAMES(parley::EventKind,
                  {parley::EventKind::negotiation_round, "negotiation_round"},
                  {parley::EventKind::session, "session"},
                  {parley::EventKind::meeting, "meeting"},
                  {parley::EventKind::statement, "statement"},
                  {parley::EventKind::pledge, "pledge"},
                  {parley::EventKind::agreement, "agreement"},
                  {parley::EventKind::no_agreement, "no_agreement"},
                  {parley::EventKind::proposal, "proposal"},
                  {parley::EventKind::demand, "demand"},
                  {parley::EventKind::rejection, "rejection"},
                  {parley::EventKind::support, "support"},
                  {parley::EventKind::mechanism, "mechanism"},
                  {parley::EventKind::detainee_release, "detainee_release"},
                  {parley::EventKind::ceasefire, "ceasefire"},
                  {parley::EventKind::hostilities, "hostilities"},
                  {parley::EventKind::election, "election"},
                  {parley::EventKind::document, "document"},
                  {parley::EventKind::custom, "custom"});

#endif  // PARLEY_PAYLOAD_HPP
