#pragma once
// Test-only audio loading for the feature tests: a small WAV reader (PCM 16-bit and
// float32, channels averaged as librosa.to_mono) so the tests do not depend on the FFmpeg
// decoder; MP3s go through gs::decodeAudio when core/audio/decode.cpp is in the tree.
#include "tests/testsupport.h"

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#if __has_include("core/audio/decode.cpp")
#include "core/audio/decode.h"
#define GS_FEATURE_TESTS_HAVE_DECODER 1
#else
#define GS_FEATURE_TESTS_HAVE_DECODER 0
#endif

namespace gs::test {

struct TestAudio {
    std::vector<float> samples;
    int sampleRate = 0;
};

inline std::optional<TestAudio> readWav(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() < 12 || std::memcmp(bytes.data(), "RIFF", 4) != 0 || std::memcmp(bytes.data() + 8, "WAVE", 4) != 0)
        return std::nullopt;
    auto u16 = [&](std::size_t at) { std::uint16_t v; std::memcpy(&v, bytes.data() + at, 2); return v; };
    auto u32 = [&](std::size_t at) { std::uint32_t v; std::memcpy(&v, bytes.data() + at, 4); return v; };
    int format = 0, channels = 0, bits = 0, rate = 0;
    std::size_t pos = 12;
    while (pos + 8 <= bytes.size()) {
        const std::string id(bytes.data() + pos, 4);
        const std::size_t size = u32(pos + 4);
        const std::size_t body = pos + 8;
        if (id == "fmt ") {
            format = u16(body);
            channels = u16(body + 2);
            rate = int(u32(body + 4));
            bits = u16(body + 14);
            if (format == 0xFFFE && size >= 26) // WAVE_FORMAT_EXTENSIBLE: the sub-format's first two bytes
                format = u16(body + 24);
        } else if (id == "data") {
            if (channels <= 0 || !((format == 1 && bits == 16) || (format == 3 && bits == 32)))
                return std::nullopt;
            const std::size_t bytesPerSample = std::size_t(bits / 8);
            const std::size_t available = std::min(size, bytes.size() - body);
            const std::size_t frames = available / (bytesPerSample * std::size_t(channels));
            TestAudio audio;
            audio.sampleRate = rate;
            audio.samples.resize(frames);
            for (std::size_t f = 0; f < frames; ++f) {
                float sum = 0;
                for (int c = 0; c < channels; ++c) {
                    const std::size_t at = body + (f * std::size_t(channels) + std::size_t(c)) * bytesPerSample;
                    float v;
                    if (format == 1) {
                        std::int16_t s;
                        std::memcpy(&s, bytes.data() + at, 2);
                        v = float(s) / 32768.0f;
                    } else {
                        std::memcpy(&v, bytes.data() + at, 4);
                    }
                    sum += v;
                }
                // librosa.to_mono: np.mean over channels in float32.
                audio.samples[f] = channels == 1 ? sum : sum / float(channels);
            }
            return audio;
        }
        pos = body + size + (size & 1);
    }
    return std::nullopt;
}

// nullopt when the file cannot be read here (an MP3 without the decoder): callers QSKIP.
inline std::optional<TestAudio> loadTestAudio(const std::filesystem::path& file)
{
    if (file.extension() == ".wav")
        return readWav(file);
#if GS_FEATURE_TESTS_HAVE_DECODER
    gs::DecodeOptions options;
    options.sampleRate = 0;
    const gs::Audio audio = gs::decodeAudio(file, options);
    return TestAudio{audio.samples, audio.sampleRate};
#else
    return std::nullopt;
#endif
}

} // namespace gs::test
