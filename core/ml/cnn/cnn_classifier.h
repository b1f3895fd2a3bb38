#pragma once
// The "cnn" model: a small convolutional network on log-mel spectrogram windows, behind the
// same Classifier interface as the feature-based models.
//
// fit() caches every training song's spectrogram once (SpectrogramCache), holds out whole
// song groups for early stopping, and streams random, augmented windows from the cache in
// mini-batches, so memory stays bounded whatever the number of songs. A checkpoint written
// after every epoch lets a cancelled or killed training resume where it stopped.
// predictProbabilities() averages the log-probabilities of evenly spaced windows of the song.
//
// Determinism: the same songs, hyperparameters (including `threads`) and seed give the same
// model, bit for bit, on one machine. Limits: OpenBLAS picks its kernels by CPU model, so
// another processor may differ in the last bits; Dlib draws initial weights and dropout
// masks from std::rand, so another thread calling std::rand during fit() perturbs them;
// a run resumed from a checkpoint restarts the dropout generators and so differs slightly
// from an uninterrupted one. (dlib::set_dnn_prefer_smallest_algorithms concerns cuDNN only.)
#include "core/ml/classifier.h"
#include "core/ml/cnn/cnn_network.h"
#include "core/ml/cnn/cnn_options.h"
#include "core/ml/cnn/spectrogram_cache.h"

#include <filesystem>
#include <memory>
#include <mutex>

namespace gs::ml {

// What the network sees of a dB value of mel band b: (dB - mean[b]) / stddev[b]. One value for
// all bands (band_standardise=0, model blob version 1) or one per band (version 2), from the
// training songs.
struct CnnStandardiser {
    std::vector<float> mean;   // one per mel band
    std::vector<float> stddev; // > 0
    std::vector<float> invStd; // 1 / stddev

    static CnnStandardiser uniform(int mels, float mean, float stddev);
    static CnnStandardiser perBand(std::vector<float> mean, std::vector<float> stddev);
    bool isUniform() const; // the same mean and deviation in every band
};

struct CnnEpochStats {
    int epoch = 0;                    // 1-based
    double trainLoss = 0.0;           // mean window cross-entropy
    double validationAccuracy = -1.0; // song level; < 0 = no validation songs
    double validationLoss = -1.0;     // song-level cross-entropy
    double learningRate = 0.0;
    double seconds = 0.0;             // wall time of the epoch (training + validation)
    double cpuSeconds = 0.0;          // processor time of the whole process meanwhile
};

struct CnnTrainingReport {
    std::vector<CnnEpochStats> epochs; // including those restored from a checkpoint
    int bestEpoch = 0;
    bool resumed = false;              // started from a checkpoint
    std::size_t trainingSongs = 0;
    std::size_t validationSongs = 0;
    std::size_t skippedSongs = 0;      // undecodable songs left out (with the first reason)
    std::string firstSkipReason;
    std::size_t spectrogramsComputed = 0; // cache misses during this fit
};

class CnnClassifier final : public Classifier {
public:
    CnnClassifier(const CnnOptions& options, std::filesystem::path cacheDirectory);
    ~CnnClassifier() override;

    std::string kind() const override { return "cnn"; }
    Hyperparameters hyperparameters() const override { return options_.toHyperparameters(); }
    bool needsAudio() const override { return true; }

    void fit(const LabelledSet& train, const TrainContext& context) override;
    std::vector<double> predictProbabilities(const Sample& sample) const override;
    void save(std::ostream& out) const override;
    void load(std::istream& in) override;

    // Song-level probabilities of a spectrogram (the part of predictProbabilities after the cache).
    std::vector<double> predictSpectrogram(const QuantisedSpectrogram& spectrogram) const;

    const CnnOptions& options() const { return options_; }
    const CnnTrainingReport& trainingReport() const { return report_; }
    const CnnStandardiser& standardiser() const { return standardiser_; }
    SpectrogramCache& cache() { return *cache_; }
    std::size_t parameterCount() const { return predictor_.parameterCount(); }
    std::filesystem::path checkpointDirectory() const { return cacheDirectory_ / "checkpoints"; }

private:
    CnnShape shape() const;

    CnnOptions options_;
    std::filesystem::path cacheDirectory_;
    std::unique_ptr<SpectrogramCache> cache_;
    int classes_ = 0;
    CnnStandardiser standardiser_; // of the dB values, from the training songs
    mutable CnnPredictor predictor_;
    mutable std::mutex predictMutex_; // the network keeps activations between calls
    CnnTrainingReport report_;
};

} // namespace gs::ml
