#include "core/ml/train.h"

#include "core/common/error.h"
#include "core/ml/blas_threads.h"
#include "core/ml/registry.h"
#include "core/ml/report_writer.h"

#include <chrono>
#include <ctime>

namespace gs::ml {
namespace {

// "2026-12-06T07:30:00Z": ISO 8601, UTC, whole seconds.
std::string utcTimestampNow()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

} // namespace

TrainedModel trainModel(const LabelledSet& data, const TrainOptions& options)
{
    if (data.samples.empty())
        throw Error(ErrorKind::InvalidArgument, "data set", "no samples to train on");
    const auto& info = modelInfo(options.model);
    for (const auto& s : data.samples) {
        if (info.needsAudio && s.audioPath.empty())
            throw Error(ErrorKind::InvalidArgument, options.model,
                        "this model analyses the audio itself; train it on a folder of songs, not a features CSV");
        if (s.label < 0 || s.label >= int(data.classes.size()))
            throw Error(ErrorKind::InvalidArgument, "data set", "every training sample needs a known genre");
    }
    SingleThreadedBlas blas;
    TrainedModel m;
    if (options.reportFolds > 1) {
        EvaluationOptions eo;
        eo.models = {options.model};
        if (!options.overrides.empty())
            eo.overrides[options.model] = options.overrides;
        eo.folds = options.reportFolds;
        eo.seed = options.seed;
        eo.search = options.search;
        eo.innerFolds = options.innerFolds;
        eo.threads = options.threads;
        eo.progress = options.progress;
        eo.cancel = options.cancel;
        m.reportJson = reportToJson(crossValidate(data, eo));
    }
    Hyperparameters params = options.overrides;
    if (options.search) {
        if (options.progress)
            options.progress({0, 1, "searching hyper-parameters · " + options.model, 0, -1});
        params = searchHyperparameters(options.model, data, params, options.innerFolds,
                                       mixSeed(options.seed, "final-search"), options.cancel)
                     .params;
    }
    if (options.progress)
        options.progress({0, 1, "training " + options.model + " on " + std::to_string(data.samples.size()) + " songs", 0, -1});
    auto classifier = createClassifier(options.model, params);
    classifier->fit(data, TrainContext{mixSeed(options.seed, options.model), options.progress, options.cancel});
    m.kind = classifier->kind();
    m.params = classifier->hyperparameters();
    m.classifier = std::move(classifier);
    m.schema = data.schema;
    m.classes = data.classes;
    m.trainingSamples = int(data.samples.size());
    m.createdWith = std::string("genrescope ") + GENRESCOPE_VERSION;
    m.createdAt = utcTimestampNow();
    if (options.progress)
        options.progress({1, 1, "trained " + options.model, 0, 0});
    return m;
}

} // namespace gs::ml
