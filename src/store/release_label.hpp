// The release a dataset row's event was read from (Event::external->release)
// labels a version, it does not change what the version says: a row that
// two releases hold unchanged is one version, labelled with the first of
// them. These say how versions compare and are labelled, for imports in
// record order (dataset_import.cpp) and for older releases written into
// history (past_versions.cpp).
#ifndef PARLEY_SRC_STORE_RELEASE_LABEL_HPP
#define PARLEY_SRC_STORE_RELEASE_LABEL_HPP

#include <string>

#include "parley/event.hpp"

namespace parley::detail {

// Whether `a` and `b` say the same: equal, except for an event's release.
template <class T>
bool says_the_same(const T& a, const T& b) {
  return a == b;
}
inline bool says_the_same(const Event& a, const Event& b) {
  if (!a.external || !b.external) return a == b;
  Event relabelled = b;
  relabelled.external->release = a.external->release;
  return a == relabelled;
}

// Labels `value` with `release` where it is an event read from a dataset
// and `release` is not empty; other values are left as they are.
template <class T>
void label_release(T&, const std::string&) {}
inline void label_release(Event& value, const std::string& release) {
  if (value.external && !release.empty()) value.external->release = release;
}

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_RELEASE_LABEL_HPP
