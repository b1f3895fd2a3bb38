// The train / compare / classify half inside the real main window: audio files dropped on
// the window are classified (a folder dropped opens it), Cancel in the middle of training
// leaves the app usable, and the exports write valid files: the HTML report holds the
// accuracies of the run, the features CSV reads back to the songs' features in both layouts,
// and a saved model reloads to identical predictions.
#include "core/dataset/demo.h"
#include "core/dataset/feature_table.h"
#include "core/ml/classify_song.h"
#include "core/ml/model_file.h"
#include "ui/classify/classify_session.h"
#include "ui/main_window.h"
#include "ui/session/dataset_session.h"
#include "tests/testsupport.h"

#include <QDropEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QUrl>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using gs::ui::ClassifySession;
using gs::ui::MainWindow;

namespace {

QString qs(const fs::path& p) { return QString::fromStdString(p.string()); }

gs::ui::TrainSettings quickSettings(std::vector<std::string> models)
{
    gs::ui::TrainSettings s;
    s.models = std::move(models);
    s.folds = 3;
    s.learningCurve = false;
    return s;
}

// Delivers a drop of these local files/folders to the window, as the platform would.
void drop(MainWindow& window, const QList<QUrl>& urls)
{
    QMimeData mime;
    mime.setUrls(urls);
    const QPointF at(window.width() / 2.0, window.height() / 2.0);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent event(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &event);
}

std::string readAll(const QString& file)
{
    std::ifstream in(file.toStdString(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

class TestUiClassifyApp : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    fs::path root_;

    gs::ui::DatasetSession::Options options()
    {
        gs::ui::DatasetSession::Options o;
        o.cacheFile = fs::path(tmp_.path().toStdString()) / "cache.sqlite";
        return o;
    }

    void openDemo(MainWindow& window)
    {
        window.openFolder(qs(root_));
        window.session()->waitForFinished();
        QVERIFY(!window.session()->songs().empty());
        window.classifySession()->setDataset(window.session()->snapshot());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(tmp_.isValid());
        root_ = fs::path(tmp_.path().toStdString()) / "demo";
        gs::DemoOptions demo;
        demo.perGenre = 5;
        demo.seconds = 4;
        gs::makeDemoDataset(root_, demo);
    }

    void droppedAudioFilesAreClassifiedAndAFolderOpens()
    {
        MainWindow window(options());
        window.resize(1024, 700);
        // A folder dropped alone opens it.
        drop(window, {QUrl::fromLocalFile(qs(root_))});
        window.session()->waitForFinished();
        QCOMPARE(window.session()->folder(), qs(root_));
        window.classifySession()->setDataset(window.session()->snapshot());

        auto* session = window.classifySession();
        session->train(quickSettings({"knn", "svm-rbf"}));
        QVERIFY(session->waitForIdle(120000));
        QVERIFY(session->model());

        // Two songs of the folder, whatever their format (the demo writes some as FLAC/MP3/Ogg).
        const fs::path a = window.session()->songs().front().record.path;
        const fs::path b = window.session()->songs().back().record.path;
        const fs::path garbage = fs::path(tmp_.path().toStdString()) / "not-a-song.mp3";
        std::ofstream(garbage) << "no audio in here";
        drop(window, {QUrl::fromLocalFile(qs(a)), QUrl::fromLocalFile(qs(b)), QUrl::fromLocalFile(qs(garbage))});
        QCOMPARE(window.currentPage(), QStringLiteral("classify"));
        QVERIFY(session->waitForIdle(120000));
        const auto& songs = session->classified();
        QCOMPARE(songs.size(), std::size_t(3));
        const fs::path files[] = {a, b};
        for (int i = 0; i < 2; ++i) {
            QVERIFY(songs[std::size_t(i)].done);
            QVERIFY2(songs[std::size_t(i)].error.isEmpty(), qPrintable(songs[std::size_t(i)].error));
            const auto want = gs::ml::classifySong(*session->model(), files[i]);
            QCOMPARE(songs[std::size_t(i)].result.genres.size(), want.genres.size());
            for (std::size_t g = 0; g < want.genres.size(); ++g) {
                QCOMPARE(songs[std::size_t(i)].result.genres[g].genre, want.genres[g].genre);
                QCOMPARE(songs[std::size_t(i)].result.genres[g].probability, want.genres[g].probability);
            }
        }
        QVERIFY(songs[2].done);
        QVERIFY2(songs[2].error.contains(QStringLiteral("not-a-song.mp3")), qPrintable(songs[2].error));
    }

    void cancelInTheMiddleOfTrainingLeavesTheAppUsable()
    {
        MainWindow window(options());
        openDemo(window);
        auto* session = window.classifySession();
        QSignalSpy finished(session, &ClassifySession::trainingFinished);
        bool cancelled = false;
        connect(session, &ClassifySession::trainingProgress, this, [&] {
            if (!cancelled) {
                cancelled = true;
                session->cancelTraining();
            }
        });
        auto settings = quickSettings({"dummy", "knn", "svm-linear", "svm-rbf", "krr"});
        settings.folds = 5;
        session->train(settings);
        QVERIFY(session->waitForIdle(120000));
        QVERIFY(cancelled);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(session->runs().empty());
        // Usable: the Songs page still shows songs, and a new training run completes.
        QVERIFY(window.selectSong(window.session()->songs().front().relativePath));
        disconnect(session, &ClassifySession::trainingProgress, this, nullptr);
        session->train(quickSettings({"dummy", "knn"}));
        QVERIFY(session->waitForIdle(120000));
        QCOMPARE(session->runs().size(), std::size_t(1));
        QCOMPARE(finished.count(), 2);
        QCOMPARE(finished.at(1).at(0).toBool(), false);
    }

    void exportsWriteValidFiles()
    {
        MainWindow window(options());
        openDemo(window);
        auto* session = window.classifySession();
        session->train(quickSettings({"dummy", "knn", "svm-rbf"}));
        QVERIFY(session->waitForIdle(120000));
        const auto run = session->latestRun();
        QVERIFY(run);
        QTemporaryDir out;

        // The HTML report names every model with its cross-validated accuracy.
        const QString html = out.filePath(QStringLiteral("report.html"));
        window.saveReport(html);
        const std::string text = readAll(html);
        QVERIFY(text.rfind("<!DOCTYPE html>", 0) == 0 || text.find("<html") != std::string::npos);
        for (const auto& m : run->report.models) {
            QVERIFY2(text.find(m.name) != std::string::npos, m.name.c_str());
            char pct[32];
            std::snprintf(pct, sizeof pct, "%.2f", 100 * m.accuracyMean); // the report's metrics table
            QVERIFY2(text.find(pct) != std::string::npos, pct);
        }
        QVERIFY(text.find("data:image/png;base64,") != std::string::npos); // the EDA charts
        // Self-contained: nothing fetched from elsewhere, no scripts.
        QVERIFY(text.find("<script") == std::string::npos);
        QVERIFY(text.find("src=\"http") == std::string::npos);

        // Features, both layouts, read back to exactly the songs' features.
        for (bool kaggle : {false, true}) {
            const QString csv = out.filePath(kaggle ? QStringLiteral("kaggle.csv") : QStringLiteral("ours.csv"));
            const int written = window.saveFeatures(csv, kaggle);
            const auto table = gs::readFeatureCsv(csv.toStdString());
            QCOMPARE(int(table.rows.size()), written);
            QCOMPARE(written, int(window.session()->songs().size()));
            for (const auto& row : table.rows) {
                const int i = window.session()->indexOfPath(QString::fromStdString(row.file));
                QVERIFY(i >= 0);
                const auto& song = window.session()->songs()[std::size_t(i)];
                QCOMPARE(row.label, song.record.label);
                QVERIFY(row.values == song.record.features);
            }
        }

        // The model file reloads to identical predictions.
        const QString modelFile = out.filePath(QStringLiteral("model.gsm"));
        QVERIFY(session->saveModel(modelFile));
        const auto reloaded = gs::ml::loadModelFile(modelFile.toStdString());
        const auto model = session->model();
        QCOMPARE(reloaded.kind, model->kind);
        QCOMPARE(reloaded.classes, model->classes);
        for (const auto& sample : run->data->set.samples)
            QCOMPARE(reloaded.classifier->predictProbabilities(sample), model->classifier->predictProbabilities(sample));
    }
};

QTEST_MAIN(TestUiClassifyApp)
#include "test_ui_classify_app.moc"
