#include "core/dataset/whole_file.h"

#include "core/audio/decode.h"
#include "core/common/error.h"
#include "core/features/streaming_extract.h"

namespace gs {

namespace {
// Blocks of a few seconds: large enough to keep the per-block overhead small, small enough
// that nothing of the song is ever held whole.
constexpr std::size_t kBlockSamples = 1 << 16;

void decodeInBlocks(const std::filesystem::path& file, const ExtractionParams& params, const CancelToken* cancel,
                    const SampleSink& sink, WholeFileFeatures& info)
{
    DecodeOptions options;
    options.sampleRate = params.sampleRate;
    options.offsetSeconds = params.offsetSeconds;
    const StreamedAudio streamed = decodeAudioBlocks(
        file, options, kBlockSamples,
        [&](std::span<const float> block) {
            sink(block);
            return true;
        },
        cancel);
    info.samples = std::size_t(streamed.samples);
    if (streamed.partial && info.warning.empty())
        info.warning = streamed.warning;
}
} // namespace

WholeFileFeatures extractWholeFileStreaming(const std::filesystem::path& file, const ExtractionParams& params,
                                            const CancelToken* cancel)
{
    params.validate();
    WholeFileFeatures out;
    // The rate the blocks come at: the chosen one, or the file's own (--sr native).
    out.sampleRate = params.sampleRate > 0 ? params.sampleRate : probeAudio(file).nativeSampleRate;
    if (out.sampleRate <= 0)
        throw Error(ErrorKind::NotAudio, file.string(), "no audio sample rate");
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
