#include "core/dataset/whole_file.h"

#include "core/audio/decode.h"
#include "core/common/error.h"
#include "core/features/streaming_extract.h"

namespace gs {

namespace {
// TEMPORARY stand-in for decodeAudioBlocks (core/audio/decode.h on branch audio): the file
// decoded a minute at a time by seeking. Seek-and-trim chunks may differ from one
// continuous decode by a few samples at the joins (resampler state, codec frames); the
// lead replaces this function with decodeAudioBlocks(file, options, blockSamples, sink,
// cancel) at merge, which gives exactly decodeAudio's samples.
constexpr double kChunkSeconds = 60.0;

void decodeInBlocks(const std::filesystem::path& file, const ExtractionParams& params, const CancelToken* cancel,
                    const SampleSink& sink, WholeFileFeatures& info)
{
    std::size_t total = 0;
    for (int chunk = 0;; ++chunk) {
        if (cancel)
            cancel->throwIfCancelled(file.string());
        DecodeOptions options;
        options.sampleRate = params.sampleRate;
        options.offsetSeconds = params.offsetSeconds + kChunkSeconds * chunk;
        options.durationSeconds = kChunkSeconds;
        Audio audio;
        try {
            audio = decodeAudio(file, options, cancel);
        } catch (const Error& e) {
            // Past the end of the file: the previous chunk was the last one.
            if (chunk > 0 && (e.kind() == ErrorKind::Empty || e.kind() == ErrorKind::TooShort))
                break;
            throw;
        }
        info.sampleRate = audio.sampleRate;
        if (audio.partial && info.warning.empty())
            info.warning = audio.warning;
        total += audio.samples.size();
        sink(audio.samples);
        const auto expected = std::size_t(kChunkSeconds * audio.sampleRate);
        if (audio.samples.size() < expected || audio.partial)
            break;
    }
    info.samples = total;
}
} // namespace

WholeFileFeatures extractWholeFileStreaming(const std::filesystem::path& file, const ExtractionParams& params,
                                            const CancelToken* cancel)
{
    params.validate();
    WholeFileFeatures out;
    // The sample rate is known once the first block is decoded: the extractor is made then.
    std::unique_ptr<StreamingGenreFeatureExtractor> extractor;
    const SampleSink sink = [&](std::span<const float> block) {
        if (!extractor)
            extractor = std::make_unique<StreamingGenreFeatureExtractor>(out.sampleRate, params.pad, params.legacyHpss);
        extractor->push(block);
    };
    decodeInBlocks(file, params, cancel, sink, out);
    if (!extractor)
        throw Error(ErrorKind::Empty, file.string(), "no samples decoded");
    if (extractor->endFirstPass()) {
        WholeFileFeatures again;
        decodeInBlocks(file, params, cancel, sink, again);
    }
    try {
        out.values = extractor->finish();
    } catch (const Error& e) {
        throw Error(e.kind(), file.string(), e.reason()); // name the file, not "audio"
    }
    return out;
}

} // namespace gs
