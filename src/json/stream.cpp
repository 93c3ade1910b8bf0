#include "json/stream.hpp"

#include <array>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "json/metered_input.hpp"
#include "json/reader.hpp"

namespace parley::detail {
namespace {

using nlohmann::json;

// The entry arrays, by their index in the SAX handler.
constexpr std::array<std::string_view, 7> sections = {
    "actors", "places", "processes", "sources", "events", "claims", "links"};
constexpr std::array<std::string_view, 3> header_keys = {"format", "version",
                                                         "recorded"};

template <std::size_t N>
int index_of(const std::array<std::string_view, N>& names,
             std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<int>(i);
  }
  return -1;
}

// The top-level format, version and recorded of the document at the
// current position of `in`, found by a byte scan that skips strings and
// nested values without parsing them. Reads to the end of the stream (or
// until all three are found); a value it cannot parse is left out for the
// full parse to report, and so is one longer than any header value can be
// (the scan keeps no more than that of it).
json scan_header(std::istream& in) {
  constexpr std::size_t max_header_value = 4096;
  json out = json::object();
  std::vector<char> buffer(1 << 16);
  int depth = 0;
  bool in_string = false, escape = false, expect_key = false;
  bool in_key = false, in_value = false;
  std::string key, value;
  auto finish_value = [&] {
    if (!in_value) return;
    in_value = false;
    json parsed = json::parse(value, nullptr, false);
    if (!parsed.is_discarded()) out[key] = std::move(parsed);
  };
  while (in && out.size() < header_keys.size()) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const std::streamsize n = in.gcount();
    for (std::streamsize i = 0; i < n; ++i) {
      const char c = buffer[static_cast<std::size_t>(i)];
      if (in_value && !(depth == 1 && !in_string && (c == ',' || c == '}'))) {
        if (value.size() < max_header_value) value += c;
      }
      if (in_string) {
        if (escape) {
          escape = false;
        } else if (c == '\\') {
          escape = true;
        } else if (c == '"') {
          in_string = in_key = false;
        } else if (in_key) {
          key += c;
        }
      } else if (c == '"') {
        in_string = true;
        in_key = depth == 1 && expect_key;
        if (in_key) key.clear();
      } else if (c == '{' || c == '[') {
        expect_key = ++depth == 1;
      } else if (c == '}' || c == ']') {
        if (depth-- == 1) finish_value();
      } else if (depth == 1 && c == ',') {
        finish_value();
        expect_key = true;
      } else if (depth == 1 && c == ':') {
        expect_key = false;
        in_value = index_of(header_keys, key) >= 0;
        value.clear();
      }
    }
  }
  return out;
}

// Builds one JSON value from SAX events.
class ValueBuilder {
 public:
  bool building() const { return !stack_.empty(); }
  // Adds a scalar; true when it completes the value.
  bool scalar(json value) {
    place(std::move(value));
    return stack_.empty();
  }
  void start(json container) { stack_.push_back(place(std::move(container))); }
  // Closes the innermost container; true when it completes the value.
  bool end() {
    stack_.pop_back();
    return stack_.empty();
  }
  void key(std::string& key) { key_ = std::move(key); }
  json take() { return std::move(root_); }

 private:
  json* place(json value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    json& top = *stack_.back();
    if (top.is_object()) {
      json& slot = top[key_];
      slot = std::move(value);
      return &slot;
    }
    top.push_back(std::move(value));
    return &top.back();
  }

  json root_;
  std::vector<json*> stack_;  // open containers, innermost last
  std::string key_;
};

// The id an error message names for an entry: its id, or a link's ends.
std::string entry_label(const json& entry) {
  if (!entry.is_object()) return "";
  auto text = [&](const char* key) -> std::string {
    auto it = entry.find(key);
    return it != entry.end() && it->is_string() ? it->get<std::string>() : "";
  };
  if (std::string id = text("id"); !id.empty()) return id;
  if (text("from").empty()) return "";
  return text("from") + " " + text("kind") + " " + text("to");
}

std::string type_name(const json& value) {
  return std::string(value.type_name());
}

// Walks the SAX events of one document: header members are collected,
// members of the entry arrays built one at a time and handed to the sink.
class Handler final : public nlohmann::json_sax<json> {
 public:
  // `header` holds the header members when a scan found them first.
  Handler(DocumentSink& sink, json header, bool prescanned,
          const Limits& limits)
      : sink_(sink),
        header_(std::move(header)),
        prescanned_(prescanned),
        limits_(limits) {}

  bool null() override { return scalar(nullptr); }
  bool boolean(bool v) override { return scalar(v); }
  bool number_integer(number_integer_t v) override { return scalar(v); }
  bool number_unsigned(number_unsigned_t v) override { return scalar(v); }
  bool number_float(number_float_t v, const string_t&) override {
    return scalar(v);
  }
  bool string(string_t& v) override {
    check_string_size(v.size(), limits_, path());
    return scalar(std::move(v));
  }
  bool binary(binary_t& v) override { return scalar(json::binary(v)); }
  bool start_object(std::size_t) override { return start(json::object()); }
  bool start_array(std::size_t) override { return start(json::array()); }
  bool end_object() override { return end(); }
  bool end_array() override { return end(); }

  bool key(string_t& key) override {
    check_string_size(key.size(), limits_, path());
    if (builder_.building()) {
      builder_.key(key);
      return true;
    }
    member_ = key;
    if (index_of(sections, key) < 0 && index_of(header_keys, key) < 0) {
      throw Error(Errc::bad_document, "/" + pointer_segment(key),
                  "unknown field");
    }
    return true;
  }

  bool parse_error(std::size_t byte, const std::string&,
                   const nlohmann::detail::exception& e) override {
    // "[json.exception.parse_error.101] parse error at line 1, column 9:
    // syntax error while parsing value - unexpected end of input; ..."
    const std::string_view what = e.what();
    const auto at = what.find("line ");
    const auto colon = what.find(": ", at);
    std::string where = "byte " + std::to_string(byte);
    std::string detail(what);
    if (at != std::string_view::npos && colon != std::string_view::npos) {
      where = std::string(what.substr(at, colon - at));
      detail = std::string(what.substr(colon + 2));
    }
    throw Error(
        Errc::bad_document, where,
        "not valid JSON (byte " + std::to_string(byte) + "): " + detail);
  }

  // Delivers the header when the document had no entry array.
  void finish() { deliver_header(); }

  // Where the reader is, as far as a limit's error needs: the top-level
  // member, and the entry within it.
  std::string path() const {
    if (depth_ < 2) return member_.empty() ? "" : "/" + member_;
    return "/" + member_ + "/" + std::to_string(index_);
  }

 private:
  bool scalar(json value) {
    if (builder_.building()) {
      if (builder_.scalar(std::move(value))) complete(builder_.take());
      return true;
    }
    if (depth_ == 0) throw_not_object(value);
    if (depth_ == 1 && index_of(sections, member_) >= 0) {
      throw_not_array(value);
    }
    complete(std::move(value));
    return true;
  }

  bool start(json container) {
    check_depth(++nesting_, limits_, path());
    if (builder_.building() || depth_ == 2 ||
        (depth_ == 1 && index_of(header_keys, member_) >= 0)) {
      builder_.start(std::move(container));
    } else if (depth_ == 0) {
      if (!container.is_object()) throw_not_object(container);
      depth_ = 1;
    } else if (!container.is_array()) {
      throw_not_array(container);
    } else {
      deliver_header();
      section_ = index_of(sections, member_);
      index_ = 0;
      depth_ = 2;
    }
    return true;
  }

  bool end() {
    --nesting_;
    if (builder_.building()) {
      if (builder_.end()) complete(builder_.take());
    } else {
      --depth_;
    }
    return true;
  }

  // A value at depth 1 (a header member) or 2 (an entry) is complete.
  void complete(json value) {
    if (depth_ == 2) return deliver(std::move(value));
    if (header_done_ && !prescanned_) {
      throw Error(Errc::bad_document, "/" + member_,
                  "comes after the entries; a document read from a stream "
                  "that cannot seek must begin with format, version and "
                  "recorded");
    }
    if (!prescanned_) header_[member_] = std::move(value);
  }

  void deliver_header() {
    if (header_done_) return;
    header_done_ = true;
    sink_.header(read_header(header_));
  }

  void deliver(json value) {
    const std::string where =
        "/" + std::string(sections[section_]) + "/" + std::to_string(index_++);
    const std::string label = entry_label(value);
    try {
      switch (section_) {
        case 0:
          return deliver<Actor>(std::move(value), where);
        case 1:
          return deliver<Place>(std::move(value), where);
        case 2:
          return deliver<Process>(std::move(value), where);
        case 3:
          return deliver<Source>(std::move(value), where);
        case 4:
          return deliver<Event>(std::move(value), where);
        case 5:
          return deliver<Claim>(std::move(value), where);
        default:
          return deliver<Link>(std::move(value), where);
      }
    } catch (const Error& e) {
      if (label.empty()) throw;
      throw Error(e.code(), e.where(), e.message() + " (in " + label + ")");
    }
  }

  template <class T>
  void deliver(json value, const std::string& where) {
    Versioned<T> entry;
    at_path(where, [&] { read_entry(std::move(value), entry); });
    sink_.entry(std::move(entry), where);
  }

  [[noreturn]] void throw_not_object(const json& value) {
    throw Error(Errc::bad_document, "",
                "expected an object, found " + type_name(value));
  }
  [[noreturn]] void throw_not_array(const json& value) {
    throw Error(Errc::bad_document, "/" + member_,
                "expected an array, found " + type_name(value));
  }

  DocumentSink& sink_;
  json header_;
  bool prescanned_;
  const Limits& limits_;
  std::size_t nesting_ = 0;  // arrays and objects open around the reader
  bool header_done_ = false;
  int depth_ = 0;       // 0 outside the document, 1 in it, 2 in an entry array
  std::string member_;  // the current top-level member
  int section_ = 0;
  std::size_t index_ = 0;
  ValueBuilder builder_;
};

}  // namespace

void read_document(std::istream& in, DocumentSink& sink, const Limits& limits) {
  const std::istream::pos_type start = in.tellg();
  json header = json::object();
  const bool seekable = start != std::istream::pos_type(-1);
  if (seekable) {
    header = scan_header(in);
    in.clear();
    in.seekg(start);
  }
  Handler handler{sink, std::move(header), seekable, limits};
  // Strings are measured as they are read, so an over-long one is refused
  // before the parser has built it; the handler checks the built ones too.
  MeteredInput input{in, limits, [&] { return handler.path(); }};
  json::sax_parse(input.begin(), input.end(), &handler);
  handler.finish();
}

}  // namespace parley::detail
