// parley help kinds|roles|relations|statuses|links|rules — the vocabulary the
// filters and the document format accept, read from the enums' name
// tables (parley/enum_names.hpp), so it never drifts from the code.
//
//   parley help kinds       each event kind with its group (for --kind)
//   parley help relations   Allen's relation names (for --relation)
//   parley help rules       the rules, senses and units of a time rule
#include <iostream>
#include <memory>

#include "parley/allen.hpp"
#include "parley/event.hpp"
#include "parley/link.hpp"
#include "parley/query.hpp"
#include "parley/relative.hpp"

#include "cli/command.hpp"

namespace parley::cli {
namespace {

template <detail::NamedEnum E>
void list_names(std::ostream& out, const char* indent = "") {
  for (const auto& [value, name] : detail::EnumText<E>::names) {
    out << indent << name << '\n';
  }
}

void write_kinds(std::ostream& out) {
  out << "Event kinds (--kind takes a kind or a group):\n";
  for (const auto& [kind, name] : detail::EnumText<EventKind>::names) {
    std::string padded(name);
    padded.resize(std::max<std::size_t>(padded.size() + 2, 20), ' ');
    out << "  " << padded << kind_group(kind) << '\n';
  }
}

// The vocabulary of a time rule (time_rule, deadline_rule) and of `parley
// resolve`'s output, from the library's own names.
void write_rules(std::ostream& out) {
  out << "Rules (\"rule\"):\n";
  for (int r = 0; r <= static_cast<int>(Rule::d_day); ++r) {
    out << "  " << to_string(static_cast<Rule>(r)) << '\n';
  }
  out << "Senses (\"sense\"):\n";
  for (Sense s :
       {Sense::on, Sense::no_later_than, Sense::not_before, Sense::within}) {
    out << "  " << to_string(s) << '\n';
  }
  out << "Units (\"unit\", with \"count\"; or \"offset\": P3D, P2W, PT72H):\n"
         "  day\n  week\n  month\n  year\n  hour\n"
         "Anchor sides (\"anchor_side\"):\n  start\n  end\n";
}

int run(const std::string& topic) {
  std::ostream& out = std::cout;
  if (topic == "kinds") {
    write_kinds(out);
  } else if (topic == "roles") {
    out << "Participant roles (--role):\n";
    list_names<Role>(out, "  ");
  } else if (topic == "relations") {
    out << "Allen relations (--relation, parley allen):\n";
    for (std::string_view name : names(Relations::all())) {
      out << "  " << name << '\n';
    }
  } else if (topic == "statuses") {
    out << "Scheduling statuses (--status):\n";
    list_names<Status>(out, "  ");
    out << "Pledge statuses (parley report pledges --pledge-status):\n";
    list_names<PledgeStatus>(out, "  ");
    out << "  overdue\n";
  } else if (topic == "rules") {
    write_rules(out);
  } else {
    out << "Link kinds (between events):\n";
    list_names<LinkKind>(out, "  ");
  }
  return ok;
}

}  // namespace

void add_help_command(CLI::App& app, Action& action) {
  auto topic = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "help",
      "List the vocabulary: kinds, roles, relations, statuses, links, rules");
  cmd->add_option("TOPIC", *topic,
                  "kinds, roles, relations, statuses, links or rules")
      ->required()
      ->check(CLI::IsMember(
          {"kinds", "roles", "relations", "statuses", "links", "rules"}));
  cmd->footer("Example:\n  parley help kinds");
  cmd->callback([&action, topic] { action = [topic] { return run(*topic); }; });
}

}  // namespace parley::cli
