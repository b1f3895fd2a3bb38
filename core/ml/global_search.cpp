#include "core/ml/global_search.h"

#include "core/common/error.h"
#include "core/ml/cv_tasks.h"
#include "core/ml/models.h"
#include "core/ml/registry.h"

#include <dlib/global_optimization/global_function_search.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <functional>
#include <map>

namespace gs::ml {
namespace {

constexpr double kWeightLow = 1.0 / 20; // ensemble weights: 1/400 of another member's is "out"
constexpr double kWeightHigh = 20;
constexpr double kMinProbability = 1e-15; // clipped as sklearn's log_loss (and crossValidate)

// Inner-CV result of one candidate: accuracy and log-loss, each the mean over inner folds.
struct Evaluation {
    double accuracy = 0;
    double logLoss = 0;
};

double objectiveValue(const Evaluation& e, const std::string& objective)
{
    return objective == "log-loss" ? -e.logLoss : e.accuracy; // dlib maximises
}

// ---- the search space --------------------------------------------------------------------

bool allWhole(const std::vector<double>& values)
{
    return std::all_of(values.begin(), values.end(), [](double v) { return v == std::round(v); });
}

// k, 0/1 switches: whole grid values *and* a whole declared range and default. (C's grid
// 1, 3, 10, 30, 100 is whole too, but its range starts at 1e-3: a continuous parameter.)
bool isWholeNumberParameter(const ParameterSpec& spec, const std::vector<double>& values)
{
    return allWhole(values) && allWhole({spec.minimum, spec.maximum, spec.defaultValue});
}

// A grid parameter's range: its span widened by one geometric-mean grid step at each end
// (the grid's edges are guesses, not limits), inside the declared range.
SearchDimension dimensionFromGrid(const ParameterSpec& spec, std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    SearchDimension d;
    d.name = spec.name;
    d.low = values.front();
    d.high = values.back();
    d.integer = isWholeNumberParameter(spec, values);
    d.logScale = !d.integer && d.low > 0;
    if (d.logScale && values.size() > 1) {
        const double step = std::pow(d.high / d.low, 1.0 / double(values.size() - 1));
        d.low = std::max(d.low / step, spec.minimum);
        d.high = std::min(d.high * step, spec.maximum);
    }
    return d;
}

// Ensemble weight parameters are named after their member: w_svm_rbf weighs "svm-rbf".
std::string memberOfWeight(const std::string& parameter)
{
    if (parameter.rfind("w_", 0) != 0)
        return {};
    std::string model = parameter.substr(2);
    std::replace(model.begin(), model.end(), '_', '-');
    for (const auto& info : availableModels())
        if (info.name == model)
            return model;
    return {};
}

bool isWeight(const ParameterSpec& spec) { return !memberOfWeight(spec.name).empty(); }

// An ensemble's parameters are its members' weights, plus settings it passes to every member
// (quantile_normal); only the weights are searched.
bool isEnsembleOfMembers(const ModelInfo& info)
{
    return info.searchGrid.empty() && std::any_of(info.parameters.begin(), info.parameters.end(), isWeight);
}

// ---- inner cross-validation ----------------------------------------------------------------

struct InnerFolds {
    std::vector<int> foldOf;
    int count = 0;
};

InnerFolds innerFoldsOf(const LabelledSet& data, int folds, std::uint64_t seed)
{
    // The same inner split as the grid search, so the two methods are judged on equal terms.
    return {assignFolds(cv::labelsOf(data), cv::groupsOf(data), folds, mixSeed(seed, "inner-folds")), folds};
}

// Adds one test sample's probabilities to the running accuracy / log-loss of its fold.
void score(const std::vector<double>& p, int truth, double& correct, double& loss)
{
    correct += cv::argmax(p) == std::size_t(truth);
    loss += -std::log(std::max(p[std::size_t(truth)], kMinProbability));
}

using Objective = std::function<Evaluation(const Hyperparameters&)>;

// Any model: fit on each inner training part, score the inner test part.
Objective refitObjective(const std::string& model, const LabelledSet& data, const InnerFolds& folds,
                         const GlobalSearchOptions& options)
{
    return [&, model](const Hyperparameters& candidate) {
        Evaluation e;
        std::vector<std::size_t> trainIdx, testIdx;
        for (int f = 0; f < folds.count; ++f) {
            if (options.cancel)
                options.cancel->throwIfCancelled(model);
            cv::splitByFold(folds.foldOf, f, trainIdx, testIdx);
            auto m = createClassifier(model, candidate);
            m->fit(cv::subset(data, trainIdx), TrainContext{mixSeed(options.seed, "inner-fit", std::uint64_t(f)), {}, options.cancel});
            double correct = 0, loss = 0;
            for (std::size_t i : testIdx)
                score(m->predictProbabilities(data.samples[i]), data.samples[i].label, correct, loss);
            const double n = std::max<double>(1, double(testIdx.size()));
            e.accuracy += correct / n / folds.count;
            e.logLoss += loss / n / folds.count;
        }
        return e;
    };
}

// The ensemble's members' probabilities on each inner test part, fitted once: a weight
// vector then costs a weighted sum, not three model fits. Members are built exactly as the
// ensemble builds them (default hyper-parameters, the fold's seed).
struct MemberPredictions {
    std::vector<std::string> weights;                         // weight parameter per member
    std::vector<std::vector<std::vector<double>>> probabilities; // [member][inner test sample]
    std::vector<int> truth;                                   // per inner test sample
    std::vector<int> fold;                                    // its inner fold
};

MemberPredictions predictMembers(const std::string& ensemble, const LabelledSet& data, const InnerFolds& folds,
                                 const Hyperparameters& resolved, const GlobalSearchOptions& options)
{
    MemberPredictions out;
    const ModelInfo& info = modelInfo(ensemble);
    for (const auto& spec : info.parameters)
        if (isWeight(spec) && resolved.at(spec.name) > 0)
            out.weights.push_back(spec.name);
    const Hyperparameters settings = memberPreprocessing(resolved); // what the ensemble gives its members
    out.probabilities.resize(out.weights.size());
    std::vector<std::size_t> trainIdx, testIdx;
    for (int f = 0; f < folds.count; ++f) {
        cv::splitByFold(folds.foldOf, f, trainIdx, testIdx);
        const auto train = cv::subset(data, trainIdx);
        for (std::size_t m = 0; m < out.weights.size(); ++m) {
            if (options.cancel)
                options.cancel->throwIfCancelled(ensemble);
            auto member = createClassifier(memberOfWeight(out.weights[m]), settings);
            member->fit(train, TrainContext{mixSeed(options.seed, "inner-fit", std::uint64_t(f)), {}, options.cancel});
            for (std::size_t i : testIdx)
                out.probabilities[m].push_back(member->predictProbabilities(data.samples[i]));
        }
        for (std::size_t i : testIdx) {
            out.truth.push_back(data.samples[i].label);
            out.fold.push_back(f);
        }
    }
    return out;
}

Objective ensembleObjective(const MemberPredictions& members, int foldCount, std::size_t classes)
{
    return [&members, foldCount, classes](const Hyperparameters& candidate) {
        std::vector<double> correct(std::size_t(foldCount), 0), loss(std::size_t(foldCount), 0), count(std::size_t(foldCount), 0);
        std::vector<double> mean(classes);
        for (std::size_t i = 0; i < members.truth.size(); ++i) {
            std::fill(mean.begin(), mean.end(), 0.0);
            double total = 0;
            for (std::size_t m = 0; m < members.weights.size(); ++m) {
                const double w = candidate.at(members.weights[m]);
                for (std::size_t c = 0; c < classes; ++c)
                    mean[c] += w * members.probabilities[m][i][c];
            }
            for (double v : mean)
                total += v;
            for (double& v : mean) // the ensemble's normalised soft vote
                v = total > 0 ? v / total : 1.0 / double(classes);
            const auto f = std::size_t(members.fold[i]);
            score(mean, members.truth[i], correct[f], loss[f]);
            ++count[f];
        }
        Evaluation e;
        for (std::size_t f = 0; f < count.size(); ++f) {
            const double n = std::max(1.0, count[f]);
            e.accuracy += correct[f] / n / foldCount;
            e.logLoss += loss[f] / n / foldCount;
        }
        return e;
    };
}

// ---- the optimiser -----------------------------------------------------------------------

// Three significant digits: reports show exactly the values that were evaluated and fitted.
double roundToThreeDigits(double v)
{
    if (v == 0 || !std::isfinite(v))
        return v;
    const double scale = std::pow(10.0, 2 - std::floor(std::log10(std::abs(v))));
    return std::round(v * scale) / scale;
}

dlib::function_spec specOf(const std::vector<SearchDimension>& dims)
{
    dlib::matrix<double, 0, 1> low(long(dims.size())), high(long(dims.size()));
    std::vector<bool> integer;
    for (std::size_t i = 0; i < dims.size(); ++i) {
        low(long(i)) = dims[i].logScale ? std::log(dims[i].low) : dims[i].low;
        high(long(i)) = dims[i].logScale ? std::log(dims[i].high) : dims[i].high;
        integer.push_back(dims[i].integer);
    }
    return dlib::function_spec(low, high, integer);
}

Hyperparameters candidateAt(const dlib::matrix<double, 0, 1>& x, const std::vector<SearchDimension>& dims,
                            Hyperparameters base)
{
    for (std::size_t i = 0; i < dims.size(); ++i) {
        const double raw = dims[i].logScale ? std::exp(x(long(i))) : x(long(i));
        base[dims[i].name] = dims[i].integer ? std::round(raw) : std::clamp(roundToThreeDigits(raw), dims[i].low, dims[i].high);
    }
    return base;
}

// `budget` evaluations proposed by MaxLIPO + trust region; the best objective wins, the
// earliest evaluated on ties. Repeated proposals (integers, rounding) are not refitted.
SearchResult optimise(const std::vector<SearchDimension>& dims, const Hyperparameters& base, const Objective& objective,
                      const GlobalSearchOptions& options)
{
    dlib::global_function_search search(specOf(dims));
    search.set_seed(static_cast<time_t>(mixSeed(options.seed, "global-search") >> 1));
    std::map<Hyperparameters, Evaluation> seen;
    SearchResult best{base, -1};
    double bestValue = -1e300;
    for (int i = 0; i < options.budget; ++i) {
        if (options.cancel)
            options.cancel->throwIfCancelled("hyper-parameter search");
        auto request = search.get_next_x();
        const Hyperparameters candidate = candidateAt(request.x(), dims, base);
        auto it = seen.find(candidate);
        if (it == seen.end())
            it = seen.emplace(candidate, objective(candidate)).first;
        const double value = objectiveValue(it->second, options.objective);
        request.set(value);
        if (value > bestValue + 1e-12) {
            bestValue = value;
            best = {candidate, it->second.accuracy};
        }
    }
    return best;
}

void checkOptions(const GlobalSearchOptions& options)
{
    if (options.budget < 1)
        throw Error(ErrorKind::InvalidArgument, "search budget", "needs at least 1 evaluation");
    if (options.innerFolds < 2)
        throw Error(ErrorKind::InvalidArgument, "inner folds", "the nested search needs at least 2 inner folds");
    if (!isSearchObjective(options.objective))
        throw Error(ErrorKind::InvalidArgument, "search objective",
                    "'" + options.objective + "' is not accuracy or log-loss");
}

} // namespace

bool isSearchMethod(const std::string& method) { return method == "grid" || method == "global"; }
bool isSearchObjective(const std::string& objective) { return objective == "accuracy" || objective == "log-loss"; }

std::vector<SearchDimension> globalSearchSpace(const std::string& model, const Hyperparameters& fixed)
{
    const auto& info = modelInfo(model);
    std::vector<SearchDimension> dims;
    if (isEnsembleOfMembers(info)) {
        const Hyperparameters resolved = resolveHyperparameters(model, fixed);
        for (const auto& spec : info.parameters)
            if (isWeight(spec) && !fixed.count(spec.name) && resolved.at(spec.name) > 0)
                dims.push_back({spec.name, std::max(kWeightLow, spec.minimum), std::min(kWeightHigh, spec.maximum), true, false});
        return dims;
    }
    for (const auto& [name, values] : info.searchGrid) // std::map: alphabetical, a fixed order
        if (!fixed.count(name) && !values.empty())
            dims.push_back(dimensionFromGrid(findSpec(info.parameters, name), values));
    return dims;
}

SearchResult globalSearchHyperparameters(const std::string& model, const LabelledSet& data,
                                         const Hyperparameters& overrides, const GlobalSearchOptions& options)
{
    checkOptions(options);
    const auto dims = globalSearchSpace(model, overrides);
    if (dims.empty())
        return {overrides, -1};
    const InnerFolds folds = innerFoldsOf(data, options.innerFolds, options.seed);
    if (isEnsembleOfMembers(modelInfo(model))) {
        const Hyperparameters resolved = resolveHyperparameters(model, overrides);
        const auto members = predictMembers(model, data, folds, resolved, options);
        return optimise(dims, resolved, ensembleObjective(members, folds.count, data.classes.size()), options);
    }
    return optimise(dims, overrides, refitObjective(model, data, folds, options), options);
}

} // namespace gs::ml
