#pragma once
// The exploration charts (the notebook's EDA, interactive). Each takes an EdaData snapshot
// and draws one series per genre in the genre's colour; numbers come from core/dataset/stats.
#include "ui/charts/chart_widget.h"
#include "ui/charts/eda_data.h"

#include <memory>

class QCheckBox;
class QComboBox;
class QCPColorMap;

namespace gs::ui {

class EdaChart : public ChartWidget {
    Q_OBJECT
public:
    EdaChart(const QString& title, QWidget* parent = nullptr, bool legendOutside = true);
    // Takes a new snapshot. A visible chart redraws at once; a hidden one when it is shown or
    // asked for (ensureCurrent): with 100,000 songs a PCA or a correlation matrix nobody
    // looks at would hold the GUI thread at every refresh.
    void setData(std::shared_ptr<const EdaData> data);
    void ensureCurrent();

protected:
    virtual void rebuild() = 0;
    void showEvent(QShowEvent* event) override;
    // Hovering a bar, box or curve shows its genre and numbers.
    void enableSeriesTooltips();
    void showEmpty(const QString& message);
    void setGenreTicks(); // categorical x axis, one tick per genre
    bool isStale() const { return stale_; } // data_ is newer than what is drawn
    std::shared_ptr<const EdaData> data_;

private:
    bool stale_ = false;
};

class ClassBalanceChart : public EdaChart {
    Q_OBJECT
public:
    explicit ClassBalanceChart(QWidget* parent = nullptr);
    // Logarithmic song counts (the toolbar's "Log scale" box): a collection with 3,000 rock
    // songs and 12 of jazz shows every genre's bar.
    void setLogScale(bool on);
    bool logScale() const;

protected:
    void rebuild() override;

private:
    QCheckBox* log_;
};

class SongLengthChart : public EdaChart {
    Q_OBJECT
public:
    explicit SongLengthChart(QWidget* parent = nullptr);
    void setShowAverages(bool averages);

protected:
    void rebuild() override;

private:
    QComboBox* mode_;
};

class FeatureDistributionChart : public EdaChart {
    Q_OBJECT
public:
    enum Mode { BoxPlot, Histogram, Density };
    explicit FeatureDistributionChart(QWidget* parent = nullptr);
    void setFeature(int feature);
    void setMode(Mode mode);

protected:
    void rebuild() override;

private:
    QComboBox* feature_;
    QComboBox* mode_;
};

class FeatureScatterChart : public EdaChart {
    Q_OBJECT
public:
    explicit FeatureScatterChart(QWidget* parent = nullptr);
    // Axis choices: 0 = first principal component, 1 = second, 2 + k = feature k.
    void setAxes(int x, int y);
    int songNear(const QPoint& pixel, double maxDistance = 8) const; // -1 if none
    QPoint pixelOfSong(int songIndex) const;                        // (-1, -1) if not shown

public slots:
    void highlightSong(int songIndex);

signals:
    void songClicked(int songIndex);

protected:
    void rebuild() override;

private:
    QComboBox* x_;
    QComboBox* y_;
    std::vector<double> xs_, ys_;   // per analysed song (EdaData order)
    int highlighted_ = -1;
};

class CorrelationChart : public EdaChart {
    Q_OBJECT
public:
    explicit CorrelationChart(QWidget* parent = nullptr);
    QCPColorMap* colorMap() const { return map_; }

protected:
    void rebuild() override;

private:
    QCPColorMap* map_;
};

} // namespace gs::ui
