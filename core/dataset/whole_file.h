#pragma once
// The 57 features of a whole file (--clip 0) in bounded memory: the decoded samples go
// through StreamingGenreFeatureExtractor a block at a time and are never held whole (a
// 60-minute song would otherwise take ~1.3 GB of spectrograms).
#include "core/common/progress.h"
#include "core/features/schema.h"

#include <filesystem>
#include <string>
#include <vector>

namespace gs {

struct WholeFileFeatures {
    std::vector<double> values;  // 57, genreFeatureNames() order
    std::size_t samples = 0;     // decoded length (FeatureRow::length)
    int sampleRate = 0;
    std::string warning;         // partial decode, as Audio::warning
};

// Decodes `file` from params.offsetSeconds to its end at params.sampleRate (twice: the
// chroma features need the tuning of the whole song first, see streaming_extract.h).
// Throws gs::Error naming the file (decode errors, Cancelled).
WholeFileFeatures extractWholeFileStreaming(const std::filesystem::path& file, const ExtractionParams& params,
                                            const CancelToken* cancel = nullptr);

} // namespace gs
