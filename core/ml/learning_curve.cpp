#include "core/ml/learning_curve.h"

#include "core/common/error.h"
#include "core/common/shuffle.h"
#include "core/ml/blas_threads.h"
#include "core/ml/cv_tasks.h"
#include "core/ml/registry.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>

namespace gs::ml {
namespace {

// Stage 1: the request, checked before any work. Returns the fractions sorted, without repeats.
std::vector<double> checkInputs(const LabelledSet& data, const LearningCurveOptions& options)
{
    if (data.samples.empty())
        throw Error(ErrorKind::InvalidArgument, "data set", "no samples for a learning curve");
    if (data.classes.size() < 2)
        throw Error(ErrorKind::InvalidArgument, "data set", "need at least two genres for a learning curve");
    if (options.fractions.empty())
        throw Error(ErrorKind::InvalidArgument, "fractions", "no training fractions given");
    for (double f : options.fractions)
        if (!(f > 0 && f <= 1))
            throw Error(ErrorKind::InvalidArgument, "fractions",
                        "training fractions must lie in (0, 1]; got " + std::to_string(f));
    cv::checkUsable(options.model, data);
    resolveHyperparameters(options.model, options.overrides);
    auto fractions = options.fractions;
    std::sort(fractions.begin(), fractions.end());
    fractions.erase(std::unique(fractions.begin(), fractions.end()), fractions.end());
    return fractions;
}

// A training fold's groups, per genre, in a fixed random order. A fraction takes a prefix of
// every genre's list, so larger fractions contain smaller ones (nested) and each genre keeps
// its share (stratified); songs sharing a group enter together.
struct GroupDrawOrder {
    std::vector<std::vector<std::vector<std::size_t>>> groupsByClass; // genre -> groups -> sample indices
    std::vector<std::size_t> songsByClass;
};

int dominantLabel(const LabelledSet& data, const std::vector<std::size_t>& members)
{
    std::map<int, int> count;
    for (std::size_t i : members)
        ++count[data.samples[i].label];
    int best = members.empty() ? 0 : data.samples[members.front()].label, bestCount = 0;
    for (const auto& [label, n] : count) // ascending labels: the lowest wins ties
        if (n > bestCount) {
            best = label;
            bestCount = n;
        }
    return best;
}

GroupDrawOrder drawOrder(const LabelledSet& data, const std::vector<std::size_t>& trainIdx, std::uint64_t seed)
{
    std::map<int, std::size_t> groupIndex;
    std::vector<std::vector<std::size_t>> groups; // in order of first appearance
    for (std::size_t i : trainIdx) {
        const int g = data.samples[i].group;
        if (g < 0) {
            groups.push_back({i});
            continue;
        }
        auto [it, inserted] = groupIndex.emplace(g, groups.size());
        if (inserted)
            groups.emplace_back();
        groups[it->second].push_back(i);
    }
    GroupDrawOrder order;
    order.groupsByClass.resize(data.classes.size());
    order.songsByClass.assign(data.classes.size(), 0);
    for (auto& members : groups) {
        const auto c = std::size_t(dominantLabel(data, members));
        order.songsByClass[c] += members.size();
        order.groupsByClass[c].push_back(std::move(members));
    }
    // One generator across the genres, in genre order (gs::fisherYatesShuffle: library-independent).
    std::mt19937_64 rng(seed);
    for (auto& list : order.groupsByClass)
        fisherYatesShuffle(list, rng);
    return order;
}

// The training songs at `fraction`, ascending (at 1.0 exactly the training fold, in
// crossValidate's order). Every genre keeps at least one group.
std::vector<std::size_t> takeFraction(const GroupDrawOrder& order, double fraction)
{
    std::vector<std::size_t> out;
    for (std::size_t c = 0; c < order.groupsByClass.size(); ++c) {
        const double target = std::max(1.0, std::round(fraction * double(order.songsByClass[c])));
        std::size_t taken = 0;
        for (const auto& members : order.groupsByClass[c]) {
            if (double(taken) >= target)
                break;
            out.insert(out.end(), members.begin(), members.end());
            taken += members.size();
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

struct TaskOutcome {
    double accuracy = 0;
    double trainAccuracy = 0;
    std::size_t trainSize = 0;
};

// Per song, as crossValidate scores (clips of one song: their mean probabilities).
double accuracyOn(const Classifier& model, const LabelledSet& data, const std::vector<std::size_t>& indices)
{
    return cv::songAccuracy(model, data, indices);
}

// Stage 3, one task: fit on a fraction of one training fold, score the untouched test fold.
// The fit seed is crossValidate's for this (model, fold), so 100 % reproduces it exactly.
TaskOutcome runTask(const LabelledSet& data, const std::vector<std::size_t>& trainIdx,
                    const std::vector<std::size_t>& testIdx, int fold, const LearningCurveOptions& options,
                    const ProgressFn& modelProgress)
{
    auto model = createClassifier(options.model, options.overrides);
    model->fit(cv::subset(data, trainIdx),
               TrainContext{mixSeed(options.seed, options.model, std::uint64_t(fold)), modelProgress, options.cancel});
    TaskOutcome out;
    out.trainSize = trainIdx.size();
    out.accuracy = accuracyOn(*model, data, testIdx);
    out.trainAccuracy = accuracyOn(*model, data, trainIdx);
    return out;
}

std::string percent(double fraction)
{
    const double p = 100 * fraction;
    char text[32];
    std::snprintf(text, sizeof text, p == std::round(p) ? "%.0f %%" : "%.1f %%", p);
    return text;
}

// Stage 4: one point of the curve from its folds.
LearningCurvePoint summarise(double fraction, const std::vector<TaskOutcome>& folds)
{
    LearningCurvePoint point;
    point.fraction = fraction;
    const double K = double(folds.size());
    for (const auto& o : folds) {
        point.foldAccuracies.push_back(o.accuracy);
        point.accuracyMean += o.accuracy / K;
        point.trainAccuracyMean += o.trainAccuracy / K;
        point.trainSize += double(o.trainSize) / K;
    }
    for (double a : point.foldAccuracies)
        point.accuracyStd += (a - point.accuracyMean) * (a - point.accuracyMean) / K;
    point.accuracyStd = std::sqrt(point.accuracyStd);
    return point;
}

} // namespace

namespace {

// Stage 2: crossValidate's outer folds, and each training fold's draw order.
struct FoldPlan {
    std::vector<std::vector<std::size_t>> train, test; // per fold
    std::vector<GroupDrawOrder> orders;                 // per fold
};

FoldPlan planFolds(const LabelledSet& data, int folds, std::uint64_t seed)
{
    const auto foldOf = cv::outerFolds(data, folds, seed);
    FoldPlan plan;
    plan.train.resize(std::size_t(folds));
    plan.test.resize(std::size_t(folds));
    for (int f = 0; f < folds; ++f) {
        cv::splitByFold(foldOf, f, plan.train[std::size_t(f)], plan.test[std::size_t(f)]);
        plan.orders.push_back(drawOrder(data, plan.train[std::size_t(f)], mixSeed(seed, "learning-curve", std::uint64_t(f))));
    }
    return plan;
}

} // namespace

std::vector<std::vector<std::size_t>> learningCurveTrainingSets(const LabelledSet& data, double fraction, int folds,
                                                                std::uint64_t seed)
{
    if (!(fraction > 0 && fraction <= 1))
        throw Error(ErrorKind::InvalidArgument, "fractions", "training fractions must lie in (0, 1]; got " + std::to_string(fraction));
    const auto plan = planFolds(data, folds, seed);
    std::vector<std::vector<std::size_t>> out;
    for (const auto& order : plan.orders)
        out.push_back(takeFraction(order, fraction));
    return out;
}

LearningCurve learningCurve(const LabelledSet& data, const LearningCurveOptions& options)
{
    const auto fractions = checkInputs(data, options);
    SingleThreadedBlas blas; // we run folds in parallel instead
    const int K = options.folds;
    const auto plan = planFolds(data, K, options.seed);

    // Stage 3: every (fraction, fold) task on the shared pool; task t writes only slot t.
    const std::size_t taskCount = fractions.size() * std::size_t(K);
    std::vector<TaskOutcome> outcomes(taskCount);
    cv::TaskProgress progress(options.progress, taskCount);
    cv::runTasks(taskCount, options.threads, options.cancel, "learning curve", [&](std::size_t t) {
        const std::size_t p = t / std::size_t(K);
        const auto fold = t % std::size_t(K);
        const std::string stage = options.model + " · " + percent(fractions[p]) + " of the training songs · fold " +
                                  std::to_string(fold + 1) + "/" + std::to_string(K);
        const auto train = takeFraction(plan.orders[fold], fractions[p]);
        outcomes[t] = runTask(data, train, plan.test[fold], int(fold), options, progress.forward(stage));
        progress.finished(stage);
    });

    // Stage 4: the curve.
    LearningCurve curve;
    curve.model = options.model;
    curve.params = resolveHyperparameters(options.model, options.overrides);
    for (std::size_t p = 0; p < fractions.size(); ++p)
        curve.points.push_back(summarise(fractions[p], std::vector<TaskOutcome>(outcomes.begin() + std::ptrdiff_t(p * K),
                                                                                outcomes.begin() + std::ptrdiff_t((p + 1) * K))));
    return curve;
}

} // namespace gs::ml
