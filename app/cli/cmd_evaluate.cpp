// genrescope-cli evaluate: cross-validated comparison of genre models on a dataset.
#include "app/cli/console.h"
#include "app/cli/label_args.h"
#include "app/cli/ml_args.h"
#include "app/cli/extraction_args.h"

#include "core/common/error.h"
#include "core/ml/classify_song.h"
#include "core/ml/evaluate.h"
#include "core/ml/global_search.h"
#include "core/ml/holdout.h"
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

gs::ml::EvaluationReport evaluateOnOfficialSplit(const gs::ml::LabelledSet& set, const gs::ml::EvaluationOptions& options,
                                                 bool quiet)
{
    const auto sizes = gs::ml::splitSizes(set);
    if (!quiet)
        std::fprintf(stderr, "official split: %zu training, %zu validation, %zu test songs (%zu without a split, left out)\n",
                     sizes.training, sizes.validation, sizes.test, sizes.none);
    return gs::ml::evaluateOnSplit(set, options);
}

// ---- the best pipeline, run when no model is named ----------------------------------------
// Chosen by song-grouped 10-fold CV on real music (core/ml/README.md, "Best default pipeline"):
// the feature set a folder is analysed with, and the models compared. The fusion is the
// recommendation; its members and the priors baseline are shown beside it so that the table
// says what fusing adds.
constexpr FeatureSet kBestFolderFeatures = FeatureSet::Rich;
const std::vector<std::string>& bestPipelineModels()
{
    static const std::vector<std::string> models{"fusion", "svm-rbf", "mlp", "dummy"};
    return models;
}

bool mentions(const Args& raw, const std::string& option)
{
    return std::find(raw.begin(), raw.end(), option) != raw.end();
}

// --clips K|auto: 0 = auto.
int clipsOption(ArgParser& args)
{
    const std::string text = args.option("--clips", "auto");
    if (text == "auto")
        return 0;
    char* end = nullptr;
    const long k = std::strtol(text.c_str(), &end, 10);
    if (end == text.c_str() || *end != '\0' || k < 1 || k > 50)
        throw UsageError("--clips expects 'auto' or a whole number from 1 to 50, got '" + text + "'");
    return int(k);
}

std::string clipsDescription(int clips)
{
    return clips == 0 ? "auto (1 per song shorter than 1.5 clips, up to " + std::to_string(gs::ml::kDefaultClipsPerSong) +
                            " spread over longer songs)"
                      : std::to_string(clips) + " per song";
}

std::string joined(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out;
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
           "DIR is a dataset folder (sub-folders = genres, or any folder with --labels FILE); its\n"
           "features are extracted first.\n"
           "\n"
           "options:\n"
           "  --models A,B,...  models to compare (default: the best pipeline: fusion of calibrated\n"
           "                    svm-rbf + mlp, beside its members and the dummy baseline; on a folder\n"
           "                    without --schema, the rich-680 features); 'all' = every feature model.\n"
           "                    Most accurate on a folder, ~40x the time: --models fusion --set fusion.cnn=1\n"
           "                    (the mel-spectrogram CNN joins the fusion)\n"
           "  --clips K|auto    clips per song of a folder (default auto: one for songs under 45 s, up to\n"
           "                    5 spread over longer songs, as classification does); a song is scored\n"
           "                    by the mean probabilities of its clips, which stay in one fold\n"
           "  --split S         kfold (default: stratified k-fold) or official: fit on the labels' training\n"
           "                    songs, score on their test songs, as the FMA paper (needs --labels; with\n"
           "                    --search, hyper-parameters are chosen on the validation songs)\n"
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
           std::string(ml::kGroupByHelp) + std::string(kLabelArgsHelp) + std::string(ml::kCacheArgsHelp) + std::string(kExtractionArgsHelp) +
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
    const int clips = clipsOption(args);
    ExtractionParams params = parseExtractionArgs(args);
    const LabelSource labels = parseLabelArgs(args);
    const std::string split = args.option("--split", "kfold");
    if (split != "kfold" && split != "official")
        throw UsageError("--split expects kfold or official");
    const bool officialSplit = split == "official";
    const std::string input = ml::singleDatasetInput(args);
    ml::checkGroupingFitsInput(groupBy, input);
    ml::checkLabelsFitInput(labels, input);
    if (officialSplit && labels.file.empty())
        throw UsageError("--split official needs --labels FILE with a split column (FMA's set.split)");

    const bool bestPipeline = modelList.empty();
    // A folder analysed as the user did not specify otherwise: the best feature set (a CSV's
    // columns say which set it holds; --kaggle and --legacy-hpss ask for the gtzan-57 recipe).
    const bool featuresGiven = mentions(raw, "--schema") || mentions(raw, "--kaggle") || mentions(raw, "--legacy-hpss");
    if (bestPipeline && !featuresGiven && std::filesystem::is_directory(input)) {
        params.features = kBestFolderFeatures;
        params.validate();
    }
    if (modelList == "all") {
        options.models = gs::ml::defaultComparisonModels();
    } else if (bestPipeline) {
        options.models = bestPipelineModels();
    } else {
        std::stringstream list(modelList);
        for (std::string m; std::getline(list, m, ',');)
            if (!m.empty()) {
                gs::ml::modelInfo(m); // unknown names fail before any work
                options.models.push_back(m);
            }
    }
    options.overrides = ml::parseOverrides(overrides, options.models.size() == 1 ? options.models[0] : "");

    gs::ml::DatasetLoadOptions load = ml::interruptibleLoad(params, groupBy, options.threads, quiet);
    load.cacheFile = cacheFile;
    load.labels = labels;
    load.clipsPerSong = clips;
    const auto& models = options.models;
    load.extractFeatures = std::any_of(models.begin(), models.end(),
                                       [](const std::string& m) { return !gs::ml::modelInfo(m).needsAudio; });
    const auto data = ml::loadInput(input, load, quiet);
    if (!quiet) {
        if (data.fromFolder)
            std::fprintf(stderr, "clips: %s; %zu clips beyond the first of long songs\n", clipsDescription(clips).c_str(),
                         data.extraClips);
        std::fprintf(stderr, "%s: %s, features %s, %d folds\n", bestPipeline ? "best pipeline" : "models",
                     joined(models).c_str(), data.set.schema.name.c_str(), options.folds);
    }

    options.progress = consoleProgress(quiet);
    options.cancel = &interruptOnSignal();
    auto report = officialSplit ? evaluateOnOfficialSplit(data.set, options, quiet) : gs::ml::crossValidate(data.set, options);
    report.protocol.source = input;
    report.protocol.grouping = officialSplit ? "official split" : groupBy;
    if (report.protocol.createdWith.empty())
        report.protocol.createdWith = std::string("genrescope ") + GENRESCOPE_VERSION;
    endProgressLine(quiet);
    std::cout << gs::ml::formatComparisonTable(report) << std::flush;
    if (reportKind != ReportKind::None) // the learning curve is drawn on k folds: not for the official split
        writeReport(reportPath, reportKind, input, data, report, options, withCurve && !officialSplit, quiet);
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
