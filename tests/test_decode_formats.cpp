// Every codec this FFmpeg can write, written by our encoder and read back by our decoder:
// lengths, rates and waveforms survive; the encoder is deterministic.
#include "core/audio/decode.h"
#include "core/audio/encode.h"
#include "core/common/error.h"
#include "tests/testsupport.h"

#include <cmath>
#include <fstream>
#include <numbers>

namespace fs = std::filesystem;

namespace {

std::vector<float> signal(int rate, double seconds)
{
    std::vector<float> y(std::size_t(rate * seconds));
    for (std::size_t i = 0; i < y.size(); ++i) {
        const double t = double(i) / rate;
        y[i] = float(0.4 * std::sin(2 * std::numbers::pi * 440 * t) + 0.2 * std::sin(2 * std::numbers::pi * 1250 * t));
    }
    return y;
}

std::string bytes(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Best normalised correlation over small lags (lossy codecs may shift by a few samples).
double bestCorrelation(const std::vector<float>& a, const std::vector<float>& b, int maxLag)
{
    double best = -1;
    for (int lag = -maxLag; lag <= maxLag; ++lag) {
        double ab = 0, aa = 0, bb = 0;
        for (std::size_t i = 2000; i + 2000 < a.size(); ++i) {
            const std::ptrdiff_t j = std::ptrdiff_t(i) + lag;
            if (j < 0 || std::size_t(j) >= b.size())
                continue;
            ab += double(a[i]) * b[std::size_t(j)];
            aa += double(a[i]) * a[i];
            bb += double(b[std::size_t(j)]) * b[std::size_t(j)];
        }
        if (aa > 0 && bb > 0)
            best = std::max(best, ab / std::sqrt(aa * bb));
    }
    return best;
}

} // namespace

class TestDecodeFormats : public QObject {
    Q_OBJECT
private slots:
    void roundTripThroughEveryEncoder()
    {
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        const int rate = 44100;
        const auto y = signal(rate, 2.0);
        struct Case {
            gs::AudioCodec codec;
            const char* codecName;
            int decodedRate;
            double maxLengthError;  // seconds
        };
        const Case cases[] = {
            {gs::AudioCodec::Flac, "flac", 44100, 0},
            {gs::AudioCodec::Vorbis, "vorbis", 44100, 0},
            {gs::AudioCodec::Opus, "opus", 48000, 0.001},  // resampled to 48 kHz on the way in
            {gs::AudioCodec::Mp3, "mp3", 44100, 0},
            {gs::AudioCodec::Aac, "aac", 44100, 0.05},
        };
        int tested = 0;
        for (const auto& c : cases) {
            if (!gs::encoderAvailable(c.codec)) {
                qWarning("no encoder for %s in this FFmpeg build", gs::fileExtension(c.codec));
                continue;
            }
            ++tested;
            const fs::path file = dir / (std::string("tone") + gs::fileExtension(c.codec));
            gs::encodeAudioFile(file, y, rate, c.codec);
            gs::DecodeOptions native;
            native.sampleRate = 0;
            const auto a = gs::decodeAudio(file, native);
            QCOMPARE(a.info.codec, std::string(c.codecName));
            QCOMPARE(a.sampleRate, c.decodedRate);
            QVERIFY2(!a.partial, a.warning.c_str());
            const double seconds = double(a.samples.size()) / a.sampleRate;
            qInfo("%s: %zu samples (%.4f s for 2 s) info %.4f s", gs::fileExtension(c.codec), a.samples.size(), seconds,
                  a.info.durationSeconds);
            QVERIFY2(std::abs(seconds - 2.0) <= c.maxLengthError + 1e-9, gs::fileExtension(c.codec));
            QVERIFY(std::abs(gs::probeAudio(file).durationSeconds - 2.0) < 0.06);

            // At the analysis rate the waveform is still the same signal.
            const auto r = gs::decodeAudio(file);  // 22050 Hz
            QCOMPARE(r.sampleRate, 22050);
            const auto ref = signal(22050, 2.0);
            const double corr = bestCorrelation(ref, r.samples, 64);
            qInfo("%s: correlation with the original %.6f", gs::fileExtension(c.codec), corr);
            QVERIFY(corr > (c.codec == gs::AudioCodec::Flac ? 0.999999 : 0.99));

            // Deterministic: the same samples give the same bytes.
            const fs::path again = dir / (std::string("again") + gs::fileExtension(c.codec));
            gs::encodeAudioFile(again, y, rate, c.codec);
            QVERIFY2(bytes(file) == bytes(again), gs::fileExtension(c.codec));
        }
        QVERIFY(tested >= 1);
        QVERIFY(gs::encoderAvailable(gs::AudioCodec::Flac));  // FFmpeg's native FLAC encoder is always there
    }

    void flacIsLosslessForInt16Samples()
    {
        QTemporaryDir tmp;
        const fs::path file = gs::test::tempDir(tmp) / "exact.flac";
        auto y = signal(22050, 1.0);
        for (auto& v : y)
            v = std::round(v * 32768.0f) / 32768.0f;
        gs::encodeAudioFile(file, y, 22050, gs::AudioCodec::Flac);
        const auto a = gs::decodeAudio(file);
        QVERIFY(a.samples == y);
    }

    void truncatedFlacIsPartial()
    {
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        gs::encodeAudioFile(dir / "whole.flac", signal(22050, 3.0), 22050, gs::AudioCodec::Flac);
        auto b = bytes(dir / "whole.flac");
        b.resize(b.size() * 6 / 10);
        std::ofstream(dir / "cut.flac", std::ios::binary) << b;
        const auto a = gs::decodeAudio(dir / "cut.flac");
        QVERIFY(a.partial);
        QVERIFY2(a.warning.find("ends early") != std::string::npos, a.warning.c_str());
        QVERIFY(a.seconds() > 1.2 && a.seconds() < 2.4);
    }

    void encoderRejectsNothingToEncode()
    {
        QTemporaryDir tmp;
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::encodeAudioFile(gs::test::tempDir(tmp) / "x.flac", {}, 22050, gs::AudioCodec::Flac));
    }
};

QTEST_GUILESS_MAIN(TestDecodeFormats)
#include "test_decode_formats.moc"
