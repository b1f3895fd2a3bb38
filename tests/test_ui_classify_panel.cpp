// The Classify page against the session: without a model it says how to get one; with a
// model trained on the demo dataset it lists two real songs with the session's top genre and
// confidence and a garbage file with an error naming it, and a selected song shows one marked
// waveform band and one timeline column per analysed clip, with the clip's probabilities.
#include "core/dataset/demo.h"
#include "ui/charts/chart_widget.h"
#include "ui/classify/classify_panel.h"
#include "ui/classify/classify_session.h"
#include "ui/classify/genre_timeline_view.h"
#include "ui/classify/model_info.h"
#include "ui/session/dataset_session.h"
#include "ui/views/waveform_view.h"
#include "tests/testsupport.h"

#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using gs::ui::ClassifyPanel;

namespace {

QString qs(const fs::path& p) { return QString::fromStdString(p.string()); }

std::vector<fs::path> wavFiles(const fs::path& dir)
{
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.path().extension() == ".wav")
            out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

QPushButton* button(QWidget* panel, const QString& text)
{
    for (auto* b : panel->findChildren<QPushButton*>())
        if (b->text() == text)
            return b;
    return nullptr;
}

} // namespace

class TestUiClassifyPanel : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    fs::path dir_;
    std::vector<fs::path> songs_;
    fs::path garbage_;
    std::unique_ptr<gs::ui::DatasetSession> dataset_;
    std::unique_ptr<gs::ui::ClassifySession> session_;
    std::unique_ptr<ClassifyPanel> panel_;

private slots:
    void initTestCase()
    {
        dir_ = gs::test::tempDir(tmp_);
        gs::DemoOptions train;
        train.perGenre = 6;
        train.seconds = 3.0;
        train.compressedCopies = false;
        gs::makeDemoDataset(dir_ / "train", train);
        // Songs to classify: long enough for several 30-s clips, another seed than training.
        gs::DemoOptions other;
        other.perGenre = 1;
        other.seconds = 80.0;
        other.seed = 99;
        other.compressedCopies = false;
        gs::makeDemoDataset(dir_ / "new", other);
        const auto news = wavFiles(dir_ / "new");
        QVERIFY(news.size() >= 2);
        songs_ = {news[0], news[news.size() - 1]};
        garbage_ = dir_ / "garbage.mp3";
        std::ofstream(garbage_) << "this is certainly not an mp3 file";

        gs::ui::DatasetSession::Options options;
        options.cacheFile = dir_ / "cache.sqlite";
        dataset_ = std::make_unique<gs::ui::DatasetSession>(options);
        dataset_->open(qs(dir_ / "train"));
        dataset_->waitForFinished();
        session_ = std::make_unique<gs::ui::ClassifySession>();
        panel_ = std::make_unique<ClassifyPanel>(session_.get());
        panel_->resize(1280, 800);
        panel_->show();
    }

    void withoutModelSaysHowToGetOne()
    {
        QVERIFY(!session_->model());
        const QString text = panel_->modelBox()->text();
        QVERIFY2(text.contains(QStringLiteral("No model yet")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Compare")));
        QVERIFY(text.contains(QStringLiteral("Open Model")));
        QVERIFY(!button(panel_.get(), QStringLiteral("Save Model…"))->isEnabled());
        QSignalSpy compare(panel_.get(), &ClassifyPanel::compareRequested);
        emit panel_->modelBox()->linkActivated(QStringLiteral("compare"));
        QCOMPARE(compare.count(), 1);
    }

    void songsWaitThenListTopGenreAndConfidence()
    {
        session_->classify({qs(songs_[0]), qs(songs_[1]), qs(garbage_)});
        QCOMPARE(panel_->songList()->topLevelItemCount(), 3);
        // Waiting for a model: the status says so.
        QVERIFY(!session_->classified()[0].error.isEmpty());
        QCOMPARE(panel_->songList()->topLevelItem(0)->text(ClassifyPanel::StatusColumn), session_->classified()[0].error);

        session_->setDataset(dataset_->snapshot());
        gs::ui::TrainSettings settings;
        settings.models = {"knn", "svm-rbf"};
        settings.folds = 4;
        settings.learningCurve = false;
        session_->train(settings);
        QVERIFY(session_->waitForIdle());
        QVERIFY(session_->model());
        QVERIFY(session_->waitForIdle());

        // The model box: what it was trained on and its cross-validated accuracy.
        const auto model = session_->model();
        const QString box = panel_->modelBox()->text();
        QVERIFY2(box.contains(QString::fromStdString(model->kind)), qPrintable(box));
        QVERIFY(box.contains(QStringLiteral("%1 songs").arg(model->trainingSamples)));
        QCOMPARE(model->trainingSamples, 24);
        QVERIFY(box.contains(QString::fromStdString(model->schema.name)));
        const auto& best = session_->latestRun()->report.models.front();
        QCOMPARE(best.name, model->kind);
        QVERIFY2(box.contains(QStringLiteral("%1 %").arg(best.accuracyMean * 100, 0, 'f', 1)), qPrintable(box));
        QVERIFY(box.contains(QStringLiteral("trained in this session")));
        QVERIFY(button(panel_.get(), QStringLiteral("Save Model…"))->isEnabled());

        auto* list = panel_->songList();
        QCOMPARE(list->topLevelItemCount(), 3);
        for (int i = 0; i < 2; ++i) {
            const auto& song = session_->classified()[std::size_t(i)];
            QVERIFY2(song.done && song.error.isEmpty(), qPrintable(song.error));
            const auto& top = song.result.genres.front();
            auto* item = list->topLevelItem(i);
            QCOMPARE(item->text(ClassifyPanel::FileColumn), QString::fromStdString(songs_[std::size_t(i)].filename().string()));
            QCOMPARE(item->text(ClassifyPanel::GenreColumn), QString::fromStdString(top.genre));
            QCOMPARE(item->data(ClassifyPanel::ConfidenceColumn, Qt::UserRole).toDouble(), top.probability);
            QCOMPARE(item->text(ClassifyPanel::ConfidenceColumn), QStringLiteral("%1 %").arg(top.probability * 100, 0, 'f', 1));
        }
        // The genre the demo generator made the song in is the folder it sits in.
        QCOMPARE(list->topLevelItem(0)->text(ClassifyPanel::GenreColumn),
                 QString::fromStdString(songs_[0].parent_path().filename().string()));

        auto* garbage = list->topLevelItem(2);
        QVERIFY(session_->classified()[2].done);
        QVERIFY(garbage->text(ClassifyPanel::GenreColumn).isEmpty());
        QVERIFY(garbage->text(ClassifyPanel::ConfidenceColumn).isEmpty());
        QCOMPARE(garbage->text(ClassifyPanel::StatusColumn), session_->classified()[2].error);
        QVERIFY2(garbage->text(ClassifyPanel::StatusColumn).contains(QStringLiteral("garbage.mp3")),
                 qPrintable(garbage->text(ClassifyPanel::StatusColumn)));
    }

    void selectedSongShowsItsClips()
    {
        for (int i = 0; i < 2; ++i) {
            panel_->selectSong(i);
            QVERIFY(session_->waitForIdle());
            QVERIFY(!panel_->isLoadingSongView());
            const auto& result = session_->classified()[std::size_t(i)].result;
            const auto& windows = result.windowDetails;
            QCOMPARE(int(windows.size()), result.windows);
            QVERIFY2(windows.size() >= 2, "an 80-s song is analysed in several clips");

            // Waveform: the whole song, one band per analysed clip.
            auto* wave = panel_->waveformView();
            QVERIFY(std::abs(wave->duration() - result.songSeconds) < 0.05);
            QCOMPARE(wave->markedRegions().size(), qsizetype(windows.size()));
            for (std::size_t w = 0; w < windows.size(); ++w) {
                QCOMPARE(wave->markedRegions()[qsizetype(w)].startSeconds, windows[w].startSeconds);
                QCOMPARE(wave->markedRegions()[qsizetype(w)].endSeconds, windows[w].startSeconds + windows[w].seconds);
            }

            // Timeline: one column per clip holding exactly the clip's probabilities.
            auto* timeline = panel_->timelineView();
            QCOMPARE(timeline->windowCount(), int(windows.size()));
            QCOMPARE(timeline->classes().size(), qsizetype(session_->model()->classes.size()));
            for (int w = 0; w < timeline->windowCount(); ++w) {
                QCOMPARE(timeline->window(w).startSeconds, windows[std::size_t(w)].startSeconds);
                QCOMPARE(timeline->window(w).probabilities, windows[std::size_t(w)].probabilities);
                QVERIFY(!timeline->columnRect(w).isEmpty());
                if (w > 0) // in time order, left to right
                    QVERIFY(timeline->columnRect(w).left() >= timeline->columnRect(w - 1).right());
            }

            // Ranked bars: every genre, the session's probabilities, most probable first.
            const auto& bars = panel_->shownProbabilities();
            QCOMPARE(bars.size(), result.genres.size());
            for (std::size_t k = 0; k < bars.size(); ++k) {
                QCOMPARE(bars[k].first, QString::fromStdString(result.genres[k].genre));
                QCOMPARE(bars[k].second, result.genres[k].probability);
            }
        }

        panel_->selectSong(2); // the garbage file: nothing to mark, nothing to show
        QVERIFY(session_->waitForIdle());
        QVERIFY(panel_->waveformView()->markedRegions().isEmpty());
        QCOMPARE(panel_->timelineView()->windowCount(), 0);
        QVERIFY(panel_->shownProbabilities().empty());
    }

    void screenshot()
    {
        const QByteArray shots = qgetenv("GENRESCOPE_SHOTS_DIR");
        if (shots.isEmpty())
            QSKIP("set GENRESCOPE_SHOTS_DIR to write screenshots");
        panel_->selectSong(1);
        QVERIFY(session_->waitForIdle());
        QCoreApplication::processEvents();
        panel_->grab(); // lets the plots lay out once before the real picture
        QCoreApplication::processEvents();
        panel_->resize(1280, 800);
        const QImage shot = panel_->grab().toImage();
        QCOMPARE(shot.width(), 1280); // nothing forces the page wider than the window
        QVERIFY(shot.save(QString::fromLocal8Bit(shots) + QStringLiteral("/classify.png")));
        gs::ui::ClassifySession empty;
        ClassifyPanel none(&empty);
        none.resize(1280, 800);
        QVERIFY(none.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/classify-no-model.png")));
    }

    void clearEmptiesTheList()
    {
        panel_->clear();
        QCOMPARE(panel_->songList()->topLevelItemCount(), 0);
        QCOMPARE(panel_->timelineView()->windowCount(), 0);
        QVERIFY(session_->classified().empty());
    }
};

QTEST_MAIN(TestUiClassifyPanel)
#include "test_ui_classify_panel.moc"
