// Duplicate detection by Chromaprint fingerprints: the same music survives gain, noise
// and a shifted start; different music does not match.
#include "core/audio/decode.h"
#include "core/audio/fingerprint.h"
#include "core/common/error.h"
#include "tests/testsupport.h"

#include <cmath>
#include <filesystem>
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

    void realClipsHaveNoFalseDuplicatesButResampledCopiesMatch()
    {
        GS_REQUIRE_SHARED(gtzan, "datasets/gtzan-dev");
        std::vector<gs::Fingerprint> prints;
        std::vector<std::string> names;
        for (const auto& genre : std::filesystem::directory_iterator(gtzan))
            for (const auto& clip : std::filesystem::directory_iterator(genre.path())) {
                const auto audio = gs::decodeAudio(clip.path());
                prints.push_back(gs::computeFingerprint(audio.samples, audio.sampleRate, clip.path().string()));
                names.push_back(clip.path().filename().string());
            }
        QCOMPARE(prints.size(), std::size_t(100));
        // The dataset README: a fingerprint check found no replicas in this subset.
        const auto none = gs::findDuplicates(prints);
        for (const auto& p : none)
            qWarning("unexpected pair %s %s BER %.3f", names[p.a].c_str(), names[p.b].c_str(), p.match.bitErrorRate);
        QVERIFY(none.empty());

        // The same recording decoded at another rate, 3 s later, is found.
        const auto original = gtzan / "blues" / "blues.00001.wav";
        gs::DecodeOptions other;
        other.sampleRate = 16000;
        other.offsetSeconds = 3.0;
        const auto copy = gs::decodeAudio(original, other);
        prints.push_back(gs::computeFingerprint(copy.samples, copy.sampleRate));
        const auto pairs = gs::findDuplicates(prints);
        QCOMPARE(pairs.size(), std::size_t(1));
        QCOMPARE(names[pairs[0].a], std::string("blues.00001.wav"));
        QCOMPARE(pairs[0].b, std::size_t(100));
        QVERIFY2(pairs[0].match.bitErrorRate < 0.1, qPrintable(QString::number(pairs[0].match.bitErrorRate)));
        QVERIFY(std::abs(pairs[0].match.offset - 24) <= 1); // 3 s / 0.1238 s
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
