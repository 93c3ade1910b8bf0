// Validation of entities before they are stored, and the references each
// one makes to others. Validation needs no database; the references are
// resolved by the writer once the whole batch is written, so a document may
// refer forward.
#ifndef PARLEY_SRC_STORE_CHECK_HPP
#define PARLEY_SRC_STORE_CHECK_HPP

#include <string>
#include <vector>

#include "parley/document.hpp"

namespace parley::detail {

// An id that must name a current entity of `table` once the batch is
// written. `where` is the path of the field that holds it.
struct Reference {
  std::string where;
  const char* table;
  std::string id;
};

// Each check throws Error naming the field (where + "/field") for the first
// problem, and otherwise appends the entity's references to `refs`.
void check(const Actor& actor, const std::string& where,
           std::vector<Reference>& refs);
void check(const Place& place, const std::string& where,
           std::vector<Reference>& refs);
void check(const Process& process, const std::string& where,
           std::vector<Reference>& refs);
void check(const Source& source, const std::string& where,
           std::vector<Reference>& refs);
void check(const Event& event, const std::string& where,
           std::vector<Reference>& refs);
void check(const Claim& claim, const std::string& where,
           std::vector<Reference>& refs);
void check(const Link& link, const std::string& where,
           std::vector<Reference>& refs);

// Throws Error (bad_value) at `where` unless `zone` names an IANA zone in
// the system's time-zone database.
void check_zone(const std::string& zone, const std::string& where);

}  // namespace parley::detail

#endif  // PARLEY_SRC_STORE_CHECK_HPP
