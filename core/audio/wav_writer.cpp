#include "core/audio/wav_writer.h"

#include "core/common/error.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>

namespace gs {
namespace {

void put16(std::vector<std::uint8_t>& b, std::uint16_t v)
{
    b.push_back(std::uint8_t(v & 0xff));
    b.push_back(std::uint8_t(v >> 8));
}

void put32(std::vector<std::uint8_t>& b, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        b.push_back(std::uint8_t((v >> (8 * i)) & 0xff));
}

void putTag(std::vector<std::uint8_t>& b, const char* tag)
{
    b.insert(b.end(), tag, tag + 4);
}

} // namespace

std::vector<std::uint8_t> encodeWav(std::span<const float> interleaved, int sampleRate, int channels,
                                    WavSampleFormat format)
{
    if (sampleRate <= 0 || channels <= 0 || channels > 64)
        throw Error(ErrorKind::InvalidArgument, "wav", "sample rate and channel count must be positive");
    if (interleaved.size() % std::size_t(channels) != 0)
        throw Error(ErrorKind::InvalidArgument, "wav", "sample count is not a multiple of the channel count");
    const bool isFloat = format == WavSampleFormat::Float32;
    const std::uint32_t bytesPerSample = isFloat ? 4 : 2;
    const std::uint64_t dataBytes = std::uint64_t(interleaved.size()) * bytesPerSample;
    if (dataBytes > 0xFFFFFFFFull - 64)
        throw Error(ErrorKind::InvalidArgument, "wav", "too long for a RIFF WAV file (4 GB)");

    std::vector<std::uint8_t> b;
    b.reserve(std::size_t(dataBytes) + 64);
    // Float WAVs carry a fact chunk and a cbSize field, as the format requires for non-PCM.
    const std::uint32_t fmtSize = isFloat ? 18 : 16;
    const std::uint32_t factBytes = isFloat ? 12 : 0;
    putTag(b, "RIFF");
    put32(b, std::uint32_t(4 + 8 + fmtSize + factBytes + 8 + dataBytes));
    putTag(b, "WAVE");
    putTag(b, "fmt ");
    put32(b, fmtSize);
    put16(b, isFloat ? 3 : 1);
    put16(b, std::uint16_t(channels));
    put32(b, std::uint32_t(sampleRate));
    put32(b, std::uint32_t(sampleRate) * std::uint32_t(channels) * bytesPerSample);
    put16(b, std::uint16_t(channels * bytesPerSample));
    put16(b, std::uint16_t(bytesPerSample * 8));
    if (isFloat) {
        put16(b, 0);
        putTag(b, "fact");
        put32(b, 4);
        put32(b, std::uint32_t(interleaved.size() / std::size_t(channels)));
    }
    putTag(b, "data");
    put32(b, std::uint32_t(dataBytes));
    for (float x : interleaved) {
        if (isFloat) {
            std::uint32_t bits;
            std::memcpy(&bits, &x, 4);
            put32(b, bits);
        } else {
            const float v = std::isfinite(x) ? std::nearbyint(x * 32768.0f) : 0.0f;
            put16(b, std::uint16_t(std::int16_t(std::clamp(v, -32768.0f, 32767.0f))));
        }
    }
    return b;
}

void writeFileBytes(const std::filesystem::path& file, std::span<const std::uint8_t> bytes)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out)
        throw Error(ErrorKind::NotFound, file.string(), "cannot be created for writing");
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    out.close();
    if (!out)
        throw Error(ErrorKind::NotFound, file.string(), "write failed (disk full?)");
}

void writeWav(const std::filesystem::path& file, std::span<const float> interleaved, int sampleRate, int channels,
              WavSampleFormat format)
{
    try {
        writeFileBytes(file, encodeWav(interleaved, sampleRate, channels, format));
    } catch (const Error& e) {
        if (e.subject() == "wav")
            throw Error(e.kind(), file.string(), e.reason());
        throw;
    }
}

} // namespace gs
