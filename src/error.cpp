#include "parley/error.hpp"

#include <string>
#include <utility>

#include "parley/detail/enum_text.hpp"

namespace parley {
namespace {

std::string compose(const std::string& where, const std::string& message) {
  return where.empty() ? message : where + ": " + message;
}

}  // namespace

std::string_view to_string(Errc code) noexcept {
  switch (code) {
    case Errc::bad_value:
      return "bad_value";
    case Errc::bad_time:
      return "bad_time";
    case Errc::bad_reference:
      return "bad_reference";
    case Errc::conflict:
      return "conflict";
    case Errc::bad_document:
      return "bad_document";
    case Errc::unresolved:
      return "unresolved";
    case Errc::storage:
      return "storage";
    case Errc::io:
      return "io";
    case Errc::unsupported:
      return "unsupported";
  }
  return "unknown";
}

Error::Error(Errc code, std::string where, const std::string& message)
    : std::runtime_error(compose(where, message)),
      code_(code),
      where_(std::move(where)),
      message_(message) {}

namespace detail {

void throw_unknown_enum(std::string_view text, const std::string& choices) {
  throw Error(
      Errc::bad_value, "",
      "unknown value '" + std::string(text) + "'; expected one of: " + choices);
}

void throw_unnamed_enum(long long value, const std::string& choices) {
  throw Error(Errc::bad_value, "",
              "enum value " + std::to_string(value) +
                  " has no name; expected one of: " + choices);
}

}  // namespace detail
}  // namespace parley
