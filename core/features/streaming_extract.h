#pragma once
// The 57-value genre feature vector (GenreFeatureExtractor::compute) of a signal of any
// length in bounded memory: the samples arrive in blocks of any size and are analysed a
// group of STFT frames at a time.
//
// What is kept whole: the mel-dB spectrogram (128 floats per frame, ~80 MB for an hour at
// 22050 Hz), because librosa's power_to_db floor (top_db) is relative to the maximum of
// the whole signal and both the MFCCs and the onset envelope (tempo) see the floored
// values; and the piptrack peaks of estimate_tuning (8 bytes per peak), whose threshold
// is the median of all peaks. Everything else (samples, complex STFT, HPSS) lives only for
// the few hundred frames a block needs.
//
// The chroma features depend on the tuning, which is estimated from the whole signal
// before any chroma frame can be made, so they need a second look at the samples: after
// the last block, endFirstPass() says whether the same samples must be pushed again (the
// second pass recomputes only the STFT power and the chroma; it is cheaper than the first).
// extractStreaming() does both passes from a source that can be read twice (a file).
#include "core/features/schema.h"

#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace gs {

class StreamingGenreFeatureExtractor {
public:
    StreamingGenreFeatureExtractor(int sampleRate, PadMode pad = PadMode::Constant, bool legacyHpss = false);
    ~StreamingGenreFeatureExtractor();
    StreamingGenreFeatureExtractor(const StreamingGenreFeatureExtractor&) = delete;
    StreamingGenreFeatureExtractor& operator=(const StreamingGenreFeatureExtractor&) = delete;

    // The next samples of the current pass, in signal order (blocks of any size, even 0).
    // Throws InvalidArgument on a non-finite sample.
    void push(std::span<const float> block);
    // After the first pass's last block. true: push the same samples once more, then call
    // finish(). false (signals shorter than a second or so, computed in one piece): call
    // finish() right away.
    bool endFirstPass();
    // The 57 values in genreFeatureNames() order, as GenreFeatureExtractor::compute gives
    // them for the whole signal (within float rounding; see tests/test_features_streaming.cpp).
    // Throws InvalidArgument when the second pass did not repeat the first one's length.
    std::vector<double> finish();

    // Samples pushed in the current pass.
    std::size_t samplesPushed() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A source that can be read more than once: each call sends the whole signal, in order,
// through the sink (in blocks of its choosing).
using SampleSink = std::function<void(std::span<const float>)>;
using ReplayableSource = std::function<void(const SampleSink&)>;

// Both passes of StreamingGenreFeatureExtractor over `source`.
std::vector<double> extractStreaming(const ReplayableSource& source, int sampleRate, PadMode pad = PadMode::Constant,
                                     bool legacyHpss = false);

} // namespace gs
