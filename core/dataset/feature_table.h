#pragma once
// A table of per-song feature vectors: what extraction produces and models consume.
// CSV layout (ours): filename,label,length,<57 features>. The public Kaggle layout
// (filename,length,<57>,label) reads too.
#include "core/features/schema.h"

#include <filesystem>
#include <string>
#include <vector>

namespace gs {

struct FeatureRow {
    std::string file;            // relative to the folder it was found in
    std::string label;           // genre; empty when unknown
    double length = 0;           // samples analysed (as the Kaggle CSV)
    std::vector<double> values;  // one per column
    std::string group;           // songs sharing a group never straddle a CV split; empty = own
};

struct FeatureTable {
    std::vector<std::string> columns;  // feature names, usually genreFeatureNames()
    std::vector<FeatureRow> rows;

    std::vector<std::string> labels() const; // distinct labels, sorted
};

// Ours: filename,label,length,<features>[,group]. Kaggle: filename,length,<features>,label
// (the public GTZAN features_30_sec.csv layout, for notebooks written against it; no group).
enum class CsvLayout { Ours, Kaggle };

FeatureTable readFeatureCsv(const std::filesystem::path& file);          // throws Format
// Atomic (old file intact on failure). Throws InvalidArgument for ragged or non-finite rows.
void writeFeatureCsv(const std::filesystem::path& file, const FeatureTable& table, CsvLayout layout = CsvLayout::Ours);

} // namespace gs
