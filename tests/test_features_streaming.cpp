// The streaming extractor (core/features/streaming_extract.h) against the one-shot
// GenreFeatureExtractor::compute on the same samples: real clips, minutes-long signals
// made of clips, and the short signals around the streaming threshold, with the
// tolerances of test_features_reference (the librosa reference README's float32 bounds).
// Results must not depend on the block sizes at all: those are compared for equality.
#include "core/common/error.h"
#include "core/features/extract.h"
#include "core/features/schema.h"
#include "core/features/streaming_extract.h"
#include "tests/test_features_support.h"
#if GS_FEATURE_TESTS_HAVE_DECODER
#include "core/dataset/whole_file.h"
#endif

#include <cmath>
#include <cstdio>
#include <map>
#include <random>

namespace {

bool endsWith(const std::string& s, const char* suffix)
{
    const std::string x(suffix);
    return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

using Tolerance = gs::test::FeatureTolerance;
using gs::test::readmeTolerance;

struct ColumnStats {
    double maxRel = 0, maxAbs = 0;
};
std::map<std::string, ColumnStats>& columnStats()
{
    static std::map<std::string, ColumnStats> stats;
    return stats;
}

// Asserts streaming == one-shot within tolerance, column by column; records the differences.
void compareVectors(const std::vector<double>& streamed, const std::vector<double>& oneShot, const QString& what)
{
    const auto& names = gs::genreFeatureNames();
    QCOMPARE(streamed.size(), names.size());
    QCOMPARE(oneShot.size(), names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string& name = names[i];
        const double var = endsWith(name, "_mean") && i + 1 < names.size() ? oneShot[i + 1] : 0.0;
        const Tolerance tol = readmeTolerance(name, var);
        const double absErr = std::fabs(streamed[i] - oneShot[i]);
        const double relErr = oneShot[i] != 0 ? absErr / std::fabs(oneShot[i]) : (absErr == 0 ? 0 : INFINITY);
        ColumnStats& s = columnStats()[name];
        s.maxAbs = std::max(s.maxAbs, absErr);
        s.maxRel = std::max(s.maxRel, relErr);
        QVERIFY2(std::isfinite(streamed[i]) && (absErr <= tol.abs || relErr <= tol.rel),
                 qPrintable(QString("%1 %2: streamed %3 one-shot %4 (abs %5 rel %6)")
                                .arg(what, QString::fromStdString(name))
                                .arg(streamed[i], 0, 'g', 12)
                                .arg(oneShot[i], 0, 'g', 12)
                                .arg(absErr)
                                .arg(relErr)));
    }
}

// The streaming extractor fed `y` in blocks of `block` samples (0: all at once), both passes.
std::vector<double> streamed(const std::vector<float>& y, int sr, std::size_t block, gs::PadMode pad,
                             bool legacy = false)
{
    const gs::ReplayableSource source = [&](const gs::SampleSink& sink) {
        const std::size_t step = block == 0 ? std::max<std::size_t>(1, y.size()) : block;
        if (y.empty())
            sink({});
        for (std::size_t i = 0; i < y.size(); i += step)
            sink(std::span<const float>(y).subspan(i, std::min(step, y.size() - i)));
    };
    return gs::extractStreaming(source, sr, pad, legacy);
}

std::vector<double> oneShot(const std::vector<float>& y, int sr, gs::PadMode pad, bool legacy = false)
{
    gs::GenreFeatureExtractor extractor(pad, legacy);
    return extractor.compute(y, sr);
}

// One clip per genre of the development set.
std::vector<std::filesystem::path> oneClipPerGenre(const std::filesystem::path& root)
{
    std::vector<std::filesystem::path> genres, files;
    for (const auto& entry : std::filesystem::directory_iterator(root))
        if (entry.is_directory())
            genres.push_back(entry.path());
    std::sort(genres.begin(), genres.end());
    for (const auto& g : genres) {
        std::vector<std::filesystem::path> clips;
        for (const auto& entry : std::filesystem::directory_iterator(g))
            if (entry.path().extension() == ".wav")
                clips.push_back(entry.path());
        std::sort(clips.begin(), clips.end());
        if (!clips.empty())
            files.push_back(clips.front());
    }
    return files;
}

std::vector<float> noise(std::size_t n, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> dist(0.0f, 0.1f);
    std::vector<float> y(n);
    for (std::size_t i = 0; i < n; ++i) // a tone in noise, so that tuning and tempo have something to find
        y[i] = dist(rng) + 0.3f * float(std::sin(2 * M_PI * 441.0 * double(i) / 22050.0)) * float((i / 5512) % 2);
    return y;
}

} // namespace

class TestFeaturesStreaming : public QObject {
    Q_OBJECT
private slots:
    void realClipsMatchOneShot();
    void blockSizesGiveIdenticalResults();
    void minutesLongSignalMatchesOneShot();
    void signalsAroundTheStreamingThreshold();
    void badInputIsRejected();
    void wholeFileMatchesDecodedOneShot();
    void cleanupTestCase();
};

void TestFeaturesStreaming::realClipsMatchOneShot()
{
    GS_REQUIRE_SHARED(root, "datasets/gtzan-dev");
    const auto files = oneClipPerGenre(root);
    QVERIFY(files.size() >= 10);
    for (const auto& file : files) {
        const auto audio = gs::test::loadTestAudio(file);
        QVERIFY2(audio.has_value(), qPrintable(QString::fromStdString(file.string())));
        for (gs::PadMode pad : {gs::PadMode::Constant, gs::PadMode::Reflect}) {
            const auto expected = oneShot(audio->samples, audio->sampleRate, pad);
            compareVectors(streamed(audio->samples, audio->sampleRate, 4096, pad), expected,
                           QString::fromStdString(file.filename().string()) + " " + gs::toString(pad));
        }
        // Kaggle settings: reflect padding and the legacy HPSS length.
        compareVectors(streamed(audio->samples, audio->sampleRate, 22050, gs::PadMode::Reflect, true),
                       oneShot(audio->samples, audio->sampleRate, gs::PadMode::Reflect, true),
                       QString::fromStdString(file.filename().string()) + " legacy");
    }
}

void TestFeaturesStreaming::blockSizesGiveIdenticalResults()
{
    GS_REQUIRE_SHARED(root, "datasets/gtzan-dev");
    const auto files = oneClipPerGenre(root);
    QVERIFY(!files.empty());
    const auto audio = gs::test::loadTestAudio(files.front());
    QVERIFY(audio.has_value());
    const auto reference = streamed(audio->samples, audio->sampleRate, 0, gs::PadMode::Reflect);
    compareVectors(reference, oneShot(audio->samples, audio->sampleRate, gs::PadMode::Reflect), "whole block");
    for (std::size_t block : {std::size_t(1), std::size_t(997), std::size_t(4096), std::size_t(audio->sampleRate)}) {
        const auto values = streamed(audio->samples, audio->sampleRate, block, gs::PadMode::Reflect);
        for (std::size_t i = 0; i < values.size(); ++i)
            QVERIFY2(values[i] == reference[i],
                     qPrintable(QString("block %1, column %2: %3 vs %4").arg(block).arg(i).arg(values[i], 0, 'g', 17)
                                    .arg(reference[i], 0, 'g', 17)));
    }
}

void TestFeaturesStreaming::minutesLongSignalMatchesOneShot()
{
    GS_REQUIRE_SHARED(root, "datasets/gtzan-dev");
    // Four minutes: eight clips of different genres end to end.
    std::vector<float> y;
    int sr = 0;
    for (const auto& file : oneClipPerGenre(root)) {
        if (y.size() >= std::size_t(240 * 22050))
            break;
        const auto audio = gs::test::loadTestAudio(file);
        QVERIFY(audio.has_value());
        sr = audio->sampleRate;
        y.insert(y.end(), audio->samples.begin(), audio->samples.end());
    }
    QVERIFY(y.size() > std::size_t(200 * sr));
    for (gs::PadMode pad : {gs::PadMode::Constant, gs::PadMode::Reflect})
        compareVectors(streamed(y, sr, std::size_t(sr), pad), oneShot(y, sr, pad), "4-minute signal");
    compareVectors(streamed(y, sr, 65537, gs::PadMode::Reflect, true), oneShot(y, sr, gs::PadMode::Reflect, true),
                   "4-minute signal, legacy HPSS");
}

void TestFeaturesStreaming::signalsAroundTheStreamingThreshold()
{
    // Below 16384 samples the signal is computed in one piece; from there on in groups.
    // Lengths on either side, and ends at every phase of the hop.
    for (std::size_t n : {std::size_t(0), std::size_t(1), std::size_t(3000), std::size_t(16383), std::size_t(16384),
                          std::size_t(16385), std::size_t(16384 + 511), std::size_t(16384 + 512), std::size_t(70000),
                          std::size_t(66048), std::size_t(66048 + 1023), std::size_t(200001)}) {
        const auto y = noise(n, unsigned(n));
        for (gs::PadMode pad : {gs::PadMode::Constant, gs::PadMode::Reflect})
            for (bool legacy : {false, true})
                compareVectors(streamed(y, 22050, 1000, pad, legacy), oneShot(y, 22050, pad, legacy),
                               QString("noise of %1 samples%2").arg(n).arg(legacy ? " legacy" : ""));
    }
}

void TestFeaturesStreaming::badInputIsRejected()
{
    gs::StreamingGenreFeatureExtractor extractor(22050);
    std::vector<float> y = noise(40000, 1);
    y[30000] = NAN;
    bool threw = false;
    try {
        extractor.push(y);
    } catch (const gs::Error& e) {
        threw = e.kind() == gs::ErrorKind::InvalidArgument;
    }
    QVERIFY(threw);

    // A second pass that does not repeat the first is refused.
    gs::StreamingGenreFeatureExtractor twice(22050);
    const auto z = noise(40000, 2);
    twice.push(z);
    QVERIFY(twice.endFirstPass());
    twice.push(std::span<const float>(z).first(30000));
    threw = false;
    try {
        twice.finish();
    } catch (const gs::Error& e) {
        threw = e.kind() == gs::ErrorKind::InvalidArgument;
    }
    QVERIFY(threw);
    QVERIFY_THROWS_EXCEPTION(gs::Error, gs::StreamingGenreFeatureExtractor(0));
}

void TestFeaturesStreaming::wholeFileMatchesDecodedOneShot()
{
#if GS_FEATURE_TESTS_HAVE_DECODER
    GS_REQUIRE_SHARED(root, "datasets/gtzan-dev");
    const auto file = oneClipPerGenre(root).back();
    gs::ExtractionParams params;
    params.clipSeconds = 0;
    params.pad = gs::PadMode::Reflect;
    const auto whole = gs::extractWholeFileStreaming(file, params);
    gs::DecodeOptions options;
    options.sampleRate = params.sampleRate;
    const gs::Audio audio = gs::decodeAudio(file, options);
    QCOMPARE(whole.samples, audio.samples.size());
    QCOMPARE(whole.sampleRate, audio.sampleRate);
    compareVectors(whole.values, oneShot(audio.samples, audio.sampleRate, gs::PadMode::Reflect),
                   "whole file " + QString::fromStdString(file.filename().string()));
    gs::CancelToken cancel;
    cancel.cancel();
    QVERIFY_THROWS_EXCEPTION(gs::Error, gs::extractWholeFileStreaming(file, params, &cancel));
#else
    QSKIP("no decoder in this tree");
#endif
}

void TestFeaturesStreaming::cleanupTestCase()
{
    std::printf("Streaming vs one-shot, largest difference per column over all runs:\n");
    for (const auto& name : gs::genreFeatureNames()) {
        const auto it = columnStats().find(name);
        if (it != columnStats().end())
            std::printf("  %-26s max abs %-10.3g max rel %.3g\n", name.c_str(), it->second.maxAbs, it->second.maxRel);
    }
}

QTEST_GUILESS_MAIN(TestFeaturesStreaming)
#include "test_features_streaming.moc"
