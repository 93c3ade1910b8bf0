// Shared by the question_* examples: the Astana scenario loaded from
// examples/data/astana-2017.json into an in-memory database.
#ifndef PARLEY_EXAMPLES_ASTANA_DATA_HPP
#define PARLEY_EXAMPLES_ASTANA_DATA_HPP

#include <fstream>

#include <nlohmann/json.hpp>

#include "parley/parley.hpp"

inline parley::Database load_astana() {
  std::ifstream in{PARLEY_EXAMPLE_DATA "/astana-2017.json"};
  parley::Database db{":memory:"};
  db.import_json(nlohmann::json::parse(in));
  return db;
}

#endif  // PARLEY_EXAMPLES_ASTANA_DATA_HPP
