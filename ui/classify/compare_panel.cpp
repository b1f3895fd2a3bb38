#include "ui/classify/compare_panel.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/ml/report_writer.h"
#include "ui/classify/classify_session.h"
#include "ui/classify/compare_charts.h"
#include "ui/classify/compare_tables.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace gs::ui {

namespace {

QTableView* makeTable(QAbstractItemModel* model, bool sortable)
{
    auto* view = new QTableView;
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setSortingEnabled(sortable);
    return view;
}

// Issue 15 (imbalanced genres): with the largest genre >= 1.5x the smallest, balanced accuracy and
// macro-F1 come first and order the models, as in the CLI and HTML tables (ml::tableOrder).
void leadWithBalancedScores(QTableView* view, bool imbalanced)
{
    auto* header = view->horizontalHeader();
    for (int logical = 0; logical < MetricsTableModel::ColumnCount; ++logical)
        header->moveSection(header->visualIndex(logical), logical); // the natural order first
    if (imbalanced) {
        header->moveSection(header->visualIndex(MetricsTableModel::BalancedAccuracy),
                            header->visualIndex(MetricsTableModel::Accuracy));
        header->moveSection(header->visualIndex(MetricsTableModel::MacroF1),
                            header->visualIndex(MetricsTableModel::Accuracy));
    }
    // The automatic sort follows; a column the user chose stays.
    const int sorted = header->sortIndicatorSection();
    if (imbalanced && sorted == MetricsTableModel::Accuracy)
        view->sortByColumn(MetricsTableModel::BalancedAccuracy, Qt::DescendingOrder);
    else if (!imbalanced && sorted == MetricsTableModel::BalancedAccuracy)
        view->sortByColumn(MetricsTableModel::Accuracy, Qt::DescendingOrder);
}

QLabel* noteLabel(const QString& text)
{
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText).darker(130));
    label->setPalette(pal);
    return label;
}

QPushButton* exportButton(const QString& tooltip)
{
    auto* button = new QPushButton(ComparePanel::tr("Export CSV…"));
    button->setToolTip(tooltip);
    return button;
}

} // namespace

ComparePanel::ComparePanel(ClassifySession* session, QWidget* parent) : QWidget(parent), session_(session)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(buildHeader());
    tabs_ = new QTabWidget;
    tabs_->addTab(buildModelsTab(), tr("Models"));
    tabs_->addTab(buildPerGenreTab(), tr("Per genre"));
    tabs_->addTab(buildSignificanceTab(), tr("Significance"));
    curve_ = new LearningCurveChart;
    tabs_->addTab(curve_, tr("Learning curve"));
    layout->addWidget(tabs_, 1);

    connect(session_, &ClassifySession::runsChanged, this, &ComparePanel::refreshRunLists);
    connect(session_, &ClassifySession::runFinished, this, [this](int runId) { showRun(runId, besideRunId()); });
    connect(session_, &ClassifySession::modelChanged, this, &ComparePanel::refreshModelInUse);
    // "Use this model" starts a refit: not while another training runs.
    connect(session_, &ClassifySession::trainingStarted, this, &ComparePanel::selectedRowChanged);
    connect(session_, &ClassifySession::trainingFinished, this, &ComparePanel::selectedRowChanged);
    connect(session_, &ClassifySession::trainingFailed, this, &ComparePanel::selectedRowChanged);
    refreshRunLists();
    refreshModelInUse();
}

QWidget* ComparePanel::buildHeader()
{
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    runs_ = new QComboBox;
    runs_->setToolTip(tr("Finished comparisons of this session, newest first"));
    runs_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    runs_->setMinimumContentsLength(18);
    beside_ = new QComboBox;
    beside_->setToolTip(tr("Show a second run's numbers beside the first one's (bars side by side, rows in the table)"));
    beside_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    beside_->setMinimumContentsLength(8);
    removeRun_ = new QPushButton(tr("Remove"));
    removeRun_->setToolTip(tr("Forget the shown run"));
    row->addWidget(new QLabel(tr("Run")));
    row->addWidget(runs_, 3);
    row->addWidget(new QLabel(tr("beside")));
    row->addWidget(beside_, 2);
    row->addWidget(removeRun_);
    layout->addLayout(row);

    stale_ = new QLabel;
    stale_->setWordWrap(true);
    stale_->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #4a3b00; border: 1px solid #e0c060; "
                                         "border-radius: 3px; padding: 5px; }"));
    stale_->hide();
    layout->addWidget(stale_);
    protocol_ = noteLabel({});
    layout->addWidget(protocol_);
    layout->addWidget(noteLabel(tr("Scores come from the fold models of cross-validation; the model used to classify new "
                                   "songs and exported is refit on all songs.")));
    modelInUse_ = new QLabel;
    modelInUse_->setWordWrap(true);
    layout->addWidget(modelInUse_);

    connect(runs_, &QComboBox::activated, this, [this] { showRun(runs_->currentData().toInt(), besideRunId()); });
    connect(beside_, &QComboBox::activated, this, [this] { showRun(shownRunId(), beside_->currentData().toInt()); });
    connect(removeRun_, &QPushButton::clicked, this, [this] {
        if (const int id = shownRunId())
            session_->removeRun(id);
    });
    return box;
}

QWidget* ComparePanel::buildModelsTab()
{
    auto* split = new QSplitter(Qt::Vertical);
    accuracy_ = new AccuracyChart;
    split->addWidget(accuracy_);
    auto* lower = new QWidget;
    auto* layout = new QVBoxLayout(lower);
    layout->setContentsMargins(0, 0, 0, 0);
    metrics_ = new MetricsTableModel(this);
    metricsSorted_ = new QSortFilterProxyModel(this);
    metricsSorted_->setSourceModel(metrics_);
    metricsSorted_->setSortRole(Qt::UserRole); // numbers sort as numbers
    metricsView_ = makeTable(metricsSorted_, true);
    metricsView_->sortByColumn(MetricsTableModel::Accuracy, Qt::DescendingOrder);
    metricsView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    metricsView_->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(metricsView_, 1);
    auto* buttons = new QHBoxLayout;
    useModel_ = new QPushButton(tr("Use this model"));
    useModel_->setToolTip(tr("Refit the selected model on all songs of its run; it then classifies new songs and is what "
                             "File → Save Model writes"));
    auto* exportMetrics = exportButton(tr("Save this table as CSV"));
    buttons->addWidget(useModel_);
    buttons->addStretch(1);
    buttons->addWidget(exportMetrics);
    layout->addLayout(buttons);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({440, 240}); // the chart first: the table scrolls

    connect(metricsView_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ComparePanel::selectedRowChanged);
    connect(useModel_, &QPushButton::clicked, this, &ComparePanel::useSelectedModel);
    connect(exportMetrics, &QPushButton::clicked, this,
            [this] { exportInteractively(tr("metrics"), &ComparePanel::exportMetricsCsv, QStringLiteral("metrics.csv")); });
    return split;
}

QWidget* ComparePanel::buildPerGenreTab()
{
    auto* split = new QSplitter(Qt::Vertical);
    auto* upper = new QWidget;
    auto* layout = new QVBoxLayout(upper);
    layout->setContentsMargins(0, 4, 0, 0);
    auto* row = new QHBoxLayout;
    perClassTitle_ = new QLabel;
    QFont bold = perClassTitle_->font();
    bold.setBold(true);
    perClassTitle_->setFont(bold);
    auto* exportPerClass = exportButton(tr("Save the selected model's per-genre scores as CSV"));
    row->addWidget(perClassTitle_, 1);
    row->addWidget(exportPerClass);
    layout->addLayout(row);
    perClass_ = new PerClassTableModel(this);
    perClassView_ = makeTable(perClass_, false);
    perClassView_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layout->addWidget(perClassView_, 1);
    split->addWidget(upper);
    f1Map_ = new PerClassF1Map;
    split->addWidget(f1Map_);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    connect(exportPerClass, &QPushButton::clicked, this,
            [this] { exportInteractively(tr("per-genre scores"), &ComparePanel::exportPerClassCsv, selectedModel_ + QStringLiteral("-per-genre.csv")); });
    return split;
}

QWidget* ComparePanel::buildSignificanceTab()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    auto* explanation = new QLabel(
        tr("<b>Is one model really better?</b> The <b>corrected resampled t-test</b> (Nadeau &amp; Bengio, 2003) compares the "
           "two models' accuracies fold by fold over the same folds, corrected for the folds sharing training songs: it asks "
           "whether the recipe would do better on new songs, and is the one to trust. <b>McNemar's test</b> only compares "
           "these pooled predictions (songs only A got right against songs only B got right), ignoring how much the result "
           "depends on the training songs. Green cells: p &lt; %1.")
            .arg(PairwiseTableModel::kAlpha));
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::RichText);
    layout->addWidget(explanation);
    pairwise_ = new PairwiseTableModel(this);
    auto* sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(pairwise_);
    sorted->setSortRole(Qt::UserRole);
    pairwiseView_ = makeTable(sorted, true);
    pairwiseView_->sortByColumn(-1, Qt::AscendingOrder); // the report's order until a header is clicked
    pairwiseView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    pairwiseView_->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(pairwiseView_, 1);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    auto* exportPairs = exportButton(tr("Save the pairwise tests as CSV"));
    row->addWidget(exportPairs);
    layout->addLayout(row);
    connect(exportPairs, &QPushButton::clicked, this,
            [this] { exportInteractively(tr("significance tests"), &ComparePanel::exportPairwiseCsv, QStringLiteral("significance.csv")); });
    return page;
}

// --- runs -------------------------------------------------------------------------------

QString ComparePanel::runLabel(const ComparisonRun& run) const
{
    QString text = tr("Run %1 · %2 · %n models", nullptr, int(run.report.models.size()))
                       .arg(run.id)
                       .arg(QLocale().toString(run.finishedAt.time(), QLocale::ShortFormat));
    if (!run.report.models.empty())
        text += tr(" · best %1 %2").arg(QString::fromStdString(run.report.models.front().name),
                                        percentText(run.report.models.front().accuracyMean));
    if (run.staleData)
        text += QLatin1Char(' ') + tr("(stale: data changed)");
    if (run.staleSettings)
        text += QLatin1Char(' ') + tr("(stale: settings changed)");
    return text;
}

void ComparePanel::refreshRunLists()
{
    const auto& all = session_->runs();
    int shown = shown_ ? shown_->id : 0;
    int beside = besideRun_ ? besideRun_->id : 0;
    if (shown && !session_->run(shown))
        shown = 0;
    if (beside && !session_->run(beside))
        beside = 0;
    {
        QSignalBlocker b1(runs_), b2(beside_);
        runs_->clear();
        beside_->clear();
        beside_->addItem(tr("(none)"), 0);
        for (auto it = all.rbegin(); it != all.rend(); ++it) { // newest first
            const QString label = runLabel(**it);
            runs_->addItem(label, (*it)->id);
            beside_->addItem(label, (*it)->id);
        }
    }
    removeRun_->setEnabled(!all.empty());
    // The shown run may have been removed or its stale flags changed: redraw only if needed.
    const auto newest = session_->latestRun();
    const int wanted = shown ? shown : (newest ? newest->id : 0);
    if (wanted != (shown_ ? shown_->id : 0) || beside != (besideRun_ ? besideRun_->id : 0))
        showRun(wanted, beside);
    else {
        runs_->setCurrentIndex(std::max(0, runs_->findData(wanted)));
        beside_->setCurrentIndex(std::max(0, beside_->findData(beside)));
        shown_ = wanted ? session_->run(wanted) : nullptr; // the session may hand out a new object with new flags
        refreshStaleBanner();
    }
}

void ComparePanel::showRun(int runId, int besideRunId)
{
    if (runId == 0)
        if (const auto newest = session_->latestRun())
            runId = newest->id;
    shown_ = runId ? session_->run(runId) : nullptr;
    besideRun_ = besideRunId && besideRunId != runId ? session_->run(besideRunId) : nullptr;
    {
        QSignalBlocker b1(runs_), b2(beside_);
        runs_->setCurrentIndex(std::max(0, runs_->findData(shown_ ? shown_->id : 0)));
        beside_->setCurrentIndex(std::max(0, beside_->findData(besideRun_ ? besideRun_->id : 0)));
    }
    rebuild();
}

int ComparePanel::shownRunId() const { return shown_ ? shown_->id : 0; }
int ComparePanel::besideRunId() const { return besideRun_ ? besideRun_->id : 0; }

void ComparePanel::rebuild()
{
    const QString keepModel = selectedModel_;
    metrics_->setRuns(shown_, besideRun_);
    metricsView_->setColumnHidden(MetricsTableModel::Run, !besideRun_);
    const bool imbalanced = shown_ && ml::reportIsImbalanced(shown_->report);
    leadWithBalancedScores(metricsView_, imbalanced);
    accuracy_->setRuns(shown_, besideRun_);
    f1Map_->setRun(shown_);
    pairwise_->setPairs(shown_ ? shown_->pairs : std::vector<ml::PairwiseComparison>{});
    curve_->setRuns(shown_, besideRun_);
    refreshStaleBanner();
    if (shown_) {
        const auto& p = shown_->report.protocol;
        QString text = tr("%1-fold cross-validation, %2 · %n songs · %3 features · seed %4", nullptr, int(p.samples))
                           .arg(p.folds)
                           .arg(p.grouped ? tr("related songs kept together (grouping %1)").arg(QString::fromStdString(p.grouping))
                                          : tr("grouping %1 found no related songs").arg(QString::fromStdString(p.grouping)))
                           .arg(p.features)
                           .arg(p.seed);
        if (p.search)
            text += tr(" · parameters tuned by a nested %1-fold search").arg(p.innerFolds);
        text += tr(" · took %1 s").arg(QLocale().toString(shown_->seconds, 'f', shown_->seconds < 10 ? 2 : 1));
        if (imbalanced)
            text += tr(" · the genres are imbalanced (largest ≥ 1.5 × smallest): balanced accuracy and macro-F1 come "
                       "first, because plain accuracy mostly rewards the large genres");
        protocol_->setText(text);
    } else {
        protocol_->setText(tr("No comparison yet: choose models on the left and press Train and compare."));
    }
    selectedModel_.clear();
    selectedRun_ = 0;
    metricsView_->clearSelection();
    if (shown_ && !shown_->report.models.empty() && !keepModel.isEmpty())
        selectModel(keepModel); // the same model in the newly shown run, if it has it
    if (shown_ && !shown_->report.models.empty() && selectedModel_.isEmpty())
        selectModel(QString::fromStdString(shown_->report.models.front().name));
    selectedRowChanged();
}

void ComparePanel::refreshStaleBanner()
{
    QStringList reasons;
    if (shown_ && shown_->staleData)
        reasons << tr("the songs changed since it was trained (added, removed, relabelled or re-analysed)");
    if (shown_ && shown_->staleSettings)
        reasons << tr("the training settings on the left differ from the ones it used");
    stale_->setText(tr("Run %1 is stale: %2. Train again for up-to-date numbers.")
                        .arg(shown_ ? shown_->id : 0)
                        .arg(reasons.join(tr("; "))));
    stale_->setVisible(!reasons.isEmpty());
    if (shown_)
        runs_->setItemText(std::max(0, runs_->findData(shown_->id)), runLabel(*shown_));
}

void ComparePanel::refreshModelInUse()
{
    const auto model = session_->model();
    if (!model) {
        modelInUse_->setText(tr("No model in use yet: train, or open a model file."));
        return;
    }
    const auto& origin = session_->modelOrigin();
    QString text = tr("Model in use: <b>%1</b>").arg(QString::fromStdString(model->kind).toHtmlEscaped());
    if (origin.fromRun > 0)
        text += tr(", refit on all %n songs of run %1", nullptr, int(model->trainingSamples)).arg(origin.fromRun);
    else if (!origin.source.isEmpty())
        text += tr(", from %1").arg(origin.source.toHtmlEscaped());
    if (!origin.accuracyText.isEmpty())
        text += QStringLiteral(" · ") + origin.accuracyText.toHtmlEscaped();
    modelInUse_->setText(text);
}

// --- selection --------------------------------------------------------------------------

void ComparePanel::selectModel(const QString& model)
{
    for (int row = 0; row < metricsSorted_->rowCount(); ++row) {
        const int source = metricsSorted_->mapToSource(metricsSorted_->index(row, 0)).row();
        if (metrics_->runOfRow(source) == shownRunId() && QString::fromStdString(metrics_->reportOfRow(source)->name) == model) {
            metricsView_->selectRow(row);
            selectedRowChanged();
            return;
        }
    }
}

QString ComparePanel::selectedModel() const { return selectedModel_; }

void ComparePanel::selectedRowChanged()
{
    const auto rows = metricsView_->selectionModel()->selectedRows();
    const ml::ModelReport* model = nullptr;
    std::shared_ptr<const ComparisonRun> owner;
    if (!rows.isEmpty()) {
        const int source = metricsSorted_->mapToSource(rows.front()).row();
        model = metrics_->reportOfRow(source);
        selectedRun_ = metrics_->runOfRow(source);
        owner = session_->run(selectedRun_);
        if (owner && shown_ && owner->id == shown_->id)
            owner = shown_;
        else if (owner && besideRun_ && owner->id == besideRun_->id)
            owner = besideRun_;
    }
    selectedModel_ = model ? QString::fromStdString(model->name) : QString();
    if (!model)
        selectedRun_ = 0;
    perClass_->setModel(owner, model);
    perClassTitle_->setText(model ? tr("Per-genre scores of %1 (run %2, pooled over the test folds)").arg(selectedModel_).arg(selectedRun_)
                                  : tr("Select a model in the Models table"));
    useModel_->setEnabled(model != nullptr && !session_->isTraining());
    useModel_->setText(model ? tr("Use %1 (refit on all songs)").arg(selectedModel_) : tr("Use this model"));
}

void ComparePanel::useSelectedModel()
{
    if (selectedRun_ > 0 && !selectedModel_.isEmpty())
        session_->useModelFromRun(selectedRun_, selectedModel_);
}

void ComparePanel::showTab(Tab tab) { tabs_->setCurrentIndex(int(tab)); }

// --- export -----------------------------------------------------------------------------

bool ComparePanel::writeCsv(const QString& file, const QString& content)
{
    try {
        writeFileAtomically(file.toStdString(), content.toStdString());
        lastError_.clear();
        return true;
    } catch (const Error& e) {
        lastError_ = QString::fromStdString(e.what());
        return false;
    }
}

bool ComparePanel::exportMetricsCsv(const QString& file)
{
    if (!shown_) {
        lastError_ = tr("No run to export");
        return false;
    }
    return writeCsv(file, metrics_->csv());
}

bool ComparePanel::exportPerClassCsv(const QString& file)
{
    if (!perClass_->model()) {
        lastError_ = tr("No model selected");
        return false;
    }
    return writeCsv(file, QString::fromStdString(ml::perClassToCsv(*perClass_->model())));
}

bool ComparePanel::exportPairwiseCsv(const QString& file)
{
    if (!shown_) {
        lastError_ = tr("No run to export");
        return false;
    }
    return writeCsv(file, pairwise_->csv());
}

void ComparePanel::exportInteractively(const QString& what, bool (ComparePanel::*writer)(const QString&), const QString& name)
{
    QString file = QFileDialog::getSaveFileName(this, tr("Export %1").arg(what), name, tr("CSV table (*.csv)"));
    if (file.isEmpty())
        return;
    if (!file.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        file += QStringLiteral(".csv");
    if (!(this->*writer)(file))
        QMessageBox::warning(this, tr("Export failed"), lastError_);
}

} // namespace gs::ui
