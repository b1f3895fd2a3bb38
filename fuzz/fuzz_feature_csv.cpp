// Feature tables (core/dataset/feature_table.*): our CSV layout and the Kaggle one, RFC 4180
// quoting, BOM, CRLF. A table that reads must be well formed (every row as wide as the
// header, finite numbers, a filename) and must survive a write and a re-read unchanged in
// both layouts, whenever the writer accepts it.
#include "core/dataset/feature_table.h"

#include "fuzz/harness.h"

#include <cmath>

namespace {

using namespace gs;
namespace fs = std::filesystem;

void checkTable(const FeatureTable& t)
{
    fuzz::require(!t.columns.empty(), "a table without feature columns");
    for (const auto& row : t.rows) {
        fuzz::require(row.values.size() == t.columns.size(), "a row narrower or wider than the header");
        fuzz::require(!row.file.empty(), "a row without a filename");
        fuzz::require(std::isfinite(row.length), "a non-finite length");
        for (double v : row.values)
            fuzz::require(std::isfinite(v), "a non-finite feature value");
    }
}

bool sameRows(const FeatureTable& a, const FeatureTable& b, bool withGroups)
{
    if (a.columns != b.columns || a.rows.size() != b.rows.size())
        return false;
    for (std::size_t i = 0; i < a.rows.size(); ++i) {
        const auto &x = a.rows[i], &y = b.rows[i];
        if (x.file != y.file || x.label != y.label || x.length != y.length || x.values != y.values ||
            (withGroups && x.group != y.group))
            return false;
    }
    return true;
}

// Write in `layout`, read back, compare. The writer may refuse (InvalidArgument: a column
// named like a fixed one); what it writes must read back exactly (shortest round-trip doubles).
void checkRoundTrip(const FeatureTable& t, CsvLayout layout)
{
    const fs::path file = fuzz::tempDir() / (layout == CsvLayout::Ours ? "ours.csv" : "kaggle.csv");
    if (!fuzz::expectClean(file.string(), [&] { writeFeatureCsv(file, t, layout); }))
        return;
    FeatureTable back;
    const bool read = fuzz::expectClean(file.string(), [&] { back = readFeatureCsv(file); });
    fuzz::require(read, "a table we wrote does not read back");
    // Kaggle has no group column; an empty label stays empty in both.
    fuzz::require(sameRows(t, back, layout == CsvLayout::Ours), "a table reads back different after a write");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const fs::path file = fuzz::writeInput("features.csv", {data, size});
    FeatureTable table;
    if (!fuzz::expectClean(file.string(), [&] { table = readFeatureCsv(file); }))
        return 0;
    checkTable(table);
    checkRoundTrip(table, CsvLayout::Ours);
    checkRoundTrip(table, CsvLayout::Kaggle);
    return 0;
}
