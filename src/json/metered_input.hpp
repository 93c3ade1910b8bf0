// JSON text read from a stream with the string-length limit applied while
// the text is read, before the JSON library holds the string: a document
// with one 200 MB string is refused after max_string_bytes + 1 bytes of it,
// not after the whole string has been built in memory.
//
//   MeteredInput input{in, limits, [&] { return handler.path(); }};
//   nlohmann::json::sax_parse(input.begin(), input.end(), &handler);
//
// The meter decodes escapes as the JSON library does (`\n` is 1 byte,
// `\u00e9` 2, a surrogate pair 4), so it refuses exactly the strings and
// keys whose decoded UTF-8 length is over Limits::max_string_bytes.
// Malformed text is left to the parser to report.
// Not thread-safe; one MeteredInput per parse.
#ifndef PARLEY_SRC_JSON_METERED_INPUT_HPP
#define PARLEY_SRC_JSON_METERED_INPUT_HPP

#include <cstddef>
#include <functional>
#include <istream>
#include <iterator>
#include <string>

#include "parley/limits.hpp"

namespace parley::detail {

// Follows JSON text byte by byte and counts the decoded length of the
// string or key being read.
class StringMeter {
 public:
  // `where` names the place for an error (called only when one is thrown).
  StringMeter(const Limits& limits, std::function<std::string()> where)
      : limits_(limits), where_(std::move(where)) {}
  // Throws Error (bad_document, at where()) when `c` takes the current
  // string over limits.max_string_bytes.
  void feed(char c);

 private:
  enum class State { text, string, escape, hex };
  void count(std::size_t bytes);

  const Limits& limits_;
  std::function<std::string()> where_;
  State state_ = State::text;
  std::size_t length_ = 0;  // decoded bytes of the current string so far
  unsigned code_unit_ = 0;  // of a \u escape being read
  int hex_digits_ = 0;      // read of it
};

class MeteredInput {
 public:
  MeteredInput(std::istream& in, const Limits& limits,
               std::function<std::string()> where);

  // An input iterator over the stream's bytes; every copy shares the
  // stream's position, as the JSON library's iterator input expects.
  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = char;

    Iterator() = default;  // the end
    explicit Iterator(MeteredInput* input) : input_(input) {}
    char operator*() const {
      return std::char_traits<char>::to_char_type(input_->current_);
    }
    Iterator& operator++() {
      input_->advance();
      return *this;
    }
    bool operator==(const Iterator& other) const {
      return at_end() == other.at_end();
    }
    bool operator!=(const Iterator& other) const { return !(*this == other); }

   private:
    bool at_end() const {
      return !input_ || input_->current_ == std::char_traits<char>::eof();
    }
    MeteredInput* input_ = nullptr;
  };

  Iterator begin() { return Iterator{this}; }
  Iterator end() { return Iterator{}; }

 private:
  // Reads the next byte into current_ and feeds it to the meter.
  void advance();

  std::streambuf* buffer_;
  StringMeter meter_;
  std::char_traits<char>::int_type current_;
};

}  // namespace parley::detail

#endif  // PARLEY_SRC_JSON_METERED_INPUT_HPP
