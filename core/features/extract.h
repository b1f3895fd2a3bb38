#pragma once
// The feature vector of one clip: gtzan-57 (57 values, see schema.h) or the rich set
// (rich_features.h), from one STFT either way.
#include "core/dsp/signal_pad.h"
#include "core/features/schema.h"

#include <memory>
#include <span>
#include <vector>

namespace gs {

struct StageTimes {       // CPU seconds (calling thread) per stage in the last compute(), for the benchmark
    double stft = 0, melMfcc = 0, chroma = 0, spectral = 0, hpss = 0, tempo = 0, total = 0;
    double statistics = 0; // rich set only: the seven statistics of every descriptor row
};

// One per worker thread: owns its FFT plans and scratch buffers and reuses them.
class GenreFeatureExtractor {
public:
    explicit GenreFeatureExtractor(PadMode pad = PadMode::Constant, bool legacyHpss = false,
                                   FeatureSet features = FeatureSet::Gtzan57);
    // The set, padding and HPSS variant `params` select.
    explicit GenreFeatureExtractor(const ExtractionParams& params);
    ~GenreFeatureExtractor();
    GenreFeatureExtractor(const GenreFeatureExtractor&) = delete;
    GenreFeatureExtractor& operator=(const GenreFeatureExtractor&) = delete;

    // Finite values in featureNames(features) order. Any length works (silence, 1 sample...).
    std::vector<double> compute(std::span<const float> y, int sampleRate);
    const StageTimes& lastTimes() const;
    FeatureSet features() const;

private:
    std::vector<double> computeRich(std::span<const float> y, double sampleRate, dsp::Pad pad);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace gs
