// Duplicate detection by Chromaprint fingerprints: the same music survives gain, noise
// and a shifted start; different music does not match.
#include "core/audio/fingerprint.h"
#include "core/common/error.h"
#include "tests/testsupport.h"

#include <cmath>
#include <numbers>
#include <random>

namespace {

// A deterministic "melody": 0.25 s notes with a few harmonics, chosen by the seed.
std::vector<float> melody(unsigned seed, double seconds, int rate = 22050)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> pitch(0, 24);
    std::vector<float> y(std::size_t(seconds * rate));
    const std::size_t noteLen = std::size_t(0.25 * rate);
    double freq = 220;
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (i % noteLen == 0)
            freq = 220.0 * std::pow(2.0, pitch(rng) / 12.0);
        const double t = double(i) / rate;
        const double env = std::exp(-3.0 * double(i % noteLen) / rate);
        y[i] = float(env * (0.5 * std::sin(2 * std::numbers::pi * freq * t) +
                            0.25 * std::sin(4 * std::numbers::pi * freq * t) +
                            0.12 * std::sin(6 * std::numbers::pi * freq * t)));
    }
    return y;
}

std::vector<float> degraded(const std::vector<float>& y, double dropSeconds, int rate = 22050)
{
    std::mt19937 rng(99);
    std::normal_distribution<float> noise(0.0f, 0.01f);
    std::vector<float> out(y.begin() + std::ptrdiff_t(dropSeconds * rate), y.end());
    for (float& x : out)
        x = 0.6f * x + noise(rng);
    return out;
}

} // namespace

class TestFingerprint : public QObject {
    Q_OBJECT
private slots:
    void itemRateMatchesChromaprint()
    {
        const auto fp = gs::computeFingerprint(melody(1, 20), 22050);
        // ~20 s / 0.1238 s per item = 161, less the 4096-sample frame and the 16-item
        // filter context at the end (chromaprint gives 140 here).
        QVERIFY2(fp.size() >= 135 && fp.size() <= 161, qPrintable(QString::number(fp.size())));
    }

    void sameMusicMatchesDespiteGainNoiseAndShift()
    {
        const auto original = melody(1, 20);
        const auto a = gs::computeFingerprint(original, 22050);
        const auto b = gs::computeFingerprint(degraded(original, 1.0), 22050);
        const auto m = gs::compareFingerprints(a, b);
        QVERIFY2(m.bitErrorRate < 0.15, qPrintable(QString::number(m.bitErrorRate)));
        // Dropping 1 s of b's start shifts it by 1 / 0.1238 ~ 8 items.
        QVERIFY2(std::abs(m.offset - 8) <= 1, qPrintable(QString::number(m.offset)));
        QVERIFY(m.overlap > 100);
    }

    void differentMusicDoesNotMatch()
    {
        const auto a = gs::computeFingerprint(melody(1, 20), 22050);
        const auto c = gs::computeFingerprint(melody(2, 20), 22050);
        const auto m = gs::compareFingerprints(a, c);
        QVERIFY2(m.bitErrorRate > 0.3, qPrintable(QString::number(m.bitErrorRate)));
    }

    void findDuplicatesGroupsOnlyTheCopies()
    {
        const auto one = melody(1, 15), two = melody(2, 15);
        std::vector<gs::Fingerprint> prints = {
            gs::computeFingerprint(one, 22050),
            gs::computeFingerprint(two, 22050),
            gs::computeFingerprint(melody(3, 15), 22050),
            gs::computeFingerprint(degraded(one, 0.5), 22050),
            gs::computeFingerprint(melody(4, 15), 22050),
            gs::computeFingerprint(degraded(two, 2.0), 22050),
            gs::computeFingerprint(one, 22050),
        };
        const auto pairs = gs::findDuplicates(prints);
        const auto groups = gs::duplicateGroups(pairs, prints.size());
        QCOMPARE(groups.size(), std::size_t(2));
        QCOMPARE(groups[0], (std::vector<std::size_t>{0, 3, 6}));
        QCOMPARE(groups[1], (std::vector<std::size_t>{1, 5}));
        for (const auto& p : pairs)
            QVERIFY(p.match.bitErrorRate <= 0.2);
    }

    void tooShortAudioIsAnError()
    {
        const std::vector<float> tiny(100, 0.1f);
        try {
            gs::computeFingerprint(tiny, 22050, "tiny.wav");
            QFAIL("expected an error");
        } catch (const gs::Error& e) {
            QCOMPARE(e.kind(), gs::ErrorKind::TooShort);
            QCOMPARE(QString::fromStdString(e.subject()), QStringLiteral("tiny.wav"));
        }
    }
};

QTEST_GUILESS_MAIN(TestFingerprint)
#include "test_fingerprint.moc"
