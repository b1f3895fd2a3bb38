#pragma once
// Internal to core/ml (evaluate.cpp, learning_curve.cpp): the pieces every cross-validated
// computation shares, so that a learning curve at 100 % reproduces crossValidate exactly
// (same split, same training subset order, same seeds) and both run their (model, fold)
// tasks the same way on the one thread pool (core/jobs/parallel.h).
#include "core/common/progress.h"
#include "core/ml/classifier.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace gs::ml::cv {

std::vector<int> labelsOf(const LabelledSet& data);
std::vector<int> groupsOf(const LabelledSet& data);
// The samples at `indices`, in that order, with data's classes and schema.
LabelledSet subset(const LabelledSet& data, const std::vector<std::size_t>& indices);
// Indices (ascending) of the test fold and of everything else.
void splitByFold(const std::vector<int>& foldOf, int fold, std::vector<std::size_t>& train,
                 std::vector<std::size_t>& test);
// Every genre of a multi-genre sample (Sample::genres, e.g. FMA genres_all) that is one of
// data's classes, as ascending class indices with the sample's label among them; empty for a
// sample of one genre (no list, or a list naming only its label).
std::vector<int> genreIndices(const LabelledSet& data, const Sample& sample);
// First index of the largest value (the predicted class).
std::size_t argmax(const std::vector<double>& p);
// Songs, not clips: the rows at `rows` (with their probabilities, same order) grouped by
// Sample::song (rows of song -1 stay alone), each song listed once at its first row with the
// mean of its rows' probabilities (as classifySong averages its windows), in the order of
// the songs' first rows. One row per song gives the rows back unchanged.
struct SongPrediction {
    std::size_t firstRow = 0;
    std::vector<double> probabilities;
};
std::vector<SongPrediction> meanPerSong(const LabelledSet& data, const std::vector<std::size_t>& rows,
                                        std::vector<std::vector<double>> probabilities);
// Share of the songs among `rows` whose mean probabilities (meanPerSong) peak at their genre.
double songAccuracy(const Classifier& model, const LabelledSet& data, const std::vector<std::size_t>& rows);
// Throws InvalidArgument when `model` cannot learn from data (unknown model, missing audio
// or features, unlabelled samples).
void checkUsable(const std::string& model, const LabelledSet& data);
// Seconds of CPU the calling thread has used (fits run one per thread, BLAS single-threaded).
double threadCpuSeconds();
// The outer folds crossValidate uses for this data and seed.
std::vector<int> outerFolds(const LabelledSet& data, int folds, std::uint64_t seed);

// Runs task(index) for index in [0, count) on the shared pool. Stops handing out tasks after
// the first failure or a cancel; then rethrows the failure with the lowest index as gs::Error
// (its kind, subject and reason), else throws Cancelled when `cancel` was set. Results stay
// independent of thread count and finishing order as long as task(i) writes only slot i.
void runTasks(std::size_t count, int threads, const CancelToken* cancel, const std::string& what,
              const std::function<void(std::size_t index)>& task);

// Serialised progress over a fixed number of tasks: finished() after each task, and
// forward() to fold a running task's own progress (e.g. a network's epochs) into its
// stage text. Safe to call from every worker.
class TaskProgress {
public:
    TaskProgress(ProgressFn fn, std::size_t total);
    bool enabled() const { return bool(fn_); }
    void finished(const std::string& stage);
    // A ProgressFn for the model trained in a task: "<prefix> · <the model's own stage>".
    ProgressFn forward(const std::string& prefix);

private:
    void emit(const std::string& stage, bool taskDone);

    ProgressFn fn_;
    std::size_t total_;
    std::size_t done_ = 0;
    std::mutex mutex_;
    std::chrono::steady_clock::time_point started_;
};

} // namespace gs::ml::cv
