// Reading a parley JSON document incrementally: one entry at a time, so
// memory does not grow with the document.
//
//   struct Count : detail::DocumentSink { ... };
//   std::ifstream in{"big.json", std::ios::binary};
//   detail::read_document(in, sink);
//
// The header (format, version, recorded) reaches the sink before the first
// entry even when the document places it after the arrays (as an exported
// document does, its keys being sorted): a seekable stream is first scanned
// for it. A stream that cannot seek (a pipe) must put the header first.
//
// Errors: parley::Error with the JSON path of the offending value. An error
// inside an entry also names the entry's id in the message ("... (in
// event:ceasefire)"), whether reading or the sink found it. A syntax error
// says where (line, column and byte offset) and what was expected.
#ifndef PARLEY_SRC_JSON_STREAM_HPP
#define PARLEY_SRC_JSON_STREAM_HPP

#include <istream>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "parley/document.hpp"
#include "parley/limits.hpp"

namespace parley::detail {

// Receives a document's entries in the order they appear. `where` is the
// entry's JSON path ("/events/7").
class DocumentSink {
 public:
  virtual ~DocumentSink() = default;
  // Once, before any entry: the document's default record time.
  virtual void header(std::optional<RecordTime> recorded) = 0;
  virtual void entry(Versioned<Actor>&& entry, const std::string& where) = 0;
  virtual void entry(Versioned<Place>&& entry, const std::string& where) = 0;
  virtual void entry(Versioned<Process>&& entry, const std::string& where) = 0;
  virtual void entry(Versioned<Source>&& entry, const std::string& where) = 0;
  virtual void entry(Versioned<Event>&& entry, const std::string& where) = 0;
  virtual void entry(Versioned<Claim>&& entry, const std::string& where) = 0;
  virtual void entry(Versioned<Link>&& entry, const std::string& where) = 0;
};

// Reads the document from the current position of `in` to its end. Memory:
// one entry at a time. Throws Error (bad_document for syntax and layout, or
// a string, key or nesting level over `limits`; or whatever the entry's
// reading or the sink throws).
void read_document(std::istream& in, DocumentSink& sink,
                   const Limits& limits = {});

// The document-level fields of a parsed document: checks format and version
// and returns the default record time. Throws Error at "/format" etc.
std::optional<RecordTime> read_header(const nlohmann::json& document);

// Reads one entry: the entity and its record times.
template <class T>
void read_entry(nlohmann::json j, Versioned<T>& entry);

}  // namespace parley::detail

#endif  // PARLEY_SRC_JSON_STREAM_HPP
