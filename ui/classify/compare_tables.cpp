#include "ui/classify/compare_tables.h"

#include "core/ml/registry.h"
#include "core/ml/report_writer.h"
#include "ui/classify/classify_session.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

#include <cmath>

namespace gs::ui {

namespace {

QString number(double v, int decimals) { return QLocale().toString(v, 'f', decimals); }

// A CSV field: quoted when it holds a separator, quote or line break (RFC 4180).
QString csvField(const QString& s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString quoted = s;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvNumber(double v) { return QString::number(v, 'g', 10); }

QString pValueText(double p)
{
    if (p < 0.001)
        return QStringLiteral("< 0.001");
    return QString::number(p, 'f', 3);
}

} // namespace

QString percentText(double share, int decimals) { return number(share * 100.0, decimals) + QStringLiteral(" %"); }

// --- metrics ----------------------------------------------------------------------------

void MetricsTableModel::setRuns(std::shared_ptr<const ComparisonRun> primary, std::shared_ptr<const ComparisonRun> beside)
{
    beginResetModel();
    rows_.clear();
    for (const auto& run : {primary, beside})
        if (run)
            for (const auto& m : run->report.models)
                rows_.push_back({run->id, run, &m});
    endResetModel();
}

int MetricsTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }
int MetricsTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }
int MetricsTableModel::runOfRow(int row) const { return row >= 0 && row < int(rows_.size()) ? rows_[std::size_t(row)].run : 0; }

const ml::ModelReport* MetricsTableModel::reportOfRow(int row) const
{
    return row >= 0 && row < int(rows_.size()) ? rows_[std::size_t(row)].model : nullptr;
}

QVariant MetricsTableModel::data(const QModelIndex& index, int role) const
{
    const auto* m = reportOfRow(index.row());
    if (!m)
        return {};
    const int run = runOfRow(index.row());
    if (role == Qt::UserRole) { // the sort key: plain numbers
        switch (index.column()) {
        case Model: return QString::fromStdString(m->name);
        case Run: return run;
        case Accuracy: return m->accuracyMean;
        case AccuracyStd: return m->accuracyStd;
        case BalancedAccuracy: return m->balancedAccuracy;
        case MacroF1: return m->macroF1;
        case LogLoss: return m->logLoss;
        case FitSeconds: return m->fitSeconds;
        case PredictMs: return m->predictSeconds * 1000.0;
        case Params: return QString::fromStdString(ml::formatHyperparameters(m->params));
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Model: return QString::fromStdString(m->name);
        case Run: return tr("#%1").arg(run);
        case Accuracy: return percentText(m->accuracyMean);
        case AccuracyStd: return QStringLiteral("± %1").arg(number(m->accuracyStd * 100.0, 1));
        case BalancedAccuracy: return percentText(m->balancedAccuracy);
        case MacroF1: return number(m->macroF1, 3);
        case LogLoss: return number(m->logLoss, 3);
        case FitSeconds: return m->fitSeconds < 0.005 ? tr("< 0.01") : number(m->fitSeconds, m->fitSeconds < 10 ? 2 : 1);
        case PredictMs: return m->predictSeconds < 0.00005 ? tr("< 0.1") : number(m->predictSeconds * 1000.0, 1);
        case Params: return QString::fromStdString(ml::formatHyperparameters(m->params));
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Model && index.column() != Params)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        if (index.column() == Accuracy || index.column() == AccuracyStd)
            return tr("Mean and standard deviation of the accuracy over the %n test fold(s)", nullptr, int(m->folds.size()));
        if (index.column() == LogLoss)
            return tr("Mean −ln p(true genre) over all songs: lower means better probabilities");
        if (index.column() == FitSeconds)
            return tr("Mean wall-clock seconds to fit one fold's model (CPU time %1 s)").arg(number(m->fitCpuSeconds, 2));
        if (index.column() == PredictMs)
            return tr("Mean milliseconds to predict one whole test fold");
        if (index.column() == Params)
            return QString::fromStdString(ml::formatHyperparameters(m->params));
    }
    return {};
}

QVariant MetricsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Model: return tr("Model");
    case Run: return tr("Run");
    case Accuracy: return tr("Accuracy");
    case AccuracyStd: return tr("± std");
    case BalancedAccuracy: return tr("Balanced acc.");
    case MacroF1: return tr("Macro-F1");
    case LogLoss: return tr("Log-loss");
    case FitSeconds: return tr("Fit s");
    case PredictMs: return tr("Predict ms");
    case Params: return tr("Parameters");
    }
    return {};
}

QString MetricsTableModel::csv() const
{
    QString out = QStringLiteral("model,run,accuracy,accuracy_std,balanced_accuracy,macro_f1,log_loss,fit_seconds,predict_ms,params\n");
    for (int r = 0; r < rowCount(); ++r) {
        QStringList fields;
        for (int c = 0; c < ColumnCount; ++c) {
            const QVariant v = data(index(r, c), Qt::UserRole);
            fields << (v.typeId() == QMetaType::Double ? csvNumber(v.toDouble()) : csvField(v.toString()));
        }
        out += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

// --- per class --------------------------------------------------------------------------

void PerClassTableModel::setModel(std::shared_ptr<const ComparisonRun> owner, const ml::ModelReport* model)
{
    beginResetModel();
    owner_ = std::move(owner);
    model_ = model;
    endResetModel();
}

int PerClassTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !model_ ? 0 : int(model_->perClass.size()) + 2;
}
int PerClassTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant PerClassTableModel::data(const QModelIndex& index, int role) const
{
    if (!model_)
        return {};
    const int genres = int(model_->perClass.size());
    const int row = index.row();
    const bool average = row >= genres;
    if (role == Qt::FontRole && average) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && average)
        return row == genres ? tr("Unweighted mean over the genres that occur")
                             : tr("Mean over the genres weighted by their number of songs (support)");
    if (role == Qt::TextAlignmentRole && index.column() != Genre)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    QString name;
    double precision = 0, recall = 0, f1 = 0;
    long support = 0;
    if (!average) {
        const auto& c = model_->perClass[std::size_t(row)];
        name = QString::fromStdString(c.name);
        precision = c.precision, recall = c.recall, f1 = c.f1, support = c.support;
    } else {
        const auto a = row == genres ? ml::macroAverage(model_->perClass) : ml::weightedAverage(model_->perClass);
        name = row == genres ? tr("macro avg") : tr("weighted avg");
        precision = a.precision, recall = a.recall, f1 = a.f1, support = a.support;
    }
    const bool plain = role == Qt::UserRole;
    switch (index.column()) {
    case Genre: return name;
    case Precision: return plain ? QVariant(precision) : QVariant(number(precision, 3));
    case Recall: return plain ? QVariant(recall) : QVariant(number(recall, 3));
    case F1: return plain ? QVariant(f1) : QVariant(number(f1, 3));
    case Support: return plain ? QVariant(qlonglong(support)) : QVariant(QLocale().toString(qlonglong(support)));
    }
    return {};
}

QVariant PerClassTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Genre: return tr("Genre");
    case Precision: return tr("Precision");
    case Recall: return tr("Recall");
    case F1: return tr("F1");
    case Support: return tr("Songs");
    }
    return {};
}

// --- pairwise ---------------------------------------------------------------------------

void PairwiseTableModel::setPairs(std::vector<ml::PairwiseComparison> pairs)
{
    beginResetModel();
    pairs_ = std::move(pairs);
    endResetModel();
}

int PairwiseTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(pairs_.size()); }
int PairwiseTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant PairwiseTableModel::data(const QModelIndex& index, int role) const
{
    if (index.row() < 0 || index.row() >= int(pairs_.size()))
        return {};
    const auto& p = pairs_[std::size_t(index.row())];
    const int c = index.column();
    const bool significant = (c == TPValue && p.tPValue < kAlpha) || (c == McNemarPValue && p.mcnemarPValue < kAlpha);
    switch (role) {
    case Qt::UserRole:
        switch (c) {
        case ModelA: return QString::fromStdString(p.modelA);
        case ModelB: return QString::fromStdString(p.modelB);
        case Difference: return p.meanDifference;
        case TPValue: return p.tPValue;
        case OnlyA: return qlonglong(p.onlyACorrect);
        case OnlyB: return qlonglong(p.onlyBCorrect);
        case McNemarPValue: return p.mcnemarPValue;
        }
        return {};
    case Qt::DisplayRole:
        switch (c) {
        case ModelA: return QString::fromStdString(p.modelA);
        case ModelB: return QString::fromStdString(p.modelB);
        case Difference: return tr("%1 points").arg(number(p.meanDifference * 100.0, 1));
        case TPValue: return pValueText(p.tPValue);
        case OnlyA: return QLocale().toString(qlonglong(p.onlyACorrect));
        case OnlyB: return QLocale().toString(qlonglong(p.onlyBCorrect));
        case McNemarPValue: return pValueText(p.mcnemarPValue);
        }
        return {};
    case Qt::BackgroundRole:
        if (significant)
            return QBrush(QColor(0xc8, 0xe6, 0xc9)); // light green, readable with black text
        return {};
    case Qt::ForegroundRole:
        if (significant)
            return QBrush(Qt::black);
        return {};
    case Qt::FontRole:
        if (significant) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        return c == ModelA || c == ModelB ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::ToolTipRole:
        if (c == TPValue)
            return tr("Corrected resampled t-test (t = %1) over the same folds: does %2's recipe do better on new songs?")
                .arg(number(p.tStatistic, 2), QString::fromStdString(p.modelA));
        if (c == McNemarPValue || c == OnlyA || c == OnlyB)
            return tr("McNemar's exact test on the pooled predictions: songs only %2 got right: %1; songs only %4 got right: %3")
                .arg(p.onlyACorrect)
                .arg(QString::fromStdString(p.modelA))
                .arg(p.onlyBCorrect)
                .arg(QString::fromStdString(p.modelB));
        return {};
    }
    return {};
}

QVariant PairwiseTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ModelA: return tr("Better model (A)");
    case ModelB: return tr("Model B");
    case Difference: return tr("A − B");
    case TPValue: return tr("t-test p");
    case OnlyA: return tr("Only A right");
    case OnlyB: return tr("Only B right");
    case McNemarPValue: return tr("McNemar p");
    }
    return {};
}

QString PairwiseTableModel::csv() const
{
    QString out = QStringLiteral("model_a,model_b,mean_difference,t,t_p,only_a_correct,only_b_correct,mcnemar_p\n");
    for (const auto& p : pairs_)
        out += QStringList{csvField(QString::fromStdString(p.modelA)), csvField(QString::fromStdString(p.modelB)),
                           csvNumber(p.meanDifference), csvNumber(p.tStatistic), csvNumber(p.tPValue),
                           QString::number(p.onlyACorrect), QString::number(p.onlyBCorrect), csvNumber(p.mcnemarPValue)}
                   .join(QLatin1Char(',')) +
               QLatin1Char('\n');
    return out;
}

} // namespace gs::ui
