#pragma once
// Writing RIFF WAV files ourselves: deterministic bytes (no encoder version in the header),
// no library needed. Used by the demo dataset, tests and exports.
#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

namespace gs {

enum class WavSampleFormat {
    Int16,   // PCM 16-bit; samples are rounded from x·32768 and clipped to the int16 range
    Float32, // IEEE float, written as is (values above 1.0 survive)
};

// `interleaved` holds frames of `channels` samples. Throws gs::Error(InvalidArgument) on bad
// arguments and gs::Error(NotFound) when the file cannot be written.
std::vector<std::uint8_t> encodeWav(std::span<const float> interleaved, int sampleRate, int channels = 1,
                                    WavSampleFormat format = WavSampleFormat::Int16);
void writeWav(const std::filesystem::path& file, std::span<const float> interleaved, int sampleRate,
              int channels = 1, WavSampleFormat format = WavSampleFormat::Int16);

// Writes bytes to a file, replacing it; throws gs::Error(NotFound) naming the file on failure.
void writeFileBytes(const std::filesystem::path& file, std::span<const std::uint8_t> bytes);

} // namespace gs
