#pragma once
// Made-up spectrograms with a learnable pattern per class, written straight into a
// SpectrogramCache: lets tests and benchmarks train the CNN at any scale without audio.
#include "core/ml/classifier.h"
#include "core/ml/cnn/spectrogram_cache.h"

#include <cstdint>
#include <filesystem>

namespace gs::ml {

// A song of class `label` (of `classes`): noise plus a class-specific set of sustained
// bands and a class-specific pulse rate, at a random level. `difficulty` in [0, 1] scales
// the noise against the pattern (0 = obvious, 1 = hard).
QuantisedSpectrogram syntheticSpectrogram(int label, int classes, int mels, int frames, std::uint64_t seed,
                                          double difficulty = 0.5);

// Creates `songsPerClass * classes` placeholder files in `folder` (the cache keys need real
// files), stores their synthetic spectrograms in `cache`, and returns the labelled set
// (one group per song). Classes are named "class0", "class1", ...
LabelledSet writeSyntheticDataset(const std::filesystem::path& folder, SpectrogramCache& cache, int classes,
                                  int songsPerClass, int frames, std::uint64_t seed, double difficulty = 0.5);

} // namespace gs::ml
