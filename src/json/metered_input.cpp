#include "json/metered_input.hpp"

#include "parley/error.hpp"

namespace parley::detail {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The UTF-8 bytes a \u escape adds: a high surrogate counts the whole pair
// (4), the low one nothing.
std::size_t escaped_bytes(unsigned code_unit) {
  if (code_unit < 0x80) return 1;
  if (code_unit < 0x800) return 2;
  if (code_unit >= 0xD800 && code_unit <= 0xDBFF) return 4;
  if (code_unit >= 0xDC00 && code_unit <= 0xDFFF) return 0;
  return 3;
}

}  // namespace

void StringMeter::count(std::size_t bytes) {
  length_ += bytes;
  if (length_ > limits_.max_string_bytes) {
    check_string_prefix(length_, limits_, where_());
  }
}

void StringMeter::feed(char c) {
  switch (state_) {
    case State::text:
      if (c == '"') {
        state_ = State::string;
        length_ = 0;
      }
      return;
    case State::string:
      if (c == '"') {
        state_ = State::text;
      } else if (c == '\\') {
        state_ = State::escape;
      } else {
        count(1);
      }
      return;
    case State::escape:
      if (c == 'u') {
        state_ = State::hex;
        code_unit_ = 0;
        hex_digits_ = 0;
        return;
      }
      state_ = State::string;
      count(1);
      return;
    case State::hex: {
      const int digit = hex_value(c);
      if (digit < 0) {  // malformed: the parser reports it
        state_ = State::string;
        return;
      }
      code_unit_ = code_unit_ * 16 + static_cast<unsigned>(digit);
      if (++hex_digits_ < 4) return;
      state_ = State::string;
      count(escaped_bytes(code_unit_));
      return;
    }
  }
}

MeteredInput::MeteredInput(std::istream& in, const Limits& limits,
                           std::function<std::string()> where)
    : buffer_(in.rdbuf()),
      meter_(limits, std::move(where)),
      current_(std::char_traits<char>::eof()) {
  advance();
}

void MeteredInput::advance() {
  current_ = buffer_ ? buffer_->sbumpc() : std::char_traits<char>::eof();
  if (current_ != std::char_traits<char>::eof()) {
    meter_.feed(std::char_traits<char>::to_char_type(current_));
  }
}

}  // namespace parley::detail
