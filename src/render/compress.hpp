// Private: bytes made small and printable for a self-contained HTML page:
// gzip (RFC 1952, through zlib) and base64 (RFC 4648, with padding). The
// overview page (html_overview.cpp) embeds its data so, and the page's
// script reverses it with atob() and DecompressionStream('gzip'). Pure and
// thread-safe.
#ifndef PARLEY_SRC_RENDER_COMPRESS_HPP
#define PARLEY_SRC_RENDER_COMPRESS_HPP

#include <string>
#include <string_view>

namespace parley::render_detail {

// `bytes` as a gzip member (zlib's default level). Costs one pass; the
// result is held in memory. Throws parley::Error (Errc::io) when zlib
// fails (out of memory).
std::string gzip(std::string_view bytes);

// `bytes` in the standard base64 alphabet, padded with '='.
std::string base64(std::string_view bytes);

}  // namespace parley::render_detail

#endif  // PARLEY_SRC_RENDER_COMPRESS_HPP
