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
//
// Stored weights (CnnPredictor::save), since "GSCNNW01" in our own layout, all little-endian:
//   "GSCNNW01", u32 classes, u32 mels, u32 frames, f32 dropout scale (1 - dropout rate), then
//   per convolution block from the input up: u32 filters, channels, rows, columns, stride y,
//   stride x, padding y, padding x; filters x channels x rows x columns weights and `filters`
//   biases (f32, Dlib's order); u32 channels of the folded batch norm, that many scales, that
//   many shifts; then the output layer: u32 inputs, u32 outputs, (inputs + 1) x outputs f32
//   (the weights row by row, then the biases). Nothing follows.
// The reader builds the fixed architecture for the stored shape and compares every stored
// dimension with the network's before reading a value (core/ml/binary_io.h readers, finite
// values only). Older files hold Dlib's own stream of the network instead (no Dlib stream
// starts with the magic); they are still read through Dlib, checked layer by layer and copied
// into the same freshly built network.
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

    // The network's shape: classes and the windows it was trained on.
    CnnShape shape() const;

    void save(std::ostream& out) const; // the "GSCNNW01" layout (above)
    // Either layout. Throws gs::Error(Format) on anything that is not our network for
    // `expected` (class count, mel bands and frames of the model around it); reads exactly the
    // network's bytes, so the caller can check that nothing follows.
    void load(std::istream& in, const CnnShape& expected);
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
    CnnShape shape() const;

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
