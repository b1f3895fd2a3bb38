#pragma once
// A QCustomPlot with a title bar and an Export… button (PNG, SVG, PDF): the frame every
// chart and the spectrogram share.
#include <QWidget>

class QCustomPlot;
class QHBoxLayout;
class QLabel;

namespace gs::ui {

class ChartWidget : public QWidget {
    Q_OBJECT
public:
    explicit ChartWidget(const QString& title, QWidget* parent = nullptr);

    QCustomPlot* plot() const { return plot_; }
    QHBoxLayout* toolbar() const { return toolbar_; } // for chart-specific controls
    void setTitle(const QString& title);
    QString title() const;
    // Writes the plot as PNG, SVG or PDF by the file's suffix; false on failure.
    bool exportTo(const QString& file, int width = 0, int height = 0);
    // The plot as PNG bytes (for reports that embed charts); empty on failure.
    QByteArray toPng(int width, int height, double scale = 1.0) const;

public slots:
    void exportInteractively();

private:
    QLabel* title_;
    QHBoxLayout* toolbar_;
    QCustomPlot* plot_;
};

// Before a chart is drawn again: no plottables or items, default tickers, labels upright.
void clearPlot(QCustomPlot* plot);

// Shared look: fonts, grid, legend frame; call after creating a plot.
void styleChart(QCustomPlot* plot);
// Moves the legend out of the axis rect into a column on the right, so it never hides data.
void placeLegendOutside(QCustomPlot* plot);

} // namespace gs::ui
