#include "core/dataset/feature_table.h"

#include "core/common/atomic_file.h"
#include "core/common/csv.h"
#include "core/common/error.h"
#include "core/common/read_file.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace gs {
namespace {

namespace fs = std::filesystem;

double parseNumber(const CsvCursor& reader, const CsvRecord& record, const std::string& cell, const std::string& column)
{
    const char* begin = cell.data();
    const char* end = cell.data() + cell.size();
    while (begin < end && *begin == ' ')
        ++begin;
    while (end > begin && end[-1] == ' ')
        --end;
    if (begin < end && *begin == '+')
        ++begin;
    double value = 0;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (begin == end || ec != std::errc() || ptr != end)
        reader.fail(record.line, "column '" + column + "': '" + cell + "' is not a number");
    if (!std::isfinite(value))
        reader.fail(record.line, "column '" + column + "': '" + cell + "' is not a finite number");
    return value;
}

std::string quoted(const std::string& field)
{
    if (field.find_first_of(",\"\r\n") == std::string::npos && (field.empty() || (field.front() != ' ' && field.back() != ' ')))
        return field;
    std::string out = "\"";
    for (char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

// Shortest text that reads back to the same double (what Python's repr prints).
std::string number(double v)
{
    char buf[64];
    const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, ptr);
}

} // namespace

std::vector<std::string> FeatureTable::labels() const
{
    std::set<std::string> distinct;
    for (const auto& r : rows)
        if (!r.label.empty())
            distinct.insert(r.label);
    return {distinct.begin(), distinct.end()};
}

FeatureTable readFeatureCsv(const fs::path& file)
{
    const std::string text = readWholeFile(file);
    CsvCursor reader(text, file.string(), CsvQuotes::Strict); // tables are written by programs
    CsvRecord header;
    if (!reader.next(header))
        throw Error(ErrorKind::Format, file.string(), "the file is empty (no header line)");
    const auto& h = header.fields;

    // Ours: filename,label,length,<features>[,group]. Kaggle: filename,length,<features>,label.
    enum class Layout { Ours, Kaggle } layout;
    std::size_t firstFeature = 0, featureEnd = 0;
    bool hasGroup = false;
    if (h.size() >= 3 && h[0] == "filename" && h[1] == "label" && h[2] == "length") {
        layout = Layout::Ours;
        firstFeature = 3;
        hasGroup = h.back() == "group";
        featureEnd = h.size() - (hasGroup ? 1 : 0);
    } else if (h.size() >= 3 && h[0] == "filename" && h[1] == "length" && h.back() == "label") {
        layout = Layout::Kaggle;
        firstFeature = 2;
        featureEnd = h.size() - 1;
    } else {
        reader.fail(header.line, "unrecognised header: expected 'filename,label,length,...' or the Kaggle "
                                 "'filename,length,...,label'");
    }
    if (featureEnd <= firstFeature)
        reader.fail(header.line, "the header names no feature columns");

    FeatureTable table;
    table.columns.assign(h.begin() + std::ptrdiff_t(firstFeature), h.begin() + std::ptrdiff_t(featureEnd));
    std::set<std::string> seen;
    for (const auto& c : table.columns) {
        if (c.empty())
            reader.fail(header.line, "a feature column has no name");
        if (!seen.insert(c).second)
            reader.fail(header.line, "column '" + c + "' appears twice");
    }

    CsvRecord record;
    while (reader.next(record)) {
        const auto& c = record.fields;
        if (c.size() != h.size())
            reader.fail(record.line, std::to_string(c.size()) + " fields where the header has " + std::to_string(h.size()));
        FeatureRow row;
        row.file = c[0];
        if (layout == Layout::Ours) {
            row.label = c[1];
            row.length = parseNumber(reader, record, c[2], "length");
            if (hasGroup)
                row.group = c.back();
        } else {
            row.length = parseNumber(reader, record, c[1], "length");
            row.label = c.back();
        }
        if (row.file.empty())
            reader.fail(record.line, "empty filename");
        row.values.reserve(featureEnd - firstFeature);
        for (std::size_t i = firstFeature; i < featureEnd; ++i)
            row.values.push_back(parseNumber(reader, record, c[i], h[i]));
        table.rows.push_back(std::move(row));
    }
    return table;
}

void writeFeatureCsv(const fs::path& file, const FeatureTable& table, CsvLayout layout)
{
    const std::string name = file.string();
    bool anyGroup = false;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        if (row.values.size() != table.columns.size())
            throw Error(ErrorKind::InvalidArgument, name,
                        "row " + std::to_string(r + 1) + " (" + row.file + ") has " + std::to_string(row.values.size())
                            + " values for " + std::to_string(table.columns.size()) + " columns");
        for (std::size_t i = 0; i < row.values.size(); ++i)
            if (!std::isfinite(row.values[i]))
                throw Error(ErrorKind::InvalidArgument, name,
                            "row " + std::to_string(r + 1) + " (" + row.file + "): " + table.columns[i] + " is not finite");
        anyGroup = anyGroup || !row.group.empty();
    }
    for (const auto& c : table.columns)
        if (c == "filename" || c == "label" || c == "length" || (anyGroup && c == "group"))
            throw Error(ErrorKind::InvalidArgument, name, "feature column named '" + c + "' would be ambiguous");

    const bool kaggle = layout == CsvLayout::Kaggle;
    const bool groupColumn = anyGroup && !kaggle;
    std::string out = kaggle ? "filename,length" : "filename,label,length";
    for (const auto& c : table.columns)
        out += ',' + quoted(c);
    out += kaggle ? ",label" : groupColumn ? ",group" : "";
    out += '\n';
    for (const auto& row : table.rows) {
        out += quoted(row.file);
        if (!kaggle)
            out += ',' + quoted(row.label);
        out += ',' + number(row.length);
        for (double v : row.values)
            out += ',' + number(v);
        if (kaggle)
            out += ',' + quoted(row.label);
        else if (groupColumn)
            out += ',' + quoted(row.group);
        out += '\n';
    }
    // A crash or a full disk never leaves half a table.
    writeFileAtomically(file, out);
}

} // namespace gs
