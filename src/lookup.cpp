// lookup (parley/lookup.hpp): actors, places and processes by id, name or
// the start of either.
#include "parley/lookup.hpp"

#include "parley/error.hpp"

namespace parley {
namespace {

constexpr std::size_t shown = 5;  // candidates listed in an error

// The folded names and aliases of `e`, in every language.
template <class Entity>
std::vector<std::string> folded_names(const Entity& e) {
  std::vector<std::string> out;
  for (const auto& [lang, name] : e.names) out.push_back(fold_name(name));
  if constexpr (requires { e.aliases; }) {
    for (const std::string& alias : e.aliases) {
      out.push_back(fold_name(alias));
    }
  }
  return out;
}

template <class Entity>
std::string describe(const Entity& e) {
  return best(e.names) + " (" + e.id.value + ")";
}

// "did you mean A (id), B (id)?" for up to five of `found`.
template <class Entity>
std::string did_you_mean(const std::vector<const Entity*>& found) {
  std::string out = "did you mean ";
  for (std::size_t i = 0; i < found.size() && i < shown; ++i) {
    out += (i ? ", " : "") + describe(*found[i]);
  }
  if (found.size() > shown) {
    out += " (or " + std::to_string(found.size() - shown) + " more)";
  }
  return out + "?";
}

// Whether any of `names` satisfies `test`.
template <class Test>
bool any_of(const std::vector<std::string>& names, Test test) {
  for (const std::string& name : names) {
    if (test(name)) return true;
  }
  return false;
}

template <class Entity>
auto find(const std::vector<Entity>& all, std::string_view wanted,
          std::string_view field, const char* noun) {
  const std::string key = fold_name(wanted);
  std::vector<decltype(Entity{}.id)> exact;
  std::vector<const Entity*> starts, contains;
  for (const Entity& e : all) {
    const std::vector<std::string> names = folded_names(e);
    auto equal = [&](const std::string& n) { return n == key; };
    auto start = [&](const std::string& n) { return n.starts_with(key); };
    auto inside = [&](const std::string& n) {
      return n.find(key) != std::string::npos;
    };
    if (e.id.value == wanted || any_of(names, equal)) exact.push_back(e.id);
    if (key.empty()) continue;
    if (e.id.value.starts_with(wanted) || any_of(names, start)) {
      starts.push_back(&e);
    } else if (any_of(names, inside)) {
      contains.push_back(&e);
    }
  }
  if (!exact.empty()) return exact;
  const std::string quoted = "'" + std::string(wanted) + "'";
  if (starts.size() == 1) return decltype(exact){starts.front()->id};
  if (starts.size() > 1) {
    throw Error(Errc::bad_value, std::string(field),
                quoted + " is the start of " + std::to_string(starts.size()) +
                    " " + noun + "s; " + did_you_mean(starts));
  }
  throw Error(Errc::bad_value, std::string(field),
              "no " + std::string(noun) + " id, name or start of one " +
                  quoted +
                  (contains.empty() ? "" : "; " + did_you_mean(contains)));
}

}  // namespace

std::vector<ActorId> lookup(const std::vector<Actor>& all,
                            std::string_view wanted, std::string_view field) {
  return find(all, wanted, field, "actor");
}

std::vector<PlaceId> lookup(const std::vector<Place>& all,
                            std::string_view wanted, std::string_view field) {
  return find(all, wanted, field, "place");
}

std::vector<ProcessId> lookup(const std::vector<Process>& all,
                              std::string_view wanted, std::string_view field) {
  return find(all, wanted, field, "process");
}

}  // namespace parley
