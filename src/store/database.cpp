#include "parley/database.hpp"

#include <fstream>

#include <nlohmann/json.hpp>

#include "parley/error.hpp"

#include "store/impl.hpp"
#include "store/import.hpp"
#include "store/migrations.hpp"
#include "store/open.hpp"
#include "store/sqlite/backend.hpp"
#include "store/tables.hpp"
#include "store/writer.hpp"

namespace parley {
namespace {

using detail::guard;
using detail::Table;
using detail::WriteMode;
using detail::Writer;

RecordTime now() {
  return date::floor<std::chrono::microseconds>(
      std::chrono::system_clock::now());
}

RecordTime record_time(const WriteOptions& options) {
  return options.recorded_at ? *options.recorded_at : now();
}

template <class T>
T parse_doc(std::string_view doc) {
  return nlohmann::json::parse(doc).get<T>();
}

// The versions of one table visible at `options`, in recorded order.
template <class T>
std::vector<T> read_all(detail::Backend& backend, const ReadOptions& options) {
  return guard([&] {
    std::vector<detail::Value> params;
    const std::string sql =
        std::string("SELECT doc FROM ") + Table<T>::name + " WHERE " +
        detail::visible("", options.as_of, params) + " ORDER BY version";
    const auto rows = backend.run(sql, params);
    std::vector<T> out;
    while (rows->next()) out.push_back(parse_doc<T>(rows->text(0)));
    return out;
  });
}

template <class T, class K>
std::optional<T> read_one(detail::Backend& backend, const K& id,
                          const ReadOptions& options) {
  return guard([&]() -> std::optional<T> {
    std::vector<detail::Value> params;
    const std::string sql =
        std::string("SELECT doc FROM ") + Table<T>::name + " WHERE " +
        detail::visible("", options.as_of, params) + " AND id = ?";
    params.emplace_back(id.value);
    const auto rows = backend.run(sql, params);
    if (!rows->next()) return std::nullopt;
    return parse_doc<T>(rows->text(0));
  });
}

// Every version of one table (or only the current ones) as document
// entries, in recorded order.
template <class T>
std::vector<Versioned<T>> export_table(detail::Backend& backend, bool history) {
  std::string sql =
      std::string("SELECT doc, recorded_from, recorded_to, ") +
      "(SELECT count(*) FROM " + Table<T>::name + " later WHERE " +
      (std::is_same_v<T, Link>
           ? "later.from_event = t.from_event AND later.kind = t.kind AND "
             "later.to_event = t.to_event"
           : "later.id = t.id") +
      " AND later.version > t.version) FROM " + Table<T>::name + " t" +
      (history ? "" : " WHERE recorded_to IS NULL") + " ORDER BY version";
  const auto rows = backend.run(sql);
  std::vector<Versioned<T>> out;
  while (rows->next()) {
    Versioned<T> entry{parse_doc<T>(rows->text(0)), std::nullopt, std::nullopt};
    if (history) {
      entry.recorded = detail::from_stored(rows->int64(1));
      const bool deleted = !rows->is_null(2) && rows->int64(3) == 0;
      if (deleted) entry.superseded = detail::from_stored(rows->int64(2));
    }
    out.push_back(std::move(entry));
  }
  return out;
}

template <class T>
void import_table(Writer& writer, const std::vector<Versioned<T>>& entries,
                  const char* name, RecordTime fallback) {
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Versioned<T>& entry = entries[i];
    const std::string where = std::string("/") + name + "/" + std::to_string(i);
    const RecordTime at = entry.recorded ? *entry.recorded : fallback;
    try {
      writer.write(entry.value, WriteMode::put, at, where);
      if (entry.superseded) {
        writer.remove(Table<T>::key(entry.value), *entry.superseded, where);
      }
    } catch (const Error& e) {
      throw Error(e.code(), e.where(),
                  e.message() + " (in " + detail::label(entry.value) + ")");
    }
  }
}

}  // namespace

Database::Impl::Impl(const std::string& location, const OpenOptions& options)
    : Impl(detail::open_store(location, options)) {}

Database::Impl::Impl(detail::OpenedStore&& opened)
    : backend(std::move(opened.backend)),
      dialect(opened.dialect),
      writes(opened.writes) {}

namespace detail {

Backend& DatabaseAccess::backend(const Database& db) {
  return *db.impl_->backend;
}
const Dialect& DatabaseAccess::dialect(const Database& db) {
  return db.impl_->dialect;
}
const WriteDialect& DatabaseAccess::writes(const Database& db) {
  return db.impl_->writes;
}
Store DatabaseAccess::store(const Database& db) {
  return Store{*db.impl_->backend, db.impl_->dialect};
}
SQLite::Database& DatabaseAccess::connection(const Database& db) {
  return sqlite_connection(*db.impl_->backend);
}

}  // namespace detail

Database::Database(const std::filesystem::path& path,
                   const OpenOptions& options) {
  try {
    impl_ = std::make_unique<Impl>(path.string(), options);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(Errc::storage, path.string(), e.what());
  }
}

Database::~Database() = default;
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;

int Database::schema_version() const {
  return guard([&] { return impl_->writes.schema_version(*impl_->backend); });
}

int Database::latest_schema_version() noexcept {
  return detail::migrations().back().number;
}

namespace {

// The bytes left to read in `in`; 0 when it cannot seek (a pipe).
std::uintmax_t remaining_bytes(std::istream& in) {
  const std::streampos here = in.tellg();
  if (here < 0) {
    in.clear();
    return 0;
  }
  in.seekg(0, std::ios::end);
  const std::streampos end = in.tellg();
  in.clear();
  in.seekg(here);
  return end > here ? static_cast<std::uintmax_t>(end - here) : 0;
}

// One write in its own transaction.
template <class F>
void transact(detail::Backend& db, const detail::WriteDialect& writes,
              F&& body) {
  guard([&] {
    detail::in_transaction(db, [&] {
      Writer writer{db, writes};
      body(writer);
      writer.finish();
    });
  });
}

}  // namespace

#define PARLEY_WRITE_METHODS(T, K, NAME)                                     \
  void Database::add(const T& value, const WriteOptions& options) {          \
    transact(*impl_->backend, impl_->writes, [&](Writer& w) {                \
      w.write(value, WriteMode::add, record_time(options), NAME);            \
    });                                                                      \
  }                                                                          \
  void Database::update(const T& value, const WriteOptions& options) {       \
    transact(*impl_->backend, impl_->writes, [&](Writer& w) {                \
      w.write(value, WriteMode::update, record_time(options), NAME);         \
    });                                                                      \
  }                                                                          \
  void Database::remove(const K& key, const WriteOptions& options) {         \
    transact(*impl_->backend, impl_->writes,                                 \
             [&](Writer& w) { w.remove(key, record_time(options), NAME); }); \
  }
PARLEY_WRITE_METHODS(Actor, ActorId, "actor")
PARLEY_WRITE_METHODS(Place, PlaceId, "place")
PARLEY_WRITE_METHODS(Process, ProcessId, "process")
PARLEY_WRITE_METHODS(Source, SourceId, "source")
PARLEY_WRITE_METHODS(Event, EventId, "event")
PARLEY_WRITE_METHODS(Claim, ClaimId, "claim")
PARLEY_WRITE_METHODS(Link, Link, "link")
#undef PARLEY_WRITE_METHODS

std::optional<Actor> Database::actor(const ActorId& id,
                                     const ReadOptions& options) const {
  return read_one<Actor>(*impl_->backend, id, options);
}
std::optional<Place> Database::place(const PlaceId& id,
                                     const ReadOptions& options) const {
  return read_one<Place>(*impl_->backend, id, options);
}
std::optional<Process> Database::process(const ProcessId& id,
                                         const ReadOptions& options) const {
  return read_one<Process>(*impl_->backend, id, options);
}
std::optional<Source> Database::source(const SourceId& id,
                                       const ReadOptions& options) const {
  return read_one<Source>(*impl_->backend, id, options);
}
std::optional<Event> Database::event(const EventId& id,
                                     const ReadOptions& options) const {
  return read_one<Event>(*impl_->backend, id, options);
}
std::optional<Claim> Database::claim(const ClaimId& id,
                                     const ReadOptions& options) const {
  return read_one<Claim>(*impl_->backend, id, options);
}

std::vector<Actor> Database::actors(const ReadOptions& options) const {
  return read_all<Actor>(*impl_->backend, options);
}
std::vector<Place> Database::places(const ReadOptions& options) const {
  return read_all<Place>(*impl_->backend, options);
}
std::vector<Process> Database::processes(const ReadOptions& options) const {
  return read_all<Process>(*impl_->backend, options);
}
std::vector<Source> Database::sources(const ReadOptions& options) const {
  return read_all<Source>(*impl_->backend, options);
}
std::vector<Event> Database::events(const ReadOptions& options) const {
  return read_all<Event>(*impl_->backend, options);
}
std::vector<Claim> Database::claims(const ReadOptions& options) const {
  return read_all<Claim>(*impl_->backend, options);
}
std::vector<Link> Database::links(const ReadOptions& options) const {
  return read_all<Link>(*impl_->backend, options);
}

void Database::import(const Document& document, const WriteOptions& options) {
  const RecordTime fallback =
      document.recorded ? *document.recorded : record_time(options);
  const auto session = impl_->writes.import_session(*impl_->backend, 0);
  transact(*impl_->backend, impl_->writes, [&](Writer& w) {
    w.load_in_bulk();
    import_table(w, document.actors, "actors", fallback);
    import_table(w, document.places, "places", fallback);
    import_table(w, document.processes, "processes", fallback);
    import_table(w, document.sources, "sources", fallback);
    import_table(w, document.events, "events", fallback);
    import_table(w, document.claims, "claims", fallback);
    import_table(w, document.links, "links", fallback);
  });
}

void Database::import_json(const nlohmann::json& document,
                           const WriteOptions& options) {
  import(document.get<Document>(), options);
}

void Database::import_json(std::istream& in, const WriteOptions& options,
                           const Limits& limits) {
  const RecordTime fallback = record_time(options);
  detail::Backend& db = *impl_->backend;
  const std::uintmax_t bytes = remaining_bytes(in);
  guard([&] {
    const auto session = impl_->writes.import_session(db, bytes);
    detail::in_transaction(db, [&] {
      session->start();
      Writer writer{db, impl_->writes};
      writer.load_in_bulk();
      detail::import_stream(writer, in, fallback, limits);
      writer.finish();
      session->finish();
    });
  });
}

void Database::import_file(const std::filesystem::path& path,
                           const WriteOptions& options, const Limits& limits) {
  std::ifstream in{path, std::ios::binary};
  if (!in) throw Error(Errc::io, path.string(), "cannot read the file");
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (!error) check_document_size(size, limits, path.string());
  import_json(in, options, limits);
}

Document Database::export_document(const ExportOptions& options) const {
  return guard([&] {
    detail::Backend& db = *impl_->backend;
    Document out;
    out.actors = export_table<Actor>(db, options.history);
    out.places = export_table<Place>(db, options.history);
    out.processes = export_table<Process>(db, options.history);
    out.sources = export_table<Source>(db, options.history);
    out.events = export_table<Event>(db, options.history);
    out.claims = export_table<Claim>(db, options.history);
    out.links = export_table<Link>(db, options.history);
    if (options.history) {
      // The earliest record time becomes the document's default, and
      // entries recorded then leave theirs out.
      std::optional<RecordTime> earliest;
      auto scan = [&](const auto& entries) {
        for (const auto& e : entries) {
          if (!earliest || *e.recorded < *earliest) earliest = e.recorded;
        }
      };
      auto strip = [&](auto& entries) {
        for (auto& e : entries) {
          if (e.recorded == earliest) e.recorded.reset();
        }
      };
      scan(out.actors), scan(out.places), scan(out.processes);
      scan(out.sources), scan(out.events), scan(out.claims), scan(out.links);
      strip(out.actors), strip(out.places), strip(out.processes);
      strip(out.sources), strip(out.events), strip(out.claims);
      strip(out.links);
      out.recorded = earliest;
    }
    return out;
  });
}

nlohmann::json Database::export_json(const ExportOptions& options) const {
  return export_document(options);
}

}  // namespace parley
