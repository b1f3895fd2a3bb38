// genrescope-cli train: fit one genre model on a whole dataset and save it.
#include "app/cli/console.h"
#include "app/cli/label_args.h"
#include "app/cli/ml_args.h"
#include "app/cli/extraction_args.h"

#include "core/common/error.h"
#include "core/ml/evaluate.h"
#include "core/ml/report_writer.h"
#include "core/ml/registry.h"
#include "core/ml/train.h"

#include <cmath>
#include <cstdio>
#include <iostream>

namespace gs::cli {
namespace {

int runTrain(const Args& raw)
{
    ArgParser args(raw);
    gs::ml::TrainOptions options;
    options.model = args.option("--model", "svm-rbf");
    const std::string out = args.option("--out");
    options.search = args.flag("--search");
    options.innerFolds = args.wholeNumber("--inner-folds", 3, 2, 100);
    options.reportFolds = args.wholeNumber("--cv", 0, 0, 1000);
    options.seed = ml::seedOption(args);
    const std::string groupBy = ml::groupByOption(args);
    const std::string overrides = args.option("--set");
    const std::string epochs = args.option("--epochs"); // shorthand for --set epochs=N (cnn, mlp)
    options.threads = args.threads();
    const bool quiet = args.flag("--quiet");
    const auto cacheFile = ml::cacheOption(args);
    const ExtractionParams params = parseExtractionArgs(args);
    const LabelSource labels = parseLabelArgs(args);
    const std::string input = ml::singleDatasetInput(args);
    ml::checkGroupingFitsInput(groupBy, input);
    ml::checkLabelsFitInput(labels, input);
    if (out.empty())
        throw UsageError("--out MODEL.gsm is required");
    if (options.reportFolds == 1)
        throw UsageError("--cv needs at least 2 folds");
    gs::ml::modelInfo(options.model);
    const auto perModel = ml::parseOverrides(overrides, options.model);
    for (const auto& [model, values] : perModel)
        if (model != options.model)
            throw UsageError("--set names model '" + model + "' but --model is '" + options.model + "'");
    if (perModel.count(options.model))
        options.overrides = perModel.at(options.model);
    if (!epochs.empty()) {
        const auto parsed = ml::parseOverrides("epochs=" + epochs, options.model);
        options.overrides["epochs"] = parsed.at(options.model).at("epochs");
    }
    gs::ml::resolveHyperparameters(options.model, options.overrides);

    gs::ml::DatasetLoadOptions load = ml::interruptibleLoad(params, groupBy, options.threads, quiet);
    load.cacheFile = cacheFile;
    load.labels = labels;
    load.extractFeatures = !gs::ml::modelInfo(options.model).needsAudio;
    const auto data = ml::loadInput(input, load, quiet);

    options.progress = consoleProgress(quiet);
    options.cancel = &interruptOnSignal();
    const auto model = gs::ml::trainModel(data.set, options);
    endProgressLine(quiet);
    gs::ml::saveModelFile(out, model);
    if (!model.reportJson.empty())
        std::cout << gs::ml::formatComparisonTable(gs::ml::reportFromJson(model.reportJson));
    std::cout << "trained " << model.kind << " (" << gs::ml::formatHyperparameters(model.params) << ") on "
              << model.trainingSamples << " songs, " << model.classes.size() << " genres -> " << out << '\n';
    return kExitOk;
}

const CommandRegistrar registrar({
    "train",
    "train one genre model on a dataset and save it",
    "usage: genrescope-cli train (DIR | features.csv) --out MODEL.gsm [options]\n"
    "\n"
    "options:\n"
    "  --model NAME      svm-rbf (default), svm-linear, krr, knn, mlp, ensemble, cnn, dummy...\n"
    "  --out FILE        model file to write (required)\n"
    "  --search          choose hyper-parameters by grid search (inner CV on the data)\n"
    "  --inner-folds K   folds of that search (default 3)\n"
    "  --cv K            also cross-validate the recipe with K folds; the report is stored in the model\n"
    "  --set P=V,...     hyper-parameters, e.g. C=3,gamma=0.02\n"
    "  --epochs N        training epochs of network models (cnn, mlp): same as --set epochs=N\n"
    "  --seed N          (default 42)\n"
    "  -j N, --jobs N    worker threads (default 0 = all cores)\n"
    "  --quiet           no progress line\n" +
        std::string(ml::kGroupByHelp) + "                    (grouping matters for --search and --cv)\n" +
        std::string(kLabelArgsHelp) + std::string(ml::kCacheArgsHelp) + std::string(kExtractionArgsHelp) +
        "\nexit code: 0 ok, 1 failed, 2 usage error",
    runTrain,
});

} // namespace
} // namespace gs::cli
