#include "cli/location.hpp"

#include "store/location.hpp"

namespace parley::cli {
namespace {

constexpr std::string_view hidden = "***";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Hides the password of each "postgres(ql)://user:PASSWORD@host" in `s`.
void hide_uri_passwords(std::string& s) {
  for (std::string_view scheme : {"postgresql://", "postgres://"}) {
    for (std::size_t at = s.find(scheme); at != std::string::npos;
         at = s.find(scheme, at + 1)) {
      const std::size_t from = at + scheme.size();
      std::size_t end = from;
      while (end < s.size() && !is_space(s[end]) && s[end] != '/' &&
             s[end] != '?' && s[end] != '#') {
        ++end;
      }
      // The user information ends at the authority's last '@'.
      const std::size_t user_end = s.rfind('@', end - 1);
      if (user_end == std::string::npos || user_end < from) continue;
      const std::size_t colon = s.find(':', from);
      if (colon == std::string::npos || colon > user_end) continue;
      s.replace(colon + 1, user_end - colon - 1, hidden);
    }
  }
}

// The end of the value that starts at `from`: a quoted value ('...', with
// \' and \\ escaped) up to its closing quote; otherwise up to white space
// or '&' (the next parameter of a URI).
std::size_t value_end(const std::string& s, std::size_t from) {
  if (from < s.size() && s[from] == '\'') {
    for (std::size_t i = from + 1; i < s.size(); ++i) {
      if (s[i] == '\\') {
        ++i;
      } else if (s[i] == '\'') {
        return i + 1;
      }
    }
    return s.size();
  }
  std::size_t end = from;
  while (end < s.size() && !is_space(s[end]) && s[end] != '&') ++end;
  return end;
}

// Hides the value of each password= and sslpassword= key in `s`.
void hide_key_passwords(std::string& s) {
  for (std::string_view key : {"password", "sslpassword"}) {
    for (std::size_t at = s.find(key); at != std::string::npos;
         at = s.find(key, at + 1)) {
      // A key of its own: at the start, or after a space, '?' or '&'.
      if (at > 0 && !is_space(s[at - 1]) && s[at - 1] != '?' &&
          s[at - 1] != '&') {
        continue;
      }
      std::size_t i = at + key.size();
      while (i < s.size() && is_space(s[i])) ++i;
      if (i >= s.size() || s[i] != '=') continue;
      ++i;
      while (i < s.size() && is_space(s[i])) ++i;
      const std::size_t end = value_end(s, i);
      s.replace(i, end - i, hidden);
    }
  }
}

}  // namespace

bool is_server(std::string_view db) noexcept {
  return detail::is_postgres_location(db);
}

std::string without_passwords(std::string_view text) {
  std::string out(text);
  hide_uri_passwords(out);
  hide_key_passwords(out);
  return out;
}

}  // namespace parley::cli
