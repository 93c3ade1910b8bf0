// parley/flag.hpp — what is inconsistent in a record kept as its source
// gave it.
//
// Real datasets contradict themselves: UCDP GED codes 30 Syrian events of
// 2016–2019 with a low estimate of deaths above the best one. parley keeps
// such a row with its values as given and a flag saying what does not fit,
// instead of refusing it; an event without the flag is still refused.
//
//   parley::Flag f{parley::FlagCode::deaths_low_above_best,
//                  "low 12 > best 10"};
//   parley::to_string(f.code);  // "deaths_low_above_best"
#ifndef PARLEY_FLAG_HPP
#define PARLEY_FLAG_HPP

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "parley/enum_names.hpp"

namespace parley {

enum class FlagCode {
  deaths_low_above_best,   // low estimate > best estimate
  deaths_best_above_high,  // best estimate > high estimate
  deaths_low_above_high,   // low estimate > high estimate
  end_before_start,        // the source's end date precedes its start date
};

struct Flag {
  FlagCode code = FlagCode::deaths_low_above_best;
  std::string message;  // the values that contradict each other
  bool operator==(const Flag&) const = default;
};

void to_json(nlohmann::json& j, const Flag& flag);
void from_json(const nlohmann::json& j, Flag& flag);

}  // namespace parley

PARLEY_ENUM_NAMES(
    parley::FlagCode,
    {parley::FlagCode::deaths_low_above_best, "deaths_low_above_best"},
    {parley::FlagCode::deaths_best_above_high, "deaths_best_above_high"},
    {parley::FlagCode::deaths_low_above_high, "deaths_low_above_high"},
    {parley::FlagCode::end_before_start, "end_before_start"});

#endif  // PARLEY_FLAG_HPP
