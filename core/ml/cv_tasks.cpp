#include "core/ml/cv_tasks.h"

#include "core/common/error.h"
#include "core/jobs/parallel.h"
#include "core/ml/evaluate.h"
#include "core/ml/registry.h"

#include <algorithm>
#include <map>

#include <time.h>

namespace gs::ml::cv {

std::vector<int> labelsOf(const LabelledSet& data)
{
    std::vector<int> out;
    out.reserve(data.samples.size());
    for (const auto& s : data.samples)
        out.push_back(s.label);
    return out;
}

std::vector<int> groupsOf(const LabelledSet& data)
{
    std::vector<int> out;
    out.reserve(data.samples.size());
    for (const auto& s : data.samples)
        out.push_back(s.group);
    return out;
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

void splitByFold(const std::vector<int>& foldOf, int fold, std::vector<std::size_t>& train, std::vector<std::size_t>& test)
{
    train.clear();
    test.clear();
    for (std::size_t i = 0; i < foldOf.size(); ++i)
        (foldOf[i] == fold ? test : train).push_back(i);
}

std::vector<int> genreIndices(const LabelledSet& data, const Sample& sample)
{
    if (sample.genres.empty())
        return {};
    std::vector<int> out;
    if (sample.label >= 0)
        out.push_back(sample.label);
    for (const auto& name : sample.genres) {
        const auto it = std::find(data.classes.begin(), data.classes.end(), name);
        if (it != data.classes.end())
            out.push_back(int(it - data.classes.begin()));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    if (out.size() < 2)
        out.clear();
    return out;
}

std::size_t argmax(const std::vector<double>& p)
{
    return std::size_t(std::max_element(p.begin(), p.end()) - p.begin());
}

std::vector<SongPrediction> meanPerSong(const LabelledSet& data, const std::vector<std::size_t>& rows,
                                        std::vector<std::vector<double>> probabilities)
{
    std::vector<SongPrediction> out;
    std::map<int, std::pair<std::size_t, int>> songAt; // song -> (index in out, rows so far)
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const int song = data.samples[rows[k]].song;
        if (song < 0) {
            out.push_back({rows[k], std::move(probabilities[k])});
            continue;
        }
        auto [it, first] = songAt.emplace(song, std::make_pair(out.size(), 0));
        if (first)
            out.push_back({rows[k], std::move(probabilities[k])});
        else
            for (std::size_t c = 0; c < probabilities[k].size(); ++c)
                out[it->second.first].probabilities[c] += probabilities[k][c];
        ++it->second.second;
    }
    for (const auto& [song, where] : songAt)
        if (where.second > 1)
            for (double& v : out[where.first].probabilities)
                v /= double(where.second);
    return out;
}

double songAccuracy(const Classifier& model, const LabelledSet& data, const std::vector<std::size_t>& rows)
{
    std::vector<std::vector<double>> probabilities;
    for (std::size_t i : rows)
        probabilities.push_back(model.predictProbabilities(data.samples[i]));
    const auto songs = meanPerSong(data, rows, std::move(probabilities));
    std::size_t correct = 0;
    for (const auto& s : songs)
        correct += argmax(s.probabilities) == std::size_t(data.samples[s.firstRow].label);
    return songs.empty() ? 0 : double(correct) / double(songs.size());
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

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

std::vector<int> outerFolds(const LabelledSet& data, int folds, std::uint64_t seed)
{
    return assignFolds(labelsOf(data), groupsOf(data), folds, mixSeed(seed, "outer-folds"));
}

void runTasks(std::size_t count, int threads, const CancelToken* cancel, const std::string& what,
              const std::function<void(std::size_t)>& task)
{
    // parallelFor carries on after a failed item; here one failure spoils the whole result,
    // so the first failure (or the user's cancel, seen by the next task) stops the hand-out.
    CancelToken stop;
    const auto userCancelled = [&] { return cancel && cancel->cancelled(); };
    auto body = [&](std::size_t index, int) {
        if (userCancelled()) {
            stop.cancel();
            throw Error(ErrorKind::Cancelled, what, "cancelled by the user");
        }
        try {
            task(index);
        } catch (...) {
            stop.cancel();
            throw;
        }
    };
    ParallelOptions options;
    options.threads = threads;
    options.cancel = &stop;
    const ParallelOutcome outcome = parallelFor(count, body, options);
    // Failures are sorted by index: the lowest-numbered task's error, whatever finished first.
    for (const auto& failure : outcome.failures)
        if (failure.kind != ErrorKind::Cancelled)
            throw Error(failure.kind, failure.subject.empty() ? what : failure.subject, failure.reason);
    if (cancel)
        cancel->throwIfCancelled(what);
    if (outcome.completed != count)
        throw Error(ErrorKind::Cancelled, what, "stopped before every fold was run");
}

TaskProgress::TaskProgress(ProgressFn fn, std::size_t total)
    : fn_(std::move(fn)), total_(total), started_(std::chrono::steady_clock::now())
{
}

void TaskProgress::finished(const std::string& stage) { emit(stage, true); }

ProgressFn TaskProgress::forward(const std::string& prefix)
{
    if (!fn_)
        return {};
    return [this, prefix](const ProgressInfo& inner) { emit(inner.stage.empty() ? prefix : prefix + " · " + inner.stage, false); };
}

void TaskProgress::emit(const std::string& stage, bool taskDone)
{
    if (!fn_)
        return;
    std::lock_guard lock(mutex_);
    if (taskDone)
        ++done_;
    ProgressInfo info;
    info.done = done_;
    info.total = total_;
    info.stage = stage;
    info.elapsedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    info.etaSeconds = estimateRemainingSeconds(done_, total_, info.elapsedSeconds);
    try {
        fn_(info);
    } catch (...) {
        // A failing progress display must not fail the evaluation.
    }
}

} // namespace gs::ml::cv
