// parley/enum_names.hpp — the names of parley's enums, as JSON, SQL and the
// outputs write them.
//
// Every enum of the model (EventKind, Status, Role, PledgeStatus, ...) has
// one name per value, the same everywhere: in the interchange document, in
// the database and in rendered output.
//
// clang-format off
//   parley::to_string(parley::EventKind::session);  // "session"
//   parley::enum_from<parley::Status>("held");      // Status::held
//   parley::enum_from<parley::Status>("maybe");     // empty
//   parley::parse_enum<parley::Status>("maybe");    // throws parley::Error
// clang-format on
//
// Thread-safety: pure functions over constant tables; safe to call
// concurrently.
#ifndef PARLEY_ENUM_NAMES_HPP
#define PARLEY_ENUM_NAMES_HPP

#include <optional>
#include <string_view>
#include <type_traits>

#include "parley/detail/enum_text.hpp"

namespace parley {

// The name of `value`. A value outside the enum's named values (a
// static_cast from an integer out of range) has no name: that throws
// parley::Error (Errc::bad_value) rather than print a placeholder, so a
// corrupt value never reaches a document or the database. Costs a scan of
// the enum's few names.
template <detail::NamedEnum E>
constexpr std::string_view to_string(E value) {
  for (const auto& [v, name] : detail::EnumText<E>::names) {
    if (v == value) return name;
  }
  detail::throw_unnamed_enum(
      static_cast<long long>(static_cast<std::underlying_type_t<E>>(value)),
      detail::enum_choices<E>());
}

// The enum value named `text`, or empty.
template <detail::NamedEnum E>
constexpr std::optional<E> enum_from(std::string_view text) noexcept {
  for (const auto& [value, name] : detail::EnumText<E>::names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

// The enum value named `text`; throws parley::Error (bad_value) naming the
// accepted values otherwise.
template <detail::NamedEnum E>
E parse_enum(std::string_view text) {
  if (auto value = enum_from<E>(text)) return *value;
  detail::throw_unknown_enum(text, detail::enum_choices<E>());
}

}  // namespace parley

#endif  // PARLEY_ENUM_NAMES_HPP
