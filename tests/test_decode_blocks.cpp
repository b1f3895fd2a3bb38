// Block-streaming decode (decodeAudioBlocks): the concatenated blocks equal decodeAudio bit
// for bit (WAV, MP3 resampled, offsets, partial files), blocks are full and never larger
// than asked, the sink can stop early, errors are the same, and a long file streams through
// one reused block buffer.
#include "core/audio/decode.h"
#include "core/audio/encode.h"
#include "core/audio/wav_writer.h"
#include "core/common/error.h"
#include "tests/testsupport.h"

#include <cmath>
#include <cstring>
#include <fstream>
#include <numbers>

namespace fs = std::filesystem;

namespace {

std::vector<float> sine(double freq, double amplitude, int rate, std::size_t n)
{
    std::vector<float> y(n);
    for (std::size_t i = 0; i < n; ++i)
        y[i] = float(amplitude * std::sin(2 * std::numbers::pi * freq * double(i) / rate));
    return y;
}

struct Collected {
    gs::StreamedAudio result;
    std::vector<float> samples;
    std::vector<std::size_t> blockSizes;
    std::vector<const float*> blockAddresses;
};

Collected collect(const fs::path& file, const gs::DecodeOptions& options, std::size_t blockSamples,
                  std::size_t stopAfterBlocks = 0)
{
    Collected c;
    c.result = gs::decodeAudioBlocks(file, options, blockSamples, [&](std::span<const float> block) {
        c.samples.insert(c.samples.end(), block.begin(), block.end());
        c.blockSizes.push_back(block.size());
        c.blockAddresses.push_back(block.data());
        return stopAfterBlocks == 0 || c.blockSizes.size() < stopAfterBlocks;
    });
    return c;
}

// Every block holds exactly blockSamples except the last, which is not empty.
bool blocksAreFull(const Collected& c, std::size_t blockSamples)
{
    for (std::size_t i = 0; i < c.blockSizes.size(); ++i)
        if (c.blockSizes[i] == 0 || c.blockSizes[i] > blockSamples || (i + 1 < c.blockSizes.size() && c.blockSizes[i] != blockSamples))
            return false;
    return !c.blockSizes.empty();
}

// Blocks vs the whole-file decode: the same samples (bit for bit, compared as bytes so that
// even the sign of zeros counts) and the same report.
void expectSameAsDecodeAudio(const fs::path& file, const gs::DecodeOptions& options, std::size_t blockSamples)
{
    const gs::Audio whole = gs::decodeAudio(file, options);
    const Collected c = collect(file, options, blockSamples);
    const QString what = QStringLiteral("%1, block %2").arg(QString::fromStdString(file.filename().string())).arg(blockSamples);
    QVERIFY2(c.samples.size() == whole.samples.size(), qPrintable(what));
    QVERIFY2(std::memcmp(c.samples.data(), whole.samples.data(), whole.samples.size() * sizeof(float)) == 0, qPrintable(what));
    QVERIFY2(blocksAreFull(c, blockSamples), qPrintable(what));
    QCOMPARE(c.result.samples, std::int64_t(whole.samples.size()));
    QCOMPARE(c.result.sampleRate, whole.sampleRate);
    QCOMPARE(c.result.partial, whole.partial);
    QCOMPARE(c.result.warning, whole.warning);
    QCOMPARE(c.result.info.durationSeconds, whole.info.durationSeconds);
    QCOMPARE(c.result.info.codec, whole.info.codec);
    QCOMPARE(c.result.info.channels, whole.info.channels);
}

gs::ErrorKind errorKindOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const gs::Error& e) {
        return e.kind();
    }
    return gs::ErrorKind::Internal;  // "did not throw" shows up as a mismatch below
}

} // namespace

class TestDecodeBlocks : public QObject {
    Q_OBJECT
private slots:
    void wavBlocksEqualWholeDecodeAndRawSamples()
    {
        GS_REQUIRE_SHARED(dev, "datasets/gtzan-dev");
        const fs::path file = dev / "blues/blues.00000.wav";
        gs::DecodeOptions native;
        native.sampleRate = 0;
        for (std::size_t block : {std::size_t(1), std::size_t(1000), std::size_t(4096), std::size_t(1) << 22})
            expectSameAsDecodeAudio(file, native, block);
        // Independent of decodeAudio: 16-bit PCM comes out as int16/32768 (1000-sample blocks).
        const Collected c = collect(file, native, 1000);
        std::ifstream in(file, std::ios::binary);
        const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), {});
        const std::size_t data = 44;  // GTZAN WAVs: a plain 44-byte header
        QCOMPARE(std::string(bytes.data() + 36, 4), std::string("data"));
        QCOMPARE(c.samples.size(), (bytes.size() - data) / 2);
        for (std::size_t i = 0; i < c.samples.size(); ++i) {
            std::int16_t v;
            std::memcpy(&v, bytes.data() + data + 2 * i, 2);
            if (c.samples[i] != float(v) / 32768.0f)
                QFAIL(qPrintable(QStringLiteral("sample %1 differs").arg(i)));
        }
        // Offset and duration on a resampled WAV, below and above the seek threshold.
        for (double offset : {2.5, 12.25}) {
            gs::DecodeOptions clip;
            clip.sampleRate = 16000;
            clip.offsetSeconds = offset;
            clip.durationSeconds = 7.3;
            expectSameAsDecodeAudio(file, clip, 3000);
        }
    }

    void mp3ResampledBlocksEqualWholeDecode()
    {
        GS_REQUIRE_SHARED(mp3dir, "datasets/mp3-samples");
        gs::DecodeOptions clip;  // the extraction default: 30 s at 22050 Hz
        clip.durationSeconds = 30;
        expectSameAsDecodeAudio(mp3dir / "disco.mp3", clip, 777);
        gs::DecodeOptions seek;  // seeks, then trims by timestamp
        seek.offsetSeconds = 17.5;
        seek.durationSeconds = 5.0;
        expectSameAsDecodeAudio(mp3dir / "techno.mp3", seek, 4096);
        gs::DecodeOptions native;
        native.sampleRate = 0;
        expectSameAsDecodeAudio(mp3dir / "000002.mp3", native, 65536);
    }

    void partialFilesReportTheSameWarning()
    {
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        auto wav = gs::encodeWav(sine(440, 0.5, 44100, 44100), 44100);
        wav.resize(wav.size() / 2);
        gs::writeFileBytes(dir / "cut.wav", wav);
        gs::encodeAudioFile(dir / "whole.flac", sine(300, 0.4, 22050, 3 * 22050), 22050, gs::AudioCodec::Flac);
        std::ifstream in(dir / "whole.flac", std::ios::binary);
        std::vector<std::uint8_t> flac((std::istreambuf_iterator<char>(in)), {});
        flac.resize(flac.size() * 6 / 10);
        gs::writeFileBytes(dir / "cut.flac", flac);
        for (const char* name : {"cut.wav", "cut.flac"}) {
            const Collected c = collect(dir / name, {}, 2048);
            QVERIFY2(c.result.partial, name);
            QVERIFY2(c.result.warning.find("ends early") != std::string::npos, c.result.warning.c_str());
            expectSameAsDecodeAudio(dir / name, {}, 2048);
        }
    }

    void sinkStopsEarly()
    {
        QTemporaryDir tmp;
        const fs::path file = gs::test::tempDir(tmp) / "a.wav";
        const auto y = sine(440, 0.5, 22050, 5 * 22050);
        gs::writeWav(file, y, 22050, 1, gs::WavSampleFormat::Float32);
        const Collected c = collect(file, {}, 1000, 3);
        QCOMPARE(c.blockSizes.size(), std::size_t(3));  // not called again after "stop"
        QCOMPARE(c.result.samples, std::int64_t(3000));
        QVERIFY(std::equal(c.samples.begin(), c.samples.end(), y.begin()));
        QVERIFY(!c.result.partial);
        QCOMPARE(c.result.info.durationSeconds, 5.0);  // of the file, from its header
    }

    void errorsAreTheSameAsDecodeAudio()
    {
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        gs::writeWav(dir / "short.wav", sine(440, 0.5, 22050, 22050), 22050);
        gs::writeFileBytes(dir / "empty.wav", {});
        gs::writeFileBytes(dir / "header_only.wav", gs::encodeWav({}, 22050));
        const std::string text = "not audio\n";
        gs::writeFileBytes(dir / "text.mp3", std::vector<std::uint8_t>(text.begin(), text.end()));
        gs::DecodeOptions beyond;
        beyond.offsetSeconds = 3.0;
        gs::DecodeOptions badRate;
        badRate.sampleRate = 5;
        struct Case {
            const char* file;
            gs::DecodeOptions options;
            gs::ErrorKind kind;
        };
        const std::vector<Case> cases = {{"missing.wav", {}, gs::ErrorKind::NotFound},
                                         {"empty.wav", {}, gs::ErrorKind::Empty},
                                         {"header_only.wav", {}, gs::ErrorKind::Empty},
                                         {"text.mp3", {}, gs::ErrorKind::NotAudio},
                                         {"short.wav", beyond, gs::ErrorKind::TooShort},
                                         {"short.wav", badRate, gs::ErrorKind::InvalidArgument}};
        for (const auto& c : cases) {
            const fs::path file = dir / c.file;
            int calls = 0;
            const auto streamed = errorKindOf([&] {
                gs::decodeAudioBlocks(file, c.options, 512, [&](std::span<const float>) { return ++calls > 0; });
            });
            QVERIFY2(streamed == c.kind, c.file);
            QVERIFY2(errorKindOf([&] { gs::decodeAudio(file, c.options); }) == c.kind, c.file);
            QCOMPARE(calls, 0);
        }
        QCOMPARE(errorKindOf([&] { gs::decodeAudioBlocks(dir / "short.wav", {}, 0, [](auto) { return true; }); }),
                 gs::ErrorKind::InvalidArgument);
        gs::CancelToken token;
        token.cancel();
        QCOMPARE(errorKindOf([&] { gs::decodeAudioBlocks(dir / "short.wav", {}, 512, [](auto) { return true; }, &token); }),
                 gs::ErrorKind::Cancelled);
    }

    // 10 minutes at 44.1 kHz resampled to 22050 Hz in 4096-sample blocks: every block comes
    // through the same buffer (nothing grows with the length), the count is librosa's
    // ceil(n/2), and the samples match decodeAudio of the same stretch at the end.
    void longFileStreamsThroughOneBuffer()
    {
        QTemporaryDir tmp;
        const fs::path file = gs::test::tempDir(tmp) / "long.wav";
        const std::size_t n = std::size_t(44100) * 60 * 10 + 1;
        {
            std::vector<float> y(n);
            for (std::size_t i = 0; i < n; ++i)
                y[i] = float(0.3 * std::sin(2 * std::numbers::pi * (200.0 + double(i % 441000) / 1000.0) * double(i) / 44100));
            gs::writeWav(file, y, 44100);
        }
        const std::size_t block = 4096;
        std::size_t blocks = 0, total = 0;
        const float* address = nullptr;
        bool sameBuffer = true, fullBlocks = true;
        std::vector<float> tail;  // the last 2 s
        const std::size_t want = (n + 1) / 2;
        const auto result = gs::decodeAudioBlocks(file, {}, block, [&](std::span<const float> b) {
            if (!address)
                address = b.data();
            sameBuffer = sameBuffer && b.data() == address;
            fullBlocks = fullBlocks && (b.size() == block || total + b.size() == want);
            for (std::size_t i = 0; i < b.size(); ++i)
                if (total + i + 44100 >= want)
                    tail.push_back(b[i]);
            total += b.size();
            ++blocks;
            return true;
        });
        QCOMPARE(total, want);
        QCOMPARE(result.samples, std::int64_t(want));
        QCOMPARE(blocks, (want + block - 1) / block);
        QVERIFY(sameBuffer);
        QVERIFY(fullBlocks);
        QVERIFY(!result.partial);
        QCOMPARE(result.info.durationSeconds, double(n) / 44100);
        // decodeAudio of the whole file, then compared on the last 2 s (the resampler's tail).
        const auto whole = gs::decodeAudio(file);
        QCOMPARE(whole.samples.size(), want);
        QVERIFY(std::equal(tail.begin(), tail.end(), whole.samples.end() - std::ptrdiff_t(tail.size())));
        QCOMPARE(tail.size(), std::size_t(44100));
    }
};

QTEST_GUILESS_MAIN(TestDecodeBlocks)
#include "test_decode_blocks.moc"
