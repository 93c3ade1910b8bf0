// Relative phrases in English and Arabic: the first byte picks the
// language, the rest is the phrase. Parsing and resolving against a fixed
// anchor either succeed or throw parley::Error; a resolved value is a valid
// EDTF value that parses back to itself.
#include "parley/relative.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "parley/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size == 0) return 0;
  const parley::Lang lang = data[0] & 1 ? parley::Lang::ar : parley::Lang::en;
  const std::string_view phrase{reinterpret_cast<const char*>(data + 1),
                                size - 1};
  static const parley::Anchor anchor{date::year{2017} / 2 / 16, "Asia/Almaty"};
  parley::ResolveOptions options;
  options.weekday_either = data[0] & 2;
  try {
    const parley::Resolution r = parley::resolve(phrase, lang, anchor, options);
    if (!r.value.ok() || !(parley::Edtf::parse(r.value.str()) == r.value)) {
      std::abort();
    }
  } catch (const parley::Error&) {
  }
  return 0;
}
