// parley/source.hpp — the document a fact comes from.
//
// A source's publication date is an EDTF value because it may be inferred:
// an undated report whose content places it on 2017-02-16 is published
// "2017-02-16?", with the reason in `published_note`.
#ifndef PARLEY_SOURCE_HPP
#define PARLEY_SOURCE_HPP

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "parley/ids.hpp"
#include "parley/time.hpp"

namespace parley {

struct Source {
  SourceId id;
  std::string publisher;
  std::string title;
  std::string language;  // BCP 47 tag of the document: "ar"
  std::optional<Edtf> published;
  std::string published_note;  // why the date is what it is, if inferred
  std::string url;

  bool operator==(const Source&) const = default;
};

void to_json(nlohmann::json& j, const Source& source);
void from_json(const nlohmann::json& j, Source& source);

}  // namespace parley

#endif  // PARLEY_SOURCE_HPP
