#include "parley/ids.hpp"

#include <cctype>

namespace parley {

bool valid_id(std::string_view text) noexcept {
  if (text.empty() || text.size() > 200) return false;
  for (char c : text) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == ':' ||
                    c == '.' || c == '_' || c == '-' || c == '/';
    if (!ok) return false;
  }
  return true;
}

}  // namespace parley
