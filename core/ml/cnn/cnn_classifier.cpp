#include "core/ml/cnn/cnn_classifier.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/shuffle.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <map>
#include <numbers>
#include <numeric>
#include <random>
#include <sstream>

namespace fs = std::filesystem;

namespace gs::ml {

namespace {

const char* const kSubject = "cnn";
constexpr char kBlobMagic[8] = {'G', 'S', 'C', 'N', 'N', 'M', 'D', 'L'};
constexpr char kCheckpointMagic[8] = {'G', 'S', 'C', 'N', 'N', 'C', 'K', 'P'};
constexpr std::uint32_t kBlobVersion = 1;
constexpr std::uint32_t kCheckpointVersion = 1;
constexpr std::uint64_t kMaxBlobBytes = 512ull << 20;

// ---- little binary helpers (native little-endian; the blob is checksummed as a whole) ----

template <typename T>
void put(std::ostream& out, const T& value)
{
    out.write(reinterpret_cast<const char*>(&value), sizeof value);
}

void putString(std::ostream& out, const std::string& s)
{
    put(out, std::uint32_t(s.size()));
    out.write(s.data(), std::streamsize(s.size()));
}

template <typename T>
T take(std::istream& in, const char* what)
{
    T value{};
    if (!in.read(reinterpret_cast<char*>(&value), sizeof value))
        throw Error(ErrorKind::Format, kSubject, std::string("truncated model data (") + what + ")");
    return value;
}

std::string takeString(std::istream& in, const char* what)
{
    const auto size = take<std::uint32_t>(in, what);
    if (size > (1u << 20))
        throw Error(ErrorKind::Format, kSubject, std::string("implausible length of ") + what);
    std::string s(size, '\0');
    if (!in.read(s.data(), size))
        throw Error(ErrorKind::Format, kSubject, std::string("truncated model data (") + what + ")");
    return s;
}

// A framed, checksummed record: magic, version, length, payload, FNV-1a of the payload.
void writeRecord(std::ostream& out, const char (&magic)[8], std::uint32_t version, const std::string& payload)
{
    out.write(magic, 8);
    put(out, version);
    put(out, std::uint64_t(payload.size()));
    out.write(payload.data(), std::streamsize(payload.size()));
    put(out, fnv1a64(payload.data(), payload.size()));
}

std::string readRecord(std::istream& in, const char (&magic)[8], std::uint32_t version, const char* what)
{
    char found[8];
    if (!in.read(found, 8) || std::memcmp(found, magic, 8) != 0)
        throw Error(ErrorKind::Format, kSubject, std::string("not a ") + what);
    if (take<std::uint32_t>(in, "version") != version)
        throw Error(ErrorKind::Format, kSubject, std::string("unsupported ") + what + " version");
    const auto size = take<std::uint64_t>(in, "length");
    if (size > kMaxBlobBytes)
        throw Error(ErrorKind::Format, kSubject, std::string("implausible ") + what + " size");
    std::string payload(size, '\0');
    if (!in.read(payload.data(), std::streamsize(size)))
        throw Error(ErrorKind::Format, kSubject, std::string("truncated ") + what);
    if (take<std::uint64_t>(in, "checksum") != fnv1a64(payload.data(), payload.size()))
        throw Error(ErrorKind::Format, kSubject, std::string("damaged ") + what + " (checksum mismatch)");
    return payload;
}

// ---- windows ----

// Window starts covering a song of `frames` frames: evenly spaced, the last one flush with the end.
std::vector<int> windowStarts(int frames, int window, double overlap)
{
    if (frames <= window)
        return {0};
    const int hop = std::max(1, int(std::lround(window * (1.0 - overlap))));
    std::vector<int> starts;
    for (int s = 0; s + window <= frames; s += hop)
        starts.push_back(s);
    if (starts.back() + window < frames)
        starts.push_back(frames - window);
    return starts;
}

// Frame-major 8-bit codes -> band-major standardised floats (the network's layout).
void decodeWindow(const std::uint8_t* codes, int mels, int frames, float dbMin, float step, float mean,
                  float invStd, float* out)
{
    float lut[256];
    for (int c = 0; c < 256; ++c)
        lut[c] = (dbMin + step * float(c) - mean) * invStd;
    for (int t = 0; t < frames; ++t)
        for (int b = 0; b < mels; ++b)
            out[std::size_t(b) * frames + t] = lut[codes[std::size_t(t) * mels + b]];
}

// Augmentation: a random level change (recordings differ in loudness), then SpecAugment-style
// masks that set a random band range and frame range to zero (the training mean).
void augmentWindow(float* x, int mels, int frames, float gainJitter, int maxBands, int maxFrames,
                   std::mt19937_64& rng)
{
    if (gainJitter > 0.0f) {
        const float shift = gainJitter * (2.0f * float(drawUnit(rng)) - 1.0f);
        for (std::size_t i = 0, n = std::size_t(mels) * frames; i < n; ++i)
            x[i] += shift;
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
                                      double overlap, float mean, float stddev)
{
    const auto starts = windowStarts(s.frames, shape.frames, overlap);
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
            decodeWindow(codes.data(), shape.mels, shape.frames, s.dbMin, s.step(), mean, 1.0f / stddev,
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

// ---- resumable training state ----

struct Checkpoint {
    std::string key;
    int epochsDone = 0;
    int bestEpoch = 0;
    double bestAccuracy = -1.0;
    double bestLoss = 1e300;
    int epochsWithoutProgress = 0;
    std::string rngState;
    std::vector<CnnEpochStats> history;
    std::string trainerState;
    std::string bestPredictor; // empty until a validation improved
};

std::string serialiseCheckpoint(const Checkpoint& c)
{
    std::ostringstream out(std::ios::binary);
    putString(out, c.key);
    put(out, std::int32_t(c.epochsDone));
    put(out, std::int32_t(c.bestEpoch));
    put(out, c.bestAccuracy);
    put(out, c.bestLoss);
    put(out, std::int32_t(c.epochsWithoutProgress));
    putString(out, c.rngState);
    put(out, std::uint32_t(c.history.size()));
    for (const auto& e : c.history) {
        put(out, std::int32_t(e.epoch));
        put(out, e.trainLoss);
        put(out, e.validationAccuracy);
        put(out, e.validationLoss);
        put(out, e.learningRate);
        put(out, e.seconds);
        put(out, e.cpuSeconds);
    }
    put(out, std::uint64_t(c.trainerState.size()));
    out.write(c.trainerState.data(), std::streamsize(c.trainerState.size()));
    put(out, std::uint64_t(c.bestPredictor.size()));
    out.write(c.bestPredictor.data(), std::streamsize(c.bestPredictor.size()));
    return out.str();
}

std::string takeBytes(std::istream& in, const char* what)
{
    const auto size = take<std::uint64_t>(in, what);
    if (size > kMaxBlobBytes)
        throw Error(ErrorKind::Format, kSubject, std::string("implausible size of ") + what);
    std::string s(size, '\0');
    if (!in.read(s.data(), std::streamsize(size)))
        throw Error(ErrorKind::Format, kSubject, std::string("truncated ") + what);
    return s;
}

Checkpoint parseCheckpoint(const std::string& payload)
{
    std::istringstream in(payload, std::ios::binary);
    Checkpoint c;
    c.key = takeString(in, "key");
    c.epochsDone = take<std::int32_t>(in, "epoch");
    c.bestEpoch = take<std::int32_t>(in, "best epoch");
    c.bestAccuracy = take<double>(in, "best accuracy");
    c.bestLoss = take<double>(in, "best loss");
    c.epochsWithoutProgress = take<std::int32_t>(in, "patience");
    c.rngState = takeString(in, "random state");
    const auto epochs = take<std::uint32_t>(in, "history");
    if (epochs > 100000)
        throw Error(ErrorKind::Format, kSubject, "implausible history");
    for (std::uint32_t i = 0; i < epochs; ++i) {
        CnnEpochStats e;
        e.epoch = take<std::int32_t>(in, "history");
        e.trainLoss = take<double>(in, "history");
        e.validationAccuracy = take<double>(in, "history");
        e.validationLoss = take<double>(in, "history");
        e.learningRate = take<double>(in, "history");
        e.seconds = take<double>(in, "history");
        e.cpuSeconds = take<double>(in, "history");
        c.history.push_back(e);
    }
    c.trainerState = takeBytes(in, "trainer state");
    c.bestPredictor = takeBytes(in, "best network");
    return c;
}

// The checkpoint goes through the one atomic writer (durable: a kill or power cut leaves the
// previous checkpoint or the new one, never half of one, and no temporary file).
void writeCheckpoint(const fs::path& file, const std::string& bytes)
{
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    gs::writeFileAtomically(file, bytes, {true});
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
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    const int classes = int(train.classes.size());
    if (classes < 2)
        throw Error(ErrorKind::InvalidArgument, kSubject, "training needs at least two classes");
    if (train.samples.empty())
        throw Error(ErrorKind::Empty, kSubject, "no training songs");
    const std::uint64_t seed = options_.seed ? options_.seed : context.seed;
    const auto cancelled = [&] { return context.cancel && context.cancel->cancelled(); };
    const auto report = [&](std::size_t done, std::size_t total, const std::string& stage, double etaSeconds) {
        if (context.progress)
            context.progress(ProgressInfo{done, total, stage,
                                          std::chrono::duration<double>(Clock::now() - started).count(), etaSeconds});
    };

    CnnTrainingReport result;
    const std::size_t computedBefore = cache_->computedCount();

    // 1. Every song's spectrogram in the cache (computed once, reused by later folds and runs).
    std::vector<TrainSong> songs;
    songs.reserve(train.samples.size());
    std::ostringstream identity; // what the checkpoint must match to be resumed
    identity << cache_->settings().fingerprint() << '|' << classes << '|' << seed << '|';
    for (const auto& [name, value] : options_.toHyperparameters())
        if (name != "epochs" && name != "patience")
            identity << name << '=' << value << ';';
    for (std::size_t i = 0; i < train.samples.size(); ++i) {
        const Sample& sample = train.samples[i];
        if (cancelled())
            throw Error(ErrorKind::Cancelled, kSubject, "training cancelled");
        if (sample.label < 0 || sample.label >= classes)
            throw Error(ErrorKind::InvalidArgument, sample.audioPath, "label outside the class list");
        report(i, train.samples.size(), "spectrograms · " + fs::path(sample.audioPath).filename().string(), -1);
        try {
            TrainSong song{cache_->ensure(sample.audioPath, context.cancel), sample.label,
                           sample.group >= 0 ? sample.group : -1 - int(i)};
            identity << song.entry.file.filename().string() << ':' << song.label << ':' << song.group << ';';
            songs.push_back(std::move(song));
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::Cancelled)
                throw;
            if (result.skippedSongs++ == 0)
                result.firstSkipReason = e.what();
        }
    }
    result.spectrogramsComputed = cache_->computedCount() - computedBefore;
    if (songs.empty())
        throw Error(ErrorKind::Empty, kSubject, "no training song could be analysed: " + result.firstSkipReason);
    if (songs.front().entry.mels != cache_->settings().mel.nMels)
        throw Error(ErrorKind::Mismatch, kSubject, "cached spectrograms have the wrong number of mel bands");

    // 2. Song-grouped validation split for early stopping, and the standardiser.
    std::mt19937_64 rng(seed);
    const auto heldOut = validationMask(songs, classes, options_.validationFraction, rng);
    std::vector<std::size_t> trainIdx, validIdx;
    double sum = 0.0, sumSquares = 0.0, count = 0.0;
    for (std::size_t i = 0; i < songs.size(); ++i) {
        (heldOut[i] ? validIdx : trainIdx).push_back(i);
        if (!heldOut[i]) {
            sum += songs[i].entry.sum;
            sumSquares += songs[i].entry.sumSquares;
            count += double(songs[i].entry.mels) * songs[i].entry.frames;
        }
    }
    result.trainingSongs = trainIdx.size();
    result.validationSongs = validIdx.size();
    const double mean = sum / count;
    const double variance = std::max(0.0, sumSquares / count - mean * mean);
    classes_ = classes;
    mean_ = float(mean);
    stddev_ = float(std::max(1e-3, std::sqrt(variance)));
    const CnnShape netShape = shape();

    // 3. The network, fresh or from the checkpoint of an interrupted run on the same data.
    const std::string identityText = identity.str();
    const fs::path checkpointFile = checkpointDirectory() / (
        [&] { std::ostringstream h; h << std::hex << std::setw(16) << std::setfill('0')
              << fnv1a64(identityText.data(), identityText.size()); return h.str(); }() + ".gsckpt");
    CnnTrainer trainer(netShape, options_.dropout, options_.weightDecay, seed, options_.threads);
    Checkpoint state;
    state.key = identityText;
    CnnPredictor best;
    if (std::ifstream in(checkpointFile, std::ios::binary); in) {
        try {
            Checkpoint saved = parseCheckpoint(readRecord(in, kCheckpointMagic, kCheckpointVersion, "checkpoint"));
            if (saved.key == identityText) {
                std::istringstream trainerIn(saved.trainerState, std::ios::binary);
                trainer.loadState(trainerIn);
                if (!saved.bestPredictor.empty()) {
                    std::istringstream bestIn(saved.bestPredictor, std::ios::binary);
                    best.load(bestIn);
                }
                std::istringstream rngIn(saved.rngState);
                rngIn >> rng;
                state = std::move(saved);
                result.resumed = true;
            }
        } catch (const Error&) {
            // A damaged checkpoint only costs the time to train again.
        }
    }

    // 4. Epochs of random, augmented windows streamed from the cache.
    const std::size_t windowSize = std::size_t(netShape.mels) * std::size_t(netShape.frames);
    const std::size_t batchSize = std::size_t(options_.batchSize);
    const std::size_t windowsPerEpoch = trainIdx.size() * std::size_t(options_.windowsPerSong);
    const std::size_t batchesPerEpoch = std::max<std::size_t>(1, windowsPerEpoch / batchSize
                                                                     + (windowsPerEpoch % batchSize > 1 ? 1 : 0));
    const std::size_t totalBatches = batchesPerEpoch * std::size_t(options_.epochs);
    std::vector<std::uint8_t> codes(windowSize);
    std::vector<float> batch(batchSize * windowSize);
    std::vector<unsigned long> labels;
    for (int epoch = state.epochsDone + 1; epoch <= options_.epochs; ++epoch) {
        if (state.epochsWithoutProgress >= options_.patience && !validIdx.empty())
            break; // a resumed run that had already stopped early
        const auto epochStart = Clock::now();
        const std::clock_t epochCpuStart = std::clock();
        // Cosine decay to 2% of the initial rate over the planned epochs.
        const double progress = options_.epochs > 1 ? double(epoch - 1) / double(options_.epochs - 1) : 0.0;
        const double learningRate = options_.learningRate * (0.02 + 0.98 * 0.5 * (1.0 + std::cos(std::numbers::pi * progress)));

        std::vector<std::pair<std::uint32_t, std::int32_t>> windows; // (song, first frame)
        windows.reserve(windowsPerEpoch);
        for (std::size_t idx : trainIdx) {
            const int slack = std::max(0, songs[idx].entry.frames - netShape.frames);
            for (int w = 0; w < options_.windowsPerSong; ++w)
                windows.emplace_back(std::uint32_t(idx), std::int32_t(drawBelow(rng, std::uint64_t(slack) + 1)));
        }
        fisherYatesShuffle(windows, rng);

        double lossSum = 0.0;
        std::size_t lossBatches = 0;
        for (std::size_t first = 0; first + 1 < windows.size(); first += batchSize) {
            if (cancelled())
                throw Error(ErrorKind::Cancelled, kSubject, "training cancelled");
            const std::size_t n = std::min(batchSize, windows.size() - first);
            if (n < 2)
                break; // batch norm needs two windows to estimate statistics
            labels.resize(n);
            for (std::size_t i = 0; i < n; ++i) {
                const auto& [idx, start] = windows[first + i];
                const CachedSong& entry = songs[idx].entry;
                SpectrogramCache::readWindow(entry, start, netShape.frames, codes.data());
                float* x = batch.data() + i * windowSize;
                decodeWindow(codes.data(), netShape.mels, netShape.frames, entry.dbMin,
                             (entry.dbMax - entry.dbMin) / 255.0f, mean_, 1.0f / stddev_, x);
                augmentWindow(x, netShape.mels, netShape.frames, float(options_.gainJitterDb) / stddev_,
                              options_.freqMask, options_.timeMask, rng);
                labels[i] = static_cast<unsigned long>(songs[idx].label);
            }
            const double loss = trainer.trainBatch(batch.data(), int(n), labels, learningRate);
            if (!std::isfinite(loss))
                throw Error(ErrorKind::Internal, kSubject, "training diverged (non-finite loss); lower the learning rate");
            lossSum += loss;
            ++lossBatches;
            const std::size_t done = std::size_t(epoch - 1) * batchesPerEpoch + lossBatches;
            if (lossBatches % 8 == 0) {
                const double elapsed = std::chrono::duration<double>(Clock::now() - epochStart).count();
                const double perBatch = elapsed / double(lossBatches);
                report(done, totalBatches,
                       "epoch " + std::to_string(epoch) + "/" + std::to_string(options_.epochs) + " · batch "
                           + std::to_string(lossBatches) + "/" + std::to_string(batchesPerEpoch),
                       perBatch * double(totalBatches - std::min(done, totalBatches)));
            }
        }

        CnnEpochStats stats;
        stats.epoch = epoch;
        stats.trainLoss = lossBatches ? lossSum / double(lossBatches) : 0.0;
        stats.learningRate = learningRate;
        CnnPredictor current = trainer.predictor();
        bool improved = validIdx.empty(); // without validation songs the last epoch is the model
        if (!validIdx.empty()) {
            std::size_t correct = 0;
            double lossTotal = 0.0;
            for (std::size_t idx : validIdx) {
                if (cancelled())
                    throw Error(ErrorKind::Cancelled, kSubject, "training cancelled");
                const auto p = songProbabilities(current, SpectrogramCache::readAll(songs[idx].entry), netShape,
                                                 options_.inferenceOverlap, mean_, stddev_);
                const int label = songs[idx].label;
                correct += std::size_t(std::max_element(p.begin(), p.end()) - p.begin()) == std::size_t(label);
                lossTotal -= std::log(std::max(1e-12, p[std::size_t(label)]));
            }
            stats.validationAccuracy = double(correct) / double(validIdx.size());
            stats.validationLoss = lossTotal / double(validIdx.size());
            // Accuracy decides; the smoother loss breaks ties among the few possible accuracies.
            improved = stats.validationAccuracy > state.bestAccuracy
                       || (stats.validationAccuracy == state.bestAccuracy && stats.validationLoss < state.bestLoss);
        }
        stats.seconds = std::chrono::duration<double>(Clock::now() - epochStart).count();
        stats.cpuSeconds = double(std::clock() - epochCpuStart) / CLOCKS_PER_SEC;
        if (improved) {
            state.bestAccuracy = stats.validationAccuracy;
            state.bestLoss = stats.validationLoss;
            state.bestEpoch = epoch;
            state.epochsWithoutProgress = 0;
            std::ostringstream bestOut(std::ios::binary);
            current.save(bestOut);
            state.bestPredictor = bestOut.str();
            best = std::move(current);
        } else {
            ++state.epochsWithoutProgress;
        }
        state.epochsDone = epoch;
        state.history.push_back(stats);
        report(std::size_t(epoch) * batchesPerEpoch, totalBatches, formatEpoch(stats, options_.epochs), -1);

        // 5. Checkpoint: a later fit() on the same songs and settings continues from here.
        std::ostringstream rngOut;
        rngOut << rng;
        state.rngState = rngOut.str();
        std::ostringstream trainerOut(std::ios::binary);
        trainer.saveState(trainerOut);
        state.trainerState = trainerOut.str();
        std::ostringstream record(std::ios::binary);
        writeRecord(record, kCheckpointMagic, kCheckpointVersion, serialiseCheckpoint(state));
        try {
            writeCheckpoint(checkpointFile, record.str());
        } catch (const Error&) {
            // Without a writable cache folder training still works; it just cannot resume.
        }
        if (!validIdx.empty() && state.epochsWithoutProgress >= options_.patience)
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
    return songProbabilities(predictor_, spectrogram, shape(), options_.inferenceOverlap, mean_, stddev_);
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
    put(payload, std::uint32_t(hyper.size()));
    for (const auto& [name, value] : hyper) {
        putString(payload, name);
        put(payload, value);
    }
    const MelOptions& mel = cache_->settings().mel;
    put(payload, std::int32_t(options_.sampleRate));
    put(payload, std::int32_t(mel.nFft));
    put(payload, std::int32_t(mel.hop));
    put(payload, std::int32_t(mel.nMels));
    put(payload, mel.fmin);
    put(payload, mel.fmax);
    put(payload, std::int32_t(mel.pad == PadMode::Reflect));
    put(payload, mel.topDb);
    put(payload, std::int32_t(classes_));
    put(payload, mean_);
    put(payload, stddev_);
    predictor_.save(payload);
    writeRecord(out, kBlobMagic, kBlobVersion, payload.str());
}

void CnnClassifier::load(std::istream& in)
{
    const std::string payload = readRecord(in, kBlobMagic, kBlobVersion, "Genrescope CNN model");
    std::istringstream p(payload, std::ios::binary);
    Hyperparameters hyper;
    const auto count = take<std::uint32_t>(p, "hyperparameters");
    if (count > 1000)
        throw Error(ErrorKind::Format, kSubject, "implausible hyperparameter count");
    for (std::uint32_t i = 0; i < count; ++i) {
        std::string name = takeString(p, "hyperparameter name");
        hyper[name] = take<double>(p, "hyperparameter value");
    }
    CnnOptions options;
    try {
        options = CnnOptions::fromHyperparameters(hyper);
    } catch (const Error& e) {
        throw Error(ErrorKind::Format, kSubject, std::string("bad stored hyperparameter: ") + e.what());
    }
    options.sampleRate = take<std::int32_t>(p, "sample rate");
    MelOptions mel;
    mel.nFft = take<std::int32_t>(p, "n_fft");
    mel.hop = take<std::int32_t>(p, "hop");
    mel.nMels = take<std::int32_t>(p, "n_mels");
    mel.fmin = take<double>(p, "fmin");
    mel.fmax = take<double>(p, "fmax");
    mel.pad = take<std::int32_t>(p, "pad") ? PadMode::Reflect : PadMode::Constant;
    mel.topDb = take<double>(p, "top_db");
    const int classes = take<std::int32_t>(p, "classes");
    const float mean = take<float>(p, "mean");
    const float stddev = take<float>(p, "std");
    if (options.sampleRate < 4000 || options.sampleRate > 192000 || mel.nFft < 16 || mel.hop < 1 || mel.nMels < 8
        || mel.nMels > 512 || classes < 2 || classes > 100000 || !std::isfinite(mean) || !std::isfinite(stddev)
        || stddev <= 0.0f)
        throw Error(ErrorKind::Format, kSubject, "implausible model input settings");
    CnnPredictor predictor;
    predictor.load(p);
    if (predictor.classes() != classes)
        throw Error(ErrorKind::Format, kSubject, "the network's output count does not match its class count");

    SpectrogramSettings settings;
    settings.mel = mel;
    settings.sampleRate = options.sampleRate;
    settings.clipSeconds = options.clipSeconds;
    settings.clipOffsetSeconds = options.clipOffsetSeconds;
    std::lock_guard lock(predictMutex_);
    options_ = options;
    cache_ = std::make_unique<SpectrogramCache>(cacheDirectory_ / "mel", settings);
    classes_ = classes;
    mean_ = mean;
    stddev_ = stddev;
    predictor_ = std::move(predictor);
    report_ = {};
}

} // namespace gs::ml
