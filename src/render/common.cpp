#include "render/common.hpp"

#include <cstdio>
#include <variant>

#include "parley/error.hpp"

namespace parley::render_detail {
namespace {

// Decodes the code point at `i` and advances `i`; a malformed byte is
// returned as itself.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int extra = 0;
  char32_t cp = b;
  if (b >= 0xF0 && b < 0xF8) {
    extra = 3;
    cp = b & 0x07;
  } else if (b >= 0xE0 && b < 0xF0) {
    extra = 2;
    cp = b & 0x0F;
  } else if (b >= 0xC0 && b < 0xE0) {
    extra = 1;
    cp = b & 0x1F;
  }
  if (i + extra >= s.size() && extra > 0) {
    ++i;
    return b;
  }
  for (int k = 1; k <= extra; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      ++i;
      return b;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += 1 + extra;
  return cp;
}

bool zero_width(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x0483 && c <= 0x0489) ||
         (c >= 0x0591 && c <= 0x05C7) || (c >= 0x0610 && c <= 0x061A) ||
         c == 0x061C || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x06D6 && c <= 0x06ED) || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
}

bool wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) ||
         (c >= 0x20000 && c <= 0x3FFFD);
}

bool bidi_control(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

const std::string& title_of(const Event& event, std::string_view lang) {
  return best(event.title, lang);
}

std::string lane_name(const Timeline& timeline, const Event& event,
                      std::string_view lang) {
  if (event.process) {
    if (const Process* process = timeline.process(*event.process)) {
      return best(process->names, lang);
    }
  }
  return "Other";
}

std::string speaker_name(const Timeline& timeline, const Claim& claim,
                         std::string_view lang) {
  if (!claim.claimant) return "the source";
  return actor_name(timeline, *claim.claimant, lang);
}

bool has_bidi_controls(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (bidi_control(next_code_point(text, i))) return true;
  }
  return false;
}

std::string escape_bidi_controls(std::string_view text) {
  if (!has_bidi_controls(text)) return std::string(text);
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = next_code_point(text, i);
    if (bidi_control(c)) {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "<U+%04X>",
                    static_cast<unsigned>(c));
      out += buffer;
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

std::string isolate_bidi_controls(std::string_view text) {
  if (!has_bidi_controls(text)) return std::string(text);
  return "\u2068" + std::string(text) + "\u2069";
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    if (zero_width(c)) continue;
    width += wide(c) ? 2 : 1;
  }
  return width;
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t w = display_width(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string actor_name(const Timeline& timeline, const ActorId& id,
                       std::string_view lang) {
  const Actor* a = timeline.actor(id);
  return a ? best(a->names, lang) : id.value;
}

std::string place_name(const Timeline& timeline, const Event& event,
                       std::string_view lang) {
  if (!event.place) return "";
  const Place* p = timeline.place(*event.place);
  return p ? best(p->names, lang) : event.place->value;
}

std::string process_name(const Timeline& timeline, const Event& event,
                         std::string_view lang) {
  if (!event.process) return "";
  const Process* p = timeline.process(*event.process);
  return p ? best(p->names, lang) : event.process->value;
}

std::string claimant_name(const Timeline& timeline, const Claim& claim,
                          std::string_view lang) {
  if (claim.claimant) return actor_name(timeline, *claim.claimant, lang);
  const Source* s = timeline.source(claim.source);
  if (s && !s->publisher.empty()) return s->publisher;
  return "the source";
}

std::string document_title(const Timeline& timeline,
                           const RenderOptions& options) {
  if (!options.title.empty()) return options.title;
  if (!timeline.title.empty()) return timeline.title;
  return "Timeline";
}

std::string decimal(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  std::string out = buffer;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  if (out == "-0") out = "0";
  return out;
}

void check_stream(const std::ostream& out, std::string_view format) {
  if (!out) {
    throw Error(Errc::io, std::string(format), "cannot write the output");
  }
}

const Deaths* deaths_of(const Event& event) {
  const auto* hostilities = std::get_if<Hostilities>(&event.payload);
  if (!hostilities) return nullptr;
  const Deaths& deaths = hostilities->deaths;
  return deaths.low || deaths.best || deaths.high || deaths.side_a ||
                 deaths.side_b || deaths.civilians || deaths.unknown
             ? &deaths
             : nullptr;
}

std::vector<NamedActor> named_actors(const Event& event) {
  std::vector<NamedActor> out;
  auto add = [&](const ActorId& actor, std::string_view role) {
    for (const NamedActor& named : out) {
      if (named.actor == actor && named.role == role) return;
    }
    out.push_back({actor, std::string(role)});
  };
  for (const Participant& participant : event.participants) {
    add(participant.actor, to_string(participant.role));
  }
  for (const PayloadActor& named : payload_actors(event.payload)) {
    add(named.actor, named.role);
  }
  return out;
}

}  // namespace parley::render_detail
