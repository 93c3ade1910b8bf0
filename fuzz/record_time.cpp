// Record times: any input parses or throws parley::Error (bad_time); a
// parsed time prints canonically and parses back to the same instant.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "parley/document.hpp"
#include "parley/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  parley::RecordTime t;
  try {
    t = parley::parse_record_time(text);
  } catch (const parley::Error& e) {
    if (e.code() != parley::Errc::bad_time) std::abort();
    return 0;
  }
  if (parley::parse_record_time(parley::format_record_time(t)) != t) {
    std::abort();
  }
  return 0;
}
