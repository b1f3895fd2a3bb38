// genrescope-cli evaluate: cross-validated comparison of genre models on a dataset.
#include "app/cli/console.h"
#include "app/cli/ml_args.h"
#include "app/cli/extraction_args.h"

#include "core/common/error.h"
#include "core/ml/evaluate.h"
#include "core/ml/global_search.h"
#include "core/ml/learning_curve.h"
#include "core/ml/registry.h"
#include "core/ml/report_writer.h"
#include "core/ml/significance.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace gs::cli {
namespace {

enum class ReportKind { None, Json, Html };

ReportKind reportKindOf(const std::string& file)
{
    if (file.empty())
        return ReportKind::None;
    std::string suffix = std::filesystem::path(file).extension().string();
    std::transform(suffix.begin(), suffix.end(), suffix.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (suffix == ".json")
        return ReportKind::Json;
    if (suffix == ".html" || suffix == ".htm")
        return ReportKind::Html;
    throw UsageError("--report FILE must end in .html, .htm or .json");
}

// The model the learning curve is drawn for: the most accurate one that learns something.
const gs::ml::ModelReport* bestRealModel(const gs::ml::EvaluationReport& report)
{
    for (const auto& m : report.models) // sorted best first
        if (m.name.rfind("dummy", 0) != 0) // dummy, dummy-stratified: baselines
            return &m;
    return nullptr;
}

std::vector<gs::ml::LearningCurve> learningCurveOfBest(const gs::ml::LabelledSet& set, const gs::ml::EvaluationReport& report,
                                                       const gs::ml::EvaluationOptions& cv, bool quiet)
{
    const auto* best = bestRealModel(report);
    if (!best)
        return {};
    gs::ml::LearningCurveOptions options;
    options.model = best->name;
    options.overrides = best->params; // the values CV used (with --search: the most chosen ones)
    options.folds = cv.folds;
    options.seed = cv.seed;
    options.threads = cv.threads;
    options.progress = cv.progress;
    options.cancel = cv.cancel;
    if (!quiet)
        std::fprintf(stderr, "learning curve of %s...\n", best->name.c_str());
    auto curve = gs::ml::learningCurve(set, options);
    endProgressLine(quiet);
    return {std::move(curve)};
}

std::string datasetDescription(const std::string& input, const gs::ml::DatasetLoad& data)
{
    std::ostringstream text;
    text << (data.fromFolder ? "Dataset folder " : "Features CSV ") << input << '.';
    if (!data.failures.empty())
        text << ' ' << data.failures.size() << " songs could not be analysed and are left out.";
    if (data.fromFolder)
        text << ' ' << data.songsFromCache << " songs came from the feature cache, " << data.songsAnalysed
             << " were analysed for this run.";
    if (data.duplicateGroups > 0)
        text << ' ' << data.duplicateGroups
             << " groups of duplicate recordings (matching audio fingerprints) are kept within one fold.";
    return text.str();
}

void writeReport(const std::string& file, ReportKind kind, const std::string& input, const gs::ml::DatasetLoad& data,
                 const gs::ml::EvaluationReport& report, const gs::ml::EvaluationOptions& cv, bool withCurve, bool quiet)
{
    gs::ml::HtmlReportInput html;
    html.report = &report;
    if (kind == ReportKind::Html) {
        html.title = "Genrescope report: " + std::filesystem::path(input).filename().string();
        html.pairs = gs::ml::compareModels(report);
        if (withCurve)
            html.learningCurves = learningCurveOfBest(data.set, report, cv, quiet);
        html.songsPerGenre = data.songsPerGenre;
        html.datasetDescription = datasetDescription(input, data);
        if (const auto* best = bestRealModel(report))
            html.finalModelNote = "To use " + best->name + ", `genrescope-cli train " + input + " --model " + best->name +
                                  "` refits it on all " + std::to_string(report.protocol.samples) + " songs.";
    }
    gs::ml::writeReportFile(file, html); // atomically: never a half-written report
    if (!quiet)
        std::fprintf(stderr, "report written to %s\n", file.c_str());
}

// "--search" alone = the grid; "--search grid" / "--search global" (or --search=...) name it.
void parseSearchOptions(ArgParser& args, const Args& raw, gs::ml::EvaluationOptions& options)
{
    const auto named = std::adjacent_find(raw.begin(), raw.end(), [](const std::string& a, const std::string& b) {
        return a == "--search" && gs::ml::isSearchMethod(b);
    });
    const bool withEquals = std::any_of(raw.begin(), raw.end(), [](const std::string& a) { return a.rfind("--search=", 0) == 0; });
    if (named != raw.end() || withEquals) {
        options.search = true;
        options.searchMethod = args.option("--search");
        if (!gs::ml::isSearchMethod(options.searchMethod))
            throw UsageError("--search takes grid or global, not '" + options.searchMethod + "'");
    } else {
        options.search = args.flag("--search");
    }
    options.searchBudget = args.wholeNumber("--search-budget", 40, 1, 10000);
    options.searchObjective = args.option("--search-objective", "accuracy");
    if (!gs::ml::isSearchObjective(options.searchObjective))
        throw UsageError("--search-objective takes accuracy or log-loss");
}

std::string usage()
{
    std::string models;
    for (const auto& info : gs::ml::availableModels())
        models += "  " + info.name + std::string(info.name.size() < 18 ? 18 - info.name.size() : 1, ' ') +
                  info.description + "\n";
    return "usage: genrescope-cli evaluate (DIR | features.csv) [options]\n"
           "\n"
           "Compares genre models by stratified k-fold cross-validation (songs of one group never\n"
           "on both sides), prints a table sorted by accuracy and optionally writes a JSON report.\n"
           "DIR is a dataset folder (sub-folders = genres); its features are extracted first.\n"
           "\n"
           "options:\n"
           "  --models A,B,...  models to compare (default: all feature models; cnn only when named)\n"
           "  --folds K         outer folds (default 10)\n"
           "  --search [grid|global]  nested hyper-parameter search inside each training fold:\n"
           "                    grid (the default) tries every value of each model's grid; global runs\n"
           "                    Dlib's MaxLIPO+trust-region optimiser over log-scaled ranges around\n"
           "                    the grid (ensemble: its member weights), a fixed number of evaluations\n"
           "  --search-budget N inner-CV evaluations per fold of the global search (default 40)\n"
           "  --search-objective accuracy|log-loss  what the global search maximises/minimises\n"
           "  --inner-folds K   folds of the nested search (default 3)\n"
           "  --seed N          seed of folds and models (default 42): same seed, same numbers\n"
           "  --set M.P=V,...   hyper-parameter overrides, e.g. svm-rbf.C=3,knn.k=7\n"
           "  --report FILE     write the full report, by the file's suffix:\n"
           "                    .html/.htm  one self-contained page (no scripts, opens offline): dataset,\n"
           "                                comparison chart, metrics, per-genre scores, confusion\n"
           "                                matrices, pairwise significance tests (corrected resampled\n"
           "                                t-test over folds, McNemar), the learning curve of the best\n"
           "                                model (training shares 10 %, 20 % ... 100 % on the same folds)\n"
           "                    .json       every number, incl. per-fold results and out-of-fold predictions\n"
           "  --no-learning-curve  HTML report without the learning curve (saves ~10 more CV runs)\n"
           "  -j N, --jobs N    worker threads (default 0 = all cores)\n"
           "  --quiet           no progress line\n" +
           std::string(ml::kGroupByHelp) + std::string(ml::kCacheArgsHelp) + std::string(kExtractionArgsHelp) +
           "\nmodels:\n" + models +
           "\nexit code: 0 ok, 1 failed (bad data, cancelled), 2 usage error";
}

int runEvaluate(const Args& raw)
{
    ArgParser args(raw);
    gs::ml::EvaluationOptions options;
    const std::string modelList = args.option("--models");
    options.folds = args.wholeNumber("--folds", 10, 2, 1000);
    parseSearchOptions(args, raw, options);
    options.innerFolds = args.wholeNumber("--inner-folds", 3, 2, 100);
    options.seed = ml::seedOption(args);
    const std::string groupBy = ml::groupByOption(args);
    const std::string overrides = args.option("--set");
    const std::string reportPath = args.option("--report");
    const ReportKind reportKind = reportKindOf(reportPath);
    const bool withCurve = !args.flag("--no-learning-curve");
    options.threads = args.threads();
    const bool quiet = args.flag("--quiet");
    const auto cacheFile = ml::cacheOption(args);
    const ExtractionParams params = parseExtractionArgs(args);
    const std::string input = ml::singleDatasetInput(args);
    ml::checkGroupingFitsInput(groupBy, input);

    std::stringstream list(modelList);
    for (std::string m; std::getline(list, m, ',');)
        if (!m.empty()) {
            gs::ml::modelInfo(m); // unknown names fail before any work
            options.models.push_back(m);
        }
    options.overrides = ml::parseOverrides(overrides, options.models.size() == 1 ? options.models[0] : "");

    gs::ml::DatasetLoadOptions load = ml::interruptibleLoad(params, groupBy, options.threads, quiet);
    load.cacheFile = cacheFile;
    const auto models = options.models.empty() ? gs::ml::defaultComparisonModels() : options.models;
    load.extractFeatures = std::any_of(models.begin(), models.end(),
                                       [](const std::string& m) { return !gs::ml::modelInfo(m).needsAudio; });
    const auto data = ml::loadInput(input, load, quiet);

    options.progress = consoleProgress(quiet);
    options.cancel = &interruptOnSignal();
    auto report = gs::ml::crossValidate(data.set, options);
    report.protocol.source = input;
    report.protocol.grouping = groupBy;
    if (report.protocol.createdWith.empty())
        report.protocol.createdWith = std::string("genrescope ") + GENRESCOPE_VERSION;
    endProgressLine(quiet);
    std::cout << gs::ml::formatComparisonTable(report) << std::flush;
    if (reportKind != ReportKind::None)
        writeReport(reportPath, reportKind, input, data, report, options, withCurve, quiet);
    return kExitOk;
}

const CommandRegistrar registrar({
    "evaluate",
    "compare genre classifiers by cross-validation",
    usage(),
    runEvaluate,
});

} // namespace
} // namespace gs::cli
