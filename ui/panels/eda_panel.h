#pragma once
// The exploration page: a list of charts (Orange-style) and the chosen chart, all fed from
// one EdaData snapshot refreshed as songs arrive.
#include <QWidget>

#include <memory>

class QListWidget;
class QStackedWidget;
class QTimer;

namespace gs::ui {

class DatasetSession;
class ClassBalanceChart;
class SongLengthChart;
class FeatureDistributionChart;
class FeatureScatterChart;
class CorrelationChart;
struct EdaData;

class EdaPanel : public QWidget {
    Q_OBJECT
public:
    enum Page { ClassBalance, SongLength, Distribution, Scatter, Correlation };
    explicit EdaPanel(DatasetSession* session, QWidget* parent = nullptr);

    void showPage(Page page);
    // Each chart, drawn from the latest snapshot (hidden charts draw only when asked).
    ClassBalanceChart* classBalance() const;
    SongLengthChart* songLength() const;
    FeatureDistributionChart* distribution() const;
    FeatureScatterChart* scatter() const;
    CorrelationChart* correlation() const;
    std::shared_ptr<const EdaData> data() const { return data_; }

public slots:
    void refreshNow();
    void highlightSong(int songIndex);

signals:
    void songClicked(int songIndex);

private:
    DatasetSession* session_;
    QListWidget* pages_;
    QStackedWidget* stack_;
    QTimer* refresh_;
    ClassBalanceChart* balance_;
    SongLengthChart* length_;
    FeatureDistributionChart* distribution_;
    FeatureScatterChart* scatter_;
    CorrelationChart* correlation_;
    std::shared_ptr<const EdaData> data_;
};

} // namespace gs::ui
