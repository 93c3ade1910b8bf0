// Reading JSON objects into parley's value types, with errors that name the
// JSON path of the offending value and refuse unknown fields.
//
//   void from_json(const nlohmann::json& j, Place& place) {
//     detail::ObjectReader in{j};
//     in.required("id", place.id);
//     in.optional("parent", place.parent);
//     in.finish();  // throws on a field it was not asked for
//   }
//
// A failure deep inside throws parley::Error whose where() is the path
// relative to `j` ("/participants/0/actor"); each level adds its segment.
#ifndef PARLEY_SRC_JSON_READER_HPP
#define PARLEY_SRC_JSON_READER_HPP

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/enum_names.hpp"
#include "parley/error.hpp"

namespace parley::detail {

// Escapes a key for a JSON pointer segment ("~" -> "~0", "/" -> "~1").
std::string pointer_segment(std::string_view key);

// Runs `read`, and re-throws any failure with `segment` ("/time", "/3")
// prefixed to its place.
template <class F>
void at_path(const std::string& segment, F&& read) {
  try {
    read();
  } catch (const Error& e) {
    throw Error(e.code(), segment + e.where(), e.message());
  } catch (const nlohmann::json::exception& e) {
    throw Error(Errc::bad_document, segment, e.what());
  }
}

[[noreturn]] void throw_type(const nlohmann::json& j, const char* expected);

template <class T>
void read_value(const nlohmann::json& j, T& out);

template <class T>
void read_value(const nlohmann::json& j, std::optional<T>& out) {
  if (j.is_null()) {
    out.reset();
    return;
  }
  T value{};
  read_value(j, value);
  out = std::move(value);
}

template <class T>
void read_value(const nlohmann::json& j, std::vector<T>& out) {
  if (!j.is_array()) throw_type(j, "an array");
  out.clear();
  out.reserve(j.size());
  for (std::size_t i = 0; i < j.size(); ++i) {
    at_path("/" + std::to_string(i), [&] {
      T value{};
      read_value(j[i], value);
      out.push_back(std::move(value));
    });
  }
}

template <class V, class C>
void read_value(const nlohmann::json& j, std::map<std::string, V, C>& out) {
  if (!j.is_object()) throw_type(j, "an object");
  out.clear();
  // Not a structured binding: clang before 16 cannot capture one in a lambda.
  for (const auto& entry : j.items()) {
    const std::string& key = entry.key();
    const nlohmann::json& item = entry.value();
    at_path("/" + pointer_segment(key), [&] { read_value(item, out[key]); });
  }
}

template <class T>
void read_value(const nlohmann::json& j, T& out) {
  if constexpr (std::is_same_v<T, std::string>) {
    if (!j.is_string()) throw_type(j, "a string");
    out = j.template get<std::string>();
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!j.is_boolean()) throw_type(j, "true or false");
    out = j.template get<bool>();
  } else if constexpr (NamedEnum<T>) {
    if (!j.is_string()) throw_type(j, "a string");
    out = parse_enum<T>(j.template get<std::string>());
  } else if constexpr (std::is_integral_v<T>) {
    if (!j.is_number_integer()) throw_type(j, "an integer");
    out = j.template get<T>();
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!j.is_number()) throw_type(j, "a number");
    out = j.template get<T>();
  } else {
    j.get_to(out);
  }
}

class ObjectReader {
 public:
  // Throws Error (bad_document) when `j` is not an object.
  explicit ObjectReader(const nlohmann::json& j);

  template <class T>
  void required(const char* key, T& out) {
    seen_.push_back(key);
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) {
      throw Error(Errc::bad_document, "/" + std::string(key),
                  "required field is missing");
    }
    at_path("/" + std::string(key), [&] { read_value(*it, out); });
  }

  // Leaves `out` as it is when the key is absent or null.
  template <class T>
  void optional(const char* key, T& out) {
    seen_.push_back(key);
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return;
    at_path("/" + std::string(key), [&] { read_value(*it, out); });
  }

  // Marks a field as read elsewhere.
  void known(const char* key) { seen_.push_back(key); }

  // Throws Error (bad_document) naming the first field that no
  // required()/optional() call asked for.
  void finish() const;

 private:
  const nlohmann::json& j_;
  std::vector<std::string_view> seen_;
};

}  // namespace parley::detail

#endif  // PARLEY_SRC_JSON_READER_HPP
