#pragma once
// From a feature table (CSV or batch extraction) to what the models learn from.
#include "core/dataset/feature_table.h"
#include "core/common/progress.h"
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

// "blues.00000.3.wav" -> "blues.00000": the song a clip was cut from ("song" grouping).
// Names without a trailing segment number are their own song.
std::string songGroupKey(const std::string& file);

// Joins groups: items listed together in one of `linked` (e.g. fingerprint duplicates) end up
// in one group, together with everything already sharing a group with them. groups[i] < 0 =
// item i on its own. Returns group ids numbered 0, 1, ... in order of first appearance, -1
// for items still on their own.
std::vector<int> mergeGroups(const std::vector<int>& groups, const std::vector<std::vector<int>>& linked);

// Rows without a label are skipped (they cannot be learnt from). classes = sorted distinct labels.
// schema: genreFeatureSchema(params) when the columns are the 57 genre features, else a
// "custom" schema naming the columns. Throws InvalidArgument for an unknown mode or no rows.
// audioRoot: when set, Sample::audioPath = audioRoot / row.file (for models that read audio).
LabelledSet labelledSetFromTable(const FeatureTable& table, const ExtractionParams& params,
                                 const std::string& groupBy = "auto", const std::filesystem::path& audioRoot = {});

// The parameters the public Kaggle GTZAN CSV was made with (reflect padding, legacy HPSS).
ExtractionParams kaggleExtractionParams();

// Reads a features CSV (our layout or the Kaggle one) and converts it.
LabelledSet loadFeatureCsv(const std::filesystem::path& file, const ExtractionParams& params,
                           const std::string& groupBy = "auto");

struct DatasetLoadOptions {
    ExtractionParams params;      // how a folder is analysed / how a CSV was made
    std::string groupBy = "auto";
    bool extractFeatures = true;  // false: a folder is only scanned (models that read audio)
    int threads = 0;
    ProgressFn progress;
    const CancelToken* cancel = nullptr;
};

struct DatasetLoad {
    LabelledSet set;
    std::vector<std::string> failures; // "file: reason" of songs that could not be analysed
    std::vector<std::string> warnings;
    bool fromFolder = false;
};

// A dataset folder (sub-folders = genres: scanned, features extracted) or a features CSV.
// Throws gs::Error (NotFound, Format, Cancelled, InvalidArgument when nothing is labelled).
DatasetLoad loadDataset(const std::filesystem::path& input, const DatasetLoadOptions& options);

} // namespace gs::ml
