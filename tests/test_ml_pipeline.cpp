// The whole-song pipeline: one clip placement for training rows and classification windows,
// several clips per long song loaded as rows of one song (one group, one Sample::song),
// cross-validation scoring songs by their clips' mean probabilities, and late fusion
// (temperature calibration, simplex weights, fit/save/load).
#include "core/audio/wav_writer.h"
#include "core/common/error.h"
#include "core/dataset/demo.h"
#include "core/ml/classify_song.h"
#include "core/ml/cv_tasks.h"
#include "core/ml/evaluate.h"
#include "core/ml/labelled_set.h"
#include "core/ml/learning_curve.h"
#include "core/ml/model_fusion.h"
#include "core/ml/registry.h"
#include "core/ml/train.h"
#include "tests/testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>
#include <random>
#include <set>
#include <sstream>

using namespace gs::ml;
namespace fs = std::filesystem;

namespace {

// Noise shaped by a tone whose pitch and brightness depend on the genre, `seconds` long.
void writeSong(const fs::path& file, int genre, double seconds, unsigned seed)
{
    const int rate = 22050;
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(0.f, 1.f);
    std::vector<float> samples(std::size_t(seconds * rate));
    const double f0 = genre == 0 ? 220.0 : 1760.0;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const double t = double(i) / rate;
        // the level changes slowly, so clips at different places differ
        const double level = 0.2 + 0.1 * std::sin(2 * M_PI * t / 17.0);
        samples[i] = float(level * std::sin(2 * M_PI * f0 * t) + 0.05 * noise(rng));
    }
    fs::create_directories(file.parent_path());
    gs::writeWav(file, samples, rate);
}

// A labelled set of `songs` songs, `clips` rows each, two well separated classes.
LabelledSet clipsOfSongs(int songs, int clips, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, 1.0);
    LabelledSet set;
    set.classes = {"a", "b"};
    set.schema.name = "custom";
    set.schema.columns = {"x", "y"};
    for (int s = 0; s < songs; ++s) {
        const int label = s % 2;
        for (int c = 0; c < clips; ++c) {
            Sample sample;
            sample.features = {(label ? 1.0 : -1.0) + noise(rng), noise(rng)};
            sample.label = label;
            sample.group = clips > 1 ? s : -1;
            sample.song = clips > 1 ? s : -1;
            set.samples.push_back(std::move(sample));
        }
    }
    return set;
}

} // namespace

class TestMlPipeline : public QObject {
    Q_OBJECT

private slots:
    void clipStartsFollowTheOffset()
    {
        gs::ExtractionParams p;
        std::string warning;
        QCOMPARE(songClipStarts(p, 30.01, 5, warning), std::vector<double>{0.0});
        QCOMPARE(songClipStarts(p, 300, 5, warning), clipOffsets(300, 30, 5));
        p.offsetSeconds = 10;
        // 10 s, then clipOffsets(290, 30, 5) = 0, 65, 130, 195, 260 shifted by 10
        QCOMPARE(songClipStarts(p, 300, 5, warning), (std::vector<double>{10, 75, 140, 205, 270}));
        QVERIFY(warning.empty());
        QCOMPARE(songClipStarts(p, 8, 5, warning), std::vector<double>{0.0});
        QVERIFY(warning.find("shorter than the training clips' offset") != std::string::npos);
    }

    // A 70-s song gives three rows at 0, 20 and 40 s (clipOffsets(70, 30, 5)); a 30-s song one.
    // The rows of a song share its group and Sample::song; row k equals classification's window
    // k (same placement, same cut, same extractor). clipsPerSong = 1 keeps one row per song.
    void longSongsGiveSeveralClipsThatClassificationReproduces()
    {
        QTemporaryDir holder;
        const fs::path root = gs::test::tempDir(holder);
        writeSong(root / "low" / "long.wav", 0, 70, 1);
        writeSong(root / "low" / "short.wav", 0, 30, 2);
        writeSong(root / "high" / "long.wav", 1, 70, 3);
        writeSong(root / "high" / "short.wav", 1, 30, 4);

        DatasetLoadOptions options;
        options.threads = 2;
        const auto load = loadDataset(root, options);
        QCOMPARE(load.set.samples.size(), std::size_t(8));
        QCOMPARE(load.extraClips, std::size_t(4));
        std::map<int, std::vector<std::size_t>> rowsOfSong;
        for (std::size_t i = 0; i < load.set.samples.size(); ++i)
            if (load.set.samples[i].song >= 0)
                rowsOfSong[load.set.samples[i].song].push_back(i);
        QCOMPARE(rowsOfSong.size(), std::size_t(2));
        for (const auto& [song, rows] : rowsOfSong) {
            QCOMPARE(rows.size(), std::size_t(3));
            for (std::size_t r : rows) {
                QCOMPARE(load.set.samples[r].group, load.set.samples[rows[0]].group);
                QVERIFY(load.set.samples[r].group >= 0);
                QCOMPARE(load.set.samples[r].audioPath, load.set.samples[rows[0]].audioPath);
            }
        }
        for (const auto& [genre, songs] : load.songsPerGenre)
            QCOMPARE(songs, 2L); // songs, not rows

        TrainOptions train;
        train.model = "knn";
        train.overrides = {{"k", 1}};
        const TrainedModel model = trainModel(load.set, train);
        for (const auto& [song, rows] : rowsOfSong) {
            const auto r = classifySong(model, load.set.samples[rows[0]].audioPath);
            QCOMPARE(r.windows, 3);
            const std::vector<double> starts{0, 20, 40};
            for (std::size_t k = 0; k < 3; ++k) {
                QCOMPARE(r.windowDetails[k].startSeconds, starts[k]);
                QCOMPARE(r.windowDetails[k].features, load.set.samples[rows[k]].features);
            }
        }

        options.clipsPerSong = 1;
        const auto single = loadDataset(root, options);
        QCOMPARE(single.set.samples.size(), std::size_t(4));
        QCOMPARE(single.extraClips, std::size_t(0));
        for (const auto& s : single.set.samples)
            QCOMPARE(s.song, -1);
    }

    // One out-of-fold prediction per song: the mean of its rows' probabilities, each row
    // predicted by the model of the song's fold, refitted here with the same public pieces.
    void crossValidationScoresSongsByTheirClipsMean()
    {
        const LabelledSet set = clipsOfSongs(40, 3, 7);
        EvaluationOptions options;
        options.models = {"knn"};
        options.folds = 5;
        options.threads = 2;
        const auto report = crossValidate(set, options);
        const auto& m = report.models.front();
        QCOMPARE(m.predictions.size(), std::size_t(40));
        const auto foldOf = cv::outerFolds(set, 5, options.seed);
        std::size_t correct = 0;
        for (const auto& p : m.predictions) {
            QCOMPARE(p.sample % 3, 0); // listed under the song's first row
            QCOMPARE(p.fold, foldOf[std::size_t(p.sample)]);
            std::vector<std::size_t> trainIdx, testIdx;
            cv::splitByFold(foldOf, p.fold, trainIdx, testIdx);
            auto knn = createClassifier("knn");
            knn->fit(cv::subset(set, trainIdx), TrainContext{mixSeed(options.seed, "knn", std::uint64_t(p.fold)), {}, nullptr});
            std::vector<double> mean(2, 0.0);
            for (int k = 0; k < 3; ++k) {
                const auto q = knn->predictProbabilities(set.samples[std::size_t(p.sample + k)]);
                for (std::size_t c = 0; c < 2; ++c)
                    mean[c] += q[c] / 3;
            }
            for (std::size_t c = 0; c < 2; ++c)
                QVERIFY(std::abs(p.probabilities[c] - mean[c]) < 1e-12);
            correct += p.predicted == p.truth;
        }
        double foldMean = 0;
        int songs = 0;
        for (const auto& f : m.folds) {
            foldMean += f.accuracy / 5;
            songs += f.testSize;
        }
        QCOMPARE(songs, 40);
        QVERIFY(std::abs(foldMean - m.accuracyMean) < 1e-12);
        int confusionTotal = 0;
        for (const auto& row : m.confusion)
            for (auto v : row)
                confusionTotal += int(v);
        QCOMPARE(confusionTotal, 40);
        double pooled = 0;
        for (const auto& f : m.folds)
            pooled += f.accuracy * f.testSize;
        QCOMPARE(std::lround(pooled), long(correct));
    }

    // The learning curve scores songs too: at 100 % its fold accuracies are crossValidate's.
    void learningCurveAtFullSizeIsCrossValidationPerSong()
    {
        const LabelledSet set = clipsOfSongs(40, 3, 9);
        EvaluationOptions cvOptions;
        cvOptions.models = {"svm-rbf"};
        cvOptions.folds = 4;
        cvOptions.threads = 2;
        const auto report = crossValidate(set, cvOptions);
        LearningCurveOptions options;
        options.model = "svm-rbf";
        options.fractions = {1.0};
        options.folds = 4;
        options.threads = 2;
        const auto curve = learningCurve(set, options);
        QCOMPARE(curve.points.size(), std::size_t(1));
        for (std::size_t f = 0; f < 4; ++f)
            QCOMPARE(curve.points[0].foldAccuracies[f], report.models[0].folds[f].accuracy);
    }

    // Three rows of p = (0.9, 0.1): two right, one wrong. q = sigmoid(beta ln 9) and the loss
    // -2 ln q - ln(1 - q) is least at q = 2/3, so beta = ln 2 / ln 9.
    void temperatureHasTheAnalyticOptimum()
    {
        const std::vector<std::vector<double>> p(3, {0.9, 0.1});
        const double beta = fitInverseTemperature(p, {0, 0, 1});
        QVERIFY2(std::abs(beta - std::log(2.0) / std::log(9.0)) < 1e-5, qPrintable(QString::number(beta, 'g', 10)));
        const auto same = temperatureScaled({0.25, 0.75}, 1.0);
        QVERIFY(std::abs(same[0] - 0.25) < 1e-12 && std::abs(same[1] - 0.75) < 1e-12);
        const auto sharp = temperatureScaled({0.25, 0.75}, 2.0); // 1/16 : 9/16
        QVERIFY(std::abs(sharp[0] - 0.1) < 1e-12 && std::abs(sharp[1] - 0.9) < 1e-12);
    }

    void poolWeightsMinimiseTheLogLoss()
    {
        // Mirror-image members: the loss -ln(0.9w + 0.1(1-w)) - ln(0.1w + 0.9(1-w)) is least at w = 1/2.
        const std::vector<std::vector<std::vector<double>>> mirror = {{{0.9, 0.1}, {0.9, 0.1}}, {{0.1, 0.9}, {0.1, 0.9}}};
        QCOMPARE(fitPoolWeights(mirror, {0, 1}), (std::vector<double>{0.5, 0.5}));
        // A member right everywhere the other is wrong and never worse: all the weight.
        const std::vector<std::vector<std::vector<double>>> dominated = {{{0.2, 0.8}, {0.3, 0.7}}, {{0.6, 0.4}, {0.1, 0.9}}};
        QCOMPARE(fitPoolWeights(dominated, {0, 1}), (std::vector<double>{0.0, 1.0}));
        // Three members; truth (0, 0, 1). Every weighting gives the true class a, a, 1 - a with
        // a = 0.9 w0 + 0.1 w1 + 0.5 w2, and -2 ln a - ln(1 - a) is least at a = 2/3. On the grid
        // a = 0.1 + 0.08 i + 0.04 j: 0.66 is the nearest, reached first (w0 descending) at (0.7, 0.3, 0).
        const auto w = fitPoolWeights({{{0.9, 0.1}, {0.9, 0.1}, {0.9, 0.1}},
                                       {{0.1, 0.9}, {0.1, 0.9}, {0.1, 0.9}},
                                       {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}}},
                                      {0, 0, 1});
        QCOMPARE(w.size(), std::size_t(3));
        QVERIFY(std::abs(w[0] + w[1] + w[2] - 1.0) < 1e-12);
        QCOMPARE(w, (std::vector<double>{0.7, 0.3, 0.0}));
    }

    // Fit, predict, save, load: the loaded model gives the same probabilities, bit for bit.
    void fusionLearnsAndRoundTrips()
    {
        const LabelledSet set = clipsOfSongs(60, 1, 11);
        auto fusion = createClassifier("fusion", {{"mlp", 0}, {"knn", 1}});
        fusion->fit(set, TrainContext{5, {}, nullptr});
        std::size_t correct = 0;
        for (const auto& s : set.samples)
            correct += cv::argmax(fusion->predictProbabilities(s)) == std::size_t(s.label);
        QVERIFY(correct > 45); // two classes 2 standard deviations apart
        std::stringstream blob;
        fusion->save(blob);
        auto loaded = createClassifier("fusion");
        loaded->load(blob);
        for (const auto& s : set.samples)
            QCOMPARE(loaded->predictProbabilities(s), fusion->predictProbabilities(s));
        std::stringstream damaged(blob.str().substr(0, blob.str().size() / 2));
        QVERIFY_THROWS_EXCEPTION(gs::Error, createClassifier("fusion")->load(damaged));
    }

    // `evaluate DIR` without options: says and runs the best pipeline (fusion beside its members
    // and the baseline, rich-680, clips auto: 50-s songs give a second clip at 20 s); the table
    // counts songs. Explicit flags still choose; a bad --clips is a usage error.
    void evaluateWithoutOptionsRunsTheBestPipeline()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        gs::DemoOptions demo;
        demo.perGenre = 6;
        demo.seconds = 50;
        demo.compressedCopies = false;
        demo.threads = 2;
        const auto made = gs::makeDemoDataset(dir / "songs", demo);
        const QString songs = QString::fromStdString((dir / "songs").string());
        auto r = gs::test::runCli({"evaluate", songs, "--folds", "3", "--no-cache", "-j", "2"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("best pipeline: fusion, svm-rbf, mlp, dummy, features rich-680, 3 folds"), r.err.constData());
        QVERIFY2(r.err.contains(QByteArray::number(qlonglong(made.files.size())) + " clips beyond the first"), r.err.constData());
        for (const char* model : {"fusion", "svm-rbf", "mlp", "dummy"})
            QVERIFY2(r.out.contains(QByteArray("\n") + model + " "), r.out.constData());
        QVERIFY(!r.out.contains("\nknn "));
        QVERIFY2(r.out.contains(QByteArray::number(qlonglong(2 * made.files.size())) + " samples, 680 features"),
                 r.out.constData()); // rows: two clips per song

        r = gs::test::runCli({"evaluate", songs, "--folds", "3", "--no-cache", "--models", "knn", "--clips", "1",
                              "--quiet"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains(QByteArray::number(qlonglong(made.files.size())) + " samples, 57 features"), r.out.constData());

        r = gs::test::runCli({"evaluate", songs, "--clips", "0"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--clips expects"));
    }

    void fusionWithTheCnnNeedsTheSongs()
    {
        const LabelledSet set = clipsOfSongs(20, 1, 3);
        auto fusion = createClassifier("fusion", {{"cnn", 1}});
        try {
            fusion->fit(set, TrainContext{});
            QFAIL("expected an error");
        } catch (const gs::Error& e) {
            QCOMPARE(e.kind(), gs::ErrorKind::InvalidArgument);
            QVERIFY(e.reason().find("features CSV has none") != std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(TestMlPipeline)
#include "test_ml_pipeline.moc"
