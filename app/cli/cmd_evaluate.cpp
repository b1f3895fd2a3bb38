// genrescope-cli evaluate: cross-validated comparison of genre models on a dataset.
#include "app/cli/cmd_ml_common.h"
#include "app/cli/extraction_args.h"

#include "core/common/error.h"
#include "core/ml/evaluate.h"
#include "core/ml/report_writer.h"
#include "core/ml/registry.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace gs::cli {
namespace {

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
           "  --search          nested grid search of hyper-parameters inside each training fold\n"
           "  --inner-folds K   folds of the nested search (default 3)\n"
           "  --seed N          seed of folds and models (default 42): same seed, same numbers\n"
           "  --group-by MODE   auto | none | group | song (file name without segment number)\n"
           "  --set M.P=V,...   hyper-parameter overrides, e.g. svm-rbf.C=3,knn.k=7\n"
           "  --report FILE     write the full report (per-class scores, confusion matrices) as JSON\n"
           "  -j N, --jobs N    worker threads (default 0 = all cores)\n"
           "  --quiet           no progress line\n" +
           std::string(kExtractionArgsHelp) +
           "\nmodels:\n" + models +
           "\nexit code: 0 ok, 1 failed (bad data, cancelled), 2 usage error";
}

int runEvaluate(const Args& raw)
{
    ArgParser args(raw);
    gs::ml::EvaluationOptions options;
    const std::string modelList = args.option("--models");
    options.folds = args.wholeNumber("--folds", 10, 2, 1000);
    options.search = args.flag("--search");
    options.innerFolds = args.wholeNumber("--inner-folds", 3, 2, 100);
    options.seed = ml::seedOption(args);
    const std::string groupBy = args.option("--group-by", "auto");
    const std::string overrides = args.option("--set");
    const std::string reportPath = args.option("--report");
    options.threads = args.threads();
    const bool quiet = args.flag("--quiet");
    const ExtractionParams params = parseExtractionArgs(args);
    const std::string input = ml::singleDatasetInput(args);

    std::stringstream list(modelList);
    for (std::string m; std::getline(list, m, ',');)
        if (!m.empty()) {
            gs::ml::modelInfo(m); // unknown names fail before any work
            options.models.push_back(m);
        }
    options.overrides = ml::parseOverrides(overrides, options.models.size() == 1 ? options.models[0] : "");
    if (std::find(gs::ml::groupingModes().begin(), gs::ml::groupingModes().end(), groupBy) == gs::ml::groupingModes().end())
        throw UsageError("--group-by expects auto, none, group or song");

    gs::ml::DatasetLoadOptions load = ml::interruptibleLoad(params, groupBy, options.threads, quiet);
    const auto models = options.models.empty() ? gs::ml::defaultComparisonModels() : options.models;
    load.extractFeatures = std::any_of(models.begin(), models.end(),
                                       [](const std::string& m) { return !gs::ml::modelInfo(m).needsAudio; });
    const auto data = ml::loadInput(input, load, quiet);

    options.progress = ml::stderrProgress(quiet);
    options.cancel = &ml::interruptToken();
    auto report = gs::ml::crossValidate(data.set, options);
    report.protocol.source = input;
    if (!quiet)
        std::fputc('\n', stderr);
    std::cout << gs::ml::formatComparisonTable(report);
    if (!reportPath.empty()) {
        std::ofstream out(reportPath, std::ios::binary | std::ios::trunc);
        out << gs::ml::reportToJson(report) << '\n';
        if (!out.flush())
            throw Error(ErrorKind::NotFound, reportPath, "cannot write the report");
        if (!quiet)
            std::fprintf(stderr, "report written to %s\n", reportPath.c_str());
    }
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
