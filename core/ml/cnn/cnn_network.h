#pragma once
// The convolutional network behind the "cnn" model, with no Dlib type in sight:
// cnn_network.cpp is the only file that includes <dlib/dnn.h> (10 s and 600 MB to compile).
//
// Input: windows of log-mel spectrogram, standardised, each `mels` rows by `frames` columns
// (band-major: window[band * frames + frame]). Architecture (for 128 x 128 windows):
//   conv 16 5x5 /2 -> bn -> relu -> maxpool /2       32 x 32
//   conv 32 3x3    -> bn -> relu -> maxpool /2       16 x 16
//   conv 64 3x3    -> bn -> relu -> maxpool /2        8 x 8
//   conv 128 3x3   -> bn -> relu -> global average pool
//   dropout -> fully connected (classes) -> softmax (loss_multiclass_log)
// The stride-2 first layer and early pooling keep a training epoch of 10,000 windows within
// about a minute on two CPU cores. Inference uses the same weights with batch norm folded into
// an affine layer (Dlib's usual bn_con -> affine_con conversion) and dropout replaced by scaling.
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <vector>

namespace gs::ml {

struct CnnShape {
    int classes = 0;
    int mels = 128;
    int frames = 128;
};

class CnnPredictor {
public:
    CnnPredictor();
    ~CnnPredictor();
    CnnPredictor(const CnnPredictor&);
    CnnPredictor& operator=(const CnnPredictor&);
    CnnPredictor(CnnPredictor&&) noexcept;
    CnnPredictor& operator=(CnnPredictor&&) noexcept;

    bool empty() const;
    int classes() const;
    // Natural-log class probabilities of `count` windows, row by row (count x classes).
    // Not thread-safe (the network keeps its activations): callers serialise.
    std::vector<float> logProbabilities(const float* windows, int count, const CnnShape& shape);

    void save(std::ostream& out) const;
    void load(std::istream& in); // throws gs::Error(Format) on anything that is not our network
    std::size_t parameterCount() const;

private:
    friend class CnnTrainer;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

class CnnTrainer {
public:
    // Weights are initialised from `seed`. `workers` threads share every mini-batch (Dlib's
    // CPU layers are single-threaded); results depend on the worker count, not on the machine.
    CnnTrainer(const CnnShape& shape, double dropout, double weightDecay, std::uint64_t seed, int workers = 2);
    ~CnnTrainer();
    int workers() const;

    // One Adam step on `count` windows; returns the mean cross-entropy of the batch.
    double trainBatch(const float* windows, int count, const std::vector<unsigned long>& labels,
                      double learningRate);
    // The current weights in inference form.
    CnnPredictor predictor() const;

    // Weights and optimiser state, for resumable training.
    void saveState(std::ostream& out) const;
    void loadState(std::istream& in); // throws gs::Error(Format)

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace gs::ml
