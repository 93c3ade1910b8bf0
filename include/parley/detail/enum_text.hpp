// Names for parley's enums: one table per enum, used for JSON, SQL and
// output. Internal; use parley::to_string(e) and parley::enum_from<E>(text).
#ifndef PARLEY_DETAIL_ENUM_TEXT_HPP
#define PARLEY_DETAIL_ENUM_TEXT_HPP

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace parley::detail {

// Specialised beside each enum: `static constexpr std::array names` of
// {value, "name"} pairs.
template <class E>
struct EnumText;

template <class E>
concept NamedEnum = requires {
  EnumText<E>::names;
};

// "a, b, c": the accepted names, for error messages.
template <NamedEnum E>
std::string enum_choices() {
  std::string out;
  for (const auto& [value, name] : EnumText<E>::names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

// Throws parley::Error (bad_value) naming the accepted values.
[[noreturn]] void throw_unknown_enum(std::string_view text,
                                     const std::string& choices);

}  // namespace parley::detail

namespace parley {

template <detail::NamedEnum E>
constexpr std::string_view to_string(E value) noexcept {
  for (const auto& [v, name] : detail::EnumText<E>::names) {
    if (v == value) return name;
  }
  return "?";
}

// The enum value named `text`, or empty.
template <detail::NamedEnum E>
constexpr std::optional<E> enum_from(std::string_view text) noexcept {
  for (const auto& [value, name] : detail::EnumText<E>::names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

// The enum value named `text`; throws parley::Error (bad_value) otherwise.
template <detail::NamedEnum E>
E parse_enum(std::string_view text) {
  if (auto value = enum_from<E>(text)) return *value;
  detail::throw_unknown_enum(text, detail::enum_choices<E>());
}

}  // namespace parley

// Declares the name table of an enum. Used once per enum, beside it.
#define PARLEY_ENUM_NAMES(E, ...)                                     \
  template <>                                                         \
  struct parley::detail::EnumText<E> {                                \
    static constexpr std::array names =                               \
        std::to_array<std::pair<E, std::string_view>>({__VA_ARGS__}); \
  }

#endif  // PARLEY_DETAIL_ENUM_TEXT_HPP
