#pragma once
// The 57-value genre feature vector of one clip (see schema.h).
#include "core/features/schema.h"

#include <memory>
#include <span>
#include <vector>

namespace gs {

struct StageTimes {       // CPU seconds (calling thread) per stage in the last compute(), for the benchmark
    double stft = 0, melMfcc = 0, chroma = 0, spectral = 0, hpss = 0, tempo = 0, total = 0;
};

// One per worker thread: owns its FFT plans and scratch buffers and reuses them.
class GenreFeatureExtractor {
public:
    explicit GenreFeatureExtractor(PadMode pad = PadMode::Constant, bool legacyHpss = false);
    ~GenreFeatureExtractor();
    GenreFeatureExtractor(const GenreFeatureExtractor&) = delete;
    GenreFeatureExtractor& operator=(const GenreFeatureExtractor&) = delete;

    // 57 finite values in genreFeatureNames() order. Any length works (silence, 1 sample...).
    std::vector<double> compute(std::span<const float> y, int sampleRate);
    const StageTimes& lastTimes() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace gs
