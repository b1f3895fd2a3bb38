#include "core/ml/evaluate.h"

#include "core/common/error.h"
#include "core/ml/blas_threads.h"
#include "core/ml/registry.h"


#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include <time.h>

namespace gs::ml {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU time of the calling thread: fits run on one thread each (BLAS single-threaded).
double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

LabelledSet subset(const LabelledSet& data, const std::vector<std::size_t>& indices)
{
    LabelledSet out;
    out.classes = data.classes;
    out.schema = data.schema;
    out.samples.reserve(indices.size());
    for (std::size_t i : indices)
        out.samples.push_back(data.samples[i]);
    return out;
}

std::size_t argmax(const std::vector<double>& p)
{
    return std::size_t(std::max_element(p.begin(), p.end()) - p.begin());
}

std::vector<int> labelsOf(const LabelledSet& data)
{
    std::vector<int> out;
    for (const auto& s : data.samples)
        out.push_back(s.label);
    return out;
}

std::vector<int> groupsOf(const LabelledSet& data)
{
    std::vector<int> out;
    for (const auto& s : data.samples)
        out.push_back(s.group);
    return out;
}

void splitByFold(const std::vector<int>& foldOf, int fold, std::vector<std::size_t>& train, std::vector<std::size_t>& test)
{
    train.clear();
    test.clear();
    for (std::size_t i = 0; i < foldOf.size(); ++i)
        (foldOf[i] == fold ? test : train).push_back(i);
}

void checkUsable(const std::string& model, const LabelledSet& data)
{
    const auto& info = modelInfo(model);
    for (const auto& s : data.samples) {
        if (info.needsAudio && s.audioPath.empty())
            throw Error(ErrorKind::InvalidArgument, model,
                        "this model analyses the audio itself and needs the songs; a features CSV has none "
                        "(evaluate a folder of songs instead)");
        if (!info.needsAudio && s.features.empty())
            throw Error(ErrorKind::InvalidArgument, model, "a sample has no feature vector (" + s.audioPath + ")");
        if (s.label < 0 || s.label >= int(data.classes.size()))
            throw Error(ErrorKind::InvalidArgument, "data set", "every sample needs a known genre to evaluate");
    }
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

    // Shuffle the groups (own Fisher-Yates: std::shuffle differs between libraries), then
    // place big groups first so that the small ones can even out the folds.
    std::vector<std::size_t> order(members.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::mt19937_64 rng(seed);
    for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[rng() % i]);
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
    const auto foldOf = assignFolds(labelsOf(data), groupsOf(data), innerFolds, mixSeed(seed, "inner-folds"));
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

EvaluationReport crossValidate(const LabelledSet& data, const EvaluationOptions& options)
{
    if (data.samples.empty())
        throw Error(ErrorKind::InvalidArgument, "data set", "no samples to evaluate");
    if (data.classes.size() < 2)
        throw Error(ErrorKind::InvalidArgument, "data set", "need at least two genres to compare classifiers");
    const auto models = options.models.empty() ? defaultComparisonModels() : options.models;
    for (const auto& name : models) {
        checkUsable(name, data);
        const auto it = options.overrides.find(name);
        resolveHyperparameters(name, it == options.overrides.end() ? Hyperparameters{} : it->second);
    }
    if (options.search && options.innerFolds < 2)
        throw Error(ErrorKind::InvalidArgument, "inner folds", "the nested search needs at least 2 inner folds");

    SingleThreadedBlas blas; // we run folds in parallel instead
    const auto labels = labelsOf(data);
    const auto groups = groupsOf(data);
    const int K = options.folds;
    const auto foldOf = assignFolds(labels, groups, K, mixSeed(options.seed, "outer-folds"));

    struct TaskOut {
        FoldResult fold;
        std::vector<std::pair<int, int>> truthPredicted;
        double logLoss = 0;
    };
    const std::size_t taskCount = models.size() * std::size_t(K);
    std::vector<TaskOut> out(taskCount);
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<bool> failed{false};
    std::exception_ptr firstError;
    std::mutex mutex; // guards firstError and the progress callback
    const auto started = Clock::now();

    auto runTask = [&](std::size_t t) {
        const std::string& name = models[t / std::size_t(K)];
        const int fold = int(t % std::size_t(K));
        const std::uint64_t seed = mixSeed(options.seed, name, std::uint64_t(fold));
        std::vector<std::size_t> trainIdx, testIdx;
        splitByFold(foldOf, fold, trainIdx, testIdx);
        const auto train = subset(data, trainIdx);
        const auto oit = options.overrides.find(name);
        Hyperparameters params = oit == options.overrides.end() ? Hyperparameters{} : oit->second;
        TaskOut& o = out[t];
        if (options.search) {
            const auto t0 = Clock::now();
            const auto found = searchHyperparameters(name, train, params, options.innerFolds, seed, options.cancel);
            params = found.params;
            o.fold.searchScore = found.score;
            o.fold.searchSeconds = secondsSince(t0);
        }
        auto model = createClassifier(name, params);
        o.fold.params = model->hyperparameters();
        auto t0 = Clock::now();
        const double cpu0 = threadCpuSeconds();
        model->fit(train, TrainContext{seed, {}, options.cancel});
        o.fold.fitSeconds = secondsSince(t0);
        o.fold.fitCpuSeconds = threadCpuSeconds() - cpu0;
        t0 = Clock::now();
        std::size_t correct = 0;
        for (std::size_t i : testIdx) {
            const auto p = model->predictProbabilities(data.samples[i]);
            const int truth = data.samples[i].label;
            const int predicted = int(argmax(p));
            correct += truth == predicted;
            o.truthPredicted.push_back({truth, predicted});
            o.logLoss += -std::log(std::max(p[std::size_t(truth)], 1e-15));
        }
        o.fold.predictSeconds = secondsSince(t0);
        o.fold.trainSize = int(trainIdx.size());
        o.fold.testSize = int(testIdx.size());
        o.fold.accuracy = testIdx.empty() ? 0 : double(correct) / double(testIdx.size());
        const std::size_t finished = ++done;
        if (options.progress) {
            std::lock_guard lock(mutex);
            ProgressInfo info;
            info.done = finished;
            info.total = taskCount;
            info.stage = "fold " + std::to_string(fold + 1) + "/" + std::to_string(K) + " · " + name + " (model " +
                         std::to_string(t / std::size_t(K) + 1) + "/" + std::to_string(models.size()) + ")";
            info.elapsedSeconds = secondsSince(started);
            info.etaSeconds = info.elapsedSeconds / double(finished) * double(taskCount - finished);
            options.progress(info);
        }
    };
    auto worker = [&] {
        for (;;) {
            if (failed || (options.cancel && options.cancel->cancelled()))
                return;
            const std::size_t t = next++;
            if (t >= taskCount)
                return;
            try {
                runTask(t);
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!firstError)
                    firstError = std::current_exception();
                failed = true;
            }
        }
    };
    int threads = options.threads > 0 ? options.threads : int(std::max(1u, std::thread::hardware_concurrency()));
    threads = int(std::min<std::size_t>(std::size_t(threads), taskCount));
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i)
        pool.emplace_back(worker);
    worker();
    for (auto& th : pool)
        th.join();
    if (firstError)
        std::rethrow_exception(firstError);
    if (options.cancel)
        options.cancel->throwIfCancelled("cross-validation");

    EvaluationReport report;
    report.classes = data.classes;
    report.protocol.folds = K;
    report.protocol.seed = options.seed;
    report.protocol.search = options.search;
    report.protocol.innerFolds = options.innerFolds;
    report.protocol.grouped = std::any_of(groups.begin(), groups.end(), [&](int g) {
        return g >= 0 && std::count(groups.begin(), groups.end(), g) > 1;
    });
    report.protocol.samples = data.samples.size();
    report.protocol.features = data.samples.front().features.size();
    report.protocol.schema = data.schema.fingerprint();
    for (std::size_t m = 0; m < models.size(); ++m) {
        ModelReport r;
        r.name = models[m];
        r.confusion = emptyConfusion(data.classes.size());
        double lossSum = 0;
        std::size_t n = 0;
        std::map<std::string, std::pair<int, std::size_t>> chosen; // params -> (count, first fold)
        for (int f = 0; f < K; ++f) {
            const TaskOut& o = out[m * std::size_t(K) + std::size_t(f)];
            r.folds.push_back(o.fold);
            for (const auto& [truth, predicted] : o.truthPredicted)
                ++r.confusion[std::size_t(truth)][std::size_t(predicted)];
            lossSum += o.logLoss;
            n += o.truthPredicted.size();
            r.accuracyMean += o.fold.accuracy / K;
            r.fitSeconds += o.fold.fitSeconds / K;
            r.fitCpuSeconds += o.fold.fitCpuSeconds / K;
            r.predictSeconds += o.fold.predictSeconds / K;
            r.searchSeconds += o.fold.searchSeconds / K;
            auto [it, inserted] = chosen.emplace(paramsKey(o.fold.params), std::make_pair(0, std::size_t(f)));
            ++it->second.first;
        }
        for (const auto& fr : r.folds)
            r.accuracyStd += (fr.accuracy - r.accuracyMean) * (fr.accuracy - r.accuracyMean) / K;
        r.accuracyStd = std::sqrt(r.accuracyStd);
        // The most often chosen values (first fold wins ties).
        std::size_t bestFold = 0;
        int bestCount = -1;
        for (const auto& [key, value] : chosen)
            if (value.first > bestCount || (value.first == bestCount && value.second < bestFold)) {
                bestCount = value.first;
                bestFold = value.second;
            }
        r.params = r.folds[bestFold].params;
        const auto metrics = computeMetrics(r.confusion, data.classes);
        r.balancedAccuracy = metrics.balancedAccuracy;
        r.macroF1 = metrics.macroF1;
        r.perClass = metrics.perClass;
        r.confusionNormalized = normalizeRows(r.confusion);
        r.logLoss = n ? lossSum / double(n) : 0;
        report.models.push_back(std::move(r));
    }
    std::stable_sort(report.models.begin(), report.models.end(),
                     [](const ModelReport& a, const ModelReport& b) { return a.accuracyMean > b.accuracyMean; });
    return report;
}

} // namespace gs::ml
