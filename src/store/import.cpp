#include "store/import.hpp"

#include "json/stream.hpp"

namespace parley::detail {
namespace {

class ImportSink final : public DocumentSink {
 public:
  ImportSink(Writer& writer, RecordTime fallback)
      : writer_(writer), fallback_(fallback) {}

  void header(std::optional<RecordTime> recorded) override {
    if (recorded) fallback_ = *recorded;
  }
  void entry(Versioned<Actor>&& e, const std::string& where) override {
    write(e, where);
  }
  void entry(Versioned<Place>&& e, const std::string& where) override {
    write(e, where);
  }
  void entry(Versioned<Process>&& e, const std::string& where) override {
    write(e, where);
  }
  void entry(Versioned<Source>&& e, const std::string& where) override {
    write(e, where);
  }
  void entry(Versioned<Event>&& e, const std::string& where) override {
    write(e, where);
  }
  void entry(Versioned<Claim>&& e, const std::string& where) override {
    write(e, where);
  }
  void entry(Versioned<Link>&& e, const std::string& where) override {
    write(e, where);
  }

 private:
  template <class T>
  void write(const Versioned<T>& entry, const std::string& where) {
    const RecordTime at = entry.recorded ? *entry.recorded : fallback_;
    writer_.write(entry.value, WriteMode::put, at, where);
    if (entry.superseded) {
      writer_.remove(Table<T>::key(entry.value), *entry.superseded, where);
    }
  }

  Writer& writer_;
  RecordTime fallback_;
};

}  // namespace

void import_stream(Writer& writer, std::istream& in, RecordTime fallback,
                   const Limits& limits) {
  ImportSink sink{writer, fallback};
  read_document(in, sink, limits);
}

}  // namespace parley::detail
