#include "core/ml/cnn/cnn_classifier.h"

#include "core/common/error.h"
#include "core/common/shuffle.h"
#include "core/dataset/mel_export.h"
#include "core/ml/binary_io.h"
#include "core/ml/class_weights.h"
#include "core/ml/cnn/cnn_checkpoint.h"
#include "core/ml/dlib_input.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cmath>
#include <cstring>
#include <iomanip>
#include <map>
#include <numbers>
#include <random>
#include <span>
#include <sstream>

namespace fs = std::filesystem;

namespace gs::ml {

namespace {

const char* const kSubject = "cnn";
constexpr bin::Magic kBlobMagic = {'G', 'S', 'C', 'N', 'N', 'M', 'D', 'L'};
// Version 1: one mean and deviation for all bands. Version 2 (band_standardise=1): one per
// mel band. A model with one standardiser is still written as version 1, readable by older builds.
constexpr std::uint32_t kBlobVersionGlobal = 1;
constexpr std::uint32_t kBlobVersionPerBand = 2;
constexpr std::uint32_t kMaxHyperparameters = 1000;
constexpr std::size_t kMaxNameLength = std::size_t(1) << 20;

// The version field of the blob at the stream's position (left there), when it is one this
// build reads; else version 1, whose reading then fails with readRecord's usual message.
std::uint32_t peekBlobVersion(std::istream& in)
{
    const auto start = in.tellg();
    if (start == std::istream::pos_type(-1))
        return kBlobVersionGlobal;
    char header[sizeof kBlobMagic + 4] = {};
    in.read(header, sizeof header);
    const bool complete = in.gcount() == std::streamsize(sizeof header);
    in.clear();
    in.seekg(start);
    if (!complete)
        return kBlobVersionGlobal;
    std::istringstream field(std::string(header + sizeof kBlobMagic, 4), std::ios::binary);
    const std::uint32_t version = bin::readU32(field, "version");
    return version == kBlobVersionPerBand ? kBlobVersionPerBand : kBlobVersionGlobal;
}

// ---- windows ----

// Frame-major 8-bit codes -> band-major standardised floats (the network's layout): band b's
// dB values become (dB - mean[b]) * invStd[b].
void decodeWindow(const std::uint8_t* codes, int mels, int frames, float dbMin, float step,
                  const CnnStandardiser& standardiser, float* out)
{
    float lut[256];
    for (int b = 0; b < mels; ++b) {
        const float mean = standardiser.mean[std::size_t(b)];
        const float invStd = standardiser.invStd[std::size_t(b)];
        if (b == 0 || mean != standardiser.mean[std::size_t(b) - 1] || invStd != standardiser.invStd[std::size_t(b) - 1])
            for (int c = 0; c < 256; ++c)
                lut[c] = (dbMin + step * float(c) - mean) * invStd;
        float* row = out + std::size_t(b) * frames;
        for (int t = 0; t < frames; ++t)
            row[t] = lut[codes[std::size_t(t) * mels + b]];
    }
}

// Mixup's share: Beta(a, a) by Johnk's method (Johnk 1964; Devroye 1986, IX.3.5), from uniform
// draws only (the std distributions differ between standard libraries). Logs keep small a
// (u^(1/a) underflows) exact.
double drawSymmetricBeta(double a, std::mt19937_64& rng)
{
    for (;;) {
        const double u = drawUnit(rng), v = drawUnit(rng);
        if (u <= 0.0 || v <= 0.0)
            continue;
        const double lx = std::log(u) / a, ly = std::log(v) / a;
        const double top = std::max(lx, ly);
        const double logSum = top + std::log(std::exp(lx - top) + std::exp(ly - top));
        if (logSum <= 0.0)
            return std::exp(lx - logSum);
    }
}

// Augmentation: a random level change of up to +- gainJitterDb (recordings differ in loudness),
// then SpecAugment-style masks that set a random band range and frame range to zero (the training mean).
void augmentWindow(float* x, int mels, int frames, float gainJitterDb, const CnnStandardiser& standardiser,
                   int maxBands, int maxFrames, std::mt19937_64& rng)
{
    if (gainJitterDb > 0.0f) {
        const float shiftDb = gainJitterDb * (2.0f * float(drawUnit(rng)) - 1.0f);
        for (int b = 0; b < mels; ++b) {
            const float shift = shiftDb * standardiser.invStd[std::size_t(b)];
            for (int t = 0; t < frames; ++t)
                x[std::size_t(b) * frames + t] += shift;
        }
    }
    if (maxBands > 0) {
        const int width = int(drawBelow(rng, std::uint64_t(std::min(maxBands, mels - 1)) + 1));
        const int first = int(drawBelow(rng, std::uint64_t(mels - width + 1)));
        std::fill(x + std::size_t(first) * frames, x + std::size_t(first + width) * frames, 0.0f);
    }
    if (maxFrames > 0) {
        const int width = int(drawBelow(rng, std::uint64_t(std::min(maxFrames, frames - 1)) + 1));
        const int first = int(drawBelow(rng, std::uint64_t(frames - width + 1)));
        for (int b = 0; b < mels; ++b)
            std::fill(x + std::size_t(b) * frames + first, x + std::size_t(b) * frames + first + width, 0.0f);
    }
}

// Mean of the windows' log-probabilities, renormalised into probabilities.
std::vector<double> songProbabilities(CnnPredictor& predictor, const QuantisedSpectrogram& s, const CnnShape& shape,
                                      double overlap, const CnnStandardiser& standardiser)
{
    const auto starts = melWindowStarts(s.frames, shape.frames, overlap); // as export-mels cuts them
    const std::size_t windowSize = std::size_t(shape.mels) * shape.frames;
    constexpr std::size_t kBatch = 32;
    std::vector<double> meanLog(std::size_t(shape.classes), 0.0);
    std::vector<std::uint8_t> codes(windowSize);
    std::vector<float> batch;
    for (std::size_t first = 0; first < starts.size(); first += kBatch) {
        const std::size_t count = std::min(kBatch, starts.size() - first);
        batch.resize(count * windowSize);
        for (std::size_t i = 0; i < count; ++i) {
            std::fill(codes.begin(), codes.end(), std::uint8_t(0));
            const int start = starts[first + i];
            const int available = std::min(shape.frames, s.frames - start);
            std::memcpy(codes.data(), s.data.data() + std::size_t(start) * s.mels,
                        std::size_t(available) * std::size_t(s.mels));
            decodeWindow(codes.data(), shape.mels, shape.frames, s.dbMin, s.step(), standardiser,
                         batch.data() + i * windowSize);
        }
        const auto logp = predictor.logProbabilities(batch.data(), int(count), shape);
        for (std::size_t i = 0; i < count; ++i)
            for (int c = 0; c < shape.classes; ++c)
                meanLog[std::size_t(c)] += logp[i * std::size_t(shape.classes) + std::size_t(c)];
    }
    const double top = *std::max_element(meanLog.begin(), meanLog.end()) / double(starts.size());
    double sum = 0.0;
    for (double& v : meanLog) {
        v = std::exp(v / double(starts.size()) - top);
        sum += v;
    }
    for (double& v : meanLog)
        v /= sum;
    return meanLog;
}

struct TrainSong {
    CachedSong entry;
    int label = -1;
    int group = -1;
};

// Holds out about `fraction` of the groups of every class (at least one group for each class
// that has two or more), so that windows of one song never sit on both sides.
std::vector<bool> validationMask(const std::vector<TrainSong>& songs, int classes, double fraction,
                                 std::mt19937_64& rng)
{
    if (fraction <= 0.0)
        return std::vector<bool>(songs.size(), false); // no validation: every song trains
    std::map<int, int> groupLabel; // group -> label of its first song
    for (const auto& s : songs)
        groupLabel.emplace(s.group, s.label);
    std::vector<std::vector<int>> groupsOfClass(static_cast<std::size_t>(classes));
    for (const auto& [group, label] : groupLabel)
        groupsOfClass[std::size_t(label)].push_back(group);
    std::map<int, bool> held;
    for (auto& groups : groupsOfClass) {
        if (groups.size() < 2)
            continue;
        fisherYatesShuffle(groups, rng);
        const std::size_t take = std::clamp<std::size_t>(std::size_t(std::lround(fraction * groups.size())), 1,
                                                         groups.size() - 1);
        for (std::size_t i = 0; i < take; ++i)
            held[groups[i]] = true;
    }
    std::vector<bool> mask(songs.size());
    for (std::size_t i = 0; i < songs.size(); ++i)
        mask[i] = held.count(songs[i].group) > 0;
    return mask;
}


// ---- the stages of fit() ----

using Clock = std::chrono::steady_clock;

// Cancellation and progress of one fit, shared by its stages.
class FitMonitor {
public:
    explicit FitMonitor(const TrainContext& context)
        : context_(context)
    {
    }

    void throwIfCancelled() const
    {
        if (context_.cancel && context_.cancel->cancelled())
            throw Error(ErrorKind::Cancelled, kSubject, "training cancelled");
    }

    void report(std::size_t done, std::size_t total, const std::string& stage, double etaSeconds) const
    {
        if (context_.progress)
            context_.progress(ProgressInfo{done, total, stage,
                                           std::chrono::duration<double>(Clock::now() - started_).count(), etaSeconds});
    }

private:
    const TrainContext& context_;
    Clock::time_point started_ = Clock::now();
};

struct CollectedSongs {
    std::vector<TrainSong> songs;
    std::string identity; // what a checkpoint must match to be resumed
};

// Stage 1: every song's spectrogram in the cache (computed once, reused by later folds and
// runs). Undecodable songs are left out and counted in `result`; the identity names the
// settings, the seed and every song with its label and group.
CollectedSongs collectSongs(const LabelledSet& train, SpectrogramCache& cache, const CnnOptions& options,
                            std::uint64_t seed, const TrainContext& context, const FitMonitor& monitor,
                            CnnTrainingReport& result)
{
    const int classes = int(train.classes.size());
    const std::size_t computedBefore = cache.computedCount();
    CollectedSongs out;
    out.songs.reserve(train.samples.size());
    std::ostringstream identity;
    identity << cache.settings().fingerprint() << '|' << classes << '|' << seed << '|';
    for (const auto& [name, value] : options.toHyperparameters())
        if (name != "epochs" && name != "patience")
            identity << name << '=' << value << ';';
    for (std::size_t i = 0; i < train.samples.size(); ++i) {
        const Sample& sample = train.samples[i];
        monitor.throwIfCancelled();
        if (sample.label < 0 || sample.label >= classes)
            throw Error(ErrorKind::InvalidArgument, sample.audioPath, "label outside the class list");
        monitor.report(i, train.samples.size(), "spectrograms · " + fs::path(sample.audioPath).filename().string(),
                       -1);
        try {
            TrainSong song{cache.ensure(sample.audioPath, context.cancel), sample.label,
                           sample.group >= 0 ? sample.group : -1 - int(i)};
            identity << song.entry.file.filename().string() << ':' << song.label << ':' << song.group << ';';
            out.songs.push_back(std::move(song));
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::Cancelled)
                throw;
            if (result.skippedSongs++ == 0)
                result.firstSkipReason = e.what();
        }
    }
    result.spectrogramsComputed = cache.computedCount() - computedBefore;
    if (out.songs.empty())
        throw Error(ErrorKind::Empty, kSubject, "no training song could be analysed: " + result.firstSkipReason);
    if (out.songs.front().entry.mels != cache.settings().mel.nMels)
        throw Error(ErrorKind::Mismatch, kSubject, "cached spectrograms have the wrong number of mel bands");
    out.identity = identity.str();
    return out;
}

// What every epoch reads: the songs, which of them train and which validate, and the
// standardiser of the dB values (from the training songs only).
struct TrainingData {
    std::vector<TrainSong> songs;
    std::vector<std::size_t> train, validation; // indices into songs
    CnnStandardiser standardiser;
    std::vector<int> windowsPerClass; // random windows per song and epoch, by the song's class
};

// Class weights (class_weight, core/ml/class_weights.h) for the CNN: Dlib's multiclass log-loss
// takes no per-sample weights, so a song of class c gets round(windows_per_song * w_c) random
// windows per epoch (at least 1) instead: oversampling with fresh windows rather than repeats,
// whose expected gradient is that of the class-weighted loss. Equal weights leave every song its
// windows_per_song (unchanged results).
std::vector<int> windowsPerClass(const TrainingData& data, int classes, const CnnOptions& options)
{
    std::vector<int> labels;
    for (std::size_t idx : data.train)
        labels.push_back(data.songs[idx].label);
    const auto weights = trainingClassWeights(classWeightMode(options.classWeight), labels, classes);
    std::vector<int> windows(std::size_t(classes), options.windowsPerSong);
    if (!allWeightsOne(weights))
        for (std::size_t c = 0; c < windows.size(); ++c)
            windows[c] = std::max(1, int(std::lround(double(options.windowsPerSong) * weights[c])));
    return windows;
}

// Mean and deviation of every mel band over the training songs' frames (one pass over their
// cache entries; per-channel input normalisation, as PANNs' bn0 over mel bins, Kong et al. 2020).
CnnStandardiser bandStandardiser(const std::vector<TrainSong>& songs, const std::vector<std::size_t>& train, int mels)
{
    std::vector<double> sum(std::size_t(mels), 0.0), sumSquares(std::size_t(mels), 0.0);
    double frames = 0.0;
    for (std::size_t idx : train) {
        const QuantisedSpectrogram s = SpectrogramCache::readAll(songs[idx].entry);
        for (int t = 0; t < s.frames; ++t)
            for (int b = 0; b < s.mels; ++b) {
                const double db = s.db(t, b);
                sum[std::size_t(b)] += db;
                sumSquares[std::size_t(b)] += db * db;
            }
        frames += s.frames;
    }
    std::vector<float> mean(sum.size()), stddev(sum.size());
    for (std::size_t b = 0; b < mean.size(); ++b) {
        const double m = sum[b] / frames;
        mean[b] = float(m);
        stddev[b] = float(std::max(1e-3, std::sqrt(std::max(0.0, sumSquares[b] / frames - m * m))));
    }
    return CnnStandardiser::perBand(std::move(mean), std::move(stddev));
}

// Stage 2: the song-grouped validation split for early stopping (the first draws of `rng`),
// and the standardiser of the training songs' dB values (global, or per band).
TrainingData splitAndStandardise(std::vector<TrainSong> songs, int classes, const CnnOptions& options,
                                 std::mt19937_64& rng)
{
    TrainingData data;
    const auto heldOut = validationMask(songs, classes, options.validationFraction, rng);
    double sum = 0.0, sumSquares = 0.0, count = 0.0;
    for (std::size_t i = 0; i < songs.size(); ++i) {
        (heldOut[i] ? data.validation : data.train).push_back(i);
        if (!heldOut[i]) {
            sum += songs[i].entry.sum;
            sumSquares += songs[i].entry.sumSquares;
            count += double(songs[i].entry.mels) * songs[i].entry.frames;
        }
    }
    const int mels = songs.front().entry.mels;
    if (options.bandStandardise) {
        data.standardiser = bandStandardiser(songs, data.train, mels);
    } else {
        const double mean = sum / count;
        const double variance = std::max(0.0, sumSquares / count - mean * mean);
        data.standardiser = CnnStandardiser::uniform(mels, float(mean), float(std::max(1e-3, std::sqrt(variance))));
    }
    data.songs = std::move(songs);
    return data;
}

struct EpochPlan {
    std::size_t windowsPerEpoch = 0;
    std::size_t batchesPerEpoch = 0;
    std::size_t totalBatches = 0; // over all planned epochs, for the progress bar
};

EpochPlan planEpochs(std::size_t trainingSongs, const CnnOptions& options)
{
    EpochPlan plan;
    const std::size_t batchSize = std::size_t(options.batchSize);
    plan.windowsPerEpoch = trainingSongs * std::size_t(options.windowsPerSong);
    plan.batchesPerEpoch = std::max<std::size_t>(1, plan.windowsPerEpoch / batchSize
                                                        + (plan.windowsPerEpoch % batchSize > 1 ? 1 : 0));
    plan.totalBatches = plan.batchesPerEpoch * std::size_t(options.epochs);
    return plan;
}

// Cosine decay to 2% of the initial rate over the planned epochs (epoch is 1-based).
double learningRateAt(int epoch, const CnnOptions& options)
{
    const double progress = options.epochs > 1 ? double(epoch - 1) / double(options.epochs - 1) : 0.0;
    return options.learningRate * (0.02 + 0.98 * 0.5 * (1.0 + std::cos(std::numbers::pi * progress)));
}

// Linear warm-up over the first warmup_epochs (Goyal et al. 2017, "Accurate, large minibatch
// SGD"), batch by batch, on top of the epoch's cosine rate: Adam's first steps, on freshly
// initialised batch norm, are the least reliable. 1 when off or past the warm-up.
double warmupFactor(int epoch, std::size_t batchInEpoch, const EpochPlan& plan, const CnnOptions& options)
{
    if (options.warmupEpochs <= 0.0)
        return 1.0;
    const double done = double(std::size_t(epoch - 1) * plan.batchesPerEpoch + batchInEpoch + 1);
    return std::min(1.0, done / (options.warmupEpochs * double(plan.batchesPerEpoch)));
}

using WindowRef = std::pair<std::uint32_t, std::int32_t>; // (song, first frame)

// An epoch's windows: windowsPerClass[label] random starts in every training song, then shuffled.
std::vector<WindowRef> drawEpochWindows(const TrainingData& data, const CnnShape& shape, std::mt19937_64& rng)
{
    std::vector<WindowRef> windows;
    for (std::size_t idx : data.train) {
        const int slack = std::max(0, data.songs[idx].entry.frames - shape.frames);
        const int windowsPerSong = data.windowsPerClass[std::size_t(data.songs[idx].label)];
        for (int w = 0; w < windowsPerSong; ++w)
            windows.emplace_back(std::uint32_t(idx), std::int32_t(drawBelow(rng, std::uint64_t(slack) + 1)));
    }
    fisherYatesShuffle(windows, rng);
    return windows;
}

// Mixup (Zhang et al. 2018, "mixup: beyond empirical risk minimization") and label smoothing
// (Szegedy et al. 2016), after the other augmentations. Dlib's multiclass log-loss takes one
// integer label per window, so the soft targets are drawn instead: window i becomes
// lambda x_i + (1 - lambda) x_j (j a random window of the batch, lambda ~ Beta(a, a)) labelled
// y_i with probability lambda, else y_j; then, with probability `label_smoothing`, a uniformly
// random class. The cross-entropy is linear in the target, so the expected gradient is that of
// the soft target lambda y_i + (1 - lambda) y_j, smoothed. Off (0) = no draw, unchanged results.
void mixAndSmooth(const CnnOptions& options, const CnnShape& shape, std::mt19937_64& rng, std::span<float> batch,
                  std::vector<unsigned long>& labels)
{
    const std::size_t n = labels.size();
    const std::size_t windowSize = std::size_t(shape.mels) * std::size_t(shape.frames);
    if (options.mixup > 0.0 && n > 1) {
        const std::vector<float> original(batch.begin(), batch.end());
        const std::vector<unsigned long> originalLabels = labels;
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t j = std::size_t(drawBelow(rng, n));
            const float lambda = float(drawSymmetricBeta(options.mixup, rng));
            const float* a = original.data() + i * windowSize;
            const float* b = original.data() + j * windowSize;
            float* x = batch.data() + i * windowSize;
            for (std::size_t k = 0; k < windowSize; ++k)
                x[k] = lambda * a[k] + (1.0f - lambda) * b[k];
            labels[i] = drawUnit(rng) < double(lambda) ? originalLabels[i] : originalLabels[j];
        }
    }
    if (options.labelSmoothing > 0.0)
        for (auto& label : labels)
            if (drawUnit(rng) < options.labelSmoothing)
                label = static_cast<unsigned long>(drawBelow(rng, std::uint64_t(shape.classes)));
}

// The network input of `windows`: read from the cache, standardised, augmented (in this order,
// which fixes the generator's draws); their labels into `labels`.
void assembleBatch(std::span<const WindowRef> windows, const TrainingData& data, const CnnShape& shape,
                   const CnnOptions& options, std::mt19937_64& rng, std::vector<float>& batch,
                   std::vector<unsigned long>& labels)
{
    const std::size_t windowSize = std::size_t(shape.mels) * std::size_t(shape.frames);
    std::vector<std::uint8_t> codes(windowSize);
    labels.resize(windows.size());
    for (std::size_t i = 0; i < windows.size(); ++i) {
        const auto& [idx, start] = windows[i];
        const CachedSong& entry = data.songs[idx].entry;
        SpectrogramCache::readWindow(entry, start, shape.frames, codes.data());
        float* x = batch.data() + i * windowSize;
        decodeWindow(codes.data(), shape.mels, shape.frames, entry.dbMin, (entry.dbMax - entry.dbMin) / 255.0f,
                     data.standardiser, x);
        augmentWindow(x, shape.mels, shape.frames, float(options.gainJitterDb), data.standardiser, options.freqMask,
                      options.timeMask, rng);
        labels[i] = static_cast<unsigned long>(data.songs[idx].label);
    }
    mixAndSmooth(options, shape, rng, std::span(batch.data(), windows.size() * windowSize), labels);
}

// Stage 4 (stage 3, resuming, is resumeCnnCheckpoint in cnn_checkpoint.cpp): one epoch of
// random, augmented windows streamed from the cache in mini-batches. Returns the mean training loss of its batches.
double trainEpoch(CnnTrainer& trainer, const TrainingData& data, const CnnShape& shape, const CnnOptions& options,
                  int epoch, double learningRate, const EpochPlan& plan, std::mt19937_64& rng,
                  const FitMonitor& monitor)
{
    const auto epochStart = Clock::now();
    const std::size_t batchSize = std::size_t(options.batchSize);
    const std::vector<WindowRef> windows = drawEpochWindows(data, shape, rng);
    std::vector<float> batch(batchSize * std::size_t(shape.mels) * std::size_t(shape.frames));
    std::vector<unsigned long> labels;
    double lossSum = 0.0;
    std::size_t lossBatches = 0;
    for (std::size_t first = 0; first + 1 < windows.size(); first += batchSize) {
        monitor.throwIfCancelled();
        const std::size_t n = std::min(batchSize, windows.size() - first);
        if (n < 2)
            break; // batch norm needs two windows to estimate statistics
        assembleBatch(std::span(windows).subspan(first, n), data, shape, options, rng, batch, labels);
        const double loss = trainer.trainBatch(batch.data(), int(n), labels,
                                               learningRate * warmupFactor(epoch, lossBatches, plan, options));
        if (!std::isfinite(loss))
            throw Error(ErrorKind::Internal, kSubject, "training diverged (non-finite loss); lower the learning rate");
        lossSum += loss;
        ++lossBatches;
        const std::size_t done = std::size_t(epoch - 1) * plan.batchesPerEpoch + lossBatches;
        if (lossBatches % 8 == 0) {
            const double elapsed = std::chrono::duration<double>(Clock::now() - epochStart).count();
            const double perBatch = elapsed / double(lossBatches);
            monitor.report(done, plan.totalBatches,
                           "epoch " + std::to_string(epoch) + "/" + std::to_string(options.epochs) + " · batch "
                               + std::to_string(lossBatches) + "/" + std::to_string(plan.batchesPerEpoch),
                           perBatch * double(plan.totalBatches - std::min(done, plan.totalBatches)));
        }
    }
    return lossBatches ? lossSum / double(lossBatches) : 0.0;
}

struct ValidationScore {
    double accuracy = -1.0; // < 0: no validation songs
    double loss = -1.0;
};

// Stage 5: song-level accuracy and cross-entropy of `network` on the validation songs.
ValidationScore validate(CnnPredictor& network, const TrainingData& data, const CnnShape& shape, double overlap,
                         const FitMonitor& monitor)
{
    ValidationScore score;
    if (data.validation.empty())
        return score;
    std::size_t correct = 0;
    double lossTotal = 0.0;
    for (std::size_t idx : data.validation) {
        monitor.throwIfCancelled();
        const auto p = songProbabilities(network, SpectrogramCache::readAll(data.songs[idx].entry), shape, overlap,
                                         data.standardiser);
        const int label = data.songs[idx].label;
        correct += std::size_t(std::max_element(p.begin(), p.end()) - p.begin()) == std::size_t(label);
        lossTotal -= std::log(std::max(1e-12, p[std::size_t(label)]));
    }
    score.accuracy = double(correct) / double(data.validation.size());
    score.loss = lossTotal / double(data.validation.size());
    return score;
}

struct EpochResult {
    CnnEpochStats stats;
    CnnPredictor network; // the weights after the epoch, in inference form
};

// Stages 4 and 5 of one epoch, timed (wall and process CPU).
EpochResult runEpoch(CnnTrainer& trainer, const TrainingData& data, const CnnShape& shape, const CnnOptions& options,
                     int epoch, const EpochPlan& plan, std::mt19937_64& rng, const FitMonitor& monitor)
{
    const auto epochStart = Clock::now();
    const std::clock_t epochCpuStart = std::clock();
    EpochResult result;
    CnnEpochStats& stats = result.stats;
    stats.epoch = epoch;
    stats.learningRate = learningRateAt(epoch, options);
    stats.trainLoss = trainEpoch(trainer, data, shape, options, epoch, stats.learningRate, plan, rng, monitor);
    result.network = trainer.predictor();
    const ValidationScore score = validate(result.network, data, shape, options.inferenceOverlap, monitor);
    stats.validationAccuracy = score.accuracy;
    stats.validationLoss = score.loss;
    stats.seconds = std::chrono::duration<double>(Clock::now() - epochStart).count();
    stats.cpuSeconds = double(std::clock() - epochCpuStart) / CLOCKS_PER_SEC;
    return result;
}

// Stage 6: the epoch joins the history; the network is the new best when validation improved
// (accuracy decides, the smoother loss breaks ties among the few possible accuracies), or
// always when there is no validation (then the last epoch is the model).
void recordEpoch(CnnCheckpoint& state, const CnnEpochStats& stats, bool validated, CnnPredictor current,
                 CnnPredictor& best)
{
    const bool improved = !validated || stats.validationAccuracy > state.bestAccuracy
                          || (stats.validationAccuracy == state.bestAccuracy && stats.validationLoss < state.bestLoss);
    if (improved) {
        state.bestAccuracy = stats.validationAccuracy;
        state.bestLoss = stats.validationLoss;
        state.bestEpoch = stats.epoch;
        state.epochsWithoutProgress = 0;
        std::ostringstream bestOut(std::ios::binary);
        current.save(bestOut);
        state.bestPredictor = bestOut.str();
        best = std::move(current);
    } else {
        ++state.epochsWithoutProgress;
    }
    state.epochsDone = stats.epoch;
    state.history.push_back(stats);
}

std::string formatEpoch(const CnnEpochStats& e, int epochs)
{
    std::ostringstream s;
    s << "epoch " << e.epoch << "/" << epochs << " · loss " << std::fixed << std::setprecision(3) << e.trainLoss;
    if (e.validationAccuracy >= 0)
        s << " · val acc " << std::setprecision(1) << 100.0 * e.validationAccuracy << "% · val loss "
          << std::setprecision(3) << e.validationLoss;
    s << " · " << std::setprecision(1) << e.seconds << " s (" << e.cpuSeconds << " s CPU)";
    return s.str();
}

} // namespace

// ---------------------------------------------------------------------------------------------

CnnStandardiser CnnStandardiser::uniform(int mels, float mean, float stddev)
{
    return perBand(std::vector<float>(std::size_t(mels), mean), std::vector<float>(std::size_t(mels), stddev));
}

CnnStandardiser CnnStandardiser::perBand(std::vector<float> mean, std::vector<float> stddev)
{
    CnnStandardiser s;
    s.mean = std::move(mean);
    s.stddev = std::move(stddev);
    for (float d : s.stddev)
        s.invStd.push_back(1.0f / d);
    return s;
}

bool CnnStandardiser::isUniform() const
{
    return std::all_of(mean.begin(), mean.end(), [&](float m) { return m == mean.front(); })
           && std::all_of(stddev.begin(), stddev.end(), [&](float d) { return d == stddev.front(); });
}

CnnClassifier::CnnClassifier(const CnnOptions& options, fs::path cacheDirectory)
    : options_(options)
    , cacheDirectory_(std::move(cacheDirectory))
{
    SpectrogramSettings settings;
    settings.mel = cnnMelOptions();
    settings.sampleRate = options_.sampleRate;
    settings.clipSeconds = options_.clipSeconds;
    settings.clipOffsetSeconds = options_.clipOffsetSeconds;
    cache_ = std::make_unique<SpectrogramCache>(cacheDirectory_ / "mel", settings);
}

CnnClassifier::~CnnClassifier() = default;

CnnShape CnnClassifier::shape() const
{
    return CnnShape{classes_, cache_->settings().mel.nMels, options_.windowFrames};
}


void CnnClassifier::fit(const LabelledSet& train, const TrainContext& context)
{
    const int classes = int(train.classes.size());
    if (classes < 2)
        throw Error(ErrorKind::InvalidArgument, kSubject, "training needs at least two classes");
    if (train.samples.empty())
        throw Error(ErrorKind::Empty, kSubject, "no training songs");
    const std::uint64_t seed = options_.seed ? options_.seed : context.seed;
    const FitMonitor monitor(context);
    CnnTrainingReport result;

    CollectedSongs collected = collectSongs(train, *cache_, options_, seed, context, monitor, result);
    std::mt19937_64 rng(seed);
    TrainingData data = splitAndStandardise(std::move(collected.songs), classes, options_, rng);
    data.windowsPerClass = windowsPerClass(data, classes, options_);
    result.trainingSongs = data.train.size();
    result.validationSongs = data.validation.size();
    classes_ = classes;
    standardiser_ = data.standardiser;
    const CnnShape netShape = shape();

    // Stage 3: the network, fresh or from the checkpoint of an interrupted run on the same data.
    const fs::path checkpointFile = cnnCheckpointFile(checkpointDirectory(), collected.identity);
    CnnTrainer trainer(netShape, options_.dropout, options_.weightDecay, seed, options_.threads);
    CnnPredictor best;
    CnnCheckpoint state;
    state.key = collected.identity;
    if (auto saved = resumeCnnCheckpoint(checkpointFile, collected.identity, trainer, best, rng)) {
        state = std::move(*saved);
        result.resumed = true;
    }

    const bool validated = !data.validation.empty();
    const EpochPlan plan = planEpochs(data.train.size(), options_);
    for (int epoch = state.epochsDone + 1; epoch <= options_.epochs; ++epoch) {
        if (validated && state.epochsWithoutProgress >= options_.patience)
            break; // a resumed run that had already stopped early
        EpochResult done = runEpoch(trainer, data, netShape, options_, epoch, plan, rng, monitor);
        recordEpoch(state, done.stats, validated, std::move(done.network), best);
        monitor.report(std::size_t(epoch) * plan.batchesPerEpoch, plan.totalBatches,
                       formatEpoch(done.stats, options_.epochs), -1);
        saveCnnCheckpoint(checkpointFile, state, trainer, rng); // a later fit on the same songs continues here
        if (validated && state.epochsWithoutProgress >= options_.patience)
            break;
    }
    if (best.empty()) // resumed after the last epoch, or no epoch ran
        best = trainer.predictor();

    predictor_ = std::move(best);
    result.epochs = state.history;
    result.bestEpoch = state.bestEpoch;
    report_ = std::move(result);
    std::error_code ec;
    fs::remove(checkpointFile, ec); // finished: the next fit starts afresh
}

std::vector<double> CnnClassifier::predictSpectrogram(const QuantisedSpectrogram& spectrogram) const
{
    if (predictor_.empty())
        throw Error(ErrorKind::InvalidArgument, kSubject, "the model has not been trained or loaded");
    if (spectrogram.mels != cache_->settings().mel.nMels || spectrogram.frames <= 0)
        throw Error(ErrorKind::Mismatch, kSubject, "spectrogram has the wrong number of mel bands");
    std::lock_guard lock(predictMutex_);
    return songProbabilities(predictor_, spectrogram, shape(), options_.inferenceOverlap, standardiser_);
}

std::vector<double> CnnClassifier::predictProbabilities(const Sample& sample) const
{
    if (predictor_.empty())
        throw Error(ErrorKind::InvalidArgument, kSubject, "the model has not been trained or loaded");
    if (sample.audioPath.empty())
        throw Error(ErrorKind::InvalidArgument, kSubject, "the CNN needs the song's audio file");
    return predictSpectrogram(cache_->load(sample.audioPath));
}

void CnnClassifier::save(std::ostream& out) const
{
    if (predictor_.empty())
        throw Error(ErrorKind::InvalidArgument, kSubject, "the model has not been trained or loaded");
    std::ostringstream payload(std::ios::binary);
    const auto hyper = options_.toHyperparameters();
    bin::writeU32(payload, std::uint32_t(hyper.size()));
    for (const auto& [name, value] : hyper) {
        bin::writeString32(payload, name);
        bin::writeF64(payload, value);
    }
    const MelOptions& mel = cache_->settings().mel;
    bin::writeI32(payload, options_.sampleRate);
    bin::writeI32(payload, mel.nFft);
    bin::writeI32(payload, mel.hop);
    bin::writeI32(payload, mel.nMels);
    bin::writeF64(payload, mel.fmin);
    bin::writeF64(payload, mel.fmax);
    bin::writeI32(payload, std::int32_t(mel.pad == PadMode::Reflect));
    bin::writeF64(payload, mel.topDb);
    bin::writeI32(payload, classes_);
    const bool uniform = standardiser_.isUniform();
    if (uniform) {
        bin::writeF32(payload, standardiser_.mean.front());
        bin::writeF32(payload, standardiser_.stddev.front());
    } else {
        for (std::size_t b = 0; b < standardiser_.mean.size(); ++b) {
            bin::writeF32(payload, standardiser_.mean[b]);
            bin::writeF32(payload, standardiser_.stddev[b]);
        }
    }
    predictor_.save(payload);
    bin::writeRecord(out, kBlobMagic, uniform ? kBlobVersionGlobal : kBlobVersionPerBand, payload.str());
}

void CnnClassifier::load(std::istream& in)
{
    const std::uint32_t version = peekBlobVersion(in);
    const std::string payload = bin::readRecord(in, kBlobMagic, version, "Genrescope CNN model", kMaxCnnRecordBytes);
    const bool perBand = version == kBlobVersionPerBand;
    DlibInput p(payload); // a network stored before "GSCNNW01" is read by Dlib
    Hyperparameters hyper;
    const std::uint32_t count = bin::readU32(p, "hyperparameters");
    if (count > kMaxHyperparameters)
        throw Error(ErrorKind::Format, kSubject, "implausible hyperparameter count");
    for (std::uint32_t i = 0; i < count; ++i) {
        std::string name = bin::readString32(p, "hyperparameter name", kMaxNameLength);
        hyper[name] = bin::readF64(p, "hyperparameter value");
    }
    CnnOptions options;
    try {
        options = CnnOptions::fromHyperparameters(hyper);
    } catch (const Error& e) {
        throw Error(ErrorKind::Format, kSubject, std::string("bad stored hyperparameter: ") + e.what());
    }
    options.sampleRate = bin::readI32(p, "sample rate");
    MelOptions mel;
    mel.nFft = bin::readI32(p, "n_fft");
    mel.hop = bin::readI32(p, "hop");
    mel.nMels = bin::readI32(p, "n_mels");
    mel.fmin = bin::readF64(p, "fmin");
    mel.fmax = bin::readF64(p, "fmax");
    mel.pad = bin::readI32(p, "pad") ? PadMode::Reflect : PadMode::Constant;
    mel.topDb = bin::readF64(p, "top_db");
    const int classes = bin::readI32(p, "classes");
    if (options.sampleRate < 4000 || options.sampleRate > 192000 || mel.nFft < 16 || mel.hop < 1 || mel.nMels < 8
        || mel.nMels > 512 || classes < 2 || classes > 100000)
        throw Error(ErrorKind::Format, kSubject, "implausible model input settings");
    std::vector<float> mean, stddev;
    for (int b = 0, n = perBand ? mel.nMels : 1; b < n; ++b) {
        mean.push_back(bin::readF32(p, "mean"));
        stddev.push_back(bin::readF32(p, "std"));
        if (!std::isfinite(mean.back()) || !std::isfinite(stddev.back()) || stddev.back() <= 0.0f)
            throw Error(ErrorKind::Format, kSubject, "implausible model input settings");
    }
    options.bandStandardise = perBand ? 1 : 0; // a version-1 blob predates the option
    CnnStandardiser standardiser = perBand ? CnnStandardiser::perBand(std::move(mean), std::move(stddev))
                                           : CnnStandardiser::uniform(mel.nMels, mean.front(), stddev.front());
    CnnPredictor predictor;
    predictor.load(p, CnnShape{classes, mel.nMels, options.windowFrames});
    if (predictor.classes() != classes)
        throw Error(ErrorKind::Format, kSubject, "the network's output count does not match its class count");
    if (p.peek() != std::char_traits<char>::eof())
        throw Error(ErrorKind::Format, kSubject, "unexpected data after the network");

    SpectrogramSettings settings;
    settings.mel = mel;
    settings.sampleRate = options.sampleRate;
    settings.clipSeconds = options.clipSeconds;
    settings.clipOffsetSeconds = options.clipOffsetSeconds;
    std::lock_guard lock(predictMutex_);
    options_ = options;
    cache_ = std::make_unique<SpectrogramCache>(cacheDirectory_ / "mel", settings);
    classes_ = classes;
    standardiser_ = std::move(standardiser);
    predictor_ = std::move(predictor);
    report_ = {};
}

} // namespace gs::ml
