#include "parley/limits.hpp"

#include <nlohmann/json.hpp>

#include "parley/error.hpp"

namespace parley {
namespace {

[[noreturn]] void over(const std::string& where, const std::string& what,
                       std::uint64_t value, std::uint64_t limit,
                       const char* field) {
  throw Error(Errc::bad_document, where,
              what + " " + std::to_string(value) + " is over the limit of " +
                  std::to_string(limit) + " (Limits::" + field + ")");
}

void check_value(const nlohmann::json& value, const Limits& limits,
                 std::size_t depth, const std::string& where) {
  if (value.is_string()) {
    check_string_size(value.get_ref<const std::string&>().size(), limits,
                      where);
    return;
  }
  if (!value.is_structured()) return;
  check_depth(depth, limits, where);
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      check_string_size(key.size(), limits, where);
      check_value(child, limits, depth + 1, where + "/" + key);
    }
    return;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    check_value(value[i], limits, depth + 1, where + "/" + std::to_string(i));
  }
}

}  // namespace

void check_document_size(std::uint64_t bytes, const Limits& limits,
                         const std::string& where) {
  if (bytes > limits.max_document_bytes) {
    over(where, "document size (bytes)", bytes, limits.max_document_bytes,
         "max_document_bytes");
  }
}

void check_string_size(std::size_t bytes, const Limits& limits,
                       const std::string& where) {
  if (bytes > limits.max_string_bytes) {
    over(where, "string length (bytes)", bytes, limits.max_string_bytes,
         "max_string_bytes");
  }
}

void check_string_prefix(std::size_t bytes_read, const Limits& limits,
                         const std::string& where) {
  if (bytes_read > limits.max_string_bytes) {
    throw Error(Errc::bad_document, where,
                "string length (bytes) is over the limit of " +
                    std::to_string(limits.max_string_bytes) +
                    " (Limits::max_string_bytes); reading stopped at byte " +
                    std::to_string(bytes_read) + " of the string");
  }
}

void check_depth(std::size_t depth, const Limits& limits,
                 const std::string& where) {
  if (depth > limits.max_depth) {
    over(where, "nesting depth", depth, limits.max_depth, "max_depth");
  }
}

void check_limits(const nlohmann::json& document, const Limits& limits) {
  check_value(document, limits, 1, "");
}

}  // namespace parley
