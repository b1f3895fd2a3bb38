#include "core/ml/cnn/spectrogram_cache.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/dataset/mel_export.h"
#include "core/ml/binary_io.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace gs::ml {

namespace {

constexpr char kMagic[8] = {'G', 'S', 'M', 'E', 'L', 'Q', '8', '\n'};
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::uint32_t kMaxKeyLength = 64 * 1024;
constexpr int kMaxFrames = 1 << 22; // ~27 h at hop 512 / 22 kHz: anything larger is damage

std::string hex64(std::uint64_t v)
{
    static const char* digits = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i, v >>= 4)
        s[std::size_t(i)] = digits[v & 15];
    return s;
}

struct Sums {
    double sum = 0.0;
    double sumSquares = 0.0;
};

Sums sumsOf(const std::uint8_t* codes, std::size_t count, float dbMin, float step)
{
    // Per-code histogram: exact and much cheaper than dequantising every value.
    std::uint64_t histogram[256] = {};
    for (std::size_t i = 0; i < count; ++i)
        ++histogram[codes[i]];
    Sums result;
    for (int code = 0; code < 256; ++code) {
        const double db = double(dbMin) + double(step) * code;
        result.sum += double(histogram[code]) * db;
        result.sumSquares += double(histogram[code]) * db * db;
    }
    return result;
}

Sums sumsOf(const QuantisedSpectrogram& s) { return sumsOf(s.data.data(), s.data.size(), s.dbMin, s.step()); }

// Reads and validates the header of an entry; the payload is checked by the caller.
// Anything unreadable is a cache miss (the entry is recomputed), so read errors become nullopt.
std::optional<CachedSong> readHeader(std::istream& in, const fs::path& file, const std::string& expectedKey,
                                     std::uint64_t& checksum)
try {
    char magic[8];
    if (!in.read(magic, 8) || std::memcmp(magic, kMagic, 8) != 0 || bin::readU32(in, "version") != kFormatVersion)
        return std::nullopt;
    const std::string key = bin::readString32(in, "key", kMaxKeyLength);
    if (!expectedKey.empty() && key != expectedKey)
        return std::nullopt;
    CachedSong entry;
    entry.file = file;
    const std::uint32_t mels = bin::readU32(in, "mels");
    const std::uint32_t frames = bin::readU32(in, "frames");
    entry.dbMin = bin::readF32(in, "dB minimum");
    entry.dbMax = bin::readF32(in, "dB maximum");
    entry.sum = bin::readF64(in, "sum");
    entry.sumSquares = bin::readF64(in, "sum of squares");
    checksum = bin::readU64(in, "checksum");
    if (mels == 0 || mels > 1024 || frames == 0 || frames > std::uint32_t(kMaxFrames) || !std::isfinite(entry.dbMin)
        || !std::isfinite(entry.dbMax) || entry.dbMax < entry.dbMin || !std::isfinite(entry.dbMax - entry.dbMin)
        || !std::isfinite(entry.sum)
        || !std::isfinite(entry.sumSquares))
        return std::nullopt;
    entry.mels = int(mels);
    entry.frames = int(frames);
    entry.dataOffset = std::uint64_t(in.tellg());
    return entry;
} catch (const Error&) {
    return std::nullopt;
}

} // namespace

std::string SpectrogramSettings::fingerprint() const
{
    std::ostringstream s;
    s << "mel n_fft=" << mel.nFft << " hop=" << mel.hop << " n_mels=" << mel.nMels << " fmin=" << mel.fmin
      << " fmax=" << mel.fmax << " pad=" << toString(mel.pad) << " top_db=" << mel.topDb << " sr=" << sampleRate
      << " clip=" << clipSeconds << " offset=" << clipOffsetSeconds << " q8v" << kFormatVersion;
    return s.str();
}

QuantisedSpectrogram QuantisedSpectrogram::fromMatrix(const Matrix& melDb)
{
    if (melDb.rows == 0 || melDb.cols == 0)
        throw Error(ErrorKind::Empty, "spectrogram", "no frames to quantise");
    QuantisedSpectrogram q;
    q.mels = int(melDb.rows);
    q.frames = int(melDb.cols);
    float lo = INFINITY, hi = -INFINITY;
    for (float v : melDb.data)
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (!std::isfinite(lo)) // nothing finite at all: treat as silence
        lo = hi = 0.0f;
    q.dbMin = lo;
    q.dbMax = hi > lo ? hi : lo + 1.0f; // a flat spectrogram still gets a valid scale
    const float scale = 255.0f / (q.dbMax - q.dbMin);
    q.data.resize(melDb.data.size());
    for (std::size_t band = 0; band < melDb.rows; ++band)
        for (std::size_t frame = 0; frame < melDb.cols; ++frame) {
            const float v = melDb(band, frame);
            const float code = std::isfinite(v) ? std::round((v - q.dbMin) * scale) : 0.0f;
            q.data[frame * melDb.rows + band] = std::uint8_t(std::clamp(code, 0.0f, 255.0f));
        }
    return q;
}

SpectrogramCache::SpectrogramCache(fs::path directory, SpectrogramSettings settings)
    : directory_(std::move(directory))
    , settings_(std::move(settings))
{
}

std::string SpectrogramCache::keyFor(const fs::path& song) const
{
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(song, ec);
    const auto size = fs::file_size(song, ec);
    if (ec)
        throw Error(ErrorKind::NotFound, song.string(), "cannot read the file: " + ec.message());
    const auto mtime = fs::last_write_time(song, ec).time_since_epoch().count();
    if (ec)
        throw Error(ErrorKind::NotFound, song.string(), "cannot read the file: " + ec.message());
    std::ostringstream key;
    key << (canonical.empty() ? song.string() : canonical.string()) << '|' << size << '|' << mtime << '|'
        << settings_.fingerprint();
    return key.str();
}

fs::path SpectrogramCache::entryFile(const std::string& key) const
{
    return directory_ / (hex64(bin::fnv1a64(key.data(), key.size())) + ".gsmel");
}

std::optional<CachedSong> SpectrogramCache::lookup(const fs::path& song) const
{
    const std::string key = keyFor(song);
    const fs::path file = entryFile(key);
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::uint64_t checksum = 0;
    auto entry = readHeader(in, file, key, checksum);
    if (!entry || entry->mels != settings_.mel.nMels)
        return std::nullopt;
    const std::size_t payload = std::size_t(entry->mels) * std::size_t(entry->frames);
    std::vector<char> buffer(payload);
    if (!in.read(buffer.data(), std::streamsize(payload)) || in.peek() != std::char_traits<char>::eof())
        return std::nullopt;
    if (bin::fnv1a64(buffer.data(), buffer.size()) != checksum)
        return std::nullopt;
    // The checksum covers the codes only: sums from a damaged header would skew the CNN's
    // standardiser. They are what store() computed from these codes, bit for bit.
    const float step = (entry->dbMax - entry->dbMin) / 255.0f;
    const Sums sums = sumsOf(reinterpret_cast<const std::uint8_t*>(buffer.data()), buffer.size(), entry->dbMin, step);
    if (sums.sum != entry->sum || sums.sumSquares != entry->sumSquares)
        return std::nullopt;
    return entry;
}

CachedSong SpectrogramCache::store(const fs::path& song, const QuantisedSpectrogram& s)
{
    if (s.mels <= 0 || s.frames <= 0 || s.data.size() != std::size_t(s.mels) * std::size_t(s.frames))
        throw Error(ErrorKind::InvalidArgument, song.string(), "inconsistent spectrogram");
    const std::string key = keyFor(song);
    const fs::path file = entryFile(key);
    std::error_code ec;
    fs::create_directories(directory_, ec);
    if (ec)
        throw Error(ErrorKind::NotFound, directory_.string(), "cannot create the cache folder: " + ec.message());

    const Sums sums = sumsOf(s);
    // The one atomic writer: a kill or a full disk never leaves half an entry or a temporary.
    writeFileAtomically(file, [&](std::ostream& out) {
        out.write(kMagic, 8);
        bin::writeU32(out, kFormatVersion);
        bin::writeString32(out, key);
        bin::writeU32(out, std::uint32_t(s.mels));
        bin::writeU32(out, std::uint32_t(s.frames));
        bin::writeF32(out, s.dbMin);
        bin::writeF32(out, s.dbMax);
        bin::writeF64(out, sums.sum);
        bin::writeF64(out, sums.sumSquares);
        bin::writeU64(out, bin::fnv1a64(s.data.data(), s.data.size()));
        out.write(reinterpret_cast<const char*>(s.data.data()), std::streamsize(s.data.size()));
    });
    CachedSong entry;
    entry.file = file;
    entry.dataOffset = 8 + 4 + 4 + key.size() + 4 + 4 + 4 + 4 + 8 + 8 + 8;
    entry.mels = s.mels;
    entry.frames = s.frames;
    entry.dbMin = s.dbMin;
    entry.dbMax = s.dbMax;
    entry.sum = sums.sum;
    entry.sumSquares = sums.sumSquares;
    return entry;
}

QuantisedSpectrogram SpectrogramCache::compute(const fs::path& song, const CancelToken* cancel)
{
    const Matrix melDb = songMelSpectrogramDb(song, settings_.sampleRate, settings_.clipOffsetSeconds,
                                              settings_.clipSeconds, settings_.mel, cancel);
    ++computed_;
    return QuantisedSpectrogram::fromMatrix(melDb);
}

CachedSong SpectrogramCache::ensure(const fs::path& song, const CancelToken* cancel)
{
    if (auto entry = lookup(song))
        return *entry;
    return store(song, compute(song, cancel));
}

QuantisedSpectrogram SpectrogramCache::load(const fs::path& song, const CancelToken* cancel)
{
    if (auto entry = lookup(song))
        return readAll(*entry);
    QuantisedSpectrogram s = compute(song, cancel);
    try {
        store(song, s);
    } catch (const Error&) {
        // A read-only or full cache folder must not stop a prediction.
    }
    return s;
}

QuantisedSpectrogram SpectrogramCache::readAll(const CachedSong& entry)
{
    QuantisedSpectrogram s;
    s.mels = entry.mels;
    s.frames = entry.frames;
    s.dbMin = entry.dbMin;
    s.dbMax = entry.dbMax;
    s.data.resize(std::size_t(entry.mels) * std::size_t(entry.frames));
    readWindow(entry, 0, entry.frames, s.data.data());
    return s;
}

void SpectrogramCache::readWindow(const CachedSong& entry, int first, int count, std::uint8_t* out)
{
    const std::size_t rowBytes = std::size_t(entry.mels);
    const int begin = std::clamp(first, 0, entry.frames);
    const int end = std::clamp(first + count, 0, entry.frames);
    std::memset(out, 0, rowBytes * std::size_t(count));
    if (end <= begin)
        return;
    std::ifstream in(entry.file, std::ios::binary);
    in.seekg(std::streamoff(entry.dataOffset + std::uint64_t(begin) * rowBytes));
    if (!in.read(reinterpret_cast<char*>(out + std::size_t(begin - first) * rowBytes),
                 std::streamsize(std::size_t(end - begin) * rowBytes)))
        throw Error(ErrorKind::Corrupt, entry.file.string(), "cache entry vanished or was truncated while reading");
}

} // namespace gs::ml
