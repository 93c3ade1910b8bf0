// Importing a JSON document as it is read: each entry is written as soon as
// it is parsed, inside the caller's transaction.
#ifndef PARLEY_SRC_STORE_IMPORT_HPP
#define PARLEY_SRC_STORE_IMPORT_HPP

#include <istream>

#include "parley/document.hpp"
#include "parley/limits.hpp"

#include "store/writer.hpp"

namespace parley::detail {

// Reads the document from `in` (see json/stream.hpp) and writes every entry
// through `writer`; entries without a record time of their own, in a
// document without one, are recorded at `fallback`. The caller calls
// writer.finish() and commits. Throws Error naming the JSON path and the
// entry's id.
void import_stream(Writer& writer, std::istream& in, RecordTime fallback,
                   const Limits& limits);

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_IMPORT_HPP
