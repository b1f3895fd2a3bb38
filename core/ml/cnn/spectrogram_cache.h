#pragma once
// Log-mel spectrograms of songs, computed once and kept on disk as 8-bit codes so that
// training streams mini-batches from files instead of holding a data set in memory.
//
// One file per song, named by a hash of its key (canonical path, size, mtime, decode and mel
// settings); the full key is stored inside and compared on read. Files are written to a
// temporary name and renamed, so a killed process never leaves a half-written entry, and
// every read checks size and checksum: a damaged entry is recomputed, never trusted.
#include "core/common/progress.h"
#include "core/dsp/matrix.h"
#include "core/features/mel.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gs::ml {

struct SpectrogramSettings {
    MelOptions mel;
    int sampleRate = 22050;
    double clipSeconds = 30.0;     // 0 = whole file
    double clipOffsetSeconds = 0.0;
    std::string fingerprint() const; // part of every cache key
};

// A song's dB spectrogram as 8-bit codes, frame-major: data[frame * mels + band].
// dB = dbMin + code * (dbMax - dbMin) / 255 (0.3 dB steps for power_to_db's 80 dB range).
struct QuantisedSpectrogram {
    int mels = 0;
    int frames = 0;
    float dbMin = 0.0f;
    float dbMax = 0.0f;
    std::vector<std::uint8_t> data;

    float step() const { return (dbMax - dbMin) / 255.0f; }
    float db(int frame, int band) const { return dbMin + step() * data[std::size_t(frame) * mels + band]; }
    static QuantisedSpectrogram fromMatrix(const Matrix& melDb); // rows = bands, cols = frames
};

// A cached song as training needs it: where its codes are, not the codes themselves.
struct CachedSong {
    std::filesystem::path file;
    std::uint64_t dataOffset = 0;
    int mels = 0;
    int frames = 0;
    float dbMin = 0.0f;
    float dbMax = 0.0f;
    double sum = 0.0;        // of the (dequantised) dB values, for the standardiser
    double sumSquares = 0.0;
};

class SpectrogramCache {
public:
    SpectrogramCache(std::filesystem::path directory, SpectrogramSettings settings);

    const std::filesystem::path& directory() const { return directory_; }
    const SpectrogramSettings& settings() const { return settings_; }

    // Identity of a song's spectrogram; throws gs::Error(NotFound) when the song is missing.
    std::string keyFor(const std::filesystem::path& song) const;
    std::filesystem::path entryFile(const std::string& key) const;

    // The valid cache entry of `song`, or nullopt (absent, stale, damaged).
    std::optional<CachedSong> lookup(const std::filesystem::path& song) const;
    // lookup(), else decode + mel + store. Decoding errors (gs::Error naming the song) pass through.
    CachedSong ensure(const std::filesystem::path& song, const CancelToken* cancel = nullptr);
    // Stores a spectrogram computed elsewhere (or synthetic) as the entry of `song`.
    CachedSong store(const std::filesystem::path& song, const QuantisedSpectrogram& spectrogram);

    // The whole song: from the cache when valid, else computed and (best effort) stored.
    QuantisedSpectrogram load(const std::filesystem::path& song, const CancelToken* cancel = nullptr);
    static QuantisedSpectrogram readAll(const CachedSong& entry);
    // Codes of frames [first, first + count) into out (count * mels bytes); frames past the
    // end read as code 0 (the song's quietest level). Throws gs::Error(Corrupt) on I/O failure.
    static void readWindow(const CachedSong& entry, int first, int count, std::uint8_t* out);

    // Songs this object decoded and analysed (cache misses), for tests and reports.
    std::size_t computedCount() const { return computed_.load(); }

private:
    QuantisedSpectrogram compute(const std::filesystem::path& song, const CancelToken* cancel);

    std::filesystem::path directory_;
    SpectrogramSettings settings_;
    std::atomic<std::size_t> computed_{0};
};

} // namespace gs::ml
