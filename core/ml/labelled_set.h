#pragma once
// From a feature table (CSV or batch extraction) to what the models learn from.
#include "core/dataset/feature_table.h"
#include "core/ml/classifier.h"

#include <filesystem>
#include <string>

namespace gs::ml {

// How songs are grouped so that related rows never straddle a CV split:
//   "auto"  the table's group column when any row has one, else none
//   "none"  every row on its own
//   "group" the table's group column (empty = own group)
//   "song"  the file name without a trailing segment number ("blues.00000.3.wav" -> "blues.00000"),
//           for tables of several clips per song
const std::vector<std::string>& groupingModes();

// Rows without a label are skipped (they cannot be learnt from). classes = sorted distinct labels.
// schema: genreFeatureSchema(params) when the columns are the 57 genre features, else a
// "custom" schema naming the columns. Throws InvalidArgument for an unknown mode or no rows.
LabelledSet labelledSetFromTable(const FeatureTable& table, const ExtractionParams& params,
                                 const std::string& groupBy = "auto");

// The parameters the public Kaggle GTZAN CSV was made with (reflect padding, legacy HPSS).
ExtractionParams kaggleExtractionParams();

// Reads a features CSV (our layout or the Kaggle one) and converts it.
LabelledSet loadFeatureCsv(const std::filesystem::path& file, const ExtractionParams& params,
                           const std::string& groupBy = "auto");

} // namespace gs::ml
