// What the fuzz targets (fuzz/, scripts/fuzz.sh) found, replayed: each case is the crashing
// or invariant-breaking input (stored in tests/data/fuzz-regressions/ or built here from
// the same bytes) and the behaviour the reader now has.
#include "core/common/error.h"
#include "core/ml/cnn/spectrogram_cache.h"
#include "tests/testsupport.h"

#include <cmath>
#include <cstring>
#include <fstream>

namespace fs = std::filesystem;
using namespace gs;

namespace {

std::string readAll(const fs::path& f)
{
    std::ifstream in(f, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeAll(const fs::path& f, const std::string& bytes)
{
    std::ofstream(f, std::ios::binary | std::ios::trunc) << bytes;
}

// Offsets in a spectrogram cache entry: magic 8, version 4, key length 4, key, mels 4,
// frames 4, dbMin 4, dbMax 4, sum 8, sumSquares 8, checksum 8, codes.
struct EntryLayout {
    std::size_t dbMin, dbMax, sum, sumSquares;
    explicit EntryLayout(std::size_t keyLength)
    {
        dbMin = 16 + keyLength + 8;
        dbMax = dbMin + 4;
        sum = dbMax + 4;
        sumSquares = sum + 8;
    }
};

template <typename T>
void put(std::string& bytes, std::size_t at, T value)
{
    std::memcpy(bytes.data() + at, &value, sizeof value);
}

ml::QuantisedSpectrogram smallSpectrogram(float dbMin, float dbMax)
{
    ml::QuantisedSpectrogram q;
    q.mels = 4;
    q.frames = 6;
    q.dbMin = dbMin;
    q.dbMax = dbMax;
    for (int i = 0; i < q.mels * q.frames; ++i)
        q.data.push_back(std::uint8_t(i * 37 % 256));
    return q;
}

} // namespace

class TestFuzzRegressions : public QObject {
    Q_OBJECT
private slots:
    // fuzz_spectrogram_cache: the header's sum and sum of squares are not covered by the
    // checksum; an entry whose sums were damaged was accepted and fed the CNN's standardiser
    // (mean/variance) with made-up numbers. Now such an entry is a miss, and a good one
    // still reads with exactly the sums store() wrote.
    void spectrogramEntryWithDamagedSumsIsAMiss()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const fs::path song = dir / "song.wav";
        writeAll(song, "any bytes: only the identity enters the key");
        ml::SpectrogramSettings settings;
        settings.mel.nMels = 4;
        ml::SpectrogramCache cache(dir / "cache", settings);
        const ml::CachedSong stored = cache.store(song, smallSpectrogram(-80.0f, 0.0f));
        const auto good = cache.lookup(song);
        QVERIFY(good);
        QCOMPARE(good->sum, stored.sum);
        QCOMPARE(good->sumSquares, stored.sumSquares);

        const std::string original = readAll(stored.file);
        const EntryLayout at(cache.keyFor(song).size());
        for (auto [offset, value] : {std::pair{at.sum, stored.sum + 1000.0}, std::pair{at.sumSquares, -5.0}}) {
            std::string damaged = original;
            put(damaged, offset, value);
            writeAll(stored.file, damaged);
            QVERIFY2(!cache.lookup(song), "an entry with damaged sums was trusted");
        }
        writeAll(stored.file, original);
        QVERIFY(cache.lookup(song));
    }

    // fuzz_spectrogram_cache: dbMin = -3e38, dbMax = 3e38 are each finite, but their range
    // is not: the quantisation step was inf and every dequantised value inf or NaN.
    void spectrogramEntryWithInfiniteRangeIsAMiss()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const fs::path song = dir / "song.wav";
        writeAll(song, "x");
        ml::SpectrogramSettings settings;
        settings.mel.nMels = 4;
        ml::SpectrogramCache cache(dir / "cache", settings);
        const ml::CachedSong stored = cache.store(song, smallSpectrogram(-80.0f, 0.0f));
        std::string damaged = readAll(stored.file);
        const EntryLayout at(cache.keyFor(song).size());
        put(damaged, at.dbMin, -3e38f);
        put(damaged, at.dbMax, 3e38f);
        writeAll(stored.file, damaged);
        QVERIFY2(!cache.lookup(song), "an entry whose dB range overflows was trusted");
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "test_fuzz_regressions.moc"
