// CNN spectrogram cache entries (core/ml/cnn/spectrogram_cache.*): an entry file found in
// the cache folder is read by lookup() (header, key, size, checksum) and readAll().
//
// An entry is only looked at when it stores the song's full key (path, size, mtime,
// settings), which a fuzzer cannot guess, and its codes carry an FNV-1a checksum. Input
// byte 0 therefore says what to repair in the rest before it is written as the entry of a
// fixed song: bit 0 puts the real key in place of the stored one, bit 1 recomputes the
// payload checksum. With both bits clear the bytes are the entry exactly as given.
//
// An entry that lookup() accepts must read whole and dequantise to finite dB values whose
// sums match the ones the header reports (the CNN standardises with them).
#include "core/ml/binary_io.h"
#include "core/ml/cnn/spectrogram_cache.h"

#include "fuzz/harness.h"

#include <cmath>
#include <cstring>

namespace {

using namespace gs;
namespace fs = std::filesystem;

constexpr std::size_t kKeyLengthAt = 12;     // after magic (8) and version (4)
constexpr std::size_t kFieldsAfterKey = 4 + 4 + 4 + 4 + 8 + 8; // mels, frames, dbMin, dbMax, sum, sumSquares
constexpr int kMels = fuzz::kSpectrogramMels;

ml::SpectrogramSettings settings()
{
    ml::SpectrogramSettings s;
    s.mel.nMels = kMels;
    return s;
}

// The song whose entry is fuzzed: any file will do, only its identity enters the key.
const fs::path& song()
{
    static const fs::path file = fuzz::writeInput("song.wav", std::string("not decoded"));
    return file;
}

std::string withRealKey(const std::string& in, const std::string& key)
{
    if (in.size() < kKeyLengthAt + 4)
        return in;
    const std::size_t storedLength = fuzz::readLe32(in, kKeyLengthAt);
    const std::size_t rest = kKeyLengthAt + 4 + std::min<std::size_t>(storedLength, in.size() - kKeyLengthAt - 4);
    std::string out = in.substr(0, kKeyLengthAt) + std::string(4, '\0') + key + in.substr(rest);
    fuzz::writeLe32(out, kKeyLengthAt, std::uint32_t(key.size()));
    return out;
}

void repairChecksum(std::string& entry)
{
    if (entry.size() < kKeyLengthAt + 4)
        return;
    const std::size_t at = kKeyLengthAt + 4 + fuzz::readLe32(entry, kKeyLengthAt) + kFieldsAfterKey;
    if (at + 8 > entry.size())
        return;
    fuzz::writeLe64(entry, at, ml::bin::fnv1a64(entry.data() + at + 8, entry.size() - at - 8));
}

void checkEntry(const ml::CachedSong& entry)
{
    fuzz::require(entry.mels == kMels && entry.frames > 0, "an entry of the wrong shape was accepted");
    const ml::QuantisedSpectrogram q = ml::SpectrogramCache::readAll(entry);
    fuzz::require(q.data.size() == std::size_t(q.mels) * std::size_t(q.frames), "readAll returned the wrong size");
    double sum = 0, sumSquares = 0;
    for (int f = 0; f < q.frames; ++f)
        for (int b = 0; b < q.mels; ++b) {
            const double db = q.db(f, b);
            fuzz::require(std::isfinite(db), "an accepted entry dequantises to a non-finite dB value");
            sum += db;
            sumSquares += db * db;
        }
    // Means compared on the scale of the values (the sums are accumulated in another order).
    const double n = double(q.data.size());
    const double scale = std::max({1.0, std::abs(double(q.dbMin)), std::abs(double(q.dbMax))});
    fuzz::require(std::abs(sum / n - entry.sum / n) <= 1e-6 * scale &&
                      std::abs(sumSquares / n - entry.sumSquares / n) <= 1e-6 * scale * scale,
                  "an accepted entry's sums disagree with its codes");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    static ml::SpectrogramCache cache(fuzz::tempDir() / "mel-cache", settings());
    const std::string key = cache.keyFor(song());
    std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] & 1)
        bytes = withRealKey(bytes, key);
    if (data[0] & 2)
        repairChecksum(bytes);
    const fs::path file = cache.entryFile(key);
    fs::create_directories(file.parent_path());
    fuzz::writeInput(fs::relative(file, fuzz::tempDir()).string(), bytes);
    std::optional<ml::CachedSong> entry;
    if (fuzz::expectClean("", [&] { entry = cache.lookup(song()); }) && entry)
        checkEntry(*entry);
    return 0;
}
