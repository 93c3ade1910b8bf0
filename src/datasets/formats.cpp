#include "datasets/formats.hpp"

#include "parley/error.hpp"

namespace parley::detail {

const DatasetFormat& format_of(Dataset dataset) {
  // UCDP GED 19.1: the columns the converter reads (the file's other
  // columns, such as year or where_prec, become attributes).
  static const DatasetFormat ucdp{CsvFormat{},
                                  {},
                                  {"id",
                                   "conflict_new_id",
                                   "conflict_name",
                                   "dyad_new_id",
                                   "dyad_name",
                                   "side_a_new_id",
                                   "side_a",
                                   "side_b_new_id",
                                   "side_b",
                                   "source_article",
                                   "source_office",
                                   "source_date",
                                   "source_headline",
                                   "source_original",
                                   "where_coordinates",
                                   "adm_1",
                                   "adm_2",
                                   "latitude",
                                   "longitude",
                                   "country",
                                   "country_id",
                                   "date_start",
                                   "date_end",
                                   "deaths_a",
                                   "deaths_b",
                                   "deaths_civilians",
                                   "deaths_unknown",
                                   "low",
                                   "best",
                                   "high"},
                                  ucdp_row};
  static const DatasetFormat acled{
      CsvFormat{},
      {},
      {"event_id_cnty", "event_date", "time_precision", "event_type",
       "sub_event_type", "actor1", "actor2", "iso", "country", "location",
       "latitude", "longitude", "source", "notes", "fatalities"},
      acled_row};
  static const DatasetFormat gdelt{
      CsvFormat{'\t', false}, gdelt_columns(), {}, gdelt_row};
  static const DatasetFormat pax{
      CsvFormat{},
      {},
      {"AgtId", "Agt", "Dat", "Stage", "StageSub", "PP", "PPName"},
      pax_row};
  switch (dataset) {
    case Dataset::ucdp:
      return ucdp;
    case Dataset::acled:
      return acled;
    case Dataset::gdelt:
      return gdelt;
    case Dataset::pax:
      return pax;
  }
  throw Error(Errc::bad_value, "", "unknown dataset");
}

}  // namespace parley::detail
