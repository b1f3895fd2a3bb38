// The confusion page against the core: a real cross-validation on the demo dataset, then
// every cell, total and share of the painted matrix equals the report, the scores beside it
// are the ones the matrix gives by hand, a cell lists exactly its songs, the chosen model and
// cell survive a retrain, and the exports read back to the same numbers.
#include "core/dataset/demo.h"
#include "core/ml/report_writer.h"
#include "ui/classify/classify_session.h"
#include "ui/classify/confusion_matrix_view.h"
#include "ui/classify/confusion_panel.h"
#include "ui/session/dataset_session.h"
#include "tests/testsupport.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTreeWidget>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using gs::ml::ConfusionScale;
using gs::ui::ConfusionPanel;

namespace {

QString qs(const fs::path& p) { return QString::fromStdString(p.string()); }

std::vector<std::vector<std::string>> splitCsv(const fs::path& file)
{
    std::ifstream in(file);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> fields;
        std::stringstream s(line);
        std::string f;
        while (std::getline(s, f, ','))
            fields.push_back(f);
        rows.push_back(fields);
    }
    return rows;
}

QString score(double v) { return QString::number(v, 'f', 3); }

} // namespace

class TestUiConfusion : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    fs::path dir_;
    std::unique_ptr<gs::ui::DatasetSession> dataset_;
    std::unique_ptr<gs::ui::ClassifySession> session_;
    std::unique_ptr<ConfusionPanel> panel_;
    gs::ui::TrainSettings settings_;

    std::shared_ptr<const gs::ui::ComparisonRun> run() const { return session_->latestRun(); }
    const gs::ml::ModelReport& report(const QString& name) const
    {
        for (const auto& m : run()->report.models)
            if (QString::fromStdString(m.name) == name)
                return m;
        throw std::runtime_error("no such model");
    }

private slots:
    void initTestCase()
    {
        dir_ = gs::test::tempDir(tmp_);
        gs::DemoOptions demo;
        demo.perGenre = 8;
        demo.seconds = 3.0;
        demo.compressedCopies = false;
        gs::makeDemoDataset(dir_ / "demo", demo);
        gs::ui::DatasetSession::Options options;
        options.cacheFile = dir_ / "cache.sqlite";
        dataset_ = std::make_unique<gs::ui::DatasetSession>(options);
        dataset_->open(qs(dir_ / "demo"));
        dataset_->waitForFinished();
        QCOMPARE(int(dataset_->songs().size()), 4 * 8);

        session_ = std::make_unique<gs::ui::ClassifySession>();
        session_->setDataset(dataset_->snapshot());
        panel_ = std::make_unique<ConfusionPanel>(session_.get());
        panel_->resize(1280, 800);
        panel_->show();
        settings_.models = {"dummy", "knn", "svm-rbf"};
        settings_.folds = 4;
        settings_.learningCurve = false;
        session_->train(settings_);
        QVERIFY(session_->waitForIdle());
        QVERIFY(run());
        QCOMPARE(int(run()->report.models.size()), 3);
    }

    void showsLatestRunAndBestModel()
    {
        QCOMPARE(panel_->currentRunId(), run()->id);
        QCOMPARE(panel_->currentModel(), QString::fromStdString(run()->report.models.front().name));
    }

    void everyCellTotalAndShareEqualsTheReport()
    {
        auto* view = panel_->matrixView();
        for (const auto& m : run()->report.models) {
            QVERIFY(panel_->selectModel(QString::fromStdString(m.name)));
            const int n = int(run()->report.classes.size());
            QCOMPARE(view->classCount(), n);
            // The report's matrix, and the same counted again from its out-of-fold predictions.
            gs::ml::Confusion counted(std::size_t(n), std::vector<long>(std::size_t(n), 0));
            for (const auto& p : m.predictions)
                ++counted[std::size_t(p.truth)][std::size_t(p.predicted)];
            long total = 0;
            for (int t = 0; t < n; ++t) {
                long row = 0, column = 0;
                for (int p = 0; p < n; ++p) {
                    QCOMPARE(view->count(t, p), m.confusion[std::size_t(t)][std::size_t(p)]);
                    QCOMPARE(view->count(t, p), counted[std::size_t(t)][std::size_t(p)]);
                    row += m.confusion[std::size_t(t)][std::size_t(p)];
                    column += m.confusion[std::size_t(p)][std::size_t(t)];
                }
                QCOMPARE(view->rowTotal(t), row);
                QCOMPARE(view->columnTotal(t), column);
                total += row;
            }
            QCOMPARE(view->total(), total);
            QCOMPARE(total, long(run()->data->songs.size()));

            for (auto scale : {ConfusionScale::Counts, ConfusionScale::ByTrue, ConfusionScale::ByPredicted, ConfusionScale::OverAll}) {
                panel_->setScale(scale);
                for (int t = 0; t < n; ++t)
                    for (int p = 0; p < n; ++p) {
                        const double c = double(view->count(t, p));
                        const double expected = scale == ConfusionScale::Counts  ? c
                                                : scale == ConfusionScale::ByTrue ? c / double(view->rowTotal(t))
                                                : scale == ConfusionScale::OverAll ? c / double(total)
                                                : view->columnTotal(p) > 0        ? c / double(view->columnTotal(p))
                                                                                  : 0.0;
                        QCOMPARE(view->shownValue(t, p), expected);
                        // Counts are in every cell, whatever the scale.
                        QVERIFY(view->cellText(t, p).endsWith(QString::number(view->count(t, p))));
                    }
            }
            panel_->setScale(ConfusionScale::Counts);
        }
    }

    void scoresAgreeWithTheMatrix()
    {
        for (const auto& m : run()->report.models) {
            QVERIFY(panel_->selectModel(QString::fromStdString(m.name)));
            auto* view = panel_->matrixView();
            const int n = view->classCount();
            auto* table = panel_->scoresTable();
            QCOMPARE(table->rowCount(), n + 2);
            long diagonal = 0;
            double macroP = 0, macroR = 0, macroF = 0, weightedF = 0;
            for (int k = 0; k < n; ++k) {
                const long tp = view->count(k, k);
                diagonal += tp;
                // By hand from the matrix: precision = tp / column, recall = tp / row.
                const double precision = view->columnTotal(k) > 0 ? double(tp) / double(view->columnTotal(k)) : 0.0;
                const double recall = double(tp) / double(view->rowTotal(k));
                const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
                macroP += precision / n;
                macroR += recall / n;
                macroF += f1 / n;
                weightedF += f1 * double(view->rowTotal(k)) / double(view->total());
                QCOMPARE(table->item(k, 0)->text(), view->classes()[k]);
                QCOMPARE(table->item(k, 1)->text(), score(precision));
                QCOMPARE(table->item(k, 2)->text(), score(recall));
                QCOMPARE(table->item(k, 3)->text(), score(f1));
                QCOMPARE(table->item(k, 4)->text(), QString::number(view->rowTotal(k)));
                // ... and the same as the core's report.
                QCOMPARE(m.perClass[std::size_t(k)].recall, recall);
                QVERIFY(std::abs(m.perClass[std::size_t(k)].f1 - f1) < 1e-12);
            }
            QCOMPARE(table->item(n, 0)->text(), QStringLiteral("macro avg"));
            QCOMPARE(table->item(n, 1)->text(), score(macroP));
            QCOMPARE(table->item(n, 2)->text(), score(macroR));
            QCOMPARE(table->item(n, 3)->text(), score(macroF));
            QCOMPARE(table->item(n + 1, 0)->text(), QStringLiteral("weighted avg"));
            QCOMPARE(table->item(n + 1, 3)->text(), score(weightedF));
            QCOMPARE(table->item(n + 1, 4)->text(), QString::number(view->total()));

            const double accuracy = double(diagonal) / double(view->total());
            QVERIFY(std::abs(panel_->shownScores().accuracy - accuracy) < 1e-12);
            QVERIFY(std::abs(panel_->shownScores().balancedAccuracy - macroR) < 1e-12);
            QVERIFY(std::abs(panel_->shownScores().macroF1 - macroF) < 1e-12);
            QVERIFY(std::abs(m.balancedAccuracy - macroR) < 1e-12);
            const QString summary = panel_->scoresLabel()->text();
            QVERIFY2(summary.contains(QStringLiteral("Accuracy %1 %").arg(accuracy * 100, 0, 'f', 1)), qPrintable(summary));
            QVERIFY(summary.contains(QStringLiteral("%1 of %2 songs").arg(diagonal).arg(view->total())));
            QVERIFY(summary.contains(QStringLiteral("balanced accuracy %1 %").arg(macroR * 100, 0, 'f', 1)));
            QVERIFY(summary.contains(QStringLiteral("macro-F1 %1").arg(score(macroF))));
        }
    }

    void aCellListsExactlyItsSongs()
    {
        const QString model = QString::fromStdString(run()->report.models.back().name); // the weakest: errors to list
        QVERIFY(panel_->selectModel(model));
        const auto& m = report(model);
        auto* view = panel_->matrixView();
        const auto snapshot = dataset_->snapshot();
        int listed = 0;
        for (int t = 0; t < view->classCount(); ++t)
            for (int p = 0; p < view->classCount(); ++p) {
                // Half of the cells by a real click on the painted cell, half through the API.
                if ((t + p) % 2 == 0)
                    QTest::mouseClick(view, Qt::LeftButton, {}, view->cellCenter(t, p));
                else
                    panel_->selectCell(t, p);
                QCOMPARE(view->selectedTrue(), t);
                QCOMPARE(view->selectedPredicted(), p);
                QCOMPARE(long(panel_->cellSongCount()), view->count(t, p));
                for (int r = 0; r < panel_->cellSongCount(); ++r) {
                    const auto song = panel_->songAt(r);
                    const auto& pred = m.predictions[std::size_t(song.sample)];
                    QCOMPARE(pred.truth, t);
                    QCOMPARE(pred.predicted, p);
                    QCOMPARE(song.fold, pred.fold);
                    QCOMPARE(song.predictedProbability, pred.probabilities[std::size_t(p)]);
                    QCOMPARE(song.trueProbability, pred.probabilities[std::size_t(t)]);
                    QCOMPARE(song.truth, view->classes()[t]);
                    QCOMPARE(song.predicted, view->classes()[p]);
                    const auto& sampleSong = run()->data->songs[std::size_t(song.sample)];
                    QCOMPARE(song.songIndex, sampleSong.songIndex);
                    QCOMPARE(song.file, sampleSong.relativePath);
                    // The dataset agrees that this song's genre is the row's.
                    QCOMPARE(QString::fromStdString(snapshot->songs[std::size_t(song.songIndex)].record.label), song.truth);
                    ++listed;
                }
            }
        QCOMPARE(listed, int(run()->data->songs.size()));

        long wrong = view->total();
        for (int k = 0; k < view->classCount(); ++k)
            wrong -= view->count(k, k);
        panel_->showAllMisclassified();
        QCOMPARE(long(panel_->cellSongCount()), wrong);
        QVERIFY2(wrong > 0, "the dummy model should get some songs wrong");
        for (int r = 0; r < panel_->cellSongCount(); ++r)
            QVERIFY(panel_->songAt(r).truth != panel_->songAt(r).predicted);

        // Activating a listed song asks the window to show it.
        auto* list = panel_->findChild<QTreeWidget*>();
        QVERIFY(list);
        QSignalSpy activated(panel_.get(), &ConfusionPanel::songActivated);
        emit list->itemActivated(list->topLevelItem(0), 0);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toInt(), panel_->songAt(0).songIndex);
    }

    void selectionSurvivesRetrain()
    {
        QVERIFY(panel_->selectModel(QStringLiteral("knn")));
        panel_->setScale(ConfusionScale::ByTrue);
        panel_->selectCell(1, 2);
        const QStringList classes = panel_->matrixView()->classes();
        const int before = run()->id;
        auto settings = settings_;
        settings.seed = 7; // other folds: another run with other numbers
        session_->train(settings);
        QVERIFY(session_->waitForIdle());
        QVERIFY(run()->id != before);
        QCOMPARE(panel_->currentRunId(), run()->id);
        QCOMPARE(panel_->currentModel(), QStringLiteral("knn"));
        QCOMPARE(panel_->scale(), ConfusionScale::ByTrue);
        auto* view = panel_->matrixView();
        QCOMPARE(view->classes()[view->selectedTrue()], classes[1]);
        QCOMPARE(view->classes()[view->selectedPredicted()], classes[2]);
        QCOMPARE(view->count(1, 2), report(QStringLiteral("knn")).confusion[1][2]);
        QCOMPARE(long(panel_->cellSongCount()), view->count(1, 2));
        // An older run is still reachable, with the same model.
        QVERIFY(panel_->selectRun(before));
        QCOMPARE(panel_->currentModel(), QStringLiteral("knn"));
        QVERIFY(panel_->selectRun(run()->id));
    }

    void exportsReadBack()
    {
        const QString model = QStringLiteral("svm-rbf");
        QVERIFY(panel_->selectModel(model));
        const auto& m = report(model);
        const auto& classes = run()->report.classes;
        const fs::path csv = dir_ / "matrix.csv";
        QVERIFY2(panel_->exportCsv(qs(csv)), qPrintable(panel_->lastError()));
        const auto rows = splitCsv(csv);
        QCOMPARE(rows.size(), classes.size() + 2); // header, one row per genre, totals
        QCOMPARE(rows[0].front(), std::string("true\\predicted"));
        for (std::size_t t = 0; t < classes.size(); ++t) {
            QCOMPARE(rows[t + 1][0], classes[t]);
            QCOMPARE(rows[0][t + 1], classes[t]);
            for (std::size_t p = 0; p < classes.size(); ++p)
                QCOMPARE(std::stol(rows[t + 1][p + 1]), m.confusion[t][p]);
        }
        const auto perClass = splitCsv(fs::path(ConfusionPanel::perClassCsvPath(qs(csv)).toStdString()));
        QCOMPARE(perClass.size(), classes.size() + 3);
        QCOMPARE(perClass[classes.size() + 1][0], std::string("macro avg"));
        QCOMPARE(perClass[classes.size() + 2][0], std::string("weighted avg"));
        // Recall of each genre, as shown in the table.
        for (std::size_t k = 0; k < classes.size(); ++k)
            QVERIFY(std::abs(std::stod(perClass[k + 1][2]) - panel_->shownScores().perClass[k].recall) < 1e-6);

        const fs::path json = dir_ / "matrix.json";
        QVERIFY(panel_->exportJson(qs(json)));
        QFile jf(qs(json));
        QVERIFY(jf.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(jf.readAll()).object();
        QCOMPARE(root.value(QStringLiteral("model")).toString(), model);
        const QJsonArray matrix = root.value(QStringLiteral("confusion")).toArray();
        QCOMPARE(std::size_t(matrix.size()), classes.size());
        for (std::size_t t = 0; t < classes.size(); ++t)
            for (std::size_t p = 0; p < classes.size(); ++p)
                QCOMPARE(long(matrix[int(t)].toArray()[int(p)].toInteger()), m.confusion[t][p]);

        const fs::path png = dir_ / "matrix.png";
        QVERIFY(panel_->exportImage(qs(png)));
        const QImage image(qs(png));
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 720);
        for (const char* ext : {"svg", "pdf"}) {
            const fs::path file = dir_ / (std::string("matrix.") + ext);
            QVERIFY(panel_->exportImage(qs(file)));
            QVERIFY(fs::file_size(file) > 500);
        }
        // A folder that does not exist: false, a message naming the file, nothing left behind.
        const fs::path bad = dir_ / "missing" / "matrix.csv";
        QVERIFY(!panel_->exportCsv(qs(bad)));
        QVERIFY2(panel_->lastError().contains(QStringLiteral("matrix.csv")), qPrintable(panel_->lastError()));
        QVERIFY(!panel_->exportImage(qs(dir_ / "matrix.bmp")));
        QVERIFY(panel_->lastError().contains(QStringLiteral("matrix.bmp")));
    }

    void screenshot()
    {
        const QByteArray shots = qgetenv("GENRESCOPE_SHOTS_DIR");
        if (shots.isEmpty())
            QSKIP("set GENRESCOPE_SHOTS_DIR to write screenshots");
        panel_->selectModel(QStringLiteral("knn"));
        panel_->setScale(ConfusionScale::Counts);
        panel_->showAllMisclassified();
        panel_->resize(1280, 800);
        QVERIFY(panel_->grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/confusion.png")));
        panel_->setScale(ConfusionScale::ByTrue);
        panel_->selectCell(1, 2);
        QVERIFY(panel_->grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/confusion-rows.png")));
        // Ten GTZAN genres (a made-up matrix) for readability at the size of the page.
        const QStringList gtzan = {"blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"};
        gs::ml::Confusion m(10, std::vector<long>(10, 0));
        for (int t = 0; t < 10; ++t) {
            m[std::size_t(t)][std::size_t(t)] = 60 + 3 * t;
            m[std::size_t(t)][std::size_t((t + 3) % 10)] = 100 - (60 + 3 * t) - t;
            m[std::size_t(t)][std::size_t((t + 7) % 10)] = t;
        }
        gs::ui::ConfusionMatrixView big;
        big.setConfusion(m, gtzan);
        big.setScale(ConfusionScale::ByTrue);
        big.setSelectedCell(2, 5);
        big.resize(760, 680);
        QVERIFY(big.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/confusion-10-genres.png")));
        big.exportImage(QString::fromLocal8Bit(shots) + QStringLiteral("/confusion-10-genres-export.png"));
    }
};

QTEST_MAIN(TestUiConfusion)
#include "test_ui_confusion.moc"
