#pragma once
// Decoding any file FFmpeg reads into mono float32 at a chosen rate.
// FFmpeg's types stay inside decode.cpp.
#include "core/common/progress.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace gs {

struct DecodeOptions {
    int sampleRate = 22050;        // 0 = the file's native rate
    double offsetSeconds = 0.0;
    double durationSeconds = 0.0;  // 0 = to the end of the file
    // Long offsets seek (av_seek_frame) and then trim by timestamp; false decodes from the
    // start and discards up to the offset, which is slower but needs no timestamps.
    bool allowSeek = true;
};

struct AudioInfo {                 // what the container says, without decoding
    double durationSeconds = 0.0;  // true length of the whole file
    int nativeSampleRate = 0;
    int channels = 0;
    std::string codec;             // "mp3", "pcm_s16le", ...
    std::string container;         // "wav", "mp3", ...
    std::int64_t bitRate = 0;
};

struct Audio {
    std::vector<float> samples;    // mono (mean of channels, as librosa), not clipped
    int sampleRate = 0;
    AudioInfo info;
    bool partial = false;          // decoding stopped early (truncated / decoder error)
    std::string warning;           // why it is partial, for the user
    double seconds() const { return sampleRate ? double(samples.size()) / sampleRate : 0.0; }
};

// Throws gs::Error (NotFound, NotAudio, Corrupt, Empty, TooShort, Cancelled,
// InvalidArgument) naming the file. A file that decodes only in part (cut off, damaged
// packets) returns what decoded, with `partial` set and the reason in `warning`. It collects
// the stream of decodeAudioBlocks (one decode loop) and, as a memory guard, stops at 2^28
// native samples (partial, with a warning); long recordings belong to decodeAudioBlocks.
Audio decodeAudio(const std::filesystem::path& file, const DecodeOptions& options = {},
                  const CancelToken* cancel = nullptr);
// What decodeAudioBlocks found; the samples went to the sink.
struct StreamedAudio {
    AudioInfo info;
    int sampleRate = 0;
    std::int64_t samples = 0;      // handed to the sink
    bool partial = false;          // as in Audio
    std::string warning;
    double seconds() const { return sampleRate ? double(samples) / sampleRate : 0.0; }
};

// Decodes like decodeAudio (same options, the same samples bit for bit when the blocks are
// concatenated, the same errors), but hands the mono samples to `sink` in order, in blocks
// of exactly blockSamples (the last one shorter), without holding the whole file: memory
// stays bounded by blockSamples plus the decoder's own frames, so there is no length cap.
// `sink` returns false to stop early (then `samples` counts what it received). Throws
// InvalidArgument for blockSamples == 0. Errors thrown by `sink` pass through.
StreamedAudio decodeAudioBlocks(const std::filesystem::path& file, const DecodeOptions& options,
                                std::size_t blockSamples, const std::function<bool(std::span<const float>)>& sink,
                                const CancelToken* cancel = nullptr);

// The container's view, plus the true duration (counted from packets when the header has none).
AudioInfo probeAudio(const std::filesystem::path& file);

} // namespace gs
