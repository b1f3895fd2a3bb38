// Classifying whole songs window by window: each analysed clip is cut exactly as extraction
// cuts a training clip (so window 0 is bit-identical to the song's training row, for WAV and
// for resampled MP3), windows sit where clipOffsets() says, the song's ranking is the mean
// of its windows, and models that cannot read the song say so clearly.
#include "core/audio/decode.h"
#include "core/common/error.h"
#include "core/dataset/extract_batch.h"
#include "core/features/extract.h"
#include "core/ml/classify_song.h"
#include "core/ml/labelled_set.h"
#include "core/ml/registry.h"
#include "core/ml/train.h"
#include "tests/testsupport.h"

#include <cmath>
#include <map>

using namespace gs::ml;
namespace fs = std::filesystem;

namespace {

gs::SongEntry entry(const fs::path& file, const std::string& label = {})
{
    gs::SongEntry e;
    e.path = file;
    e.relativePath = file.filename().string();
    e.label = label;
    return e;
}

// What extraction writes into the feature table for this file under params.
std::vector<double> trainingRow(const fs::path& file, const gs::ExtractionParams& params)
{
    gs::GenreFeatureExtractor extractor(params.pad, params.legacyHpss);
    return gs::extractSong(entry(file), params, extractor).row.values;
}

// A 1-NN model on rows extracted under params from a few GTZAN clips of two genres.
TrainedModel smallModel(const fs::path& gtzan, const gs::ExtractionParams& params)
{
    LabelledSet data;
    data.classes = {"classical", "metal"};
    data.schema = gs::genreFeatureSchema(params);
    for (int label = 0; label < 2; ++label)
        for (int i = 0; i < 3; ++i) {
            const fs::path file = gtzan / data.classes[std::size_t(label)] /
                                  (data.classes[std::size_t(label)] + ".0000" + std::to_string(i) + ".wav");
            data.samples.push_back({trainingRow(file, params), "", label, -1});
        }
    TrainOptions o;
    o.model = "knn";
    o.overrides = {{"k", 1}};
    return trainModel(data, o);
}

// Checks every window-level promise of one classification.
void checkWindows(const TrainedModel& model, const SongClassification& r, double clipSeconds, double offset = 0)
{
    QCOMPARE(r.windows, int(r.windowDetails.size()));
    auto expected = clipOffsets(r.songSeconds - offset, clipSeconds, 5);
    for (double& e : expected)
        e += offset;
    QCOMPARE(r.windowDetails.size(), expected.size());
    std::vector<double> mean(model.classes.size(), 0.0);
    for (std::size_t w = 0; w < expected.size(); ++w) {
        const auto& win = r.windowDetails[w];
        QCOMPARE(win.startSeconds, expected[w]);
        QVERIFY2(win.seconds > 0 && win.seconds <= clipSeconds + 1e-9 && win.startSeconds + win.seconds <= r.songSeconds + 0.01,
                 qPrintable(QString("window %1: %2 s from %3 s of %4 s").arg(w).arg(win.seconds).arg(win.startSeconds).arg(r.songSeconds)));
        QCOMPARE(win.features.size(), gs::genreFeatureNames().size());
        QCOMPARE(win.probabilities.size(), model.classes.size());
        // each window is what the model says about its own features
        Sample s;
        s.features = win.features;
        QVERIFY(model.classifier->predictProbabilities(s) == win.probabilities);
        for (std::size_t c = 0; c < mean.size(); ++c)
            mean[c] += win.probabilities[c] / double(expected.size());
    }
    QCOMPARE(r.genres.size(), model.classes.size());
    for (std::size_t g = 0; g < r.genres.size(); ++g) {
        const auto c = std::size_t(std::find(model.classes.begin(), model.classes.end(), r.genres[g].genre) - model.classes.begin());
        QVERIFY(c < model.classes.size());
        QVERIFY(std::abs(r.genres[g].probability - mean[c]) < 1e-12);
        if (g > 0)
            QVERIFY(r.genres[g - 1].probability >= r.genres[g].probability);
    }
}

} // namespace

class TestMlClassifyWindows : public QObject {
    Q_OBJECT
private slots:
    void firstWindowIsTheTrainingRowForGtzanAndMp3()
    {
        GS_REQUIRE_SHARED(gtzan, "datasets/gtzan-dev");
        GS_REQUIRE_SHARED(mp3s, "datasets/mp3-samples");
        gs::ExtractionParams params; // 22050 Hz, constant padding
        params.clipSeconds = 10;     // a 30 s clip holds three windows
        const auto model = smallModel(gtzan, params);
        for (const fs::path& file : {gtzan / "jazz" / "jazz.00004.wav", gtzan / "disco" / "disco.00007.wav",
                                     mp3s / "heavy_metal.mp3", mp3s / "000002.mp3"}) {
            const auto r = classifySong(model, file);
            qInfo("%s: %d windows over %.2f s, top %s %.2f", file.filename().c_str(), r.windows, r.songSeconds,
                  r.genres[0].genre.c_str(), r.genres[0].probability);
            QVERIFY(r.windows >= 3); // ceil(song / 10 s): 3 or 4 for ~30 s
            checkWindows(model, r, 10);
            QVERIFY2(r.windowDetails[0].features == trainingRow(file, params), file.c_str());
            QCOMPARE(r.windowDetails[0].seconds, 10.0);
            // The decode-once entry point gives the same first window and as many windows. A
            // resampled song is classified clip by clip, its windows placed on the length the
            // container states; decoding all of it counts the exact length, so later windows
            // may sit a few milliseconds apart (each is still its offset's training row:
            // laterWindowsAreTrainingRowsOfTheirOffsets).
            gs::DecodeOptions decode;
            decode.sampleRate = params.sampleRate;
            const auto again = classifyDecodedSong(model, gs::decodeAudio(file, decode), file);
            QCOMPARE(again.windowDetails.size(), r.windowDetails.size());
            QVERIFY(again.windowDetails[0].features == r.windowDetails[0].features);
            for (std::size_t w = 0; w < r.windowDetails.size(); ++w) {
                const double apart = std::abs(again.windowDetails[w].startSeconds - r.windowDetails[w].startSeconds);
                QVERIFY2(apart < 0.1, qPrintable(QStringLiteral("window %1 %2 s apart").arg(w).arg(apart)));
                if (apart == 0)
                    QVERIFY(again.windowDetails[w].features == r.windowDetails[w].features);
            }
        }
    }

    void aSongCutShortIsClassifiedOnWhatDecodes()
    {
        // Its header promises more than there is: clip-by-clip decoding gives up, the song is
        // decoded whole and the windows are placed on what decoded, with the decoder's warning.
        GS_REQUIRE_SHARED(gtzan, "datasets/gtzan-dev");
        GS_REQUIRE_SHARED(mp3s, "datasets/mp3-samples");
        gs::ExtractionParams params;
        params.clipSeconds = 10;
        const auto model = smallModel(gtzan, params);
        QTemporaryDir tmp;
        const fs::path cut = gs::test::tempDir(tmp) / "cut.mp3";
        fs::copy_file(mp3s / "heavy_metal.mp3", cut);
        fs::resize_file(cut, fs::file_size(cut) * 6 / 10);
        const auto r = classifySong(model, cut);
        QVERIFY(r.windows >= 1);
        QVERIFY2(!r.warning.empty(), "a cut-off file must say so");
        for (const auto& w : r.windowDetails)
            QVERIFY(w.startSeconds + 1.0 < r.songSeconds);
        checkWindows(model, r, 10);
    }

    void laterWindowsAreTrainingRowsOfTheirOffsets()
    {
        // Every window, not just the first, is what extraction gives at that offset.
        GS_REQUIRE_SHARED(gtzan, "datasets/gtzan-dev");
        GS_REQUIRE_SHARED(mp3s, "datasets/mp3-samples");
        gs::ExtractionParams params;
        params.clipSeconds = 10;
        const auto model = smallModel(gtzan, params);
        for (const fs::path& file : {gtzan / "blues" / "blues.00003.wav", mp3s / "techno.mp3"}) {
            const auto r = classifySong(model, file);
            for (const auto& w : r.windowDetails) {
                auto at = params;
                at.offsetSeconds = w.startSeconds;
                QVERIFY2(w.features == trainingRow(file, at), qPrintable(QString("%1 at %2 s").arg(file.c_str()).arg(w.startSeconds)));
            }
        }
    }

    void trainingOffsetAndDefaultClipLength()
    {
        GS_REQUIRE_SHARED(gtzan, "datasets/gtzan-dev");
        GS_REQUIRE_SHARED(mp3s, "datasets/mp3-samples");
        // The Kaggle parameters (30 s clips, reflect padding): one window per 30 s clip.
        const auto kaggle = smallModel(gtzan, kaggleExtractionParams());
        const fs::path wav = gtzan / "pop" / "pop.00002.wav";
        const auto one = classifySong(kaggle, wav);
        QCOMPARE(one.windows, 1);
        checkWindows(kaggle, one, 30);
        QVERIFY(one.windowDetails[0].features == trainingRow(wav, kaggleExtractionParams()));

        // A schema with a 2 s offset: window 0 starts there, as the training clip did.
        gs::ExtractionParams params;
        params.clipSeconds = 8;
        params.offsetSeconds = 2;
        auto offsetModel = smallModel(gtzan, params);
        const fs::path mp3 = mp3s / "swing.mp3";
        const auto r = classifySong(offsetModel, mp3);
        QCOMPARE(r.windowDetails[0].startSeconds, 2.0);
        checkWindows(offsetModel, r, 8, 2);
        QVERIFY(r.windowDetails[0].features == trainingRow(mp3, params));

        // Audio handed over without its file (native rate = model rate): clips come from it.
        gs::DecodeOptions decode;
        const auto audio = gs::decodeAudio(wav, decode);
        const auto noFile = classifyDecodedSong(kaggle, audio, {});
        QVERIFY(noFile.windowDetails[0].features == one.windowDetails[0].features);
    }

    void mismatchedModelsErrorClearly()
    {
        GS_REQUIRE_SHARED(gtzan, "datasets/gtzan-dev");
        GS_REQUIRE_SHARED(mp3s, "datasets/mp3-samples");
        gs::ExtractionParams params;
        params.clipSeconds = 10;
        const auto model = smallModel(gtzan, params);
        const fs::path mp3 = mp3s / "dub.mp3";

        // Features this program cannot compute.
        auto custom = model;
        custom.schema.name = "custom";
        custom.schema.columns = {"tempo", "loudness"};
        try {
            classifySong(custom, mp3);
            QFAIL("a model on foreign features classified a song");
        } catch (const gs::Error& e) {
            QCOMPARE(e.kind(), gs::ErrorKind::Mismatch);
            QCOMPARE(e.subject(), mp3.string());
            QVERIFY(QString::fromStdString(e.reason()).contains("custom"));
        }

        // Audio at another rate than the model's features need.
        gs::DecodeOptions native;
        native.sampleRate = 0; // 44.1 kHz
        try {
            classifyDecodedSong(model, gs::decodeAudio(mp3, native), mp3);
            QFAIL("44.1 kHz audio went into a 22.05 kHz model");
        } catch (const gs::Error& e) {
            QCOMPARE(e.kind(), gs::ErrorKind::Mismatch);
            QCOMPARE(e.subject(), mp3.string());
            QVERIFY(QString::fromStdString(e.reason()).contains("44100 Hz"));
        }

        // A CNN reads the song itself: without the file it cannot work, and says so.
        TrainedModel cnn;
        cnn.classifier = std::shared_ptr<Classifier>(createClassifier("cnn"));
        cnn.kind = "cnn";
        cnn.classes = model.classes;
        gs::DecodeOptions decode;
        try {
            classifyDecodedSong(cnn, gs::decodeAudio(mp3, decode), {});
            QFAIL("a CNN classified audio without its file");
        } catch (const gs::Error& e) {
            QCOMPARE(e.kind(), gs::ErrorKind::InvalidArgument);
            QVERIFY(QString::fromStdString(e.reason()).contains("file"));
        }
        // No model at all.
        QVERIFY_THROWS_EXCEPTION(gs::Error, classifySong(TrainedModel{}, mp3));
    }
};

QTEST_GUILESS_MAIN(TestMlClassifyWindows)
#include "test_ml_classify_windows.moc"
