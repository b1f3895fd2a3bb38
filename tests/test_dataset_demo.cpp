// The synthetic demo dataset: deterministic bytes, decodable files in every format it
// writes, and genres a simple classifier can tell apart (but not from one feature alone).
#include "core/audio/decode.h"
#include "core/common/error.h"
#include "core/dataset/demo.h"
#include "core/dataset/extract_batch.h"
#include "core/dataset/scan.h"
#include "tests/testsupport.h"

#include <cmath>
#include <fstream>
#include <map>

namespace fs = std::filesystem;

namespace {

std::string bytes(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Leave-one-out 1-nearest-neighbour accuracy on z-scored columns `cols`.
double looAccuracy(const gs::FeatureTable& t, const std::vector<std::size_t>& cols)
{
    const std::size_t n = t.rows.size();
    std::vector<double> mean(cols.size(), 0), sd(cols.size(), 0);
    for (std::size_t c = 0; c < cols.size(); ++c) {
        for (const auto& r : t.rows)
            mean[c] += r.values[cols[c]] / double(n);
        for (const auto& r : t.rows)
            sd[c] += std::pow(r.values[cols[c]] - mean[c], 2) / double(n);
        sd[c] = sd[c] > 0 ? std::sqrt(sd[c]) : 1;
    }
    int correct = 0;
    for (std::size_t i = 0; i < n; ++i) {
        double best = INFINITY;
        std::string guess;
        for (std::size_t k = 0; k < n; ++k) {
            if (k == i)
                continue;
            double d = 0;
            for (std::size_t c = 0; c < cols.size(); ++c)
                d += std::pow((t.rows[i].values[cols[c]] - t.rows[k].values[cols[c]]) / sd[c], 2);
            if (d < best) {
                best = d;
                guess = t.rows[k].label;
            }
        }
        correct += guess == t.rows[i].label;
    }
    return double(correct) / double(n);
}

} // namespace

class TestDatasetDemo : public QObject {
    Q_OBJECT
private slots:
    void sameSeedSameBytesOtherSeedOtherMusic()
    {
        QTemporaryDir a, b;
        gs::DemoOptions options;
        options.perGenre = 2;
        options.seconds = 3;
        options.threads = 2;
        const auto first = gs::makeDemoDataset(gs::test::tempDir(a), options);
        const auto second = gs::makeDemoDataset(gs::test::tempDir(b), options);
        QCOMPARE(first.files.size(), std::size_t(8));
        QCOMPARE(first.genres, gs::demoGenres());
        for (std::size_t i = 0; i < first.files.size(); ++i) {
            QCOMPARE(first.files[i].filename(), second.files[i].filename());
            QVERIFY2(bytes(first.files[i]) == bytes(second.files[i]), first.files[i].c_str());
        }
        // Index 1 of each genre is FLAC when the encoder exists (FFmpeg's own: always).
        QVERIFY(fs::exists(gs::test::tempDir(a) / "Rock" / "rock_01.flac"));
        QVERIFY(fs::exists(gs::test::tempDir(a) / "Rock" / "rock_00.wav"));

        gs::DemoOptions other = options;
        other.seed = 2;
        QVERIFY(gs::synthesizeDemoClip("Piano", 0, options) != gs::synthesizeDemoClip("Piano", 0, other));
        QVERIFY(gs::synthesizeDemoClip("Piano", 0, options) != gs::synthesizeDemoClip("Piano", 1, options));
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::synthesizeDemoClip("Polka", 0, options));
        other.perGenre = 0;
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::makeDemoDataset(gs::test::tempDir(a), other));
    }

    void clipsDecodeWithTheRightLengthAndLevel()
    {
        QTemporaryDir tmp;
        gs::DemoOptions options;
        options.perGenre = 8;  // includes FLAC, Ogg and MP3 clips
        options.seconds = 2;
        options.threads = 2;
        const auto demo = gs::makeDemoDataset(gs::test::tempDir(tmp), options);
        std::map<std::string, int> extensions;
        for (const auto& f : demo.files) {
            const auto audio = gs::decodeAudio(f);
            ++extensions[f.extension().string()];
            QVERIFY2(!audio.partial, audio.warning.c_str());
            QVERIFY2(std::abs(audio.seconds() - 2.0) < 0.03, f.c_str());
            float peak = 0;
            double energy = 0;
            for (float x : audio.samples) {
                peak = std::max(peak, std::abs(x));
                energy += double(x) * x;
            }
            QVERIFY2(peak > 0.2 && peak < 1.0, f.c_str());
            QVERIFY2(energy / double(audio.samples.size()) > 1e-4, f.c_str());  // not silent
        }
        QVERIFY(extensions[".wav"] > 0 && extensions[".flac"] > 0);
        const auto scan = gs::scanDataset(gs::test::tempDir(tmp));
        QCOMPARE(scan.genres, (std::vector<std::string>{"Electronic", "Piano", "Rock", "Strings"}));
        QCOMPARE(scan.songs.size(), std::size_t(32));
    }

    void clipLengthsVaryByGenreWhenAsked()
    {
        gs::DemoOptions exact;
        exact.seconds = 15;
        gs::DemoOptions spread = exact;
        spread.lengthSpread = gs::kDemoLengthSpread;
        std::map<std::string, double> meanSeconds;
        const auto& genres = gs::demoGenres();
        for (std::size_t g = 0; g < genres.size(); ++g) {
            for (int i = 0; i < spread.perGenre; ++i) {
                QCOMPARE(gs::demoClipSeconds(g, i, exact), 15.0);
                const double s = gs::demoClipSeconds(g, i, spread);
                QVERIFY2(s >= 15 * 0.6 - 1e-9 && s <= 15 * 1.4 + 1e-9, qPrintable(QString::number(s)));
                QCOMPARE(gs::demoClipSeconds(g, i, spread), s); // deterministic
                meanSeconds[genres[g]] += s / spread.perGenre;
            }
        }
        // The genre means differ (so the song-length chart shows something): Electronic
        // tracks are longest, Piano pieces shortest, by several seconds.
        QVERIFY(meanSeconds["Electronic"] > meanSeconds["Rock"] + 1.5);
        QVERIFY(meanSeconds["Rock"] > meanSeconds["Piano"] + 1.5);
        // The synthesised clip has exactly that length.
        const auto clip = gs::synthesizeDemoClip("Piano", 3, spread);
        QCOMPARE(clip.size(), std::size_t(gs::demoClipSeconds(1, 3, spread) * spread.sampleRate));
        spread.lengthSpread = 1.5;
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::synthesizeDemoClip("Piano", 0, spread));
    }

    void genresAreSeparableButNotByOneFeature()
    {
        QTemporaryDir tmp;
        gs::DemoOptions options;
        options.perGenre = 6;
        options.seconds = 6;
        options.threads = 2;
        gs::makeDemoDataset(gs::test::tempDir(tmp), options);
        const auto scan = gs::scanDataset(gs::test::tempDir(tmp));
        gs::BatchOptions batch;
        batch.threads = 2;
        const auto result = gs::extractBatch(scan.songs, {}, batch);
        QVERIFY(result.failures.empty());
        QCOMPARE(result.table.rows.size(), std::size_t(24));
        std::vector<std::size_t> all(result.table.columns.size());
        for (std::size_t i = 0; i < all.size(); ++i)
            all[i] = i;
        const double full = looAccuracy(result.table, all);
        double bestSingle = 0;
        std::string bestName;
        for (std::size_t i = 0; i < all.size(); ++i) {
            const double a = looAccuracy(result.table, {i});
            if (a > bestSingle) {
                bestSingle = a;
                bestName = result.table.columns[i];
            }
        }
        qInfo("demo genres: 1-NN leave-one-out accuracy %.3f with all 57 features, best single feature %s %.3f", full,
              bestName.c_str(), bestSingle);
        QVERIFY(full >= 0.9);
        QVERIFY(bestSingle < 1.0);
    }
};

QTEST_GUILESS_MAIN(TestDatasetDemo)
#include "test_dataset_demo.moc"
