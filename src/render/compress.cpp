#include "render/compress.hpp"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstdint>

#include "parley/error.hpp"

namespace parley::render_detail {

std::string gzip(std::string_view bytes) {
  z_stream stream{};
  // 15 window bits, +16: a gzip header and trailer instead of zlib's.
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    throw Error(Errc::io, "html", "cannot start gzip compression");
  }
  std::string out;
  char buffer[1 << 16];
  std::size_t offset = 0;
  int status = Z_OK;
  while (status != Z_STREAM_END) {
    const std::size_t chunk =
        std::min<std::size_t>(bytes.size() - offset, UINT_MAX);
    stream.next_in =
        reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + offset));
    stream.avail_in = static_cast<uInt>(chunk);
    const bool last = offset + chunk == bytes.size();
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
    if (status == Z_STREAM_ERROR) {
      deflateEnd(&stream);
      throw Error(Errc::io, "html", "gzip compression failed");
    }
    offset += chunk - stream.avail_in;
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  deflateEnd(&stream);
  return out;
}

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t group = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) {
      group |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    }
    if (i + 2 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(group >> 18) & 63];
    out += kAlphabet[(group >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(group >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[group & 63] : '=';
  }
  return out;
}

}  // namespace parley::render_detail
