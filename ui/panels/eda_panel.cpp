#include "ui/panels/eda_panel.h"

#include "ui/charts/eda_charts.h"
#include "ui/session/dataset_session.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QStackedWidget>
#include <QTimer>

namespace gs::ui {

EdaPanel::EdaPanel(DatasetSession* session, QWidget* parent) : QWidget(parent), session_(session)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    pages_ = new QListWidget;
    pages_->setMaximumWidth(190);
    stack_ = new QStackedWidget;
    balance_ = new ClassBalanceChart;
    length_ = new SongLengthChart;
    distribution_ = new FeatureDistributionChart;
    scatter_ = new FeatureScatterChart;
    correlation_ = new CorrelationChart;
    const std::pair<QString, QWidget*> pages[] = {
        {tr("Class balance"), balance_}, {tr("Song length"), length_}, {tr("Feature distributions"), distribution_},
        {tr("Scatter / PCA"), scatter_}, {tr("Correlation"), correlation_}};
    for (const auto& [name, widget] : pages) {
        pages_->addItem(name);
        stack_->addWidget(widget);
    }
    layout->addWidget(pages_);
    layout->addWidget(stack_, 1);
    connect(pages_, &QListWidget::currentRowChanged, stack_, &QStackedWidget::setCurrentIndex);
    pages_->setCurrentRow(0);
    connect(scatter_, &FeatureScatterChart::songClicked, this, &EdaPanel::songClicked);

    // Songs arrive in bursts; redraw at most twice a second while extraction runs.
    refresh_ = new QTimer(this);
    refresh_->setSingleShot(true);
    refresh_->setInterval(500);
    connect(refresh_, &QTimer::timeout, this, &EdaPanel::refreshNow);
    connect(session_, &DatasetSession::songsAdded, refresh_, qOverload<>(&QTimer::start));
    connect(session_, &DatasetSession::songsUpdated, refresh_, qOverload<>(&QTimer::start));
    connect(session_, &DatasetSession::finished, this, &EdaPanel::refreshNow);
    refreshNow();
}

void EdaPanel::showPage(Page page) { pages_->setCurrentRow(int(page)); }

namespace {
template <typename Chart>
Chart* current(Chart* chart)
{
    chart->ensureCurrent();
    return chart;
}
} // namespace

ClassBalanceChart* EdaPanel::classBalance() const { return current(balance_); }
SongLengthChart* EdaPanel::songLength() const { return current(length_); }
FeatureDistributionChart* EdaPanel::distribution() const { return current(distribution_); }
FeatureScatterChart* EdaPanel::scatter() const { return current(scatter_); }
CorrelationChart* EdaPanel::correlation() const { return current(correlation_); }

void EdaPanel::refreshNow()
{
    refresh_->stop();
    data_ = std::make_shared<const EdaData>(EdaData::fromSession(*session_));
    for (EdaChart* chart : std::initializer_list<EdaChart*>{balance_, length_, distribution_, scatter_, correlation_})
        chart->setData(data_);
}

void EdaPanel::highlightSong(int songIndex) { scatter_->highlightSong(songIndex); }

} // namespace gs::ui
