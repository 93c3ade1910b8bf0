// Writing parley's value types as canonical JSON: fields in a fixed order,
// empty optionals, strings, arrays and maps left out, enums as their names.
// Export is canonical, so import followed by export gives back a canonical
// document unchanged.
#ifndef PARLEY_SRC_JSON_WRITER_HPP
#define PARLEY_SRC_JSON_WRITER_HPP

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/enum_names.hpp"

namespace parley::detail {

template <class T>
nlohmann::json write_value(const T& value) {
  if constexpr (NamedEnum<T>) {
    return std::string(to_string(value));
  } else {
    return nlohmann::json(value);
  }
}

template <class T>
nlohmann::json write_value(const std::vector<T>& values) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : values) out.push_back(write_value(v));
  return out;
}

template <class T>
bool is_empty(const T& value) {
  if constexpr (requires { value.empty(); }) {
    return value.empty();
  } else {
    return false;
  }
}

// Sets j[key] unless the value is empty.
template <class T>
void put(nlohmann::json& j, const char* key, const T& value) {
  if (!is_empty(value)) j[key] = write_value(value);
}
template <class T>
void put(nlohmann::json& j, const char* key, const std::optional<T>& value) {
  if (value) j[key] = write_value(*value);
}

}  // namespace parley::detail

#endif  // PARLEY_SRC_JSON_WRITER_HPP
