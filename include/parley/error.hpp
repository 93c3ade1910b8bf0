// parley::Error — the one exception parley throws.
//
// Every failure that parley reports reaches the caller as a parley::Error:
// bad input (a malformed date, an unknown actor id, a JSON document that does
// not fit the format), a database that cannot be opened, an I/O failure.
// SQLite and JSON exceptions are translated inside the library and never
// escape raw. "Not found" is not an error: lookups return an empty
// std::optional.
//
// An error carries a code, a message for people, and the place in the input
// where it went wrong: a field name ("event.time"), a JSON path
// ("/events/3/time"), a character offset, or a line.
//
//   try {
//     db.add(event);
//   } catch (const parley::Error& e) {
//     if (e.code() == parley::Errc::bad_reference) { ... }
//     std::cerr << e.what() << '\n';  // "event.place: unknown place 'p:x'"
//   }
#ifndef PARLEY_ERROR_HPP
#define PARLEY_ERROR_HPP

#include <stdexcept>
#include <string>
#include <string_view>

namespace parley {

// What kind of failure an Error reports. Stable: values are never reordered.
enum class Errc {
  bad_value = 1,      // a field's value is malformed or out of range
  bad_time = 2,       // an EDTF value or time expression cannot be parsed
  bad_reference = 3,  // an id names an entity that does not exist
  conflict = 4,       // the write conflicts with stored data (duplicate id)
  bad_document = 5,   // a JSON document does not fit the interchange format
  unresolved = 6,     // a relative expression cannot be resolved
  storage = 7,        // the database failed (cannot open, corrupt, busy)
  io = 8,             // a file cannot be read or written
  unsupported = 9,    // valid input that this version does not handle
};

// A short stable name for a code: "bad_value", "bad_time", ...
std::string_view to_string(Errc code) noexcept;

class Error : public std::runtime_error {
 public:
  // `where` names the place in the input: a field, a JSON path, a position.
  // It may be empty. what() is "where: message", or "message" when empty.
  Error(Errc code, std::string where, const std::string& message);

  Errc code() const noexcept { return code_; }
  const std::string& where() const noexcept { return where_; }

  // The message without the place.
  const std::string& message() const noexcept { return message_; }

 private:
  Errc code_;
  std::string where_;
  std::string message_;
};

}  // namespace parley

#endif  // PARLEY_ERROR_HPP
