// Decoding: exactness against independent readers (raw WAV bytes, libsndfile for MP3),
// resampling accuracy, offsets/seeking, true durations, and bad files.
#include "core/audio/decode.h"
#include "core/audio/wav_writer.h"
#include "core/common/error.h"
#include "tests/testsupport.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <numbers>
#include <random>

namespace fs = std::filesystem;

namespace {

std::vector<std::uint8_t> readBytes(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// The int16 samples of a plain PCM WAV, found by walking its chunks: an independent reader.
std::vector<std::int16_t> rawWavInt16(const fs::path& file)
{
    const auto b = readBytes(file);
    std::size_t pos = 12;
    while (pos + 8 <= b.size()) {
        const std::uint32_t size = b[pos + 4] | (b[pos + 5] << 8) | (b[pos + 6] << 16) | (std::uint32_t(b[pos + 7]) << 24);
        if (std::memcmp(&b[pos], "data", 4) == 0) {
            std::vector<std::int16_t> s((std::min<std::size_t>(size, b.size() - pos - 8)) / 2);
            std::memcpy(s.data(), &b[pos + 8], s.size() * 2);
            return s;
        }
        pos += 8 + size + (size & 1);
    }
    return {};
}

std::vector<float> sine(double freq, double amplitude, int rate, std::size_t n)
{
    std::vector<float> y(n);
    for (std::size_t i = 0; i < n; ++i)
        y[i] = float(amplitude * std::sin(2 * std::numbers::pi * freq * double(i) / rate));
    return y;
}

// libsndfile (with libmpg123) is what librosa/soundfile used for the reference MP3 decode.
// Loaded at run time so the build does not depend on it.
struct SndFile {
    struct Info {
        std::int64_t frames;
        int samplerate, channels, format, sections, seekable;
    };
    using OpenFn = void* (*)(const char*, int, Info*);
    using ReadFn = std::int64_t (*)(void*, float*, std::int64_t);
    using CloseFn = int (*)(void*);
    void* lib = dlopen("libsndfile.so.1", RTLD_NOW);
    OpenFn open = lib ? reinterpret_cast<OpenFn>(dlsym(lib, "sf_open")) : nullptr;
    ReadFn readf = lib ? reinterpret_cast<ReadFn>(dlsym(lib, "sf_readf_float")) : nullptr;
    CloseFn close = lib ? reinterpret_cast<CloseFn>(dlsym(lib, "sf_close")) : nullptr;
    bool ok() const { return open && readf && close; }

    // Mono mean of channels in float, as librosa.to_mono does.
    std::vector<float> readMono(const fs::path& file, int* rate)
    {
        Info info{};
        void* h = open(file.c_str(), 0x10 /* SFM_READ */, &info);
        if (!h)
            return {};
        std::vector<float> inter(std::size_t(info.frames) * info.channels);
        const auto got = readf(h, inter.data(), info.frames);
        close(h);
        std::vector<float> mono(static_cast<std::size_t>(got));
        for (std::int64_t i = 0; i < got; ++i) {
            float s = 0;
            for (int c = 0; c < info.channels; ++c)
                s += inter[std::size_t(i) * info.channels + c];
            mono[std::size_t(i)] = s / float(info.channels);
        }
        *rate = info.samplerate;
        return mono;
    }
};

void expectError(const fs::path& file, gs::ErrorKind kind, const char* what)
{
    try {
        const auto audio = gs::decodeAudio(file);
        QFAIL(qPrintable(QStringLiteral("%1: decoded %2 samples instead of failing")
                             .arg(QString::fromLatin1(what))
                             .arg(qulonglong(audio.samples.size()))));
    } catch (const gs::Error& e) {
        QCOMPARE(QString::fromStdString(e.subject()), QString::fromStdString(file.string()));
        QVERIFY2(!e.reason().empty(), what);
        if (e.kind() != kind)
            QFAIL(qPrintable(QStringLiteral("%1: kind '%2' instead of '%3' (%4)")
                                 .arg(QString::fromLatin1(what), QString::fromLatin1(gs::toString(e.kind())),
                                      QString::fromLatin1(gs::toString(kind)), QString::fromUtf8(e.what()))));
    }
}

} // namespace

class TestDecode : public QObject {
    Q_OBJECT
private slots:
    void wavIsBitExactAndLengthMatchesReference()
    {
        GS_REQUIRE_SHARED(dev, "datasets/gtzan-dev");
        GS_REQUIRE_SHARED(ref, "reference/features_librosa.csv");
        const auto table = gs::test::readCsv(ref);
        const int fileCol = table.column("filename"), lenCol = table.column("length");
        int checked = 0;
        for (const char* name : {"blues/blues.00000.wav", "jazz/jazz.00012.wav", "metal/metal.00009.wav"}) {
            const fs::path file = dev / name;
            gs::DecodeOptions native;
            native.sampleRate = 0;
            const auto audio = gs::decodeAudio(file, native);
            const auto raw = rawWavInt16(file);
            QCOMPARE(audio.sampleRate, 22050);
            QCOMPARE(audio.samples.size(), raw.size());
            for (std::size_t i = 0; i < raw.size(); ++i)
                if (audio.samples[i] != float(raw[i]) / 32768.0f)
                    QFAIL(qPrintable(QStringLiteral("%1 sample %2 differs").arg(name).arg(i)));
            QVERIFY(!audio.partial);
            QCOMPARE(audio.info.codec, std::string("pcm_s16le"));
            QCOMPARE(audio.info.container, std::string("wav"));
            QCOMPARE(audio.info.channels, 1);
            QCOMPARE(audio.info.durationSeconds, double(raw.size()) / 22050.0);
            for (const auto& row : table.rows)
                if (row[fileCol] == std::string("datasets/gtzan-dev/") + name) {
                    QCOMPARE(double(audio.samples.size()), std::stod(row[lenCol]));
                    ++checked;
                }
            // The default rate is 22050 already: no resampling, the same samples.
            QVERIFY(gs::decodeAudio(file).samples == audio.samples);
        }
        QCOMPARE(checked, 3);
    }

    void mp3MatchesLibsndfileAndReferenceCounts()
    {
        GS_REQUIRE_SHARED(mp3dir, "datasets/mp3-samples");
        SndFile sf;
        if (!sf.ok())
            qWarning("libsndfile.so.1 not loadable: only sample counts are checked");
        int files = 0;
        double worst = 0, peak = 0;
        for (const auto& entry : fs::directory_iterator(mp3dir)) {
            if (entry.path().extension() != ".mp3")
                continue;
            ++files;
            gs::DecodeOptions native;
            native.sampleRate = 0;
            const auto audio = gs::decodeAudio(entry.path(), native);
            const std::size_t expected = entry.path().filename() == "000002.mp3" ? 1321967 : 1310328;
            QCOMPARE(audio.samples.size(), expected);
            QCOMPARE(audio.sampleRate, 44100);
            QCOMPARE(audio.info.channels, 2);
            QCOMPARE(audio.info.codec, std::string("mp3"));
            QVERIFY(!audio.partial);
            QVERIFY(std::abs(audio.info.durationSeconds - double(expected) / 44100) < 1e-9);
            for (float x : audio.samples)
                peak = std::max(peak, double(std::abs(x)));
            if (!sf.ok())
                continue;
            int rate = 0;
            const auto ref = sf.readMono(entry.path(), &rate);
            QCOMPARE(ref.size(), expected);
            for (std::size_t i = 0; i < ref.size(); ++i)
                worst = std::max(worst, double(std::abs(ref[i] - audio.samples[i])));
        }
        QCOMPARE(files, 10);
        qInfo("MP3 vs libsndfile: max |diff| after mono downmix %.3g; peak |sample| %.3f", worst, peak);
        QVERIFY2(peak > 1.0, "MP3 samples above 1.0 must not be clipped (disco.mp3 peaks at 1.29)");
        if (sf.ok())
            QVERIFY2(worst <= 6.4e-6, "MP3 decode drifted from libsndfile/libmpg123");
    }

    void stereoIsMeanOfChannelsAndResamplingIsAccurate()
    {
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        const int rate = 44100;
        const std::size_t n = 3 * rate;
        const auto left = sine(440, 0.5, rate, n), right = sine(1000, 0.25, rate, n);
        std::vector<float> inter(2 * n);
        for (std::size_t i = 0; i < n; ++i) {
            inter[2 * i] = left[i];
            inter[2 * i + 1] = right[i];
        }
        const fs::path file = dir / "stereo.wav";
        gs::writeWav(file, inter, rate, 2, gs::WavSampleFormat::Float32);

        gs::DecodeOptions native;
        native.sampleRate = 0;
        const auto a = gs::decodeAudio(file, native);
        QCOMPARE(a.samples.size(), n);
        QCOMPARE(a.info.channels, 2);
        for (std::size_t i = 0; i < n; ++i)
            QCOMPARE(a.samples[i], (left[i] + right[i]) / 2.0f);

        const auto r = gs::decodeAudio(file);  // 22050 by default
        QCOMPARE(r.sampleRate, 22050);
        QCOMPARE(r.samples.size(), n / 2);
        // Compared with the ideal signal at 22050 Hz, away from the edges where the filter
        // sees zeros: in phase (no delay) and within the resampler's precision.
        double worst = 0;
        for (std::size_t i = 1000; i + 1000 < r.samples.size(); ++i) {
            const double t = double(i) / 22050;
            const double ideal = 0.25 * std::sin(2 * std::numbers::pi * 440 * t) + 0.125 * std::sin(2 * std::numbers::pi * 1000 * t);
            worst = std::max(worst, std::abs(ideal - r.samples[i]));
        }
        qInfo("44.1 -> 22.05 kHz resampling: max error vs ideal %.3g", worst);
        QVERIFY(worst < 1e-4);

        // Odd ratios give ceil(n · target / native) samples, as librosa.resample.
        gs::DecodeOptions odd;
        odd.sampleRate = 16000;
        QCOMPARE(gs::decodeAudio(file, odd).samples.size(), std::size_t((n * 16000 + rate - 1) / rate));
    }

    void offsetAndDurationTrimExactly()
    {
        GS_REQUIRE_SHARED(dev, "datasets/gtzan-dev");
        const fs::path file = dev / "rock/rock.00003.wav";
        gs::DecodeOptions all;
        const auto full = gs::decodeAudio(file, all);
        for (double offset : {0.0, 2.5, 12.25, 25.0}) {  // below and above the seek threshold
            gs::DecodeOptions clip;
            clip.offsetSeconds = offset;
            clip.durationSeconds = 3.0;
            const auto part = gs::decodeAudio(file, clip);
            const auto start = std::size_t(offset * 22050);
            QCOMPARE(part.samples.size(), std::size_t(3 * 22050));
            QVERIFY(std::equal(part.samples.begin(), part.samples.end(), full.samples.begin() + std::ptrdiff_t(start)));
            QCOMPARE(part.info.durationSeconds, full.info.durationSeconds);  // of the whole file
        }
        // Duration past the end returns what is there; offset past the end is an error.
        gs::DecodeOptions tail;
        tail.offsetSeconds = 28.0;
        tail.durationSeconds = 30.0;
        QCOMPARE(gs::decodeAudio(file, tail).samples.size(), full.samples.size() - std::size_t(28 * 22050));
        tail.offsetSeconds = 45.0;
        try {
            gs::decodeAudio(file, tail);
            QFAIL("offset beyond the end must fail");
        } catch (const gs::Error& e) {
            QVERIFY2(e.kind() == gs::ErrorKind::TooShort, e.what());
        }
    }

    void mp3SeekMatchesDecodingFromStart()
    {
        GS_REQUIRE_SHARED(mp3dir, "datasets/mp3-samples");
        for (const char* name : {"techno.mp3", "000002.mp3"}) {
            const fs::path file = mp3dir / name;
            gs::DecodeOptions seek;
            seek.sampleRate = 0;
            seek.offsetSeconds = 17.5;
            seek.durationSeconds = 5.0;
            gs::DecodeOptions linear = seek;
            linear.allowSeek = false;
            const auto a = gs::decodeAudio(file, seek);
            const auto b = gs::decodeAudio(file, linear);
            QCOMPARE(a.samples.size(), std::size_t(5 * 44100));
            QCOMPARE(a.samples.size(), b.samples.size());
            double worst = 0;
            for (std::size_t i = 0; i < a.samples.size(); ++i)
                worst = std::max(worst, double(std::abs(a.samples[i] - b.samples[i])));
            qInfo("%s: seek vs linear decode max |diff| %.3g", name, worst);
            QVERIFY(worst < 1e-3);  // same sample positions; only the bit-reservoir warm-up may differ
        }
    }

    void probeReportsTrueDuration()
    {
        GS_REQUIRE_SHARED(mp3dir, "datasets/mp3-samples");
        const auto info = gs::probeAudio(mp3dir / "swing.mp3");
        QCOMPARE(info.nativeSampleRate, 44100);
        QCOMPARE(info.channels, 2);
        QVERIFY(std::abs(info.durationSeconds - 1310328.0 / 44100) < 0.05);
        QVERIFY(info.bitRate > 90000 && info.bitRate < 100000);

        // Sun .au with "unknown size": no duration in the header, so it must be counted.
        QTemporaryDir tmp;
        const fs::path au = gs::test::tempDir(tmp) / "stream.au";
        std::vector<std::uint8_t> bytes = {'.', 's', 'n', 'd', 0, 0, 0, 24, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 3,
                                           0, 0, 0x1f, 0x40 /* 8000 Hz */, 0, 0, 0, 1};
        const std::size_t n = 8000 * 2 + 123;
        const auto y = sine(300, 0.3, 8000, n);
        for (float x : y) {
            const auto v = std::int16_t(std::lround(x * 32767));
            bytes.push_back(std::uint8_t(std::uint16_t(v) >> 8));
            bytes.push_back(std::uint8_t(v & 0xff));
        }
        gs::writeFileBytes(au, bytes);
        const auto auInfo = gs::probeAudio(au);
        QVERIFY2(std::abs(auInfo.durationSeconds - double(n) / 8000) < 1e-3, qPrintable(QString::number(auInfo.durationSeconds)));
        gs::DecodeOptions clip;
        clip.sampleRate = 0;
        clip.durationSeconds = 0.5;
        const auto audio = gs::decodeAudio(au, clip);
        QCOMPARE(audio.samples.size(), std::size_t(4000));
        QVERIFY(std::abs(audio.info.durationSeconds - double(n) / 8000) < 1e-3);
    }

    void badFilesGiveClearErrors()
    {
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        using K = gs::ErrorKind;

        expectError(dir / "missing.wav", K::NotFound, "missing file");

        gs::writeFileBytes(dir / "empty.wav", {});
        expectError(dir / "empty.wav", K::Empty, "empty file");

        std::mt19937 rng(7);
        std::vector<std::uint8_t> noise(64 * 1024);
        for (auto& b : noise)
            b = std::uint8_t(rng());
        // Random bytes may sync as MP3 frames by chance; they must still never pass as audio.
        for (auto b = noise.begin(); b != noise.end(); ++b)
            if (*b == 0xff)
                *b = 0x7f;
        gs::writeFileBytes(dir / "noise.mp3", noise);
        expectError(dir / "noise.mp3", K::NotAudio, "random bytes named .mp3");

        const std::string text = "This is not audio, just some text.\nSecond line.\n";
        gs::writeFileBytes(dir / "text.flac", std::vector<std::uint8_t>(text.begin(), text.end()));
        expectError(dir / "text.flac", K::NotAudio, "text renamed .flac");

        fs::create_directory(dir / "folder.wav");
        expectError(dir / "folder.wav", K::NotAudio, "directory named .wav");

        const auto header = gs::encodeWav({}, 22050);
        gs::writeFileBytes(dir / "header_only.wav", header);
        expectError(dir / "header_only.wav", K::Empty, "WAV header without data");

        const auto y = sine(440, 0.5, 22050, 22050);
        auto whole = gs::encodeWav(y, 22050);
        whole.resize(whole.size() / 2);  // cut in the middle of the data chunk
        gs::writeFileBytes(dir / "truncated.wav", whole);
        const auto cut = gs::decodeAudio(dir / "truncated.wav");
        QVERIFY(cut.partial);
        QVERIFY2(cut.warning.find("ends early") != std::string::npos, cut.warning.c_str());
        QVERIFY(cut.samples.size() > 10000 && cut.samples.size() < 11100);
        QCOMPARE(cut.info.durationSeconds, double(cut.samples.size()) / 22050);  // what is really there
        for (std::size_t i = 0; i < cut.samples.size(); ++i)
            QVERIFY(std::abs(cut.samples[i] - y[i]) <= 0.5f / 32768);

        const std::vector<float> silence(22050, 0.0f);
        gs::writeWav(dir / "silent.wav", silence, 22050);
        const auto s = gs::decodeAudio(dir / "silent.wav");
        QCOMPARE(s.samples.size(), silence.size());
        QVERIFY(std::all_of(s.samples.begin(), s.samples.end(), [](float x) { return x == 0.0f; }));

        const std::vector<float> ten = {0.1f, -0.2f, 0.3f, -0.4f, 0.5f, -0.5f, 0.25f, 0.0f, 1.0f, -1.0f};
        gs::writeWav(dir / "ten.wav", ten, 22050, 1, gs::WavSampleFormat::Float32);
        const auto t = gs::decodeAudio(dir / "ten.wav");
        QVERIFY(t.samples == ten);

        // Resampling a 10-sample file still gives ceil(10·22050/44100) = 5 samples.
        gs::writeWav(dir / "ten44.wav", ten, 44100, 1, gs::WavSampleFormat::Float32);
        QCOMPARE(gs::decodeAudio(dir / "ten44.wav").samples.size(), std::size_t(5));

        if (::geteuid() != 0) {
            gs::writeWav(dir / "locked.wav", ten, 22050);
            fs::permissions(dir / "locked.wav", fs::perms::none);
            expectError(dir / "locked.wav", K::NotFound, "unreadable file");
            fs::permissions(dir / "locked.wav", fs::perms::owner_all);
        }

        gs::DecodeOptions bad;
        bad.sampleRate = -5;
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::decodeAudio(dir / "ten.wav", bad));
    }

    void damagedCompressedStreamsEndAndKeepWhatDecodes()
    {
        GS_REQUIRE_SHARED(mp3dir, "datasets/mp3-samples");
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        auto mp3 = readBytes(mp3dir / "dub.mp3");
        const std::size_t fullSamples = 1310328;

        // Garbage in the middle: the decoder resynchronises; the length stays about right.
        auto damaged = mp3;
        std::mt19937 rng(11);
        for (std::size_t i = damaged.size() / 2; i < damaged.size() / 2 + 20000; ++i)
            damaged[i] = std::uint8_t(rng());
        gs::writeFileBytes(dir / "damaged.mp3", damaged);
        gs::DecodeOptions native;
        native.sampleRate = 0;
        const auto d = gs::decodeAudio(dir / "damaged.mp3", native);
        QVERIFY2(d.samples.size() > fullSamples * 9 / 10 && d.samples.size() <= fullSamples + 44100,
                 qPrintable(QString::number(d.samples.size())));
        for (float x : d.samples)
            QVERIFY(std::isfinite(x));

        // Cut in half: about half the audio, no error.
        auto half = mp3;
        half.resize(half.size() / 2);
        gs::writeFileBytes(dir / "half.mp3", half);
        const auto h = gs::decodeAudio(dir / "half.mp3", native);
        QVERIFY(h.samples.size() > fullSamples * 4 / 10 && h.samples.size() < fullSamples * 6 / 10);
        QVERIFY(std::abs(h.info.durationSeconds - double(h.samples.size()) / 44100) < 0.05);

        // Only the first 2 kB (headers, a frame or two): whatever decodes, or a clear error.
        auto stub = mp3;
        stub.resize(2048);
        gs::writeFileBytes(dir / "stub.mp3", stub);
        try {
            const auto s = gs::decodeAudio(dir / "stub.mp3", native);
            QVERIFY(s.samples.size() < 44100);
        } catch (const gs::Error& e) {
            QCOMPARE(e.subject(), (dir / "stub.mp3").string());
        }
    }

    void namesThatLookLikeProtocolsAreFiles()
    {
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        const auto y = sine(440, 0.5, 22050, 2205);
        struct RestoreDir {
            QString path = QDir::currentPath();
            ~RestoreDir() { QDir::setCurrent(path); }
        } restore;
        QDir::setCurrent(QString::fromStdString(dir.string()));
        for (const char* name : {"concat:a.wav", "http:b.wav", "100% pure?.wav"}) {
            gs::writeWav(name, y, 22050);
            const auto audio = gs::decodeAudio(name);  // relative path, as typed on a command line
            QCOMPARE(audio.samples.size(), y.size());
        }
    }

    void cancelledTokenStopsDecoding()
    {
        QTemporaryDir tmp;
        const fs::path file = gs::test::tempDir(tmp) / "a.wav";
        gs::writeWav(file, sine(440, 0.5, 22050, 22050), 22050);
        gs::CancelToken token;
        token.cancel();
        try {
            gs::decodeAudio(file, {}, &token);
            QFAIL("a cancelled decode must throw");
        } catch (const gs::Error& e) {
            QVERIFY2(e.kind() == gs::ErrorKind::Cancelled, e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestDecode)
#include "test_decode.moc"
