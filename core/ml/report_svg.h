#pragma once
// The charts of the HTML report as small, self-contained SVG strings (no scripts, no external
// references; every text escaped), so that the report is one file that opens anywhere and the
// charts are well-formed XML. Pure functions: same input, same markup.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gs::ml::svg {

// &, <, >, " and ' as entities: safe in HTML text, attributes and SVG text.
std::string escape(std::string_view text);

// A colour on a white-to-blue sequential scale (ColorBrewer "Blues"), value clamped to [0, 1].
std::string sequentialColour(double value);

struct Bar {
    std::string label;
    double value = 0;
    double error = 0;       // drawn as +- error when > 0
    std::string valueText;  // printed beside the bar
};

struct ReferenceLine {
    double value = 0;
    std::string label;      // e.g. "dummy baseline 10.0 %"
};

struct BarChartOptions {
    std::string title;          // <title> of the SVG (accessible name)
    std::string axisLabel;      // under the value axis
    double maxValue = 0;        // 0: from the data (largest value + error)
    bool percent = false;       // value axis ticks as percentages of 1
    std::optional<ReferenceLine> reference;
};

// Horizontal bars, one row per bar (labels left, values right), with error bars and an
// optional dashed reference line.
std::string barChart(const std::vector<Bar>& bars, const BarChartOptions& options);

struct HeatMapOptions {
    std::string title;
    std::string rowAxis;        // e.g. "true genre"
    std::string columnAxis;     // e.g. "predicted genre"
    bool totals = false;        // a total column and row from `totals*`
    std::vector<std::string> rowTotals, columnTotals;
    std::string grandTotal;
};

// A matrix of cells: colour from shade[r][c] in [0, 1], text cellText[r][c] inside.
std::string heatMap(const std::vector<std::string>& rows, const std::vector<std::string>& columns,
                     const std::vector<std::vector<double>>& shade, const std::vector<std::vector<std::string>>& cellText,
                     const HeatMapOptions& options);

struct CurvePoint {
    double x = 0;               // e.g. training songs
    double mean = 0, std = 0;   // test score and its spread (band = mean +- std)
    double second = -1;         // optional second line (training score); < 0 = none
};

struct LineChartOptions {
    std::string title;
    std::string xLabel, yLabel;
    std::string meanLabel = "test accuracy", secondLabel = "training accuracy";
};

// A line with a shaded +-std band, an optional dashed second line, y in [0, 1] as percent.
std::string lineChart(const std::vector<CurvePoint>& points, const LineChartOptions& options);

// Round number for axis ticks: the step of about `ticks` intervals covering [0, maxValue].
double niceStep(double maxValue, int ticks);

} // namespace gs::ml::svg
