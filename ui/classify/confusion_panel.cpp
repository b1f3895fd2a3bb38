#include "ui/classify/confusion_panel.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "ui/classify/classify_session.h"
#include "ui/classify/confusion_matrix_view.h"
#include "ui/playback/playback_controller.h"
#include "ui/playback/player_bar.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gs::ui {

namespace {

QStringList toQStringList(const std::vector<std::string>& names)
{
    QStringList out;
    for (const auto& n : names)
        out << QString::fromStdString(n);
    return out;
}

QString score(double v) { return QString::number(v, 'f', 3); }

QTableWidgetItem* numberItem(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

enum SongColumn { FileColumn, TrueColumn, PredictedColumn, PPredColumn, PTrueColumn, FoldColumn };

} // namespace

ConfusionPanel::ConfusionPanel(ClassifySession* session, QWidget* parent) : QWidget(parent), session_(session)
{
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    runs_ = new QComboBox;
    runs_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    runs_->setToolTip(tr("The comparison run whose cross-validation is shown"));
    models_ = new QComboBox;
    models_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    models_->setToolTip(tr("Models of the run, best first (mean accuracy over the folds)"));
    scales_ = new QComboBox;
    for (auto s : {ml::ConfusionScale::Counts, ml::ConfusionScale::ByTrue, ml::ConfusionScale::ByPredicted,
                   ml::ConfusionScale::OverAll})
        scales_->addItem(confusionScaleName(s), int(s));
    scales_->setToolTip(tr("What the numbers in the cells show; colours always show the share of the true genre"));
    misclassified_ = new QPushButton(tr("All Misclassified"));
    misclassified_->setToolTip(tr("List every song predicted as another genre than its own"));
    export_ = new QToolButton;
    export_->setText(tr("Export…"));
    export_->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(export_);
    menu->addAction(tr("Matrix and Scores as CSV…"), this, [this] { exportInteractively(QStringLiteral("csv")); });
    menu->addAction(tr("Matrix and Scores as JSON…"), this, [this] { exportInteractively(QStringLiteral("json")); });
    menu->addAction(tr("Matrix as Image (PNG, SVG, PDF)…"), this, [this] { exportInteractively(QStringLiteral("image")); });
    export_->setMenu(menu);
    bar->addWidget(new QLabel(tr("Run")));
    bar->addWidget(runs_);
    bar->addSpacing(8);
    bar->addWidget(new QLabel(tr("Model")));
    bar->addWidget(models_);
    bar->addSpacing(8);
    bar->addWidget(new QLabel(tr("Show")));
    bar->addWidget(scales_);
    bar->addStretch(1);
    bar->addWidget(misclassified_);
    bar->addWidget(export_);
    layout->addLayout(bar);

    note_ = new QLabel;
    note_->setWordWrap(true);
    note_->setTextFormat(Qt::RichText);
    layout->addWidget(note_);

    auto* split = new QSplitter(Qt::Horizontal);
    view_ = new ConfusionMatrixView;
    split->addWidget(view_);
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    summary_ = new QLabel;
    summary_->setWordWrap(true);
    summary_->setTextFormat(Qt::RichText);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rightLayout->addWidget(summary_);
    table_ = new QTableWidget(0, 5);
    table_->setHorizontalHeaderLabels({tr("Genre"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
    table_->verticalHeader()->setVisible(false);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    for (int c = 1; c < 5; ++c)
        table_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::Stretch);
    table_->setToolTip(tr("Counted from the matrix: precision = diagonal / column total, recall = diagonal / row total"));
    rightLayout->addWidget(table_, 4);
    cellTitle_ = new QLabel;
    cellTitle_->setWordWrap(true);
    rightLayout->addWidget(cellTitle_);
    songs_ = new QTreeWidget;
    songs_->setRootIsDecorated(false);
    songs_->setAlternatingRowColors(true);
    songs_->setSortingEnabled(true);
    songs_->setHeaderLabels({tr("File"), tr("True genre"), tr("Predicted"), tr("P(predicted)"), tr("P(true)"), tr("Fold")});
    songs_->header()->setSectionResizeMode(FileColumn, QHeaderView::Stretch);
    for (int c = TrueColumn; c <= FoldColumn; ++c)
        songs_->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    songs_->setToolTip(tr("Double-click a song to open it in the Songs view · Space: play / pause the selected song"));
    songs_->setTextElideMode(Qt::ElideLeft); // the file name matters more than its folder
    rightLayout->addWidget(songs_, 3);
    player_ = new PlayerBar;
    rightLayout->addWidget(player_);
    player_->installSpaceShortcut(this);
    connect(player_, &PlayerBar::ownStatusMessage, this, &ConfusionPanel::statusMessage);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({680, 600});
    layout->addWidget(split, 1);

    connect(runs_, &QComboBox::activated, this, [this](int i) { showRun(runs_->itemData(i).toInt()); });
    connect(models_, &QComboBox::activated, this, [this](int i) { showModel(models_->itemData(i).toString()); });
    connect(scales_, &QComboBox::activated, this,
            [this](int i) { setScale(ml::ConfusionScale(scales_->itemData(i).toInt())); });
    connect(misclassified_, &QPushButton::clicked, this, &ConfusionPanel::showAllMisclassified);
    connect(view_, &ConfusionMatrixView::cellClicked, this, &ConfusionPanel::selectCell);
    connect(songs_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const auto& song = cellSongs_.at(std::size_t(item->data(FileColumn, Qt::UserRole).toInt()));
        if (song.songIndex >= 0)
            emit songActivated(song.songIndex);
    });
    connect(songs_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        player_->setSong(item ? cellSongs_.at(std::size_t(item->data(FileColumn, Qt::UserRole).toInt())).path : QString());
    });
    connect(session_, &ClassifySession::runFinished, this, [this](int id) { rebuildRunChoices(id); });
    connect(session_, &ClassifySession::runsChanged, this, &ConfusionPanel::refresh);
    refresh();
}

void ConfusionPanel::setPlayback(PlaybackController* playback)
{
    player_->setController(playback);
}

void ConfusionPanel::refresh() { rebuildRunChoices(runId_); }

void ConfusionPanel::rebuildRunChoices(int preferred)
{
    const auto& runs = session_->runs();
    runs_->clear();
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) { // newest first
        const auto& r = **it;
        QString text = tr("Run %1 · %2 · %3-fold · %n song(s)", nullptr, int(r.report.protocol.samples))
                           .arg(r.id)
                           .arg(r.finishedAt.toString(QStringLiteral("HH:mm")))
                           .arg(r.report.protocol.folds);
        if (r.staleData)
            text += tr(" · data changed");
        runs_->addItem(text, r.id);
    }
    runs_->setEnabled(!runs.empty());
    int id = runs_->findData(preferred) >= 0 ? preferred : (runs.empty() ? 0 : runs.back()->id);
    showRun(id);
}

bool ConfusionPanel::selectRun(int runId)
{
    if (runs_->findData(runId) < 0)
        return false;
    showRun(runId);
    return true;
}

void ConfusionPanel::showRun(int runId)
{
    run_ = runId > 0 ? session_->run(runId) : nullptr;
    runId_ = run_ ? runId : 0;
    runs_->setCurrentIndex(runs_->findData(runId_));
    models_->clear();
    if (!run_) {
        models_->setEnabled(false);
        misclassified_->setEnabled(false);
        export_->setEnabled(false);
        note_->setText(tr("Train and compare models on the <b>Compare</b> page: their cross-validated confusion "
                          "matrices appear here."));
        view_->clear(tr("No cross-validation results yet."));
        scores_ = {};
        summary_->clear();
        table_->setRowCount(0);
        listing_ = Listing::None;
        listSongs();
        return;
    }
    for (const auto& m : run_->report.models)
        models_->addItem(tr("%1 (%2 %)").arg(QString::fromStdString(m.name)).arg(m.accuracyMean * 100, 0, 'f', 1),
                         QString::fromStdString(m.name));
    models_->setEnabled(true);
    misclassified_->setEnabled(true);
    export_->setEnabled(true);
    QString note = tr("<span style='color:#555'>These are <b>cross-validation predictions</b>: every song was "
                      "predicted by the model of the fold that held it out (%1 fold models, none of which saw the "
                      "song while learning) — not by the final model refit on all %n song(s).</span>",
                      nullptr, int(run_->report.protocol.samples))
                       .arg(run_->report.protocol.folds);
    if (run_->staleData)
        note += tr(" <span style='color:#a33'>The dataset changed since this run: train again to see the "
                   "current songs.</span>");
    note_->setText(note);
    showModel(models_->findData(modelName_) >= 0 ? modelName_ : models_->itemData(0).toString());
}

bool ConfusionPanel::selectModel(const QString& model)
{
    if (models_->findData(model) < 0)
        return false;
    showModel(model);
    return true;
}

const ml::ModelReport* ConfusionPanel::currentReport() const
{
    if (!run_)
        return nullptr;
    for (const auto& m : run_->report.models)
        if (QString::fromStdString(m.name) == modelName_)
            return &m;
    return nullptr;
}

void ConfusionPanel::showModel(const QString& model)
{
    modelName_ = model;
    models_->setCurrentIndex(models_->findData(model));
    const auto* report = currentReport();
    if (!report) {
        view_->clear();
        return;
    }
    const QStringList classes = toQStringList(run_->report.classes);
    view_->setConfusion(report->confusion, classes);
    // The cell the user looked at, by genre name: it survives a retrain and a model switch.
    if (listing_ == Listing::Cell && classes.contains(cellTrue_) && classes.contains(cellPredicted_))
        view_->setSelectedCell(int(classes.indexOf(cellTrue_)), int(classes.indexOf(cellPredicted_)));
    else // nothing chosen yet (or the cell's genres are gone): start with every mistake listed
        listing_ = Listing::Misclassified;
    updateScores();
    listSongs();
}

void ConfusionPanel::setScale(ml::ConfusionScale scale)
{
    scales_->setCurrentIndex(scales_->findData(int(scale)));
    view_->setScale(scale);
}

ml::ConfusionScale ConfusionPanel::scale() const { return view_->scale(); }

void ConfusionPanel::selectCell(int trueIdx, int predIdx)
{
    const QStringList& classes = view_->classes();
    if (trueIdx < 0 || predIdx < 0 || trueIdx >= classes.size() || predIdx >= classes.size())
        return;
    view_->setSelectedCell(trueIdx, predIdx);
    cellTrue_ = classes[trueIdx];
    cellPredicted_ = classes[predIdx];
    listing_ = Listing::Cell;
    listSongs();
}

void ConfusionPanel::showAllMisclassified()
{
    view_->setSelectedCell(-1, -1);
    listing_ = currentReport() ? Listing::Misclassified : Listing::None;
    listSongs();
}

void ConfusionPanel::updateScores()
{
    const auto* report = currentReport();
    const QStringList classes = view_->classes();
    // Every score is counted from the matrix on screen (the pooled out-of-fold predictions),
    // so the table and the matrix cannot disagree.
    scores_ = ml::computeMetrics(view_->confusion(), run_->report.classes);
    long diagonal = 0;
    for (int i = 0; i < classes.size(); ++i)
        diagonal += view_->count(i, i);
    summary_->setText(
        tr("<b>Accuracy %1 %</b> (%2 of %3 songs on the diagonal) · <b>balanced accuracy %4 %</b> · "
           "<b>macro-F1 %5</b><br><span style='color:#555'>Pooled over all test folds. Mean accuracy over the "
           "folds: %6 % ± %7; log loss %8.</span>")
            .arg(scores_.accuracy * 100, 0, 'f', 1)
            .arg(diagonal)
            .arg(view_->total())
            .arg(scores_.balancedAccuracy * 100, 0, 'f', 1)
            .arg(score(scores_.macroF1))
            .arg(report->accuracyMean * 100, 0, 'f', 1)
            .arg(report->accuracyStd * 100, 0, 'f', 1)
            .arg(report->logLoss, 0, 'f', 3));

    const auto macro = ml::macroAverage(scores_.perClass);
    const auto weighted = ml::weightedAverage(scores_.perClass);
    table_->setRowCount(int(scores_.perClass.size()) + 2);
    int row = 0;
    auto addRow = [&](const QString& name, double p, double r, double f, long support, bool average) {
        auto* nameItem = new QTableWidgetItem(name);
        QFont font = table_->font();
        font.setItalic(average);
        font.setBold(average);
        nameItem->setFont(font);
        table_->setItem(row, 0, nameItem);
        table_->setItem(row, 1, numberItem(score(p)));
        table_->setItem(row, 2, numberItem(score(r)));
        table_->setItem(row, 3, numberItem(score(f)));
        table_->setItem(row, 4, numberItem(QString::number(support)));
        ++row;
    };
    for (const auto& c : scores_.perClass)
        addRow(QString::fromStdString(c.name), c.precision, c.recall, c.f1, c.support, false);
    addRow(tr("macro avg"), macro.precision, macro.recall, macro.f1, macro.support, true);
    addRow(tr("weighted avg"), weighted.precision, weighted.recall, weighted.f1, weighted.support, true);
}

void ConfusionPanel::listSongs()
{
    songs_->setSortingEnabled(false);
    songs_->clear();
    cellSongs_.clear();
    const auto* report = currentReport();
    const QStringList classes = view_->classes();
    if (!report || listing_ == Listing::None) {
        cellTitle_->setText(report ? tr("Click a cell to list its songs, or show all misclassified songs.") : QString());
        return;
    }
    const int t = int(classes.indexOf(cellTrue_)), p = int(classes.indexOf(cellPredicted_));
    for (const auto& pred : report->predictions) {
        const bool in = listing_ == Listing::Cell ? pred.truth == t && pred.predicted == p : pred.truth != pred.predicted;
        if (!in)
            continue;
        CellSong song;
        song.sample = pred.sample;
        if (pred.sample >= 0 && std::size_t(pred.sample) < run_->data->songs.size()) {
            const auto& s = run_->data->songs[std::size_t(pred.sample)];
            song.songIndex = s.songIndex;
            song.file = s.relativePath;
            song.path = s.path;
        }
        song.truth = classes.value(pred.truth);
        song.predicted = classes.value(pred.predicted);
        song.predictedProbability = pred.probabilities.at(std::size_t(pred.predicted));
        song.trueProbability = pred.probabilities.at(std::size_t(pred.truth));
        song.fold = pred.fold;
        cellSongs_.push_back(song);
    }
    for (std::size_t i = 0; i < cellSongs_.size(); ++i) {
        const auto& s = cellSongs_[i];
        auto* item = new QTreeWidgetItem;
        item->setText(FileColumn, s.file);
        item->setToolTip(FileColumn, s.file);
        item->setData(FileColumn, Qt::UserRole, int(i));
        item->setText(TrueColumn, s.truth);
        item->setText(PredictedColumn, s.predicted);
        item->setText(PPredColumn, QStringLiteral("%1 %").arg(s.predictedProbability * 100, 0, 'f', 1));
        item->setText(PTrueColumn, QStringLiteral("%1 %").arg(s.trueProbability * 100, 0, 'f', 1));
        item->setText(FoldColumn, QString::number(s.fold + 1));
        for (int c = PPredColumn; c <= FoldColumn; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        if (s.truth != s.predicted)
            item->setForeground(PredictedColumn, QColor(0xb0, 0x30, 0x20));
        songs_->addTopLevelItem(item);
    }
    songs_->setSortingEnabled(true);
    const int n = int(cellSongs_.size());
    if (report->predictions.empty())
        cellTitle_->setText(tr("This report has no per-song predictions."));
    else if (listing_ == Listing::Cell)
        cellTitle_->setText(t == p ? tr("<b>%1</b> recognised as %1: %n song(s)", nullptr, n).arg(cellTrue_)
                                   : tr("<b>%1</b> predicted as <b>%2</b>: %n song(s)", nullptr, n).arg(cellTrue_, cellPredicted_));
    else
        cellTitle_->setText(tr("<b>All misclassified songs</b>: %n song(s)", nullptr, n));
}

int ConfusionPanel::cellSongCount() const { return songs_->topLevelItemCount(); }

CellSong ConfusionPanel::songAt(int row) const
{
    const auto* item = songs_->topLevelItem(row);
    if (!item)
        return {};
    return cellSongs_.at(std::size_t(item->data(FileColumn, Qt::UserRole).toInt()));
}

QString ConfusionPanel::perClassCsvPath(const QString& matrixCsv)
{
    const QFileInfo info(matrixCsv);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral("-per-class.csv"));
}

bool ConfusionPanel::reportError(const QString& file, const QString& reason)
{
    lastError_ = tr("Cannot write %1: %2").arg(file, reason);
    return false;
}

bool ConfusionPanel::exportCsv(const QString& file)
{
    const auto* report = currentReport();
    if (!report)
        return reportError(file, tr("no confusion matrix is shown"));
    try {
        writeFileAtomically(file.toStdString(), ml::confusionToCsv(*report, run_->report.classes));
        writeFileAtomically(perClassCsvPath(file).toStdString(), ml::perClassToCsv(*report));
    } catch (const Error& e) {
        return reportError(QString::fromStdString(e.subject()), QString::fromStdString(e.reason()));
    }
    lastError_.clear();
    return true;
}

bool ConfusionPanel::exportJson(const QString& file)
{
    const auto* report = currentReport();
    if (!report)
        return reportError(file, tr("no confusion matrix is shown"));
    try {
        writeFileAtomically(file.toStdString(), ml::confusionToJson(*report, run_->report.classes));
    } catch (const Error& e) {
        return reportError(QString::fromStdString(e.subject()), QString::fromStdString(e.reason()));
    }
    lastError_.clear();
    return true;
}

bool ConfusionPanel::exportImage(const QString& file)
{
    if (!currentReport())
        return reportError(file, tr("no confusion matrix is shown"));
    try {
        view_->exportImage(file);
    } catch (const Error& e) {
        return reportError(QString::fromStdString(e.subject()), QString::fromStdString(e.reason()));
    }
    lastError_.clear();
    return true;
}

void ConfusionPanel::exportInteractively(const QString& kind)
{
    const QString base = tr("confusion-%1").arg(modelName_);
    QString filter, suggested;
    if (kind == QLatin1String("csv")) {
        filter = tr("CSV table (*.csv)");
        suggested = base + QStringLiteral(".csv");
    } else if (kind == QLatin1String("json")) {
        filter = tr("JSON (*.json)");
        suggested = base + QStringLiteral(".json");
    } else {
        filter = tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)");
        suggested = base + QStringLiteral(".png");
    }
    QString selected;
    QString file = QFileDialog::getSaveFileName(this, tr("Export confusion matrix"), suggested, filter, &selected);
    if (file.isEmpty())
        return;
    if (QFileInfo(file).suffix().isEmpty())
        file += kind == QLatin1String("image") ? (selected.contains(QLatin1String("svg"))   ? QStringLiteral(".svg")
                                                  : selected.contains(QLatin1String("pdf")) ? QStringLiteral(".pdf")
                                                                                            : QStringLiteral(".png"))
                                               : QStringLiteral(".") + kind;
    const bool ok = kind == QLatin1String("csv")    ? exportCsv(file)
                    : kind == QLatin1String("json") ? exportJson(file)
                                                    : exportImage(file);
    if (!ok && !qEnvironmentVariableIsSet("GENRESCOPE_NO_DIALOGS"))
        QMessageBox::warning(this, tr("Export failed"), lastError_);
}

} // namespace gs::ui
