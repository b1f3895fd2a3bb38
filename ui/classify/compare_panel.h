#pragma once
// The results side of the Compare page: pick a finished run (and optionally a second one to
// set beside it), see accuracy per model with the dummy baseline, the sortable metrics table,
// per-genre scores of the selected model, the per-genre F1 heat map, the pairwise significance
// tests and the learning curve; "Use this model" refits the selected model on all songs.
// Reads runs from the ClassifySession; never trains itself.
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace gs::ui {

class AccuracyChart;
class ClassifySession;
class LearningCurveChart;
class MetricsTableModel;
class PairwiseTableModel;
class PerClassF1Map;
class PerClassTableModel;
struct ComparisonRun;

class ComparePanel : public QWidget {
    Q_OBJECT
public:
    enum Tab { ModelsTab, PerGenreTab, SignificanceTab, LearningCurveTab };
    explicit ComparePanel(ClassifySession* session, QWidget* parent = nullptr);

    // Shows run `runId` (0 = the newest) and, when besideRunId > 0, another run beside it.
    void showRun(int runId, int besideRunId = 0);
    int shownRunId() const;      // 0 when there is no run
    int besideRunId() const;     // 0 = none
    void showTab(Tab tab);
    // Selects a model of the shown run (its per-genre scores, "Use this model").
    void selectModel(const QString& model);
    QString selectedModel() const;
    // Refits the selected model of the shown run on all songs (ClassifySession::useModelFromRun).
    void useSelectedModel();

    // CSV exports (atomic); false with lastError() set on failure.
    bool exportMetricsCsv(const QString& file);
    bool exportPerClassCsv(const QString& file);
    bool exportPairwiseCsv(const QString& file);
    QString lastError() const { return lastError_; }

    // For tests and automation.
    QComboBox* runSelector() const { return runs_; }
    QComboBox* besideSelector() const { return beside_; }
    QLabel* staleBanner() const { return stale_; }
    MetricsTableModel* metricsModel() const { return metrics_; }
    QTableView* metricsView() const { return metricsView_; }
    PerClassTableModel* perClassModel() const { return perClass_; }
    PairwiseTableModel* pairwiseModel() const { return pairwise_; }
    AccuracyChart* accuracyChart() const { return accuracy_; }
    PerClassF1Map* f1Map() const { return f1Map_; }
    LearningCurveChart* learningCurveChart() const { return curve_; }
    QPushButton* useModelButton() const { return useModel_; }

private:
    QWidget* buildModelsTab();
    QWidget* buildPerGenreTab();
    QWidget* buildSignificanceTab();
    QWidget* buildHeader();
    void refreshRunLists();
    void rebuild();
    void refreshStaleBanner();
    void refreshModelInUse();
    void selectedRowChanged();
    void exportInteractively(const QString& what, bool (ComparePanel::*writer)(const QString&), const QString& name);
    bool writeCsv(const QString& file, const QString& content);
    QString runLabel(const ComparisonRun& run) const;

    ClassifySession* session_;
    QComboBox* runs_;
    QComboBox* beside_;
    QPushButton* removeRun_;
    QLabel* stale_;
    QLabel* protocol_;
    QLabel* modelInUse_;
    QTabWidget* tabs_;
    AccuracyChart* accuracy_;
    MetricsTableModel* metrics_;
    QSortFilterProxyModel* metricsSorted_;
    QTableView* metricsView_;
    QPushButton* useModel_;
    QLabel* perClassTitle_;
    PerClassTableModel* perClass_;
    QTableView* perClassView_;
    PerClassF1Map* f1Map_;
    PairwiseTableModel* pairwise_;
    QTableView* pairwiseView_;
    LearningCurveChart* curve_;
    std::shared_ptr<const ComparisonRun> shown_, besideRun_;
    QString selectedModel_;
    int selectedRun_ = 0;
    QString lastError_;
};

} // namespace gs::ui
