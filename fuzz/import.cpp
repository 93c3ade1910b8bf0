// JSON import: a refused import leaves the database's export unchanged; an
// accepted one round-trips (its history export, imported into a fresh
// database, exports the same). Inputs are kept small by the limits.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/error.hpp"
#include "parley/limits.hpp"

namespace {

nlohmann::json history(const parley::Database& db) {
  return db.export_json({.history = true});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  static auto db = std::make_unique<parley::Database>(":memory:");
  static const nlohmann::json empty = history(*db);
  const auto document = nlohmann::json::parse(data, data + size, nullptr,
                                              /*allow_exceptions=*/false);
  if (document.is_discarded()) return 0;
  parley::Limits limits;
  limits.max_depth = 16;
  limits.max_string_bytes = 4096;
  try {
    parley::check_limits(document, limits);
    db->import_json(document);
  } catch (const parley::Error& e) {
    if (e.code() == parley::Errc::storage) std::abort();  // not bad input
    if (history(*db) != empty) std::abort();
    return 0;
  }
  const nlohmann::json exported = history(*db);
  parley::Database copy{":memory:"};
  copy.import_json(exported);
  if (history(copy) != exported) std::abort();
  db = std::make_unique<parley::Database>(":memory:");
  return 0;
}
