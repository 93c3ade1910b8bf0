// PA-X agreement rows (the Peace Agreements Database; one row per
// agreement, a UTF-8 byte-order mark, multi-line quoted cells) to parley's
// model.
//
//   AgtId          external id; event `event:pax-<id>` (agreement)
//   Agt            title and details.document
//   Dat            time: dd/mm/yyyy or yyyy-mm-dd (the text kept unless ISO)
//   Stage          details.stage (Pre, Cea, SubPar, SubComp, Imp, Ren, Oth)
//   StageSub       details.sub_stage ("Proc", "Ceas", "FrCons", ...)
//   PP, PPName     process `process:pax-<PP>` (talks)
//   every other column (Con, Part, ThrdPart, the provision codes, ...)
//                  attributes, as written
#include <array>

#include "datasets/formats.hpp"

namespace parley::detail {
namespace {

// "24/01/2017" or "2017-01-24"; empty otherwise.
std::optional<date::year_month_day> pax_day(const std::string& text) {
  if (auto iso = parse_day(text)) return iso;
  if (text.size() != 10 || text[2] != '/' || text[5] != '/') return {};
  return parse_day(text.substr(6, 4) + "-" + text.substr(3, 2) + "-" +
                   text.substr(0, 2));
}

AgreementStage pax_stage(RowReader& row) {
  static constexpr std::array<std::pair<std::string_view, AgreementStage>, 7>
      stages = {{{"Pre", AgreementStage::pre_negotiation},
                 {"Cea", AgreementStage::ceasefire},
                 {"SubPar", AgreementStage::partial_framework},
                 {"SubComp", AgreementStage::comprehensive_framework},
                 {"Imp", AgreementStage::implementation},
                 {"Ren", AgreementStage::renewal},
                 {"Oth", AgreementStage::other}}};
  const std::string& code = row.text("Stage");
  for (const auto& [name, stage] : stages) {
    if (code == name) return stage;
  }
  row.keep("Stage");  // a code parley does not know: other, and the text
  return AgreementStage::other;
}

std::optional<ProcessId> pax_process(RowReader& row, RowEntities& out) {
  const std::string& code = row.text("PP");
  const std::string& name = row.text("PPName");
  if (code.empty() || name.empty() || id_part(code) != code) {
    row.keep("PP");
    row.keep("PPName");
    return std::nullopt;
  }
  Process process;
  process.id = ProcessId{"process:pax-" + code};
  process.kind = ProcessKind::talks;
  process.names = {{"en", name}};
  out.processes.push_back(std::move(process));
  return out.processes.back().id;
}

}  // namespace

RowEntities pax_row(RowReader& row, const std::string& release) {
  const std::optional<int> id = row.count("AgtId");
  if (!id) row.fail("AgtId", "the agreement has no id");
  RowEntities out;
  Event& event = out.event;
  event.id = EventId{"event:pax-" + std::to_string(*id)};
  event.external = ExternalRef{"pax", std::to_string(*id), release};
  const std::string& date = row.text("Dat");
  const std::optional<date::year_month_day> day = pax_day(date);
  if (!day) {
    row.fail("Dat", "'" + date + "' is not a date (dd/mm/yyyy or yyyy-mm-dd)");
  }
  if (!parse_day(date)) row.keep("Dat");
  event.time = Edtf::from_day(*day);
  const std::string& name = row.text("Agt");
  if (name.empty()) row.fail("Agt", "the agreement has no name");
  event.title = {{"en", name}};
  Agreement agreement;
  agreement.document = name;
  agreement.stage = pax_stage(row);
  agreement.sub_stage = row.text("StageSub");
  event.payload = std::move(agreement);
  event.process = pax_process(row, out);
  event.attributes = row.unused();
  return out;
}

}  // namespace parley::detail
