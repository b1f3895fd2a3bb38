#pragma once
// File → Export Report…: one self-contained HTML file (core/ml/report_writer.h htmlReport)
// with what the app shows: the dataset summary and its exploration charts, and the chosen
// comparison run (chart, metrics, per-class scores, confusion matrices, pairwise tests,
// learning curve, protocol). The CLI writes the same report without the EDA charts.
#include <QString>

namespace gs::ui {

class EdaPanel;
class DatasetSession;
struct ComparisonRun;
struct ModelOrigin;

struct ReportSources {
    const ComparisonRun* run = nullptr;      // required
    const DatasetSession* dataset = nullptr; // may be null: summary from the run's songs
    EdaPanel* eda = nullptr;                 // may be null: no exploration charts
    QString finalModelNote;                  // what classifies new songs (see ClassifySession)
};

// Writes atomically; throws gs::Error naming the file.
void writeHtmlReport(const QString& file, const ReportSources& sources);

// "svm-rbf refit on all 400 songs of run 2; cross-validation scores come from fold models".
QString finalModelNote(const ComparisonRun* run, const ModelOrigin& origin, const QString& modelKind, int songs);

} // namespace gs::ui
