// TEMPORARY (see interim_feature_csv.h).
#include "core/ml/interim_feature_csv.h"

#include "core/common/error.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace gs::ml::detail {
namespace {

std::vector<std::string> splitLine(std::string line)
{
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream in(line);
    while (std::getline(in, cell, ','))
        cells.push_back(cell);
    if (!line.empty() && line.back() == ',')
        cells.emplace_back();
    return cells;
}

} // namespace

FeatureTable readFeatureCsvInterim(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::NotFound, file.string(), "cannot open the features CSV");
    std::string line;
    if (!std::getline(in, line))
        throw Error(ErrorKind::Format, file.string(), "empty file, expected a CSV header");
    const auto header = splitLine(line);
    int fileCol = -1, labelCol = -1, lengthCol = -1, groupCol = -1;
    std::vector<int> featureCols;
    FeatureTable table;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const auto& h = header[i];
        if (h == "filename") fileCol = int(i);
        else if (h == "label") labelCol = int(i);
        else if (h == "length") lengthCol = int(i);
        else if (h == "group") groupCol = int(i);
        else {
            featureCols.push_back(int(i));
            table.columns.push_back(h);
        }
    }
    if (featureCols.empty())
        throw Error(ErrorKind::Format, file.string(), "no feature columns in the header");
    std::size_t lineNo = 1;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.empty() || line == "\r")
            continue;
        const auto cells = splitLine(line);
        if (cells.size() != header.size())
            throw Error(ErrorKind::Format, file.string(),
                        "line " + std::to_string(lineNo) + " has " + std::to_string(cells.size()) + " cells, expected " +
                            std::to_string(header.size()));
        FeatureRow row;
        if (fileCol >= 0) row.file = cells[std::size_t(fileCol)];
        if (labelCol >= 0) row.label = cells[std::size_t(labelCol)];
        if (groupCol >= 0) row.group = cells[std::size_t(groupCol)];
        if (lengthCol >= 0) row.length = std::strtod(cells[std::size_t(lengthCol)].c_str(), nullptr);
        for (int c : featureCols) {
            const std::string& text = cells[std::size_t(c)];
            char* end = nullptr;
            const double v = std::strtod(text.c_str(), &end);
            if (text.empty() || *end != '\0')
                row.values.push_back(std::nan("")); // missing: the models' scalers impute it
            else
                row.values.push_back(v);
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

} // namespace gs::ml::detail
