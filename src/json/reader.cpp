#include "json/reader.hpp"

#include <algorithm>
#include <string>

namespace parley::detail {

std::string pointer_segment(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

void throw_type(const nlohmann::json& j, const char* expected) {
  throw Error(Errc::bad_document, "",
              std::string("expected ") + expected + ", found " + j.type_name());
}

ObjectReader::ObjectReader(const nlohmann::json& j) : j_(j) {
  if (!j.is_object()) throw_type(j, "an object");
}

void ObjectReader::finish() const {
  for (const auto& [key, value] : j_.items()) {
    if (std::find(seen_.begin(), seen_.end(), key) == seen_.end()) {
      throw Error(Errc::bad_document, "/" + pointer_segment(key),
                  "unknown field");
    }
  }
}

}  // namespace parley::detail
