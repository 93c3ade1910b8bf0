// The name tables behind parley's enums: one table per enum, declared beside
// it with PARLEY_ENUM_NAMES, and read by the public functions of
// parley/enum_names.hpp (to_string, enum_from, parse_enum). Internal: use
// those functions, not this header.
#ifndef PARLEY_DETAIL_ENUM_TEXT_HPP
#define PARLEY_DETAIL_ENUM_TEXT_HPP

#include <array>
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

// Throws parley::Error (bad_value): `value` is not one of the enum's values
// (a cast from an integer out of range, or memory overwritten).
[[noreturn]] void throw_unnamed_enum(long long value,
                                     const std::string& choices);

}  // namespace parley::detail

// Declares the name table of an enum. Used once per enum, beside it.
#define PARLEY_ENUM_NAMES(E, ...)                                     \
  template <>                                                         \
  struct parley::detail::EnumText<E> {                                \
    static constexpr std::array names =                               \
        std::to_array<std::pair<E, std::string_view>>({__VA_ARGS__}); \
  }

#endif  // PARLEY_DETAIL_ENUM_TEXT_HPP
