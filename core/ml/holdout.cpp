#include "core/ml/holdout.h"

#include "core/common/error.h"
#include "core/ml/blas_threads.h"
#include "core/ml/cv_tasks.h"
#include "core/ml/registry.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <set>

namespace gs::ml {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct SplitIndices {
    std::vector<std::size_t> training, validation, test;
};

SplitIndices splitIndices(const LabelledSet& data)
{
    SplitIndices s;
    for (std::size_t i = 0; i < data.samples.size(); ++i)
        switch (splitRole(data.samples[i].split)) {
        case SplitRole::Training: s.training.push_back(i); break;
        case SplitRole::Validation: s.validation.push_back(i); break;
        case SplitRole::Test: s.test.push_back(i); break;
        case SplitRole::None: break;
        }
    return s;
}

// Stage 1: everything that can be wrong with the request, before any work starts.
std::vector<std::string> checkRequest(const LabelledSet& data, const SplitIndices& split, const EvaluationOptions& options)
{
    if (split.training.empty() || split.test.empty())
        throw Error(ErrorKind::InvalidArgument, "official split",
                    "needs training and test songs (the labels' split column), found " +
                        std::to_string(split.training.size()) + " and " + std::to_string(split.test.size()));
    std::set<int> trainingGenres;
    for (std::size_t i : split.training)
        trainingGenres.insert(data.samples[i].label);
    if (trainingGenres.size() < 2)
        throw Error(ErrorKind::InvalidArgument, "official split", "the training songs need at least two genres");
    if (options.search && split.validation.empty())
        throw Error(ErrorKind::InvalidArgument, "official split",
                    "the search chooses hyper-parameters on validation songs, and the split has none");
    auto models = options.models.empty() ? defaultComparisonModels() : options.models;
    for (const auto& name : models) {
        cv::checkUsable(name, data);
        const auto it = options.overrides.find(name);
        resolveHyperparameters(name, it == options.overrides.end() ? Hyperparameters{} : it->second);
    }
    return models;
}

double accuracyOn(const Classifier& model, const LabelledSet& data, const std::vector<std::size_t>& indices)
{
    std::size_t correct = 0;
    for (std::size_t i : indices)
        correct += cv::argmax(model.predictProbabilities(data.samples[i])) == std::size_t(data.samples[i].label);
    return indices.empty() ? 0 : double(correct) / double(indices.size());
}

// Stage 2 (with search): the grid candidate that scores best on validation, fitted on training.
SearchResult chooseOnValidation(const std::string& name, const LabelledSet& data, const LabelledSet& training,
                                const SplitIndices& split, const Hyperparameters& overrides, std::uint64_t seed,
                                const CancelToken* cancel)
{
    std::vector<Hyperparameters> candidates;
    for (auto c : searchCandidates(name)) {
        for (const auto& [k, v] : overrides)
            c[k] = v; // values the user fixed are not searched
        if (std::find(candidates.begin(), candidates.end(), c) == candidates.end())
            candidates.push_back(c);
    }
    SearchResult result{overrides, -1};
    if (candidates.size() <= 1)
        return result;
    for (const auto& candidate : candidates) {
        if (cancel)
            cancel->throwIfCancelled(name);
        auto model = createClassifier(name, candidate);
        model->fit(training, TrainContext{mixSeed(seed, "validation-fit"), {}, cancel});
        const double score = accuracyOn(*model, data, split.validation);
        if (score > result.score + 1e-12) { // ties keep the earlier (preferred) candidate
            result.score = score;
            result.params = candidate;
        }
    }
    return result;
}

// Stage 3, one model: fit on training, predict every test song; metrics as crossValidate's
// pooled ones (computed from exactly the predictions listed).
ModelReport evaluateModel(const std::string& name, const LabelledSet& data, const SplitIndices& split,
                          const EvaluationOptions& options, const ProgressFn& progress)
{
    const std::uint64_t seed = mixSeed(options.seed, name, 0);
    const auto training = cv::subset(data, split.training);
    const auto oit = options.overrides.find(name);
    Hyperparameters params = oit == options.overrides.end() ? Hyperparameters{} : oit->second;
    FoldResult fold;
    if (options.search) {
        const auto t0 = Clock::now();
        const auto found = chooseOnValidation(name, data, training, split, params, seed, options.cancel);
        params = found.params;
        fold.searchScore = found.score;
        fold.searchSeconds = secondsSince(t0);
    }
    auto model = createClassifier(name, params);
    fold.params = model->hyperparameters();
    auto t0 = Clock::now();
    const double cpu0 = cv::threadCpuSeconds();
    model->fit(training, TrainContext{seed, progress, options.cancel});
    fold.fitSeconds = secondsSince(t0);
    fold.fitCpuSeconds = cv::threadCpuSeconds() - cpu0;

    ModelReport r;
    r.name = name;
    r.confusion = emptyConfusion(data.classes.size());
    double lossSum = 0;
    std::size_t correct = 0;
    t0 = Clock::now();
    for (std::size_t i : split.test) {
        OutOfFoldPrediction p;
        p.sample = int(i);
        p.fold = 0;
        p.truth = data.samples[i].label;
        p.genres = cv::genreIndices(data, data.samples[i]);
        p.probabilities = model->predictProbabilities(data.samples[i]);
        p.predicted = int(cv::argmax(p.probabilities));
        correct += p.predicted == p.truth;
        ++r.confusion[std::size_t(p.truth)][std::size_t(p.predicted)];
        // clipped as sklearn's log_loss, as crossValidate does
        lossSum += -std::log(std::max(p.probabilities[std::size_t(p.truth)], 1e-15));
        r.predictions.push_back(std::move(p));
    }
    fold.predictSeconds = secondsSince(t0);
    fold.trainSize = int(split.training.size());
    fold.testSize = int(split.test.size());
    fold.accuracy = double(correct) / double(split.test.size());

    r.params = fold.params;
    r.accuracyMean = fold.accuracy;
    r.accuracyStd = 0; // one test set: no spread to report
    r.fitSeconds = fold.fitSeconds;
    r.fitCpuSeconds = fold.fitCpuSeconds;
    r.predictSeconds = fold.predictSeconds;
    r.searchSeconds = fold.searchSeconds;
    r.folds = {fold};
    const auto metrics = computeMetrics(r.confusion, data.classes);
    r.balancedAccuracy = metrics.balancedAccuracy;
    r.macroF1 = metrics.macroF1;
    r.perClass = metrics.perClass;
    r.confusionNormalized = normalizeRows(r.confusion);
    r.logLoss = lossSum / double(r.predictions.size());
    return r;
}

} // namespace

SplitRole splitRole(const std::string& split)
{
    std::string s = split;
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (s == "training" || s == "train")
        return SplitRole::Training;
    if (s == "validation" || s == "val" || s == "valid")
        return SplitRole::Validation;
    if (s == "test")
        return SplitRole::Test;
    return SplitRole::None;
}

SplitSizes splitSizes(const LabelledSet& data)
{
    SplitSizes sizes;
    for (const auto& s : data.samples)
        switch (splitRole(s.split)) {
        case SplitRole::Training: ++sizes.training; break;
        case SplitRole::Validation: ++sizes.validation; break;
        case SplitRole::Test: ++sizes.test; break;
        case SplitRole::None: ++sizes.none; break;
        }
    return sizes;
}

EvaluationReport evaluateOnSplit(const LabelledSet& data, const EvaluationOptions& options)
{
    const SplitIndices split = splitIndices(data);
    const auto models = checkRequest(data, split, options);
    SingleThreadedBlas blas; // models run in parallel instead
    std::vector<ModelReport> reports(models.size());
    cv::TaskProgress progress(options.progress, models.size());
    cv::runTasks(models.size(), options.threads, options.cancel, "official split", [&](std::size_t m) {
        const std::string stage = models[m] + " (model " + std::to_string(m + 1) + "/" + std::to_string(models.size()) +
                                  ") · official split";
        reports[m] = evaluateModel(models[m], data, split, options, progress.forward(stage));
        progress.finished(stage);
    });

    EvaluationReport report;
    report.classes = data.classes;
    EvaluationProtocol& p = report.protocol;
    p.method = "official-split";
    p.folds = 1;
    p.seed = options.seed;
    p.search = options.search;
    p.innerFolds = 0; // the search, if any, uses the validation songs, not inner folds
    p.grouped = false;
    p.samples = split.training.size() + split.test.size();
    p.features = data.samples.front().features.size();
    p.schema = data.schema.fingerprint();
    p.createdWith = std::string("genrescope ") + GENRESCOPE_VERSION;
    report.models = std::move(reports);
    std::stable_sort(report.models.begin(), report.models.end(),
                     [](const ModelReport& a, const ModelReport& b) { return a.accuracyMean > b.accuracyMean; });
    return report;
}

} // namespace gs::ml
