#include "parley/text.hpp"

#include <cctype>
#include <utility>

namespace parley {

const std::string& best(const Texts& texts, std::string_view lang) {
  static const std::string empty;
  if (auto it = texts.find(lang); it != texts.end()) return it->second;
  if (auto it = texts.find("en"); it != texts.end()) return it->second;
  return texts.empty() ? empty : texts.begin()->second;
}

std::string best(Texts&& texts, std::string_view lang) {
  return best(std::as_const(texts), lang);
}

bool valid_language(std::string_view tag) noexcept {
  std::size_t i = 0;
  while (i < tag.size() && std::islower(static_cast<unsigned char>(tag[i]))) {
    ++i;
  }
  if (i < 2 || i > 3) return false;
  if (i == tag.size()) return true;
  if (tag[i] != '-') return false;
  std::string_view rest = tag.substr(i + 1);
  if (rest.size() < 2 || rest.size() > 8) return false;
  for (char c : rest) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace parley
