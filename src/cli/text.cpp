#include "cli/text.hpp"

#include <cstdio>

#include "parley/error.hpp"
#include "parley/text.hpp"

namespace parley::cli {
namespace {

std::string hex_byte(unsigned char byte) {
  char out[5];
  std::snprintf(out, sizeof out, "\\x%02X", byte);
  return out;
}

// The code point of the valid `length`-byte sequence at `text[at]`.
char32_t code_point(std::string_view text, std::size_t at, std::size_t length) {
  static constexpr unsigned char lead_bits[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
  char32_t c = static_cast<unsigned char>(text[at]) & lead_bits[length];
  for (std::size_t i = 1; i < length; ++i) {
    c = (c << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
  }
  return c;
}

bool is_bidi_control(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x200E || c == 0x200F || c == 0x061C;
}

std::string escaped_control(char c) {
  switch (c) {
    case '\n':
      return "\\n";
    case '\t':
      return "\\t";
    case '\r':
      return "\\r";
    case '\x1b':
      return "\\e";
    default:
      return hex_byte(static_cast<unsigned char>(c));
  }
}

bool is_path_option(const CLI::Option& option) {
  const std::string name = option.get_name();
  return name == "DB" || name == "FILE" || name == "-o,--output" ||
         option.check_lname("output");
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const unsigned char byte = static_cast<unsigned char>(text[at]);
    const std::size_t length = utf8_length(text, at);
    if (length == 0) {
      out += hex_byte(byte);
      ++at;
      continue;
    }
    if (length == 1) {
      out += byte < 0x20 || byte == 0x7F ? escaped_control(text[at])
                                         : std::string(1, text[at]);
    } else {
      const char32_t c = code_point(text, at, length);
      char name[12];
      if (c >= 0x80 && c <= 0x9F) {
        std::snprintf(name, sizeof name, "\\u%04X", static_cast<unsigned>(c));
        out += name;
      } else if (is_bidi_control(c)) {
        std::snprintf(name, sizeof name, "<U+%04X>", static_cast<unsigned>(c));
        out += name;
      } else {
        out.append(text.substr(at, length));
      }
    }
    at += length;
  }
  return out;
}

void check_arguments(const CLI::App& app) {
  for (const CLI::App* command : app.get_subcommands()) {
    for (const CLI::Option* option : command->get_options()) {
      if (is_path_option(*option)) continue;
      for (const std::string& value : option->results()) {
        const std::size_t bad = invalid_utf8_at(value);
        if (bad == std::string_view::npos) continue;
        throw Error(Errc::bad_value, option->get_name(),
                    "not valid UTF-8 (byte " + std::to_string(bad) + " of '" +
                        printable(value) + "')");
      }
    }
    check_arguments(*command);
  }
}

}  // namespace parley::cli
