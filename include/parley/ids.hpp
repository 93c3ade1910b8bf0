// parley/ids.hpp — strong identifiers for every stored entity.
//
// An id is a short string chosen by the user or the importer
// ("actor:russia", "ucdp:241098"), wrapped in a type per entity so an
// ActorId cannot be passed where a PlaceId is expected.
//
//   parley::ActorId russia{"actor:russia"};
//   russia.value == "actor:russia";
//
// Ids are 1–200 characters from letters, digits and ":._-/" (validated when
// stored, see valid_id()).
#ifndef PARLEY_IDS_HPP
#define PARLEY_IDS_HPP

#include <compare>
#include <string>
#include <string_view>
#include <utility>

namespace parley {

template <class Tag>
struct Id {
  std::string value;

  Id() = default;
  explicit Id(std::string v) : value(std::move(v)) {}

  bool empty() const noexcept { return value.empty(); }
  auto operator<=>(const Id&) const = default;
};

using ActorId = Id<struct ActorTag>;
using PlaceId = Id<struct PlaceTag>;
using ProcessId = Id<struct ProcessTag>;
using EventId = Id<struct EventTag>;
using SourceId = Id<struct SourceTag>;
using ClaimId = Id<struct ClaimTag>;

// True when `text` is a well-formed id.
bool valid_id(std::string_view text) noexcept;

// JSON: an id is its string.
template <class Json, class Tag>
void to_json(Json& j, const Id<Tag>& id) {
  j = id.value;
}
template <class Json, class Tag>
void from_json(const Json& j, Id<Tag>& id) {
  id.value = j.template get<std::string>();
}

}  // namespace parley

template <class Tag>
struct std::hash<parley::Id<Tag>> {
  std::size_t operator()(const parley::Id<Tag>& id) const noexcept {
    return std::hash<std::string>{}(id.value);
  }
};

#endif  // PARLEY_IDS_HPP
