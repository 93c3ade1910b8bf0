// lookup (parley/lookup.hpp): actors, places and processes by id, name or
// the start of either.
#include "parley/lookup.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

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

// The one of `found` (two or more) that contains all the others, or null.
// Only places and processes nest (a filter by either includes those
// inside). Reads `all` once, then each parent chain (at most 32 levels).
template <class Entity>
const Entity* outermost(const std::vector<Entity>& all,
                        const std::vector<const Entity*>& found) {
  if constexpr (requires(Entity e) { e.parent; }) {
    if (found.size() < 2) return nullptr;
    std::unordered_map<std::string_view, const Entity*> by_id;
    for (const Entity& e : all) by_id.emplace(e.id.value, &e);
    auto chain = [&](const Entity* e) {
      std::vector<std::string_view> ids;
      for (int depth = 0; e && depth < 32; ++depth) {
        ids.push_back(e->id.value);
        auto up = e->parent ? by_id.find(e->parent->value) : by_id.end();
        e = up == by_id.end() ? nullptr : up->second;
      }
      return ids;
    };
    std::unordered_set<std::string_view> candidates;
    for (const Entity* e : found) candidates.insert(e->id.value);
    std::string_view outer;  // the outermost candidate above found[0]
    for (std::string_view id : chain(found.front())) {
      if (candidates.contains(id)) outer = id;
    }
    for (const Entity* e : found) {
      const std::vector<std::string_view> up = chain(e);
      if (std::find(up.begin(), up.end(), outer) == up.end()) return nullptr;
    }
    return by_id.at(outer);
  }
  return nullptr;
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
  if (const Entity* outer = outermost(all, starts)) {
    return decltype(exact){outer->id};
  }
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
