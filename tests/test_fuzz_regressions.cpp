// What the fuzz targets (fuzz/, scripts/fuzz.sh) found, replayed: each case is the crashing
// or invariant-breaking input (stored in tests/data/fuzz-regressions/ or built here from
// the same bytes) and the behaviour the reader now has.
#include "core/common/error.h"
#include "core/dataset/cache.h"
#include "core/dsp/fft.h"
#include "core/ml/cnn/spectrogram_cache.h"
#include "core/ml/dlib_input.h"
#include "core/ml/model_file.h"
#include "tests/testsupport.h"

#include <cmath>
#include <cstring>

namespace fs = std::filesystem;
using namespace gs;

namespace {

fs::path regressionInput(const std::string& name)
{
    return gs::test::testData(fs::path("fuzz-regressions") / name);
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
        gs::test::writeBytes(song, "any bytes: only the identity enters the key");
        ml::SpectrogramSettings settings;
        settings.mel.nMels = 4;
        ml::SpectrogramCache cache(dir / "cache", settings);
        const ml::CachedSong stored = cache.store(song, smallSpectrogram(-80.0f, 0.0f));
        const auto good = cache.lookup(song);
        QVERIFY(good);
        QCOMPARE(good->sum, stored.sum);
        QCOMPARE(good->sumSquares, stored.sumSquares);

        const std::string original = gs::test::readBytes(stored.file);
        const EntryLayout at(cache.keyFor(song).size());
        for (auto [offset, value] : {std::pair{at.sum, stored.sum + 1000.0}, std::pair{at.sumSquares, -5.0}}) {
            std::string damaged = original;
            put(damaged, offset, value);
            gs::test::writeBytes(stored.file, damaged);
            QVERIFY2(!cache.lookup(song), "an entry with damaged sums was trusted");
        }
        gs::test::writeBytes(stored.file, original);
        QVERIFY(cache.lookup(song));
    }

    // fuzz_spectrogram_cache: dbMin = -3e38, dbMax = 3e38 are each finite, but their range
    // is not: the quantisation step was inf and every dequantised value inf or NaN.
    void spectrogramEntryWithInfiniteRangeIsAMiss()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const fs::path song = dir / "song.wav";
        gs::test::writeBytes(song, "x");
        ml::SpectrogramSettings settings;
        settings.mel.nMels = 4;
        ml::SpectrogramCache cache(dir / "cache", settings);
        const ml::CachedSong stored = cache.store(song, smallSpectrogram(-80.0f, 0.0f));
        std::string damaged = gs::test::readBytes(stored.file);
        const EntryLayout at(cache.keyFor(song).size());
        put(damaged, at.dbMin, -3e38f);
        put(damaged, at.dbMax, 3e38f);
        gs::test::writeBytes(stored.file, damaged);
        QVERIFY2(!cache.lookup(song), "an entry whose dB range overflows was trusted");
    }

    // fuzz_fftw_wisdom: FFTW aborts the whole process ("planner.c: assertion failed:
    // flags.u == u") when a wisdom entry's flag word does not fit its 20-bit field, so a
    // corrupt ~/.cache/genrescope/fftw-wisdom-float killed the app at its first FFT. The
    // loader now hands FFTW only text in the shape FFTW itself writes.
    void corruptFftwWisdomIsIgnoredNotFatal()
    {
        const fs::path crash = regressionInput("fftw-wisdom-flag-overflow");
        QVERIFY2(fs::is_regular_file(crash), crash.c_str());
        QVERIFY(!dsp::detail::wellFormedWisdom(gs::test::readBytes(crash)));
        QVERIFY(!dsp::detail::importWisdomFile(crash)); // before the fix: abort()
    }

    // The check must let FFTW's own wisdom through, or the measured plans are lost: wisdom
    // that this process's FFTW writes is accepted and imports; the same text with one flag
    // word past 20 bits is refused.
    void wisdomWrittenByFftwStillImports()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        gs::test::ScopedEnvironment cache("GENRESCOPE_CACHE_DIR", dir.string());
        const dsp::RealFft fft(40); // a size nothing else here plans: measured, then saved
        const fs::path file = dir / "fftw-wisdom-float";
        QVERIFY(fs::is_regular_file(file));
        const std::string text = gs::test::readBytes(file);
        QVERIFY2(text.find("fftwf_wisdom") != std::string::npos, text.c_str());
        QVERIFY2(dsp::detail::wellFormedWisdom(text), text.c_str());
        QVERIFY(dsp::detail::importWisdomFile(file));

        // "(name reg #xL #xU ...)": U is the fourth word of the first entry.
        const std::size_t entry = text.find("\n  (");
        QVERIFY(entry != std::string::npos);
        std::size_t at = entry;
        for (int word = 0; word < 4; ++word)
            at = text.find(' ', at + 4);
        std::string damaged = text;
        damaged.insert(at + 3, "fff"); // #x10bdd -> #xfff10bdd
        QVERIFY2(!dsp::detail::wellFormedWisdom(damaged), damaged.c_str());
        gs::test::writeBytes(file, damaged);
        QVERIFY(!dsp::detail::importWisdomFile(file)); // before the fix: abort()
    }

    // fuzz_model_file, session 7: an MLP file in the legacy layout (its weights a Dlib stream,
    // read through Dlib) whose hyper-parameters had lost 'hidden1'. It loaded, because the
    // Dlib stream carries its own shape, and predicted; saved again, its weights went into our
    // own layout, which is read back by that shape, so the copy could not be opened ("hyper-
    // parameter 'hidden1' missing"). A network whose shape or dropout scaling disagrees with
    // the file's parameters is now refused when it is read.
    void mlpWhoseParametersDoNotDescribeItsNetworkIsRefused()
    {
        const fs::path file = regressionInput("model-mlp-legacy-shape-not-its-parameters.gsm");
        QVERIFY2(fs::is_regular_file(file), file.c_str());
        const std::string problem = gs::test::modelRefusalProblem(file, {"network does not match"});
        QVERIFY2(problem.empty(), problem.c_str());
    }

    // The same campaign: a legacy-layout MLP stream holding a non-finite weight loaded (Dlib
    // does not look), and its re-saved copy was refused by our own layout's reader. Both
    // layouts now refuse non-finite weights.
    void legacyMlpWithNonFiniteWeightIsRefused()
    {
        const fs::path file = regressionInput("model-mlp-legacy-nonfinite-weight.gsm");
        QVERIFY2(fs::is_regular_file(file), file.c_str());
        const std::string problem = gs::test::modelRefusalProblem(file, {"network does not match"});
        QVERIFY2(problem.empty(), problem.c_str());
    }

    // fuzz_model_file (an ASan-only finding, see fuzz/README.md): a model file with a valid checksum
    // whose MLP weights announce a 91 GB tensor makes dlib's deserialiser allocate it before
    // reading a single value (ASan stops there). Outside ASan the allocation fails or is
    // never touched, and the loader turns that into a clean refusal naming the file.
    void mlpWithHugeTensorIsRefusedCleanly()
    {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
        // The sanitizers' allocators abort on a 91 GB operator new whatever their options say:
        // what this test checks (the clean refusal) exists only in the normal build.
        QSKIP("legacy Dlib stream announcing 91 GB: sanitizer allocators abort on it (normal build only)");
#endif
        const fs::path file = regressionInput("model-mlp-tensor-91GB.gsm");
        QVERIFY2(fs::is_regular_file(file), file.c_str());
        const std::string problem = gs::test::modelRefusalProblem(file, {"network weights"});
        QVERIFY2(problem.empty(), problem.c_str());
    }

    // fuzz_model_file: a crafted model file (checksum repaired) whose MLP weight tensor has
    // dimensions with a negative product. dlib::deserialize(resizable_tensor&) then allocated
    // nothing and copied the following bytes through a null pointer: a segfault in the normal
    // build. Dlib now reads from DlibInput, which refuses to copy into a null address, so the
    // short read becomes Dlib's own serialization error and a clean refusal naming the file.
    void mlpWithNegativeTensorSizeIsRefusedCleanly()
    {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
        // Dlib's header computes end() = host() + size() on the empty tensor (null + a negative
        // size) before reading anything: UBSan's pointer-overflow check stops there, inside
        // Dlib, before our DlibInput can refuse the read. Files this version writes never reach
        // Dlib's reader (GSMLPW01); the clean refusal of the legacy file is checked in the normal
        // build, which CI runs.
        QSKIP("legacy Dlib stream with a negative tensor size: UB inside Dlib's header (normal build only)");
#endif
        const fs::path file = regressionInput("open-model-mlp-tensor-segfault.gsm");
        QVERIFY2(fs::is_regular_file(file), file.c_str());
        const std::string problem = gs::test::modelRefusalProblem(file, {"network weights", "resizable_tensor"});
        QVERIFY2(problem.empty(), problem.c_str());
    }

    // The guard itself: a read into a null buffer yields no bytes and leaves the position,
    // ordinary reads and seeks behave as an istringstream's.
    void dlibInputRefusesNullDestinations()
    {
        ml::DlibInput in(std::string("abcdef"));
        QCOMPARE(in.rdbuf()->sgetn(nullptr, 4), std::streamsize(0));
        char buffer[4] = {};
        QCOMPARE(in.rdbuf()->sgetn(buffer, 4), std::streamsize(4));
        QCOMPARE(std::string(buffer, 4), std::string("abcd"));
        QCOMPARE(in.rdbuf()->sgetn(buffer, 4), std::streamsize(2)); // only "ef" is left
        QCOMPARE(std::string(buffer, 2), std::string("ef"));
        in.clear();
        in.seekg(1);
        QCOMPARE(char(in.get()), 'b');
        in.seekg(-1, std::ios::end);
        QCOMPARE(char(in.get()), 'f');
        in.seekg(7);
        QVERIFY(in.fail()); // beyond the end
    }

    // fuzz_sqlite_cache: a damaged cache file (one feature blob's bytes turned into a NaN)
    // opened fine and load() returned the NaN, which went straight into the feature table.
    // Such rows are now left out (the song is analysed again); intact rows still load.
    void damagedCacheRowsAreLeftOut()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const fs::path crash = dir / "features.sqlite";
        fs::copy_file(regressionInput("sqlite-cache-nan-feature.sqlite"), crash); // the cache writes to it
        {
            FeatureCache cache(crash, "gtzan-57 v1 fuzz");
            for (const auto& row : cache.load())
                for (double v : row.features)
                    QVERIFY2(std::isfinite(v), row.path.c_str()); // before the fix: NaN
        }

        // The same damage made through the API, next to an intact row.
        FeatureCache cache(dir / "api.sqlite", "schema");
        std::vector<CachedSong> songs(4);
        for (std::size_t i = 0; i < songs.size(); ++i) {
            songs[i].path = "/music/rock/" + std::to_string(i) + ".wav";
            songs[i].features = {0.5, 1.5};
            songs[i].length = 661500;
        }
        songs[1].features[1] = std::nan("");
        songs[2].length = INFINITY;
        songs[3].features[0] = -INFINITY;
        cache.store(songs);
        const auto rows = cache.load();
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].path, songs[0].path);
        QCOMPARE(rows[0].features, songs[0].features);
        QCOMPARE(rows[0].length, 661500.0);
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "test_fuzz_regressions.moc"
