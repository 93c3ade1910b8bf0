#include <array>
#include <string>
#include <utility>

#include "parley/error.hpp"
#include "parley/query.hpp"

namespace parley {
namespace {

using K = EventKind;

struct Group {
  std::string_view name;
  std::vector<EventKind> kinds;
};

const std::array<Group, 6>& groups() {
  static const std::array<Group, 6> all = {{
      {"talks", {K::negotiation_round, K::session, K::meeting}},
      {"speech",
       {K::statement, K::proposal, K::demand, K::rejection, K::support}},
      {"commitment", {K::pledge, K::agreement, K::no_agreement}},
      {"arrangement", {K::mechanism, K::ceasefire, K::detainee_release}},
      {"violence", {K::hostilities}},
      {"other", {K::election, K::document, K::custom}},
  }};
  return all;
}

}  // namespace

std::vector<EventKind> expand_kind(std::string_view name) {
  if (auto kind = enum_from<EventKind>(name)) return {*kind};
  for (const Group& g : groups()) {
    if (g.name == name) return g.kinds;
  }
  std::string choices = detail::enum_choices<EventKind>();
  for (const Group& g : groups()) choices += ", " + std::string(g.name);
  throw Error(
      Errc::bad_value, "kinds",
      "unknown kind '" + std::string(name) + "'; expected one of: " + choices);
}

std::string_view kind_group(EventKind kind) {
  for (const Group& g : groups()) {
    for (EventKind k : g.kinds) {
      if (k == kind) return g.name;
    }
  }
  return "other";
}

}  // namespace parley
