// Degenerate inputs: every length and content gives 57 finite values (never NaN/Inf),
// with librosa's values where librosa has one.
#include "core/common/error.h"
#include "core/features/extract.h"
#include "core/features/mel.h"
#include "tests/testsupport.h"

#include <cmath>
#include <thread>
#include <numbers>

namespace {
std::vector<float> sine(std::size_t n, double freq = 440.0, double sr = 22050.0)
{
    std::vector<float> y(n);
    for (std::size_t i = 0; i < n; ++i)
        y[i] = float(0.5 * std::sin(2 * std::numbers::pi * freq * double(i) / sr));
    return y;
}

int column(const char* name)
{
    const auto& names = gs::genreFeatureNames();
    return int(std::find(names.begin(), names.end(), name) - names.begin());
}
} // namespace

class TestFeaturesEdge : public QObject {
    Q_OBJECT
private slots:
    void anyLengthGivesFiniteValues_data()
    {
        QTest::addColumn<std::vector<float>>("y");
        QTest::newRow("empty") << std::vector<float>{};
        QTest::newRow("1 sample") << std::vector<float>{0.3f};
        QTest::newRow("2 samples") << std::vector<float>{0.3f, -0.2f};
        QTest::newRow("0.05 s sine") << sine(1102);
        QTest::newRow("0.3 s sine") << sine(6615);
        QTest::newRow("1 s silence") << std::vector<float>(22050, 0.0f);
        QTest::newRow("1 s DC") << std::vector<float>(22050, 0.25f);
        QTest::newRow("full-scale square") << [] {
            std::vector<float> y(30000);
            for (std::size_t i = 0; i < y.size(); ++i)
                y[i] = (i / 50) % 2 ? 1.0f : -1.0f;
            return y;
        }();
        QTest::newRow("single click") << [] {
            std::vector<float> y(44100, 0.0f);
            y[20000] = 1.0f;
            return y;
        }();
    }

    void anyLengthGivesFiniteValues()
    {
        QFETCH(std::vector<float>, y);
        for (auto pad : {gs::PadMode::Constant, gs::PadMode::Reflect})
            for (bool legacy : {false, true}) {
                gs::GenreFeatureExtractor extractor(pad, legacy);
                const auto values = extractor.compute(y, 22050);
                QCOMPARE(values.size(), std::size_t(57));
                for (std::size_t i = 0; i < values.size(); ++i)
                    QVERIFY2(std::isfinite(values[i]),
                             qPrintable(QString::fromStdString(gs::genreFeatureNames()[i]) + " is not finite"));
            }
        const gs::Matrix mel = gs::melSpectrogramDb(y, 22050);
        QCOMPARE(mel.rows, std::size_t(128));
        QCOMPARE(mel.cols, 1 + y.size() / 512);
        for (float v : mel.data)
            QVERIFY(std::isfinite(v));
    }

    void silenceMatchesLibrosa()
    {
        // README "Oddities": silence gives chroma 0, centroid/bandwidth/rolloff 0, all mel
        // dB -100, mfcc1 = -100*sqrt(128), the other MFCCs 0, tempo 0.
        gs::GenreFeatureExtractor extractor;
        const auto v = extractor.compute(std::vector<float>(66150, 0.0f), 22050);
        for (const char* zero : {"chroma_stft_mean", "chroma_stft_var", "rms_mean", "spectral_centroid_mean",
                                 "spectral_bandwidth_mean", "rolloff_mean", "zero_crossing_rate_mean",
                                 "harmony_mean", "harmony_var", "perceptr_var", "tempo", "mfcc2_mean", "mfcc1_var"})
            QVERIFY2(std::fabs(v[std::size_t(column(zero))]) < 1e-12, zero);
        QVERIFY(std::fabs(v[std::size_t(column("mfcc1_mean"))] + 100 * std::sqrt(128.0)) < 1e-3);
    }

    void shortClipsKeepTheirSignal()
    {
        // 0.05 s is shorter than one 2048-sample frame; librosa still gives 3 frames of a
        // 440 Hz tone: RMS near 0.5/sqrt(2) scaled by the zero-padded frame share.
        gs::GenreFeatureExtractor extractor;
        const auto v = extractor.compute(sine(1102), 22050);
        QVERIFY(v[std::size_t(column("rms_mean"))] > 0.05);
        const double centroid = v[std::size_t(column("spectral_centroid_mean"))];
        QVERIFY2(centroid > 300 && centroid < 1500, qPrintable(QString::number(centroid)));
    }

    void badInputIsRejectedNotCrashed()
    {
        gs::GenreFeatureExtractor extractor;
        std::vector<float> y(4096, 0.1f);
        y[100] = std::nanf("");
        QVERIFY_THROWS_EXCEPTION(gs::Error, extractor.compute(y, 22050));
        y[100] = 0.0f;
        QVERIFY_THROWS_EXCEPTION(gs::Error, extractor.compute(y, 0));
        gs::MelOptions bad;
        bad.nMels = 0;
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::melSpectrogramDb(y, 22050, bad));
        bad = {};
        bad.fmin = 20000; // above sr/2
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::melSpectrogramDb(y, 22050, bad));
        // The extractor is still usable after an error.
        QCOMPARE(extractor.compute(y, 22050).size(), std::size_t(57));
    }

    void extractorsOnSeveralThreadsAgree()
    {
        // One extractor per worker thread (FFTW plans are per thread, planned under a lock).
        std::vector<float> y = sine(22050 * 4, 330.0);
        for (std::size_t i = 0; i < y.size(); i += 5000)
            y[i] += 0.5f; // clicks, so that tempo and HPSS have work
        const auto expected = gs::GenreFeatureExtractor().compute(y, 22050);
        std::vector<std::vector<double>> results(4);
        std::vector<std::thread> threads;
        for (std::size_t k = 0; k < results.size(); ++k)
            threads.emplace_back([&, k] {
                gs::GenreFeatureExtractor extractor(gs::PadMode::Constant);
                for (int repeat = 0; repeat < 2; ++repeat)
                    results[k] = extractor.compute(y, 22050);
            });
        for (auto& t : threads)
            t.join();
        for (const auto& r : results)
            QVERIFY(r == expected);
    }

    void stageTimesAreReported()
    {
        gs::GenreFeatureExtractor extractor;
        extractor.compute(sine(22050 * 3), 22050);
        const auto& t = extractor.lastTimes();
        QVERIFY(t.total > 0);
        QVERIFY(t.stft + t.melMfcc + t.chroma + t.spectral + t.hpss + t.tempo <= t.total * 1.01 + 1e-6);
    }
};

QTEST_GUILESS_MAIN(TestFeaturesEdge)
#include "test_features_edge.moc"
