#pragma once
// Writing and reading cross-validation reports, usable without the cross-validation engine:
// JSON (round-trips), the CLI's text table, CSV/JSON exports of one model's confusion matrix
// and per-class scores, and the self-contained HTML report the CLI and the app both write.
#include "core/ml/evaluate.h"
#include "core/ml/learning_curve.h"
#include "core/ml/significance.h"

#include <string>
#include <utility>
#include <vector>

namespace gs::ml {

std::string reportToJson(const EvaluationReport& report, int indent = 2);
EvaluationReport reportFromJson(const std::string& json); // throws gs::Error(Format)
// A text table sorted by accuracy, for the CLI and logs. When the classes are imbalanced
// (reportIsImbalanced) balanced accuracy and macro-F1 come first, rows are sorted by balanced
// accuracy, and a note says why.
std::string formatComparisonTable(const EvaluationReport& report);

// Songs per genre of the evaluated set (the first model's per-class supports).
std::vector<long> reportClassCounts(const EvaluationReport& report);
// Largest genre >= kImbalanceRatio (1.5) x the smallest: plain accuracy then mostly rewards the
// large genres, so tables lead with balanced accuracy and macro-F1.
bool reportIsImbalanced(const EvaluationReport& report);
// Model indices in the order tables show them: report order (by accuracy), or by balanced
// accuracy (ties: report order) when the classes are imbalanced.
std::vector<std::size_t> tableOrder(const EvaluationReport& report);
// Top-k accuracy of one model from its out-of-fold probabilities (0 without predictions).
double outOfFoldTopK(const ModelReport& model, int k);

// Songs with several genres (OutOfFoldPrediction::genres, from FMA genres_all): a prediction of
// any of a song's genres counts as right (metrics.h: anyGenreTopKAccuracy, anyGenreConfusion).
// Over every song of the report; multiGenreSongs = 0 when no song has several genres (then the
// scores equal the ordinary ones and reports leave this out).
struct AnyGenreScores {
    std::size_t multiGenreSongs = 0;
    double top1 = 0;
    double top3 = 0;
    Metrics metrics; // balanced accuracy, macro-F1 and per-genre F1 by any listed genre
};
AnyGenreScores outOfFoldAnyGenre(const ModelReport& model, const std::vector<std::string>& classes);

// How a confusion matrix is shown / exported.
enum class ConfusionScale { Counts, ByTrue, ByPredicted, OverAll };
// Cell values under a scale: counts, row shares (recall), column shares (precision), share of all.
std::vector<std::vector<double>> scaleConfusion(const Confusion& confusion, ConfusionScale scale);

// "true\\predicted,blues,...,total" rows plus a totals row; pandas reads it with index_col=0.
std::string confusionToCsv(const ModelReport& model, const std::vector<std::string>& classes);
// genre,precision,recall,f1,support rows, then "macro avg" and "weighted avg" rows.
std::string perClassToCsv(const ModelReport& model);
// {"model", "classes", "confusion", "per_class", "macro_avg", "weighted_avg", "accuracy"}.
std::string confusionToJson(const ModelReport& model, const std::vector<std::string>& classes, int indent = 2);

// Macro (unweighted mean over classes that occur) and support-weighted averages of P/R/F1.
struct AveragedScores {
    double precision = 0, recall = 0, f1 = 0;
    long support = 0;
};
AveragedScores macroAverage(const std::vector<ClassScores>& perClass);
AveragedScores weightedAverage(const std::vector<ClassScores>& perClass);

// A figure the caller made (the app's EDA charts): inline SVG markup or a data: URI image.
struct ReportFigure {
    std::string title;
    std::string caption;
    std::string svg;     // "<svg ...>...</svg>", or empty
    std::string dataUri; // "data:image/png;base64,...", used when svg is empty
};

struct HtmlReportInput {
    std::string title = "Genrescope report";
    const EvaluationReport* report = nullptr;           // required
    std::vector<PairwiseComparison> pairs;              // empty: computed from the report
    std::vector<LearningCurve> learningCurves;          // may be empty
    std::vector<std::pair<std::string, long>> songsPerGenre; // dataset summary; empty: from the report's supports
    std::string datasetDescription;                     // e.g. the folder, number of failed songs
    std::vector<ReportFigure> edaFigures;               // may be empty (the CLI has none)
    std::string finalModelNote;                         // e.g. "svm-rbf refit on all 400 songs"
};
// One self-contained HTML file (inline CSS and SVG, no scripts or external links): dataset
// summary, EDA figures, comparison chart (mean ± std, dummy baseline), metrics table,
// per-class tables, confusion matrices, pairwise significance, learning curves, protocol.
std::string htmlReport(const HtmlReportInput& input);

// Writes JSON (.json) or HTML (.html/.htm) by the file's suffix, atomically. Throws gs::Error
// naming the file (InvalidArgument for another suffix).
void writeReportFile(const std::string& file, const HtmlReportInput& input);

} // namespace gs::ml
