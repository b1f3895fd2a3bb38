#pragma once
// Everything that defines the CNN model and its training, declared once with ranges.
// Plain data: the network itself lives in cnn_network.cpp (the only Dlib DNN user).
#include "core/common/parameter.h"
#include "core/features/mel.h"
#include "core/ml/classifier.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gs::ml {

struct CnnOptions {
    // Input: what one song becomes before the network sees it.
    int sampleRate = 22050;
    double clipSeconds = 0.0;    // analysed part of each song (0 = whole file: windows from all of it)
    double clipOffsetSeconds = 0.0;
    int windowFrames = 128;      // frames per network input (128 ≈ 2.97 s at hop 512)
    double inferenceOverlap = 0.5; // overlap of the evenly spaced prediction windows

    // Training.
    int epochs = 20;
    int batchSize = 32;
    double learningRate = 1e-3;
    double weightDecay = 5e-4;
    double dropout = 0.5;
    int windowsPerSong = 20;     // random windows drawn per song per epoch
    int freqMask = 12;           // widest random frequency mask, in mel bands (0 = off)
    int timeMask = 16;           // widest random time mask, in frames (0 = off)
    double gainJitterDb = 0.0;   // random level shift of a window, +- dB (0 = off)
    double mixup = 0.0;          // mixup's Beta(a, a) parameter a (0 = off)
    double labelSmoothing = 0.0; // share of the target spread over all classes (0 = off)
    int bandStandardise = 0;     // 1 = mean and deviation per mel band, 0 = one for all bands
    double warmupEpochs = 0.0;   // linear learning-rate warm-up, in epochs (0 = off)
    double validationFraction = 0.0; // songs (whole groups) held out for early stopping (0 = none)
    int patience = 6;            // epochs without validation improvement before stopping
    std::uint64_t seed = 0;      // 0 = TrainContext::seed
    int threads = 2;             // workers sharing each mini-batch (results depend on it)
    int classWeight = 2;         // 0 none, 1 balanced, 2 auto (core/ml/class_weights.h)

    static const std::vector<ParameterSpec>& specs();
    // Defaults overridden by `overrides`; unknown names and out-of-range values throw
    // gs::Error(InvalidArgument) naming the parameter.
    static CnnOptions fromHyperparameters(const Hyperparameters& overrides);
    Hyperparameters toHyperparameters() const;
};

// The mel settings the CNN always uses (librosa defaults, 128 bands).
MelOptions cnnMelOptions();

// Where spectrogram caches and training checkpoints go when nobody says otherwise:
// $GENRESCOPE_CACHE_DIR/cnn, else $XDG_CACHE_HOME/genrescope/cnn, else ~/.cache/genrescope/cnn.
std::string defaultCnnCacheDirectory();

} // namespace gs::ml
