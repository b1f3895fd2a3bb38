// The decoder entry (core/audio/decode.*) on arbitrary bytes, through our wrapper: the
// container probe, our own WAV header walk (wavAnnouncedSeconds), stream selection,
// decoding, partial-file handling and resampling, for probeAudio() and decodeAudio() with
// the options the app uses (a 30-s clip at 22050 Hz, and a clip from an offset at the
// native rate). Every failure must be a gs::Error naming the file; what decodes must be
// samples at the requested rate within the clip, and a duration that is a number (float
// PCM may carry NaN bit patterns through; that is the feature code's concern, not checked here).
//
// FFmpeg itself is not instrumented: libFuzzer's guidance sees only our side, and ASan
// catches FFmpeg's memory errors only where they crash or pass through intercepted calls.
#include "core/audio/decode.h"

#include "fuzz/harness.h"

#include <cmath>

namespace {

using namespace gs;
namespace fs = std::filesystem;

void checkAudio(const Audio& a, const DecodeOptions& o)
{
    fuzz::require(!a.samples.empty(), "decoded without samples and without an error");
    fuzz::require(o.sampleRate == 0 ? a.sampleRate == a.info.nativeSampleRate : a.sampleRate == o.sampleRate,
                  "decoded at the wrong rate");
    fuzz::require(std::isfinite(a.info.durationSeconds) && a.info.durationSeconds >= 0, "a non-finite duration");
    fuzz::require(a.partial == !a.warning.empty(), "partial without a warning, or a warning without partial");
    if (o.durationSeconds > 0)
        fuzz::require(a.seconds() <= o.durationSeconds + 0.1, "decoded more than the requested clip");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const fs::path file = fuzz::writeInput("song", {data, size});
    const std::string name = file.string();
    fuzz::expectClean(name, [&] {
        const AudioInfo info = probeAudio(file);
        fuzz::require(std::isfinite(info.durationSeconds) && info.durationSeconds >= 0, "probe: a non-finite duration");
    });
    DecodeOptions clip; // what feature extraction asks for
    clip.durationSeconds = 30.0;
    Audio audio;
    if (fuzz::expectClean(name, [&] { audio = decodeAudio(file, clip); }))
        checkAudio(audio, clip);
    DecodeOptions later;
    later.sampleRate = 0;
    later.offsetSeconds = 0.25;
    later.durationSeconds = 1.0;
    if (fuzz::expectClean(name, [&] { audio = decodeAudio(file, later); }))
        checkAudio(audio, later);
    return 0;
}
