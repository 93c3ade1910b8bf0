// EDTF parsing: any input either parses or throws parley::Error; a parsed
// value's canonical text parses again to the same value and text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "parley/error.hpp"
#include "parley/time.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  parley::Edtf value;
  try {
    value = parley::Edtf::parse(text);
  } catch (const parley::Error&) {
    return 0;
  }
  const parley::Edtf again = parley::Edtf::parse(value.str());
  if (!(again == value) || again.str() != value.str() ||
      again.bounds() != value.bounds() ||
      again.bounds(parley::Semantics::spans) !=
          value.bounds(parley::Semantics::spans)) {
    std::abort();
  }
  return 0;
}
