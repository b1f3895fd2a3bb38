#include "core/ml/evaluate.h"

#include "core/common/error.h"
#include "core/common/shuffle.h"
#include "core/ml/blas_threads.h"
#include "core/ml/cv_tasks.h"
#include "core/ml/global_search.h"
#include "core/ml/registry.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iterator>
#include <map>
#include <random>

namespace gs::ml {
namespace {

using Clock = std::chrono::steady_clock;
using cv::argmax;
using cv::splitByFold;
using cv::subset;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string paramsKey(const Hyperparameters& p) { return formatHyperparameters(p); }

} // namespace

std::uint64_t mixSeed(std::uint64_t seed, const std::string& salt, std::uint64_t index)
{
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : salt) {
        h ^= c;
        h *= 1099511628211ull;
    }
    // splitmix64 finaliser over the combination
    std::uint64_t z = seed ^ (h + 0x9e3779b97f4a7c15ull * (index + 1));
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

std::vector<int> assignFolds(const std::vector<int>& labels, const std::vector<int>& groups, int folds,
                             std::uint64_t seed)
{
    if (folds < 2)
        throw Error(ErrorKind::InvalidArgument, "folds", "cross-validation needs at least 2 folds");
    if (groups.size() != labels.size())
        throw Error(ErrorKind::InvalidArgument, "folds", "labels and groups differ in length");
    // Collect groups in order of first appearance; group -1 = a group of its own.
    std::map<int, std::size_t> groupIndex;
    std::vector<std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (groups[i] < 0) {
            members.push_back({i});
            continue;
        }
        auto [it, inserted] = groupIndex.emplace(groups[i], members.size());
        if (inserted)
            members.emplace_back();
        members[it->second].push_back(i);
    }
    if (members.size() < std::size_t(folds))
        throw Error(ErrorKind::InvalidArgument, "folds",
                    std::to_string(members.size()) + " songs/groups cannot fill " + std::to_string(folds) + " folds");
    int classes = 1;
    for (int l : labels)
        classes = std::max(classes, l + 2); // slot 0 = unknown (-1)
    std::vector<double> total(std::size_t(classes), 0.0);
    for (int l : labels)
        total[std::size_t(l + 1)] += 1;

    // Shuffle the groups (gs::fisherYatesShuffle: the same on every standard library), then
    // place big groups first so that the small ones can even out the folds.
    std::vector<std::size_t> order(members.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::mt19937_64 rng(seed);
    fisherYatesShuffle(order, rng);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return members[a].size() > members[b].size(); });

    std::vector<std::vector<double>> count(std::size_t(folds), std::vector<double>(std::size_t(classes), 0.0));
    std::vector<std::size_t> size(std::size_t(folds), 0);
    std::vector<int> foldOf(labels.size(), -1);
    std::vector<double> g(static_cast<std::size_t>(classes));
    for (std::size_t gi : order) {
        std::fill(g.begin(), g.end(), 0.0);
        for (std::size_t i : members[gi])
            g[std::size_t(labels[i] + 1)] += 1;
        // The fold where this group's genres are least represented so far (relative to each
        // genre's total), then the smallest fold, then the lowest index.
        int best = 0;
        double bestCost = 1e300;
        for (int f = 0; f < folds; ++f) {
            double cost = 0;
            for (std::size_t c = 0; c < g.size(); ++c)
                if (g[c] > 0)
                    cost += g[c] * (count[std::size_t(f)][c] + 0.5 * g[c]) / total[c];
            const bool better = cost < bestCost - 1e-12 ||
                                (std::abs(cost - bestCost) <= 1e-12 && size[std::size_t(f)] < size[std::size_t(best)]);
            if (better) {
                best = f;
                bestCost = cost;
            }
        }
        for (std::size_t c = 0; c < g.size(); ++c)
            count[std::size_t(best)][c] += g[c];
        size[std::size_t(best)] += members[gi].size();
        for (std::size_t i : members[gi])
            foldOf[i] = best;
    }
    return foldOf;
}

std::vector<std::string> defaultComparisonModels()
{
    std::vector<std::string> out;
    for (const auto& info : availableModels())
        if (info.inDefaultComparison)
            out.push_back(info.name);
    return out;
}

SearchResult searchHyperparameters(const std::string& model, const LabelledSet& data, const Hyperparameters& overrides,
                                   int innerFolds, std::uint64_t seed, const CancelToken* cancel)
{
    // Values the user fixed are not searched.
    std::vector<Hyperparameters> candidates;
    for (auto c : searchCandidates(model)) {
        for (const auto& [k, v] : overrides)
            c[k] = v;
        if (std::find(candidates.begin(), candidates.end(), c) == candidates.end())
            candidates.push_back(c);
    }
    SearchResult result{overrides, -1};
    if (candidates.size() <= 1)
        return result;
    const auto foldOf = assignFolds(cv::labelsOf(data), cv::groupsOf(data), innerFolds, mixSeed(seed, "inner-folds"));
    std::vector<std::size_t> trainIdx, testIdx;
    for (const auto& candidate : candidates) {
        double sum = 0;
        for (int f = 0; f < innerFolds; ++f) {
            if (cancel)
                cancel->throwIfCancelled(model);
            splitByFold(foldOf, f, trainIdx, testIdx);
            const auto train = subset(data, trainIdx);
            auto m = createClassifier(model, candidate);
            m->fit(train, TrainContext{mixSeed(seed, "inner-fit", std::uint64_t(f)), {}, cancel});
            std::size_t correct = 0;
            for (std::size_t i : testIdx)
                correct += argmax(m->predictProbabilities(data.samples[i])) == std::size_t(data.samples[i].label);
            sum += testIdx.empty() ? 0 : double(correct) / double(testIdx.size());
        }
        const double score = sum / innerFolds;
        if (score > result.score + 1e-12) { // ties keep the earlier (preferred) candidate
            result.score = score;
            result.params = candidate;
        }
    }
    return result;
}

// ---- crossValidate, in stages ---------------------------------------------------------
namespace {

// What one (model, fold) task produced: written only by that task (slot model * K + fold).
struct FoldOutcome {
    FoldResult fold;
    std::vector<OutOfFoldPrediction> predictions; // the test fold, in sample order
};

// Stage 1: everything that can be wrong with the request, before any work starts.
std::vector<std::string> checkInputs(const LabelledSet& data, const EvaluationOptions& options)
{
    if (data.samples.empty())
        throw Error(ErrorKind::InvalidArgument, "data set", "no samples to evaluate");
    if (data.classes.size() < 2)
        throw Error(ErrorKind::InvalidArgument, "data set", "need at least two genres to compare classifiers");
    auto models = options.models.empty() ? defaultComparisonModels() : options.models;
    for (const auto& name : models) {
        cv::checkUsable(name, data);
        const auto it = options.overrides.find(name);
        resolveHyperparameters(name, it == options.overrides.end() ? Hyperparameters{} : it->second);
    }
    if (options.search && options.innerFolds < 2)
        throw Error(ErrorKind::InvalidArgument, "inner folds", "the nested search needs at least 2 inner folds");
    if (options.search && !isSearchMethod(options.searchMethod))
        throw Error(ErrorKind::InvalidArgument, "search", "'" + options.searchMethod + "' is not grid or global");
    if (options.search && options.searchMethod == "global" &&
        (options.searchBudget < 1 || !isSearchObjective(options.searchObjective)))
        throw Error(ErrorKind::InvalidArgument, "search",
                    "the global search needs a budget of at least 1 and the objective accuracy or log-loss");
    return models;
}

std::string taskStage(const std::string& name, std::size_t model, std::size_t models, int fold, int folds)
{
    return name + " (model " + std::to_string(model + 1) + "/" + std::to_string(models) + ") · fold " +
           std::to_string(fold + 1) + "/" + std::to_string(folds);
}

// Stage 3, one task: (search,) fit on the training folds, predict the test fold. The seed
// depends only on (seed, model, fold), never on the thread that runs it.
FoldOutcome runFoldTask(const LabelledSet& data, const std::vector<int>& foldOf, const std::string& name, int fold,
                        const EvaluationOptions& options, const ProgressFn& modelProgress)
{
    const std::uint64_t seed = mixSeed(options.seed, name, std::uint64_t(fold));
    std::vector<std::size_t> trainIdx, testIdx;
    splitByFold(foldOf, fold, trainIdx, testIdx);
    const auto train = subset(data, trainIdx);
    const auto oit = options.overrides.find(name);
    Hyperparameters params = oit == options.overrides.end() ? Hyperparameters{} : oit->second;

    FoldOutcome o;
    if (options.search) {
        const auto t0 = Clock::now();
        const auto found = options.searchMethod == "global"
                               ? globalSearchHyperparameters(name, train, params,
                                                             {options.searchBudget, options.innerFolds,
                                                              options.searchObjective, seed, options.cancel})
                               : searchHyperparameters(name, train, params, options.innerFolds, seed, options.cancel);
        params = found.params;
        o.fold.searchScore = found.score;
        o.fold.searchSeconds = secondsSince(t0);
    }
    auto model = createClassifier(name, params);
    o.fold.params = model->hyperparameters();
    auto t0 = Clock::now();
    const double cpu0 = cv::threadCpuSeconds();
    model->fit(train, TrainContext{seed, modelProgress, options.cancel});
    o.fold.fitSeconds = secondsSince(t0);
    o.fold.fitCpuSeconds = cv::threadCpuSeconds() - cpu0;

    t0 = Clock::now();
    std::vector<std::vector<double>> rows;
    for (std::size_t i : testIdx)
        rows.push_back(model->predictProbabilities(data.samples[i]));
    // Songs, not clips: a song of several clips (Sample::song) is one prediction, the mean of
    // its clips'; one row per song is scored exactly as before.
    std::size_t correct = 0;
    for (auto& song : cv::meanPerSong(data, testIdx, std::move(rows))) {
        OutOfFoldPrediction p;
        p.sample = int(song.firstRow);
        p.fold = fold;
        p.truth = data.samples[song.firstRow].label;
        p.song = data.samples[song.firstRow].audioPath;
        p.genres = cv::genreIndices(data, data.samples[song.firstRow]);
        p.probabilities = std::move(song.probabilities);
        p.predicted = int(argmax(p.probabilities));
        correct += p.predicted == p.truth;
        o.predictions.push_back(std::move(p));
    }
    o.fold.predictSeconds = secondsSince(t0);
    o.fold.trainSize = int(trainIdx.size());
    o.fold.testSize = int(o.predictions.size()); // songs
    o.fold.accuracy = o.predictions.empty() ? 0 : double(correct) / double(o.predictions.size());
    return o;
}

// Stage 3: every (model, fold) task on the shared pool.
std::vector<FoldOutcome> runFoldTasks(const LabelledSet& data, const std::vector<std::string>& models,
                                      const std::vector<int>& foldOf, const EvaluationOptions& options)
{
    const int K = options.folds;
    const std::size_t taskCount = models.size() * std::size_t(K);
    std::vector<FoldOutcome> out(taskCount);
    cv::TaskProgress progress(options.progress, taskCount);
    cv::runTasks(taskCount, options.threads, options.cancel, "cross-validation", [&](std::size_t t) {
        const std::size_t m = t / std::size_t(K);
        const int fold = int(t % std::size_t(K));
        const std::string stage = taskStage(models[m], m, models.size(), fold, K);
        out[t] = runFoldTask(data, foldOf, models[m], fold, options, progress.forward(stage));
        progress.finished(stage);
    });
    return out;
}

// The most often chosen hyper-parameters over the folds (the earliest fold wins ties).
Hyperparameters mostChosenParams(const std::vector<FoldResult>& folds)
{
    std::map<std::string, std::pair<int, std::size_t>> chosen; // params -> (count, first fold)
    for (std::size_t f = 0; f < folds.size(); ++f)
        ++chosen.emplace(paramsKey(folds[f].params), std::make_pair(0, f)).first->second.first;
    std::size_t bestFold = 0;
    int bestCount = -1;
    for (const auto& [key, value] : chosen)
        if (value.first > bestCount || (value.first == bestCount && value.second < bestFold)) {
            bestCount = value.first;
            bestFold = value.second;
        }
    return folds.empty() ? Hyperparameters{} : folds[bestFold].params;
}

// Stage 4: one model's report. Pooled scores come from exactly the out-of-fold predictions
// it lists, so its confusion matrix, accuracy and log-loss visibly agree.
ModelReport assembleModelReport(const std::string& name, const LabelledSet& data, std::vector<FoldOutcome> folds)
{
    ModelReport r;
    r.name = name;
    const double K = double(folds.size());
    for (auto& o : folds) {
        r.folds.push_back(o.fold);
        r.accuracyMean += o.fold.accuracy / K;
        r.fitSeconds += o.fold.fitSeconds / K;
        r.fitCpuSeconds += o.fold.fitCpuSeconds / K;
        r.predictSeconds += o.fold.predictSeconds / K;
        r.searchSeconds += o.fold.searchSeconds / K;
        for (auto& p : o.predictions)
            r.predictions.push_back(std::move(p));
    }
    // in sample order: one per song (its first row), so one per sample when songs have one row
    std::sort(r.predictions.begin(), r.predictions.end(),
              [](const OutOfFoldPrediction& a, const OutOfFoldPrediction& b) { return a.sample < b.sample; });
    for (const auto& fr : r.folds)
        r.accuracyStd += (fr.accuracy - r.accuracyMean) * (fr.accuracy - r.accuracyMean) / K;
    r.accuracyStd = std::sqrt(r.accuracyStd);
    r.params = mostChosenParams(r.folds);

    r.confusion = emptyConfusion(data.classes.size());
    double lossSum = 0;
    for (const auto& p : r.predictions) {
        ++r.confusion[std::size_t(p.truth)][std::size_t(p.predicted)];
        // clipped as sklearn's log_loss, so one confident mistake cannot give infinity
        lossSum += -std::log(std::max(p.probabilities[std::size_t(p.truth)], 1e-15));
    }
    const auto metrics = computeMetrics(r.confusion, data.classes);
    r.balancedAccuracy = metrics.balancedAccuracy;
    r.macroF1 = metrics.macroF1;
    r.perClass = metrics.perClass;
    r.confusionNormalized = normalizeRows(r.confusion);
    r.logLoss = r.predictions.empty() ? 0 : lossSum / double(r.predictions.size());
    return r;
}

bool anyGroupShared(const LabelledSet& data)
{
    std::map<int, int> count;
    for (const auto& s : data.samples)
        if (s.group >= 0 && ++count[s.group] > 1)
            return true;
    return false;
}

EvaluationProtocol describeProtocol(const LabelledSet& data, const EvaluationOptions& options)
{
    EvaluationProtocol p;
    p.folds = options.folds;
    p.seed = options.seed;
    p.search = options.search;
    p.innerFolds = options.innerFolds;
    if (options.search) {
        p.searchMethod = options.searchMethod;
        if (options.searchMethod == "global") {
            p.searchBudget = options.searchBudget;
            p.searchObjective = options.searchObjective;
        }
    }
    p.grouped = anyGroupShared(data);
    p.samples = data.samples.size();
    p.features = data.samples.front().features.size();
    p.schema = data.schema.fingerprint();
    p.createdWith = std::string("genrescope ") + GENRESCOPE_VERSION;
    return p; // source and grouping are the caller's to fill in: the data set does not know them
}

} // namespace

EvaluationReport crossValidate(const LabelledSet& data, const EvaluationOptions& options)
{
    const auto models = checkInputs(data, options);
    SingleThreadedBlas blas; // we run folds in parallel instead
    const auto foldOf = cv::outerFolds(data, options.folds, options.seed);
    auto outcomes = runFoldTasks(data, models, foldOf, options);

    EvaluationReport report;
    report.classes = data.classes;
    report.protocol = describeProtocol(data, options);
    const auto K = std::size_t(options.folds);
    for (std::size_t m = 0; m < models.size(); ++m) {
        std::vector<FoldOutcome> folds(std::make_move_iterator(outcomes.begin() + std::ptrdiff_t(m * K)),
                                       std::make_move_iterator(outcomes.begin() + std::ptrdiff_t((m + 1) * K)));
        report.models.push_back(assembleModelReport(models[m], data, std::move(folds)));
    }
    std::stable_sort(report.models.begin(), report.models.end(),
                     [](const ModelReport& a, const ModelReport& b) { return a.accuracyMean > b.accuracyMean; });
    return report;
}

} // namespace gs::ml
