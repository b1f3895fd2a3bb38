// The classify session without a window, on a small demo dataset opened by a real
// DatasetSession: a training run reports exactly what the core's crossValidate,
// compareModels and learningCurve compute on makeLabelledSnapshot's set, the refit model
// predicts like trainModel, classification equals classifySong song by song (a corrupt file
// is reported by name and the batch goes on), cancel drops the run, runs go stale when the
// data or the settings change, and model files round-trip (garbage and foreign schemas are
// refused with a reason).
#include "core/common/error.h"
#include "core/dataset/demo.h"
#include "core/ml/classify_song.h"
#include "core/ml/learning_curve.h"
#include "core/ml/model_file.h"
#include "core/ml/report_writer.h"
#include "core/ml/significance.h"
#include "core/ml/train.h"
#include "ui/classify/classify_session.h"
#include "ui/classify/labelled_snapshot.h"
#include "ui/session/dataset_session.h"
#include "tests/testsupport.h"

#include <QSignalSpy>
#include <QStandardPaths>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using gs::ui::ClassifySession;
using gs::ui::TrainSettings;

namespace {

constexpr int kPerGenre = 6;
constexpr double kSeconds = 4.0;

QString qs(const fs::path& p) { return QString::fromStdString(p.string()); }

TrainSettings threeModels()
{
    TrainSettings s;
    s.models = {"dummy", "knn", "svm-rbf"};
    s.folds = 4;
    s.curveFractions = {0.5, 1.0};
    return s;
}

TrainSettings oneModel()
{
    TrainSettings s;
    s.models = {"svm-rbf"};
    s.folds = 4;
    s.learningCurve = false;
    return s;
}

void compareReports(const gs::ml::EvaluationReport& got, const gs::ml::EvaluationReport& want)
{
    QCOMPARE(got.classes, want.classes);
    QCOMPARE(got.models.size(), want.models.size());
    for (std::size_t m = 0; m < want.models.size(); ++m) {
        const auto& a = got.models[m];
        const auto& b = want.models[m];
        QCOMPARE(a.name, b.name);
        QCOMPARE(a.params, b.params);
        QCOMPARE(a.accuracyMean, b.accuracyMean);
        QCOMPARE(a.accuracyStd, b.accuracyStd);
        QCOMPARE(a.balancedAccuracy, b.balancedAccuracy);
        QCOMPARE(a.macroF1, b.macroF1);
        QCOMPARE(a.logLoss, b.logLoss);
        QCOMPARE(a.confusion, b.confusion);
        QCOMPARE(a.folds.size(), b.folds.size());
        for (std::size_t f = 0; f < b.folds.size(); ++f)
            QCOMPARE(a.folds[f].accuracy, b.folds[f].accuracy);
        QCOMPARE(a.predictions.size(), b.predictions.size());
        for (std::size_t i = 0; i < b.predictions.size(); ++i) {
            QCOMPARE(a.predictions[i].sample, b.predictions[i].sample);
            QCOMPARE(a.predictions[i].fold, b.predictions[i].fold);
            QCOMPARE(a.predictions[i].truth, b.predictions[i].truth);
            QCOMPARE(a.predictions[i].predicted, b.predictions[i].predicted);
            QCOMPARE(a.predictions[i].probabilities, b.predictions[i].probabilities);
        }
    }
}

// Same probabilities for every sample of the set.
void comparePredictions(const gs::ml::TrainedModel& got, const gs::ml::TrainedModel& want, const gs::ml::LabelledSet& set)
{
    QCOMPARE(got.kind, want.kind);
    QCOMPARE(got.classes, want.classes);
    for (const auto& sample : set.samples)
        QCOMPARE(got.classifier->predictProbabilities(sample), want.classifier->predictProbabilities(sample));
}

} // namespace

class TestUiClassifySession : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    fs::path root_;
    fs::path corrupt_;
    std::vector<fs::path> demoFiles_;
    std::shared_ptr<const gs::ui::DatasetSnapshot> snapshot_;

    // A session with one finished run of `settings` on the demo.
    void trainOnce(ClassifySession& session, const TrainSettings& settings)
    {
        session.setDataset(snapshot_);
        QSignalSpy finished(&session, &ClassifySession::trainingFinished);
        session.train(settings);
        QVERIFY(session.waitForIdle(120000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(session.model());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        root_ = gs::test::tempDir(tmp_);
        gs::DemoOptions demo;
        demo.perGenre = kPerGenre;
        demo.seconds = kSeconds;
        demoFiles_ = gs::makeDemoDataset(root_ / "demo", demo).files;
        corrupt_ = root_ / "corrupt.mp3";
        std::ofstream(corrupt_) << "ID3 but nothing that decodes";

        gs::ui::DatasetSession::Options options;
        options.cacheFile = root_ / "cache.sqlite";
        gs::ui::DatasetSession dataset(options);
        dataset.open(qs(root_ / "demo"));
        dataset.waitForFinished();
        snapshot_ = dataset.snapshot();
        QCOMPARE(int(snapshot_->songs.size()), int(gs::demoGenres().size()) * kPerGenre);
        QCOMPARE(snapshot_->folder, dataset.folder());
    }

    void snapshotHoldsTheLearnableSongs()
    {
        const auto data = gs::ui::makeLabelledSnapshot(*snapshot_, QStringLiteral("auto"));
        QCOMPARE(int(data.set.samples.size()), int(snapshot_->songs.size()));
        QCOMPARE(data.excluded, 0);
        QCOMPARE(data.set.classes, gs::demoGenres()); // already sorted
        QCOMPARE(data.dataKey, gs::ui::datasetKey(*snapshot_));
        for (std::size_t i = 0; i < data.songs.size(); ++i) {
            const auto& song = snapshot_->songs[std::size_t(data.songs[i].songIndex)];
            QCOMPARE(data.set.samples[i].features, song.record.features);
            QCOMPARE(data.set.samples[i].audioPath, song.record.path);
            QCOMPARE(data.set.classes[std::size_t(data.set.samples[i].label)], song.record.label);
        }
        // A song whose analysis failed is left out, and the key changes with it.
        auto changed = std::make_shared<gs::ui::DatasetSnapshot>(*snapshot_);
        changed->songs[0].status = gs::ui::SongStatus::Failed;
        const auto fewer = gs::ui::makeLabelledSnapshot(*changed, QStringLiteral("none"));
        QCOMPARE(fewer.excluded, 1);
        QCOMPARE(fewer.set.samples.size(), data.set.samples.size() - 1);
        QVERIFY(fewer.dataKey != data.dataKey);

        // Grouping: duplicates (fingerprints) and clips of one song share a group by mode.
        auto grouped = std::make_shared<gs::ui::DatasetSnapshot>(*snapshot_);
        grouped->duplicateGroups = {{0, 5}};
        grouped->songs[2].relativePath = QStringLiteral("Clips/x.00001.0.wav");
        grouped->songs[3].relativePath = QStringLiteral("Clips/x.00001.1.wav");
        auto groupsOf = [&grouped](const char* mode, int& duplicatesUsed) {
            const auto data = gs::ui::makeLabelledSnapshot(*grouped, QString::fromLatin1(mode));
            duplicatesUsed = data.duplicateGroupsUsed;
            std::vector<int> groups;
            for (const auto& sample : data.set.samples)
                groups.push_back(sample.group);
            return groups;
        };
        auto expect = [&](std::vector<std::pair<int, int>> pairs) {
            std::vector<int> g(snapshot_->songs.size(), -1);
            for (std::size_t k = 0; k < pairs.size(); ++k)
                g[std::size_t(pairs[k].first)] = g[std::size_t(pairs[k].second)] = int(k);
            return g;
        };
        int used = 0;
        QCOMPARE(groupsOf("auto", used), expect({{0, 5}, {2, 3}}));
        QCOMPARE(used, 1);
        QCOMPARE(groupsOf("duplicates", used), expect({{0, 5}}));
        QCOMPARE(groupsOf("song", used), expect({{2, 3}}));
        QCOMPARE(used, 0);
        QCOMPARE(groupsOf("none", used), expect({}));

        bool refused = false;
        try {
            gs::ui::makeLabelledSnapshot(*snapshot_, QStringLiteral("bogus"));
        } catch (const gs::Error& e) {
            refused = e.kind() == gs::ErrorKind::InvalidArgument;
        }
        QVERIFY(refused);
    }

    void trainingReportsExactlyWhatTheCoreComputes()
    {
        ClassifySession session;
        QStringList order;
        connect(&session, &ClassifySession::runFinished, this, [&order](int) { order << QStringLiteral("run"); });
        connect(&session, &ClassifySession::modelChanged, this, [&order] { order << QStringLiteral("model"); });
        const TrainSettings settings = threeModels();
        trainOnce(session, settings);
        QCOMPARE(order, (QStringList{QStringLiteral("run"), QStringLiteral("model")}));
        QCOMPARE(int(session.runs().size()), 1);
        const auto run = session.latestRun();
        QCOMPARE(run->id, 1);
        QVERIFY(!run->staleData);

        const auto data = gs::ui::makeLabelledSnapshot(*snapshot_, QStringLiteral("auto"));
        gs::ml::EvaluationOptions options;
        options.models = settings.models;
        options.folds = settings.folds;
        options.seed = settings.seed;
        const auto expected = gs::ml::crossValidate(data.set, options);
        compareReports(run->report, expected);
        QCOMPARE(run->report.protocol.source, snapshot_->folder.toStdString());

        const auto pairs = gs::ml::compareModels(expected);
        QCOMPARE(run->pairs.size(), pairs.size());
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            QCOMPARE(run->pairs[i].modelA, pairs[i].modelA);
            QCOMPARE(run->pairs[i].modelB, pairs[i].modelB);
            QCOMPARE(run->pairs[i].tPValue, pairs[i].tPValue);
            QCOMPARE(run->pairs[i].mcnemarPValue, pairs[i].mcnemarPValue);
        }

        const std::string best = expected.models.front().name;
        gs::ml::LearningCurveOptions curve;
        curve.model = best;
        curve.fractions = settings.curveFractions;
        curve.folds = settings.folds;
        curve.seed = settings.seed;
        const auto expectedCurve = gs::ml::learningCurve(data.set, curve);
        QCOMPARE(run->curves.size(), std::size_t(1));
        QCOMPARE(run->curves[0].model, best);
        QCOMPARE(run->curves[0].points.size(), expectedCurve.points.size());
        for (std::size_t p = 0; p < expectedCurve.points.size(); ++p)
            QCOMPARE(run->curves[0].points[p].foldAccuracies, expectedCurve.points[p].foldAccuracies);

        // The refit model: trainModel on the same set, carrying its own CV report.
        gs::ml::TrainOptions train;
        train.model = best;
        train.seed = settings.seed;
        const auto refit = gs::ml::trainModel(data.set, train);
        comparePredictions(*session.model(), refit, data.set);
        const auto inside = gs::ml::reportFromJson(session.model()->reportJson);
        QCOMPARE(inside.models.size(), std::size_t(1));
        QCOMPARE(inside.models[0].name, best);
        QCOMPARE(inside.models[0].accuracyMean, expected.models.front().accuracyMean);
        QCOMPARE(session.modelOrigin().fromRun, 1);
        QVERIFY(session.modelOrigin().source.isEmpty());
        QVERIFY(!session.modelOrigin().accuracyText.isEmpty());

        // Another model of the same run as the session's model.
        QSignalSpy changed(&session, &ClassifySession::modelChanged);
        session.useModelFromRun(1, QStringLiteral("knn"));
        QVERIFY(session.waitForIdle(60000));
        QCOMPARE(changed.count(), 1);
        train.model = "knn";
        comparePredictions(*session.model(), gs::ml::trainModel(data.set, train), data.set);
        QCOMPARE(int(session.runs().size()), 1);
    }

    void classifyWaitsForAModelThenMatchesClassifySong()
    {
        ClassifySession session;
        QStringList files;
        for (std::size_t i : {std::size_t(0), std::size_t(kPerGenre), std::size_t(2 * kPerGenre)})
            files << qs(demoFiles_[i]);
        files << qs(corrupt_);
        QSignalSpy appended(&session, &ClassifySession::songsAppended);
        session.classify(files);
        QCOMPARE(appended.count(), 1);
        QCOMPARE(appended.at(0).at(1).toInt(), 3);
        QVERIFY(session.waitForIdle(10000));
        for (const auto& song : session.classified()) {
            QVERIFY(!song.done);
            QVERIFY(!song.error.isEmpty()); // how to get a model
        }

        trainOnce(session, oneModel()); // the model's arrival starts the waiting songs
        QVERIFY(session.waitForIdle(60000));
        const auto& model = *session.model();
        QCOMPARE(int(session.classified().size()), 4);
        for (int i = 0; i < 3; ++i) {
            const auto& song = session.classified()[std::size_t(i)];
            QVERIFY2(song.done && song.error.isEmpty(), qPrintable(song.error));
            const auto want = gs::ml::classifySong(model, files[i].toStdString());
            QCOMPARE(song.result.windows, want.windows);
            QCOMPARE(song.result.genres.size(), want.genres.size());
            for (std::size_t g = 0; g < want.genres.size(); ++g) {
                QCOMPARE(song.result.genres[g].genre, want.genres[g].genre);
                QCOMPARE(song.result.genres[g].probability, want.genres[g].probability);
            }
        }
        const auto& bad = session.classified()[3];
        QVERIFY(bad.done);
        QVERIFY2(bad.error.contains(QStringLiteral("corrupt.mp3")), qPrintable(bad.error));

        // After a refit (a new model object) every song is classified again by it.
        session.useModelFromRun(session.latestRun()->id, QStringLiteral("svm-rbf"));
        QVERIFY(session.waitForIdle(60000));
        QSignalSpy changedSongs(&session, &ClassifySession::songChanged);
        session.reclassifyAll();
        QVERIFY(session.waitForIdle(60000));
        QCOMPARE(changedSongs.count(), 8); // reset, then result, for each of the 4
        QCOMPARE(session.classified()[0].result.genres.front().probability,
                 gs::ml::classifySong(*session.model(), files[0].toStdString()).genres.front().probability);

        // A view of a classified song: decoded at 22050 Hz, 128 mels.
        QSignalSpy view(&session, &ClassifySession::songViewReady);
        session.requestSongView(1, gs::MelOptions{});
        QVERIFY(view.wait(20000));
        const auto shown = view.at(0).at(1).value<gs::ui::SongView>();
        QCOMPARE(view.at(0).at(0).toInt(), 1);
        QVERIFY(shown.error.isEmpty());
        QCOMPARE(shown.sampleRate, 22050);
        QCOMPARE(int(shown.melDb.rows), 128);
    }

    void cancelDropsTheRunAndTrainingWorksAgain()
    {
        ClassifySession session;
        session.setDataset(snapshot_);
        QSignalSpy finished(&session, &ClassifySession::trainingFinished);
        QSignalSpy runs(&session, &ClassifySession::runFinished);
        auto cancelOnce = connect(&session, &ClassifySession::trainingProgress, &session, &ClassifySession::cancelTraining);
        session.train(threeModels());
        QVERIFY(session.waitForIdle(60000));
        disconnect(cancelOnce);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(runs.count(), 0);
        QVERIFY(session.runs().empty());
        QVERIFY(!session.model());

        session.train(oneModel());
        QVERIFY(session.waitForIdle(60000));
        QCOMPARE(finished.count(), 2);
        QCOMPARE(finished.at(1).at(0).toBool(), false);
        QCOMPARE(runs.count(), 1);
        QCOMPARE(int(session.runs().size()), 1);
    }

    void runsGoStaleWhenDataOrSettingsChange()
    {
        ClassifySession session;
        const TrainSettings settings = oneModel();
        trainOnce(session, settings);
        const auto run = session.latestRun();
        QSignalSpy changed(&session, &ClassifySession::runsChanged);

        session.setCurrentSettings(settings);
        QVERIFY(!run->staleSettings);
        QCOMPARE(changed.count(), 0);
        TrainSettings other = settings;
        other.folds = 5;
        session.setCurrentSettings(other);
        QVERIFY(run->staleSettings);
        QCOMPARE(changed.count(), 1);
        session.setCurrentSettings(settings);
        QVERIFY(!run->staleSettings);

        auto relabelled = std::make_shared<gs::ui::DatasetSnapshot>(*snapshot_);
        relabelled->songs[0].record.label = relabelled->songs.back().record.label;
        session.setDataset(relabelled);
        QVERIFY(run->staleData);
        session.setDataset(snapshot_);
        QVERIFY(!run->staleData);
        QCOMPARE(changed.count(), 4);
    }

    void savedModelReopensWithIdenticalPredictions()
    {
        ClassifySession trained;
        trainOnce(trained, oneModel());
        const QString file = qs(root_ / "model.gsm");
        QVERIFY(trained.saveModel(file));

        ClassifySession reopened;
        QSignalSpy changed(&reopened, &ClassifySession::modelChanged);
        reopened.openModel(file);
        QVERIFY(reopened.waitForIdle(30000));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(reopened.modelOrigin().source, file);
        QCOMPARE(reopened.modelOrigin().accuracyText, trained.modelOrigin().accuracyText);
        const auto data = gs::ui::makeLabelledSnapshot(*snapshot_, QStringLiteral("auto"));
        comparePredictions(*reopened.model(), *trained.model(), data.set);
    }

    void badModelFilesAreRefusedWithAReason()
    {
        ClassifySession session;
        QSignalSpy failed(&session, &ClassifySession::modelFailed);
        const QString garbage = qs(root_ / "garbage.gsm");
        std::ofstream(garbage.toStdString()) << "this is not a model file";
        session.openModel(garbage);
        QVERIFY(session.waitForIdle(30000));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), garbage);
        QVERIFY(!failed.at(0).at(1).toString().isEmpty());
        QVERIFY(!session.model());

        // Features this program does not compute: refused on opening, not on the first song.
        gs::ml::LabelledSet custom;
        custom.schema.name = "custom";
        custom.schema.columns = {"a", "b"};
        custom.classes = {"x", "y"};
        for (int i = 0; i < 8; ++i)
            custom.samples.push_back({{double(i), double(i % 2)}, {}, i % 2, -1});
        gs::ml::TrainOptions options;
        options.model = "knn";
        const QString foreign = qs(root_ / "custom.gsm");
        gs::ml::saveModelFile(foreign.toStdString(), gs::ml::trainModel(custom, options));
        session.openModel(foreign);
        QVERIFY(session.waitForIdle(30000));
        QCOMPARE(failed.count(), 2);
        QCOMPARE(failed.at(1).at(0).toString(), foreign);
        QVERIFY(!session.model());

        QVERIFY(!session.saveModel(qs(root_ / "nothing.gsm"))); // no model yet
        QCOMPARE(failed.count(), 3);
        QVERIFY(!fs::exists(root_ / "nothing.gsm"));
    }
};

QTEST_GUILESS_MAIN(TestUiClassifySession)
#include "test_ui_classify_session.moc"
