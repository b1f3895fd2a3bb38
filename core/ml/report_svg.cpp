#include "core/ml/report_svg.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace gs::ml::svg {

namespace {

constexpr const char* kFont = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\"";
constexpr const char* kInk = "#1f2933";
constexpr const char* kMuted = "#616e7c";
constexpr const char* kGrid = "#e4e7eb";
constexpr const char* kBar = "#3b7dd8";

std::string num(double v, int decimals = 1)
{
    char b[48];
    std::snprintf(b, sizeof b, "%.*f", decimals, std::isfinite(v) ? v : 0.0);
    return b;
}

std::string tickText(double v, bool percent)
{
    if (percent)
        return num(100 * v, 0) + " %";
    return std::abs(v - std::round(v)) < 1e-9 ? num(v, 0) : num(v, 2);
}

// The opening tag shared by every chart: scales with the page, keeps its aspect ratio.
std::string open(double width, double height, const std::string& title)
{
    std::ostringstream s;
    s << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << num(width, 0) << ' ' << num(height, 0)
      << "\" width=\"" << num(width, 0) << "\" style=\"max-width:100%;height:auto\" role=\"img\" " << kFont
      << " font-size=\"12\" fill=\"" << kInk << "\"><title>" << escape(title) << "</title>";
    return s.str();
}

std::string text(double x, double y, const std::string& content, const std::string& extra = {})
{
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + (extra.empty() ? "" : " " + extra) + ">" +
           escape(content) + "</text>";
}

std::string line(double x1, double y1, double x2, double y2, const std::string& stroke, const std::string& extra = {})
{
    return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) +
           "\" stroke=\"" + stroke + "\"" + (extra.empty() ? "" : " " + extra) + "/>";
}

std::string rect(double x, double y, double w, double h, const std::string& fill, const std::string& extra = {})
{
    return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(std::max(w, 0.0)) + "\" height=\"" +
           num(std::max(h, 0.0)) + "\" fill=\"" + fill + "\"" + (extra.empty() ? "" : " " + extra) + "/>";
}

// Long labels are shortened rather than running into the plot.
std::string fit(const std::string& label, std::size_t maxChars)
{
    if (label.size() <= maxChars)
        return label;
    std::size_t cut = maxChars - 1;
    while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) // keep UTF-8 whole
        --cut;
    return label.substr(0, cut) + "\u2026";
}

} // namespace

std::string escape(std::string_view in)
{
    std::string out;
    out.reserve(in.size());
    for (char c : in) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
            // Control characters other than tab/newline are not allowed in XML 1.0.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
                out += ' ';
            else
                out += c;
        }
    }
    return out;
}

std::string sequentialColour(double value)
{
    // ColorBrewer Blues (9 classes), interpolated linearly in RGB.
    static constexpr std::array<std::array<int, 3>, 9> stops{{{247, 251, 255}, {222, 235, 247}, {198, 219, 239},
                                                              {158, 202, 225}, {107, 174, 214}, {66, 146, 198},
                                                              {33, 113, 181}, {8, 81, 156}, {8, 48, 107}}};
    const double v = std::isfinite(value) ? std::clamp(value, 0.0, 1.0) : 0.0;
    const double pos = v * double(stops.size() - 1);
    const std::size_t i = std::min(std::size_t(pos), stops.size() - 2);
    const double t = pos - double(i);
    char b[8];
    int rgb[3];
    for (int k = 0; k < 3; ++k)
        rgb[k] = int(std::lround(stops[i][std::size_t(k)] * (1 - t) + stops[i + 1][std::size_t(k)] * t));
    std::snprintf(b, sizeof b, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    return b;
}

double niceStep(double maxValue, int ticks)
{
    if (!(maxValue > 0) || ticks < 1)
        return 1;
    const double raw = maxValue / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (raw <= m * magnitude)
            return m * magnitude;
    return 10 * magnitude;
}

std::string barChart(const std::vector<Bar>& bars, const BarChartOptions& options)
{
    const double labelWidth = 150, plotWidth = 420, valueWidth = 110, rowHeight = 26;
    const double top = options.reference ? 26 : 10, axisHeight = 44;
    const double height = top + rowHeight * double(bars.size()) + axisHeight;
    const double width = labelWidth + plotWidth + valueWidth;

    double maxValue = options.maxValue;
    if (maxValue <= 0) {
        for (const auto& b : bars)
            maxValue = std::max(maxValue, b.value + std::max(b.error, 0.0));
        if (options.reference)
            maxValue = std::max(maxValue, options.reference->value);
        const double step = niceStep(maxValue, 5);
        maxValue = std::max(step, std::ceil(maxValue / step - 1e-9) * step);
    }
    const double step = niceStep(maxValue, 5);
    auto xOf = [&](double v) { return labelWidth + plotWidth * std::clamp(v / maxValue, 0.0, 1.0); };
    const double plotBottom = top + rowHeight * double(bars.size());

    std::ostringstream s;
    s << open(width, height, options.title);
    for (double t = 0; t <= maxValue + 1e-9; t += step) { // grid and ticks
        s << line(xOf(t), top, xOf(t), plotBottom, kGrid);
        s << text(xOf(t), plotBottom + 16, tickText(t, options.percent),
                  "text-anchor=\"middle\" fill=\"" + std::string(kMuted) + "\" font-size=\"11\"");
    }
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const auto& b = bars[i];
        const double y = top + rowHeight * double(i);
        s << text(labelWidth - 8, y + rowHeight / 2 + 4, fit(b.label, 22), "text-anchor=\"end\"");
        s << rect(labelWidth, y + 5, xOf(b.value) - labelWidth, rowHeight - 10, kBar, "rx=\"2\"");
        if (b.error > 0) {
            const double lo = xOf(b.value - b.error), hi = xOf(b.value + b.error), mid = y + rowHeight / 2;
            s << line(lo, mid, hi, mid, kInk, "stroke-width=\"1.5\"");
            s << line(lo, mid - 5, lo, mid + 5, kInk, "stroke-width=\"1.5\"");
            s << line(hi, mid - 5, hi, mid + 5, kInk, "stroke-width=\"1.5\"");
        }
        if (!b.valueText.empty())
            s << text(labelWidth + plotWidth + 8, y + rowHeight / 2 + 4, b.valueText,
                      "font-variant-numeric=\"tabular-nums\"");
    }
    s << line(labelWidth, top, labelWidth, plotBottom, kMuted);
    if (options.reference) {
        const double x = xOf(options.reference->value);
        s << line(x, top - 4, x, plotBottom, "#c2410c", "stroke-width=\"1.5\" stroke-dasharray=\"5 4\"");
        s << text(x, top - 9, options.reference->label, "text-anchor=\"middle\" fill=\"#c2410c\" font-size=\"11\"");
    }
    if (!options.axisLabel.empty())
        s << text(labelWidth + plotWidth / 2, height - 8, options.axisLabel,
                  "text-anchor=\"middle\" fill=\"" + std::string(kMuted) + "\"");
    s << "</svg>";
    return s.str();
}

std::string heatMap(const std::vector<std::string>& rows, const std::vector<std::string>& columns,
                    const std::vector<std::vector<double>>& shade, const std::vector<std::vector<std::string>>& cellText,
                    const HeatMapOptions& options)
{
    const double cell = 44, labelWidth = 130, headerHeight = 96, axisGap = 22;
    const double left = axisGap + labelWidth, top = axisGap + headerHeight;
    const std::size_t nc = columns.size() + (options.totals ? 1 : 0);
    const std::size_t nr = rows.size() + (options.totals ? 1 : 0);
    const double width = left + cell * double(nc) + 10, height = top + cell * double(nr) + 10;

    std::ostringstream s;
    s << open(width, height, options.title);
    if (!options.columnAxis.empty())
        s << text(left + cell * double(columns.size()) / 2, 14, options.columnAxis,
                  "text-anchor=\"middle\" font-weight=\"600\" fill=\"" + std::string(kMuted) + "\"");
    if (!options.rowAxis.empty()) {
        const double cy = top + cell * double(rows.size()) / 2;
        s << text(14, cy, options.rowAxis,
                  "text-anchor=\"middle\" font-weight=\"600\" fill=\"" + std::string(kMuted) + "\" transform=\"rotate(-90 14 " +
                      num(cy) + ")\"");
    }
    auto columnLabel = [&](std::size_t c, const std::string& label, const std::string& weight) {
        const double x = left + cell * (double(c) + 0.5), y = top - 8;
        s << text(x, y, fit(label, 14),
                  "text-anchor=\"start\" font-weight=\"" + weight + "\" transform=\"rotate(-45 " + num(x) + ' ' + num(y) +
                      ")\"");
    };
    for (std::size_t c = 0; c < columns.size(); ++c)
        columnLabel(c, columns[c], "400");
    if (options.totals)
        columnLabel(columns.size(), "total", "600");
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const double y = top + cell * double(r);
        s << text(left - 8, y + cell / 2 + 4, fit(rows[r], 18), "text-anchor=\"end\"");
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const double v = r < shade.size() && c < shade[r].size() ? shade[r][c] : 0.0;
            const double x = left + cell * double(c);
            s << rect(x, y, cell, cell, sequentialColour(v), "stroke=\"#ffffff\"");
            if (r < cellText.size() && c < cellText[r].size())
                s << text(x + cell / 2, y + cell / 2 + 4, cellText[r][c],
                          std::string("text-anchor=\"middle\" font-variant-numeric=\"tabular-nums\" fill=\"") +
                              (v > 0.55 ? "#ffffff" : kInk) + "\"");
        }
        if (options.totals && r < options.rowTotals.size())
            s << text(left + cell * (double(columns.size()) + 0.5), y + cell / 2 + 4, options.rowTotals[r],
                      "text-anchor=\"middle\" font-weight=\"600\" fill=\"" + std::string(kMuted) + "\"");
    }
    if (options.totals) {
        const double y = top + cell * double(rows.size());
        s << line(left, y, left + cell * double(nc), y, kMuted);
        s << line(left + cell * double(columns.size()), top, left + cell * double(columns.size()), y + cell, kMuted);
        s << text(left - 8, y + cell / 2 + 4, "total", "text-anchor=\"end\" font-weight=\"600\"");
        for (std::size_t c = 0; c < columns.size() && c < options.columnTotals.size(); ++c)
            s << text(left + cell * (double(c) + 0.5), y + cell / 2 + 4, options.columnTotals[c],
                      "text-anchor=\"middle\" font-weight=\"600\" fill=\"" + std::string(kMuted) + "\"");
        s << text(left + cell * (double(columns.size()) + 0.5), y + cell / 2 + 4, options.grandTotal,
                  "text-anchor=\"middle\" font-weight=\"700\"");
    }
    s << "</svg>";
    return s.str();
}

std::string lineChart(const std::vector<CurvePoint>& points, const LineChartOptions& options)
{
    const double left = 56, right = 20, top = 30, bottom = 46, plotWidth = 480, plotHeight = 240;
    const double width = left + plotWidth + right, height = top + plotHeight + bottom;
    double maxX = 0;
    for (const auto& p : points)
        maxX = std::max(maxX, p.x);
    const double xStep = niceStep(maxX, 6);
    maxX = std::max(xStep, std::ceil(maxX / xStep - 1e-9) * xStep);
    auto xOf = [&](double x) { return left + plotWidth * std::clamp(x / maxX, 0.0, 1.0); };
    auto yOf = [&](double y) { return top + plotHeight * (1 - std::clamp(y, 0.0, 1.0)); };

    std::ostringstream s;
    s << open(width, height, options.title);
    for (double t = 0; t <= 1 + 1e-9; t += 0.2) {
        s << line(left, yOf(t), left + plotWidth, yOf(t), kGrid);
        s << text(left - 6, yOf(t) + 4, tickText(t, true), "text-anchor=\"end\" fill=\"" + std::string(kMuted) + "\" font-size=\"11\"");
    }
    for (double t = 0; t <= maxX + 1e-9; t += xStep)
        s << text(xOf(t), top + plotHeight + 16, tickText(t, false),
                  "text-anchor=\"middle\" fill=\"" + std::string(kMuted) + "\" font-size=\"11\"");
    s << line(left, top + plotHeight, left + plotWidth, top + plotHeight, kMuted);
    s << line(left, top, left, top + plotHeight, kMuted);

    if (!points.empty()) {
        std::string band, mean, second;
        for (const auto& p : points)
            band += num(xOf(p.x)) + "," + num(yOf(p.mean + p.std)) + " ";
        for (auto it = points.rbegin(); it != points.rend(); ++it)
            band += num(xOf(it->x)) + "," + num(yOf(it->mean - it->std)) + " ";
        for (const auto& p : points) {
            mean += num(xOf(p.x)) + "," + num(yOf(p.mean)) + " ";
            if (p.second >= 0)
                second += num(xOf(p.x)) + "," + num(yOf(p.second)) + " ";
        }
        s << "<polygon points=\"" << band << "\" fill=\"" << kBar << "\" fill-opacity=\"0.18\" stroke=\"none\"/>";
        if (!second.empty())
            s << "<polyline points=\"" << second << "\" fill=\"none\" stroke=\"" << kMuted
              << "\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>";
        s << "<polyline points=\"" << mean << "\" fill=\"none\" stroke=\"" << kBar << "\" stroke-width=\"2\"/>";
        for (const auto& p : points)
            s << "<circle cx=\"" << num(xOf(p.x)) << "\" cy=\"" << num(yOf(p.mean)) << "\" r=\"3\" fill=\"" << kBar << "\"/>";
    }
    // Legend along the top.
    s << line(left, 14, left + 24, 14, kBar, "stroke-width=\"2\"") << text(left + 30, 18, options.meanLabel + " (band: \u00b1 std over folds)");
    const bool anySecond = std::any_of(points.begin(), points.end(), [](const CurvePoint& p) { return p.second >= 0; });
    if (anySecond)
        s << line(left + 300, 14, left + 324, 14, kMuted, "stroke-width=\"1.5\" stroke-dasharray=\"5 4\"")
          << text(left + 330, 18, options.secondLabel);
    s << text(left + plotWidth / 2, height - 8, options.xLabel, "text-anchor=\"middle\" fill=\"" + std::string(kMuted) + "\"");
    s << text(14, top + plotHeight / 2, options.yLabel,
              "text-anchor=\"middle\" fill=\"" + std::string(kMuted) + "\" transform=\"rotate(-90 14 " +
                  num(top + plotHeight / 2) + ")\"");
    s << "</svg>";
    return s.str();
}

} // namespace gs::ml::svg
