#pragma once
// The table models of the Compare page: one row per model of one or two comparison runs,
// the per-genre scores of one model (with its macro and weighted averages), and the pairwise
// significance tests. Display text is formatted; Qt::UserRole holds the plain number so a
// QSortFilterProxyModel sorting by UserRole sorts numerically. Each can write itself as CSV.
#include "core/ml/evaluate.h"
#include "core/ml/significance.h"

#include <QAbstractTableModel>

#include <memory>
#include <string>
#include <vector>

namespace gs::ui {

struct ComparisonRun;

// Table models keep a shared pointer to the run, so a removed run never dangles.
class MetricsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Model, Run, Accuracy, AccuracyStd, BalancedAccuracy, MacroF1, LogLoss, FitSeconds, PredictMs, Params, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    // The rows of `primary` (in report order: best first), then those of `beside` if given.
    void setRuns(std::shared_ptr<const ComparisonRun> primary, std::shared_ptr<const ComparisonRun> beside = {});
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int runOfRow(int row) const;                // the run id of a row
    const ml::ModelReport* reportOfRow(int row) const;
    QString csv() const;                        // header + one line per row, plain numbers

private:
    struct Row {
        int run = 0;
        std::shared_ptr<const ComparisonRun> owner;
        const ml::ModelReport* model = nullptr;
    };
    std::vector<Row> rows_;
};

class PerClassTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Genre, Precision, Recall, F1, Support, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    // One row per genre of `model`, then "macro avg" and "weighted avg".
    void setModel(std::shared_ptr<const ComparisonRun> owner, const ml::ModelReport* model);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    const ml::ModelReport* model() const { return model_; }

private:
    std::shared_ptr<const ComparisonRun> owner_;
    const ml::ModelReport* model_ = nullptr;
};

class PairwiseTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ModelA, ModelB, Difference, TPValue, OnlyA, OnlyB, McNemarPValue, ColumnCount };
    static constexpr double kAlpha = 0.05;
    using QAbstractTableModel::QAbstractTableModel;

    void setPairs(std::vector<ml::PairwiseComparison> pairs);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    const std::vector<ml::PairwiseComparison>& pairs() const { return pairs_; }
    QString csv() const;

private:
    std::vector<ml::PairwiseComparison> pairs_;
};

// "78.0 %" from 0.78.
QString percentText(double share, int decimals = 1);

} // namespace gs::ui
