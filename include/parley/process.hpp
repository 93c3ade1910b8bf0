// parley/process.hpp — a track of talks or a conflict, optionally nested:
// the second Astana round belongs to the Astana track.
#ifndef PARLEY_PROCESS_HPP
#define PARLEY_PROCESS_HPP

#include <optional>

#include <nlohmann/json_fwd.hpp>

#include "parley/enum_names.hpp"
#include "parley/ids.hpp"
#include "parley/text.hpp"

namespace parley {

enum class ProcessKind { talks, conflict, other };

struct Process {
  ProcessId id;
  ProcessKind kind = ProcessKind::talks;
  Texts names;  // at least one
  std::optional<ProcessId> parent;
  Texts summary;

  bool operator==(const Process&) const = default;
};

void to_json(nlohmann::json& j, const Process& process);
void from_json(const nlohmann::json& j, Process& process);

}  // namespace parley

PARLEY_ENUM_NAMES(parley::ProcessKind, {parley::ProcessKind::talks, "talks"},
                  {parley::ProcessKind::conflict, "conflict"},
                  {parley::ProcessKind::other, "other"});

#endif  // PARLEY_PROCESS_HPP
