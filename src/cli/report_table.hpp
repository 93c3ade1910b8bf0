// The reports of `parley report` as tables: each report's rows of named
// cells, and the four layouts (text, md, json, csv) that print them.
#ifndef PARLEY_CLI_REPORT_TABLE_HPP
#define PARLEY_CLI_REPORT_TABLE_HPP

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/reports.hpp"

namespace parley::cli {

// Rows of cells under named columns. A cell is a string, a number, an
// array of strings (several actors or events), or null (nothing known).
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<nlohmann::ordered_json>> rows;
};

// Names for people: an actor's name and an event's title in the preferred
// language (else English, else any), read from `db` as of `read` once per
// id. Not thread-safe (it caches).
class Names {
 public:
  Names(const Database& db, ReadOptions read, std::string lang);
  std::string actor(const ActorId& id) const;
  std::string title(const Event& event) const;

 private:
  const Database& db_;
  ReadOptions read_;
  std::string lang_;
  mutable std::map<ActorId, std::string> actors_;
};

Table pledge_table(const std::vector<PledgeEntry>& pledges, const Names& names);
Table account_table(const std::vector<Account>& accounts, const Names& names);
Table contradiction_table(const std::vector<Contradiction>& found,
                          const Names& names);
Table schedule_table(const std::vector<ScheduleEntry>& entries,
                     const Names& names);
Table slippage_table(const std::vector<Slippage>& sums, const Names& names);

// An event's clock time for people, in its zone ("20:00–02:00
// Asia/Damascus, evening"; an end earlier than the start is on the next
// day), and the UTC instants it names ("2017-02-03T18:00Z/2017-02-04T00:00Z");
// null cells without a clock time, and a null UTC cell when its day or
// zone is not known.
struct ClockCells {
  nlohmann::ordered_json local;
  nlohmann::ordered_json utc;
};
ClockCells clock_cells(const Event& event);

// Lays `table` out as `format`: text (one block per row: the first two
// cells as a heading, then "column: value" for each other known cell), md
// (a pipe table), json (an array of objects), csv (RFC 4180, a header row;
// unless `csv_raw`, text cells starting with = + - @ tab CR get a leading '
// so spreadsheets do not run them). Arrays join with "; " outside JSON.
// Bidi controls in the data (U+202A..U+202E, U+2066..U+2069) are shown
// escaped ("<U+202E>") in text and csv (unless `csv_raw`), isolated in md,
// and kept in json, as the timeline's formats do.
void write_table(const Table& table, const std::string& format,
                 std::ostream& out, bool csv_raw);

}  // namespace parley::cli

#endif  // PARLEY_CLI_REPORT_TABLE_HPP
