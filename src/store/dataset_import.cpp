// parley::import_dataset: reads dataset files row by row (src/datasets/)
// and writes each row's entities through the Writer, in one transaction.
#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "parley/database.hpp"
#include "parley/datasets.hpp"
#include "parley/error.hpp"
#include "parley/record_time.hpp"
#include "parley/text.hpp"

#include "datasets/formats.hpp"
#include "store/access.hpp"
#include "store/dialect.hpp"
#include "store/impl.hpp"
#include "store/import.hpp"
#include "store/past_versions.hpp"
#include "store/release_label.hpp"
#include "store/writer.hpp"

namespace parley {
namespace detail {
namespace {

// A cell for the rejects file, quoted when it must be (RFC 4180).
std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

// Adds the external ids and ties `actor` gives to `into` (rows of one
// dataset name one actor with the dyads and ids each row has).
void merge_actor(Actor& into, const Actor& actor) {
  for (const auto& [scheme, id] : actor.external_ids) {
    into.external_ids.insert_or_assign(scheme, id);
  }
  for (const Tie& tie : actor.ties) {
    if (std::find(into.ties.begin(), into.ties.end(), tie) == into.ties.end()) {
      into.ties.push_back(tie);
    }
  }
}

class DatasetImport {
 public:
  DatasetImport(Database& database, Dataset dataset,
                const DatasetOptions& options);
  void read_file(const std::filesystem::path& path);
  // Closes what the release dropped, checks references; throws the list of
  // bad rows with OnError::fail.
  ImportCounts finish();

 private:
  // A row read and converted (or refused), waiting in chunk_ to be
  // written.
  struct ReadRow {
    CsvRecord record;
    std::string at;  // file:line
    std::optional<RowEntities> row;
    std::optional<RowError> error;
  };
  // Rows are written a chunk at a time: the ids of a chunk's events,
  // sources, claims, places and processes are looked up in one read per
  // table (assume_new_ids).
  static constexpr std::size_t chunk_rows = 512;

  void read_row(const Columns& columns, const CsvRecord& record,
                const std::string& file);
  // Writes the rows of chunk_ in order (or lists them as bad) and empties
  // it.
  void write_chunk(const Columns& columns, const std::string& file);
  // Tells the Writer which of chunk_'s event, source, claim, place and
  // process ids have no version yet (Writer::assume_new).
  void assume_new_ids();
  void bad_row(const std::string& file, const CsvRecord& record,
               const Columns& columns, const RowError& error);
  // The line an event of this import was first read on, if it was.
  std::optional<std::string> seen_before(const EventId& id,
                                         const std::string& at);
  void write_row(RowEntities& row, const std::string& at);
  // A row of a release older than the stored one: written into history.
  void write_past_row(const RowEntities& row, const std::string& at);
  // The actors, places and processes an older release's rows named, as
  // they name them, written into history once each.
  void write_past_shared();
  // The latest record time of a current event of the dataset, if any;
  // tells past_ the release label of the events recorded then.
  std::optional<RecordTime> newest_release();
  // Whether this import is a release recorded before the stored one. The
  // import's record time decides, not a row's own (GDELT's DATEADDED): a
  // file imported again is not an older release of itself.
  bool older_release() const { return newest_ && at_ < *newest_; }
  template <class T>
  void write_shared(const T& value, const std::string& at);
  void write_actor(const Actor& actor, const std::string& at);
  std::optional<Event> current_event(const EventId& id);
  // Closes the claims (and their sources) of `row`'s stored event that the
  // row no longer has.
  void remove_stale(const RowEntities& row, const std::string& at);
  // Closes the current claims of `event` whose ids `keep` lacks, and
  // their sources (unless kept).
  void close_claims(const EventId& event, const std::set<std::string>& keep,
                    const std::string& at);
  void close_dropped();

  Database& database_;
  Backend& db_;
  Dataset dataset_;
  const DatasetFormat& format_;
  const DatasetOptions& options_;
  RecordTime at_;   // the import's record time
  RecordTime now_;  // the record time of the row being written
  Writer writer_;
  PastVersions past_;

  // With a release: the record time of the stored release; an older
  // release's rows are written into history (write_past_row).
  std::optional<RecordTime> newest_;
  // Shared entities (actors, places, processes) as this import last wrote
  // or found them: a row naming one unchanged costs no query. Emptied when
  // they reach max_cached entries, so memory stays flat on any file.
  static constexpr std::size_t max_cached = 100000;
  std::unordered_map<std::string, std::string> shared_;
  std::unordered_map<std::string, Actor> actors_;
  // An older release's actors, places and processes, kept until
  // write_past_shared: rows name one actor with other ties and external
  // ids (merged, as write_actor merges them), and one version per entity
  // is recorded at the release's time, not one per row.
  template <class T>
  struct Named {
    T value;
    RecordTime at;
    std::string where;
  };
  std::map<std::string, Named<Actor>> past_actors_;
  std::map<std::string, Named<Place>> past_places_;
  std::map<std::string, Named<Process>> past_processes_;
  std::vector<ReadRow> chunk_;
  std::ofstream rejects_;
  std::vector<std::string> listed_;
  ImportCounts counts_;
};

DatasetImport::DatasetImport(Database& database, Dataset dataset,
                             const DatasetOptions& options)
    : database_(database),
      db_(DatabaseAccess::backend(database)),
      dataset_(dataset),
      format_(format_of(dataset)),
      options_(options),
      at_(options.recorded
              ? *options.recorded
              : std::chrono::time_point_cast<std::chrono::microseconds>(
                    std::chrono::system_clock::now())),
      now_(at_),
      writer_(db_, DatabaseAccess::writes(database)),
      past_(db_, DatabaseAccess::writes(database)) {
  db_.exec(DatabaseAccess::writes(database).keyed_temp_table(
      "parley_dataset_seen", "id TEXT PRIMARY KEY, at TEXT NOT NULL"));
  db_.exec("DELETE FROM parley_dataset_seen");
  if (options.on_error == OnError::skip && options.rejects) {
    rejects_.open(*options.rejects, std::ios::binary | std::ios::trunc);
    if (!rejects_) {
      throw Error(Errc::io, options.rejects->string(), "cannot write");
    }
    rejects_ << "file,line,column,reason,cells...\n";
  }
  if (!options.release.empty()) newest_ = newest_release();
  // An older release goes through past_ alone. The reads of this class's
  // own see no waiting row they need: each event is read once per import
  // (seen_before), before it is written, and the waiting claims of a row's
  // event are the row's own (close_claims keeps them); close_dropped
  // flushes first.
  if (!older_release()) writer_.load_in_bulk();
}

std::optional<RecordTime> DatasetImport::newest_release() {
  const Value params[] = {std::string(to_string(dataset_))};
  const auto rows = db_.run(
      "SELECT e.recorded_from, x.dataset_release FROM event_external x "
      "JOIN event e ON e.version = x.version WHERE x.dataset = ? "
      "ORDER BY e.recorded_from DESC LIMIT 1",
      params);
  if (!rows->next()) return std::nullopt;
  past_.label_returns(std::string(rows->text(1)));
  return from_stored(rows->int64(0));
}

void DatasetImport::read_file(const std::filesystem::path& path) {
  std::ifstream in{path, std::ios::binary};
  const std::string file = path.string();
  if (!in) throw Error(Errc::io, file, "cannot read the file");
  CsvReader reader{in, file, format_.csv};
  CsvRecord record;
  std::vector<std::string> names = format_.fixed_columns;
  if (names.empty()) {
    if (!reader.next(record)) {
      throw Error(Errc::bad_document, file, "empty file: no header row");
    }
    names = record.cells;
    for (const std::string& column : format_.required) {
      if (std::find(names.begin(), names.end(), column) == names.end()) {
        throw Error(Errc::bad_document,
                    file + ":" + std::to_string(record.line),
                    "the header has no column '" + column + "'");
      }
    }
  }
  const Columns columns{std::move(names)};
  while (reader.next(record)) {
    read_row(columns, record, file);
    if (chunk_.size() == chunk_rows) write_chunk(columns, file);
  }
  write_chunk(columns, file);
}

void DatasetImport::read_row(const Columns& columns, const CsvRecord& record,
                             const std::string& file) {
  ++counts_.read;
  ReadRow& read = chunk_.emplace_back(
      ReadRow{record, file + ":" + std::to_string(record.line), {}, {}});
  try {
    if (record.cells.size() != columns.names().size()) {
      throw RowError{std::min(record.cells.size(), columns.names().size()),
                     "the row has " + std::to_string(record.cells.size()) +
                         " cells where the header has " +
                         std::to_string(columns.names().size())};
    }
    for (std::size_t i = 0; i < record.cells.size(); ++i) {
      const std::size_t bad = invalid_utf8_at(record.cells[i]);
      if (bad != std::string_view::npos) {
        throw RowError{i, "not valid UTF-8 (byte " + std::to_string(bad) + ")"};
      }
    }
    RowReader reader{columns, record};
    RowEntities row = format_.convert(reader, options_.release);
    if (row.recorded && *row.recorded > at_) {
      // A version recorded after the import would be visible only from
      // then, and would make this file, imported again, an older release.
      reader.fail(row.recorded_column,
                  format_record_time(*row.recorded) +
                      " is after the import's record time (" +
                      format_record_time(at_) + ")");
    }
    read.row = std::move(row);
  } catch (const RowError& error) {
    read.error = error;
  }
}

void DatasetImport::write_chunk(const Columns& columns,
                                const std::string& file) {
  if (!older_release()) assume_new_ids();
  for (ReadRow& read : chunk_) {
    try {
      if (read.error) throw *read.error;
      const EventId& id = read.row->event.id;
      if (std::optional<std::string> first = seen_before(id, read.at)) {
        throw RowError{0, id.value + " was read before, at " + *first};
      }
      if (!read.row->event.flags.empty()) ++counts_.flagged;
      write_row(*read.row, read.at);
    } catch (const RowError& error) {
      bad_row(file, read.record, columns, error);
    }
    // An Error (the Writer's: a record time before the stored version's, a
    // failing disk) is not the row's alone: it ends the import, naming the
    // row.
  }
  chunk_.clear();
}

void DatasetImport::assume_new_ids() {
  std::map<std::string, std::vector<std::string>> ids;  // by table
  for (const ReadRow& read : chunk_) {
    if (!read.row) continue;
    ids["event"].push_back(read.row->event.id.value);
    for (const Place& place : read.row->places) {
      ids["place"].push_back(place.id.value);
    }
    for (const Process& process : read.row->processes) {
      ids["process"].push_back(process.id.value);
    }
    for (const Source& source : read.row->sources) {
      ids["source"].push_back(source.id.value);
    }
    for (const Claim& claim : read.row->claims) {
      ids["claim"].push_back(claim.id.value);
    }
  }
  const Dialect& dialect = DatabaseAccess::dialect(database_);
  for (auto& [table, list] : ids) {
    std::unordered_set<std::string> fresh(list.begin(), list.end());
    const Value params[] = {dialect.list(list)};
    const auto rows = db_.run(
        "SELECT DISTINCT id FROM " + table + " WHERE " + dialect.in_list("id"),
        params);
    while (rows->next()) fresh.erase(std::string(rows->text(0)));
    writer_.assume_new(table, std::move(fresh));
  }
}

void DatasetImport::bad_row(const std::string& file, const CsvRecord& record,
                            const Columns& columns, const RowError& error) {
  ++counts_.rejected;
  const std::string name = error.column < columns.names().size()
                               ? columns.names()[error.column]
                               : "";
  const std::string column = std::to_string(error.column + 1);
  if (listed_.size() < options_.max_listed) {
    listed_.push_back(file + ":" + std::to_string(record.line) + ":" + column +
                      (name.empty() ? "" : " (" + name + ")") + ": " +
                      error.reason);
  }
  if (!rejects_.is_open()) return;
  rejects_ << csv_cell(file) << ',' << record.line << ',' << csv_cell(name)
           << ',' << csv_cell(error.reason);
  for (const std::string& cell : record.cells)
    rejects_ << ',' << csv_cell(cell);
  rejects_ << '\n';
}

std::optional<std::string> DatasetImport::seen_before(const EventId& id,
                                                      const std::string& at) {
  const Value row[] = {id.value, at};
  if (db_.exec("INSERT INTO parley_dataset_seen (id, at) VALUES (?, ?) "
               "ON CONFLICT DO NOTHING",
               row) == 1) {
    return std::nullopt;
  }
  const Value key[] = {id.value};
  return first_text(db_, "SELECT at FROM parley_dataset_seen WHERE id = ?",
                    key);
}

void DatasetImport::write_row(RowEntities& row, const std::string& at) {
  now_ = row.recorded.value_or(at_);
  if (older_release()) return write_past_row(row, at);
  const std::optional<Event> stored = current_event(row.event.id);
  // An unchanged row keeps the release it was read from.
  if (stored && says_the_same(*stored, row.event)) row.event = *stored;
  const std::int64_t before = writer_.changes();
  for (const Actor& actor : row.actors) write_actor(actor, at);
  for (const Place& place : row.places) write_shared(place, at);
  for (const Process& process : row.processes) write_shared(process, at);
  for (const Source& source : row.sources) {
    writer_.write(source, WriteMode::put, now_, at);
  }
  writer_.write(row.event, WriteMode::put, now_, at);
  for (const Claim& claim : row.claims) {
    writer_.write(claim, WriteMode::put, now_, at);
  }
  if (stored) remove_stale(row, at);
  if (!stored) {
    ++counts_.imported;
  } else if (writer_.changes() != before) {
    ++counts_.updated;
  } else {
    ++counts_.unchanged;
  }
}

// Shared entities (actors, places, processes) stay current whatever the
// newer release says; the row's own (sources, event, claims) hold until the
// newer release's record time unless a later version of them says when.
void DatasetImport::write_past_row(const RowEntities& row,
                                   const std::string& at) {
  const bool existed = past_.latest<Event>(row.event.id).has_value();
  bool written = false;
  auto write = [&](const auto& value, std::optional<RecordTime> until) {
    written |= past_.write(value, now_, until, at) == PastWrite::written;
  };
  for (const Actor& actor : row.actors) {
    const auto [kept, added] =
        past_actors_.try_emplace(actor.id.value, Named<Actor>{actor, now_, at});
    if (!added) merge_actor(kept->second.value, actor);
  }
  for (const Place& place : row.places) {
    past_places_.insert_or_assign(place.id.value,
                                  Named<Place>{place, now_, at});
  }
  for (const Process& process : row.processes) {
    past_processes_.insert_or_assign(process.id.value,
                                     Named<Process>{process, now_, at});
  }
  for (const Source& source : row.sources) write(source, newest_);
  write(row.event, newest_);
  for (const Claim& claim : row.claims) write(claim, newest_);
  if (!existed) {
    ++counts_.imported;
  } else if (written) {
    ++counts_.updated;
  } else {
    ++counts_.unchanged;
  }
}

void DatasetImport::write_past_shared() {
  const auto write_all = [&](const auto& named) {
    for (const auto& [id, entity] : named) {
      past_.write(entity.value, entity.at, std::nullopt, entity.where);
    }
  };
  write_all(past_actors_);
  write_all(past_places_);
  write_all(past_processes_);
}

template <class T>
void DatasetImport::write_shared(const T& value, const std::string& at) {
  std::string doc = nlohmann::json(value).dump();
  std::string& known =
      shared_[std::string(Table<T>::name) + '\n' + value.id.value];
  if (known == doc) return;
  writer_.write(value, WriteMode::put, now_, at);
  known = std::move(doc);
}

// An actor named by several rows or datasets gathers their external ids
// and ties; the first kind and names it was stored with stay.
void DatasetImport::write_actor(const Actor& actor, const std::string& at) {
  if (actors_.size() >= max_cached) actors_.clear();
  auto found = actors_.find(actor.id.value);
  if (found == actors_.end()) {
    std::optional<Actor> stored = database_.actor(actor.id);
    if (!stored) {
      writer_.write(actor, WriteMode::put, now_, at);
      actors_.emplace(actor.id.value, actor);
      return;
    }
    found = actors_.emplace(actor.id.value, std::move(*stored)).first;
  }
  Actor merged = found->second;
  merge_actor(merged, actor);
  if (merged == found->second) return;
  writer_.write(merged, WriteMode::put, now_, at);
  found->second = std::move(merged);
}

std::optional<Event> DatasetImport::current_event(const EventId& id) {
  if (writer_.assumed_new("event", id.value)) return std::nullopt;
  const Value params[] = {id.value};
  const std::optional<std::string> doc = first_text(
      db_, "SELECT doc FROM event WHERE id = ? AND recorded_to IS NULL",
      params);
  if (!doc) return std::nullopt;
  return nlohmann::json::parse(*doc).get<Event>();
}

void DatasetImport::remove_stale(const RowEntities& row,
                                 const std::string& at) {
  std::set<std::string> keep;
  for (const Claim& claim : row.claims) keep.insert(claim.id.value);
  for (const Source& source : row.sources) keep.insert(source.id.value);
  close_claims(row.event.id, keep, at);
}

void DatasetImport::close_claims(const EventId& event,
                                 const std::set<std::string>& keep,
                                 const std::string& at) {
  std::vector<std::pair<std::string, std::string>> claims;  // id, source
  {
    const Value params[] = {event.value};
    const auto rows = db_.run(
        "SELECT id, source FROM claim WHERE event = ? AND recorded_to IS NULL",
        params);
    while (rows->next()) claims.emplace_back(rows->text(0), rows->text(1));
  }
  for (const auto& [claim, source] : claims) {
    if (!keep.count(claim)) writer_.remove(ClaimId{claim}, now_, at);
  }
  for (const auto& [claim, source] : claims) {
    if (!keep.count(claim) && !keep.count(source)) {
      writer_.remove(SourceId{source}, now_, at);
    }
  }
}

void DatasetImport::close_dropped() {
  writer_.flush();  // event_external is written with the event versions
  std::vector<std::string> dropped;
  {
    const Value params[] = {std::string(to_string(dataset_))};
    const auto rows = db_.run(
        "SELECT event FROM event_external x WHERE dataset = ? AND NOT EXISTS "
        "(SELECT 1 FROM parley_dataset_seen s WHERE s.id = x.event)",
        params);
    while (rows->next()) dropped.emplace_back(rows->text(0));
  }
  now_ = at_;
  for (const std::string& id : dropped) {
    const std::string at = "release " + options_.release + ": " + id;
    close_claims(EventId{id}, {}, at);
    writer_.remove(EventId{id}, now_, at);
    ++counts_.closed;
  }
}

ImportCounts DatasetImport::finish() {
  if (counts_.rejected && options_.on_error == OnError::fail) {
    std::string message = std::to_string(counts_.rejected) +
                          " rows cannot be read; nothing was imported:";
    for (const std::string& line : listed_) message += "\n  " + line;
    if (counts_.rejected > listed_.size()) {
      message += "\n  and " +
                 std::to_string(counts_.rejected - listed_.size()) + " more";
    }
    throw Error(Errc::bad_value, "", message);
  }
  // An older release closes nothing: what it lacks is left as it was.
  if (!options_.release.empty() && !older_release()) {
    close_dropped();
  }
  write_past_shared();
  past_.finish();
  writer_.finish();
  return counts_;
}

}  // namespace
}  // namespace detail

ImportCounts import_dataset(Database& db, Dataset dataset,
                            const std::vector<std::filesystem::path>& files,
                            const DatasetOptions& options) {
  return detail::guard([&] {
    detail::Backend& backend = detail::DatabaseAccess::backend(db);
    const auto session =
        detail::DatabaseAccess::writes(db).import_session(backend, 0);
    return detail::in_transaction(backend, [&] {
      detail::DatasetImport run{db, dataset, options};
      for (const std::filesystem::path& file : files) run.read_file(file);
      return run.finish();
    });
  });
}

}  // namespace parley
