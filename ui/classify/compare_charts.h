#pragma once
// The charts of the Compare page, drawn from finished comparison runs: accuracy per model
// (mean ± std over folds, dummy baseline), the per-genre F1 heat map across models, and the
// learning curve. Every one is a ChartWidget (Export… to PNG, SVG, PDF).
#include "ui/charts/chart_widget.h"

#include <QVector>

#include <memory>
#include <string>

class QCPBars;
class QCPColorMap;
class QCPErrorBars;
class QCPGraph;
class QCPItemStraightLine;

namespace gs::ui {

struct ComparisonRun;

// One colour per model name, the same in every chart and run (Tableau order of the registry).
QColor modelColor(const std::string& model);

class AccuracyChart : public ChartWidget {
    Q_OBJECT
public:
    explicit AccuracyChart(QWidget* parent = nullptr);
    // Bars of `primary` in report order; with `beside`, its bars stand to the right of the
    // same model's (lighter, hatched), models missing from one run are left empty.
    void setRuns(std::shared_ptr<const ComparisonRun> primary, std::shared_ptr<const ComparisonRun> beside = {});

    // For tests: one QCPBars (and its error bars) per model of the primary run, in report
    // order; values in percent.
    const QVector<QCPBars*>& bars() const { return bars_; }
    const QVector<QCPErrorBars*>& errorBars() const { return errors_; }
    // The dummy baseline line (null when the run had no "dummy") and its height in percent.
    QCPItemStraightLine* baseline() const { return baseline_; }
    double baselinePercent() const;

private:
    void showEmpty(const QString& message);
    QVector<QCPBars*> bars_;
    QVector<QCPErrorBars*> errors_;
    QCPItemStraightLine* baseline_ = nullptr;
    std::shared_ptr<const ComparisonRun> primary_, beside_;
};

class PerClassF1Map : public ChartWidget {
    Q_OBJECT
public:
    explicit PerClassF1Map(QWidget* parent = nullptr);
    // Rows = models of the run (report order, best on top), columns = genres; value = F1.
    void setRun(std::shared_ptr<const ComparisonRun> run);
    QCPColorMap* colorMap() const { return map_; }

private:
    QCPColorMap* map_ = nullptr;
    std::shared_ptr<const ComparisonRun> run_;
};

class LearningCurveChart : public ChartWidget {
    Q_OBJECT
public:
    explicit LearningCurveChart(QWidget* parent = nullptr);
    void setRuns(std::shared_ptr<const ComparisonRun> primary, std::shared_ptr<const ComparisonRun> beside = {});
    // For tests: the test-accuracy line of the primary run's first curve (x and y in percent).
    QCPGraph* accuracyGraph() const { return accuracy_; }
    QCPGraph* trainGraph() const { return train_; }

private:
    QCPGraph* accuracy_ = nullptr;
    QCPGraph* train_ = nullptr;
    std::shared_ptr<const ComparisonRun> primary_, beside_;
};

} // namespace gs::ui
