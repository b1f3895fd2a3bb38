// The app end to end on a small demo dataset: opening fills the table with the right
// counts and labels, a selected song gets a spectrogram of the right shape, the charts
// follow the data, cancelling leaves a consistent state, and the cache is reused.
#include "core/audio/wav_writer.h"
#include "core/dataset/cache.h"
#include "core/dataset/demo.h"
#include "core/features/schema.h"
#include "ui/charts/eda_charts.h"
#include "ui/main_window.h"
#include "ui/models/song_table_model.h"
#include "ui/panels/duplicates_panel.h"
#include "ui/panels/eda_panel.h"
#include "ui/panels/problems_panel.h"
#include "ui/views/spectrogram_view.h"
#include "ui/views/waveform_view.h"
#include "tests/testsupport.h"

#include <qcustomplot.h>

#include <QStandardPaths>
#include <QTableView>

#include <filesystem>
#include <fstream>
#include <map>

namespace fs = std::filesystem;
using gs::ui::MainWindow;
using gs::ui::SongStatus;

namespace {

constexpr int kPerGenre = 3;
constexpr double kSeconds = 4.0;

// Written once per test run: 4 genres x 3 clips of 4 s, plus one broken file.
fs::path demoDataset()
{
    static QTemporaryDir holder;
    static const fs::path dir = [] {
        const fs::path d = fs::path(holder.path().toStdString()) / "demo";
        gs::DemoOptions o;
        o.perGenre = kPerGenre;
        o.seconds = kSeconds;
        gs::makeDemoDataset(d, o);
        std::ofstream(d / "Rock" / "broken.mp3") << "this is not an mp3 file at all";
        return d;
    }();
    return dir;
}

gs::ui::DatasetSession::Options optionsWithCache(const fs::path& cache, int threads = 0)
{
    gs::ui::DatasetSession::Options o;
    o.cacheFile = cache;
    o.threads = threads;
    return o;
}

QString qs(const fs::path& p) { return QString::fromStdString(p.string()); }

void copyTree(const fs::path& from, const fs::path& to)
{
    fs::copy(from, to, fs::copy_options::recursive);
}

} // namespace

class TestUiSession : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // recent folders etc.

    void openingFillsTableWithCountsAndLabels()
    {
        QTemporaryDir tmp;
        MainWindow window(optionsWithCache(gs::test::tempDir(tmp) / "cache.sqlite"));
        window.openFolder(qs(demoDataset()));
        window.session()->waitForFinished();

        const auto genres = gs::demoGenres();
        QCOMPARE(window.songModel()->rowCount(), int(genres.size()) * kPerGenre + 1);
        std::map<QString, int> perLabel;
        int ready = 0, failed = 0;
        for (int r = 0; r < window.songModel()->rowCount(); ++r) {
            const QString label = window.songModel()->index(r, gs::ui::SongTableModel::Genre).data().toString();
            ++perLabel[label];
            const auto& song = window.session()->songs()[std::size_t(r)];
            QVERIFY(song.relativePath.startsWith(label + QLatin1Char('/')));
            ready += song.status == SongStatus::Ready;
            failed += song.status == SongStatus::Failed;
            if (song.status == SongStatus::Ready) {
                QCOMPARE(song.record.features.size(), std::size_t(57));
                QVERIFY(std::abs(song.record.durationSeconds - kSeconds) < 0.1);
                QVERIFY(!song.record.fingerprint.empty());
            }
        }
        QCOMPARE(int(perLabel.size()), int(genres.size()));
        for (const auto& g : genres)
            QCOMPARE(perLabel[QString::fromStdString(g)], g == "Rock" ? kPerGenre + 1 : kPerGenre);
        QCOMPARE(ready, int(genres.size()) * kPerGenre);
        QCOMPARE(failed, 1);
        QCOMPARE(window.problems()->count(), 1);
        QCOMPARE(window.problems()->fileAt(0), QStringLiteral("Rock/broken.mp3"));

        // Filters: by genre, then by text.
        window.setGenreFilter(QStringLiteral("Piano"));
        QCOMPARE(window.songProxy()->rowCount(), kPerGenre);
        window.setGenreFilter({});
        window.setTextFilter(QStringLiteral("broken"));
        QCOMPARE(window.songProxy()->rowCount(), 1);
        window.setTextFilter({});
        QCOMPARE(window.songProxy()->rowCount(), window.songModel()->rowCount());
    }

    void chartsHaveOneSeriesPerGenre()
    {
        QTemporaryDir tmp;
        MainWindow window(optionsWithCache(gs::test::tempDir(tmp) / "cache.sqlite"));
        window.openFolder(qs(demoDataset()));
        window.session()->waitForFinished();
        auto* plot = window.eda()->classBalance()->plot();
        const auto genres = gs::demoGenres();
        QCOMPARE(plot->plottableCount(), int(genres.size()));
        for (int g = 0; g < plot->plottableCount(); ++g) {
            auto* bars = qobject_cast<QCPBars*>(plot->plottable(g));
            QVERIFY(bars);
            QCOMPARE(bars->name(), QString::fromStdString(genres[std::size_t(g)]));
            // Every song found counts, the broken one too.
            QCOMPARE(bars->data()->at(0)->value, double(genres[std::size_t(g)] == "Rock" ? kPerGenre + 1 : kPerGenre));
        }
        auto* lengths = window.eda()->songLength()->plot();
        int boxes = 0;
        for (int i = 0; i < lengths->plottableCount(); ++i)
            if (auto* box = qobject_cast<QCPStatisticalBox*>(lengths->plottable(i))) {
                ++boxes;
                QVERIFY(std::abs(box->data()->at(0)->median - kSeconds) < 0.1);
            }
        QCOMPARE(boxes, int(genres.size()));
        QCOMPARE(window.eda()->correlation()->colorMap()->data()->keySize(), 57);
    }

    void selectingASongShowsItsSpectrogram()
    {
        QTemporaryDir tmp;
        MainWindow window(optionsWithCache(gs::test::tempDir(tmp) / "cache.sqlite"));
        window.resize(1024, 640);
        window.show();
        window.openFolder(qs(demoDataset()));
        window.session()->waitForFinished();

        QSignalSpy shown(&window, &MainWindow::songViewShown);
        QVERIFY(window.selectSong(QStringLiteral("Piano/piano_01.wav")) || window.selectSong(QStringLiteral("Piano/piano_00.wav")));
        QVERIFY(shown.wait(20000));
        const int samples = int(kSeconds * 22050);
        auto* map = window.spectrogram()->colorMap();
        QCOMPARE(map->data()->valueSize(), 128);                 // mels
        QCOMPARE(map->data()->keySize(), 1 + samples / 512);     // frames, center=True
        QVERIFY(std::abs(window.waveform()->duration() - kSeconds) < 0.01);
        QVERIFY(window.spectrogram()->plot()->yAxis->tickLabels());

        // Other settings: recomputed from the decoded audio with the new shape.
        gs::MelOptions mel;
        mel.hop = 256;
        mel.nMels = 64;
        window.session()->requestSpectrogram(mel);
        QVERIFY(shown.wait(20000));
        QCOMPARE(map->data()->valueSize(), 64);
        QCOMPARE(map->data()->keySize(), 1 + samples / 256);

        // Zooming the waveform moves the spectrogram's time axis with it.
        window.waveform()->setVisibleRange(1.0, 2.0);
        QCOMPARE(window.spectrogram()->plot()->xAxis->range().lower, 1.0);
        QCOMPARE(window.spectrogram()->plot()->xAxis->range().upper, 2.0);
    }

    void cancelLeavesAConsistentStateAndResumes()
    {
        QTemporaryDir tmp;
        const fs::path root = gs::test::tempDir(tmp);
        const fs::path data = root / "many";
        // 24 songs (the demo clips copied under new names) so that cancelling lands mid-way.
        copyTree(demoDataset(), data);
        for (const auto& entry : fs::recursive_directory_iterator(demoDataset()))
            if (entry.is_regular_file() && entry.path().extension() == ".wav")
                fs::copy_file(entry.path(), data / fs::relative(entry.path().parent_path(), demoDataset()) /
                                                ("copy_" + entry.path().filename().string()));
        const fs::path cacheFile = root / "cache.sqlite";
        {
            MainWindow window(optionsWithCache(cacheFile, 1));
            QSignalSpy progress(window.session(), &gs::ui::DatasetSession::progress);
            window.openFolder(qs(data));
            QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(0).toInt() >= 2, 30000);
            window.session()->cancel();
            QSignalSpy finished(window.session(), &gs::ui::DatasetSession::finished);
            window.session()->waitForFinished();
            int ready = 0, notAnalysed = 0;
            for (const auto& s : window.session()->songs()) {
                QVERIFY(s.status != SongStatus::Pending);
                ready += s.status == SongStatus::Ready;
                notAnalysed += s.status == SongStatus::Cancelled;
                if (s.status == SongStatus::Ready)
                    QCOMPARE(s.record.features.size(), std::size_t(57));
            }
            QVERIFY2(notAnalysed > 0, "cancel came too late to test anything");
            QVERIFY(ready >= 2);
            // The cache holds exactly the songs that finished, complete.
            gs::FeatureCache cache(cacheFile, window.session()->schema().fingerprint());
            QVERIFY(cache.integrityOk());
            int readyOrFailed = 0;
            for (const auto& s : window.session()->songs())
                readyOrFailed += s.status == SongStatus::Ready || s.status == SongStatus::Failed;
            QCOMPARE(int(cache.count()), readyOrFailed);
        }
        // Re-opening resumes: cached songs come back as they were, the rest get analysed.
        MainWindow window(optionsWithCache(cacheFile));
        window.openFolder(qs(data));
        window.session()->waitForFinished();
        int fromCache = 0;
        for (const auto& s : window.session()->songs()) {
            QVERIFY(s.status == SongStatus::Ready || s.relativePath.endsWith(QLatin1String("broken.mp3")));
            fromCache += s.fromCache;
        }
        QVERIFY(fromCache > 0 && fromCache < int(window.session()->songs().size()));
    }

    void cacheIsReusedAndFollowsChanges()
    {
        QTemporaryDir tmp;
        const fs::path root = gs::test::tempDir(tmp);
        const fs::path data = root / "data";
        copyTree(demoDataset(), data);
        const fs::path cacheFile = root / "cache.sqlite";
        MainWindow window(optionsWithCache(cacheFile));
        auto* session = window.session();
        window.openFolder(qs(data));
        session->waitForFinished();
        const auto first = session->songs();
        QVERIFY(std::none_of(first.begin(), first.end(), [](const auto& s) { return s.fromCache; }));

        window.openFolder(qs(data));
        session->waitForFinished();
        QCOMPARE(session->songs().size(), first.size());
        for (std::size_t i = 0; i < first.size(); ++i) {
            QVERIFY(session->songs()[i].fromCache);
            QCOMPARE(session->songs()[i].record.features, first[i].record.features);
        }
        QCOMPARE(window.problems()->count(), 1); // the broken file's reason is cached too

        // Replace one song by other audio (new size and time), delete another.
        const int changed = session->indexOfPath(QStringLiteral("Strings/strings_00.wav"));
        const int deleted = session->indexOfPath(QStringLiteral("Strings/strings_02.wav"));
        QVERIFY(changed >= 0 && deleted >= 0);
        const fs::path changedPath = session->songs()[std::size_t(changed)].record.path;
        const fs::path deletedPath = session->songs()[std::size_t(deleted)].record.path;
        std::vector<float> tone(22050 * 3);
        for (std::size_t i = 0; i < tone.size(); ++i)
            tone[i] = 0.3f * float(std::sin(0.05 * double(i)));
        gs::writeWav(changedPath, tone, 22050);
        fs::remove(deletedPath);

        window.openFolder(qs(data));
        session->waitForFinished();
        QCOMPARE(session->songs().size(), first.size() - 1);
        const int now = session->indexOfPath(QStringLiteral("Strings/strings_00.wav"));
        QVERIFY(now >= 0);
        QVERIFY(!session->songs()[std::size_t(now)].fromCache);
        QVERIFY(std::abs(session->songs()[std::size_t(now)].record.durationSeconds - 3.0) < 0.05);
        QCOMPARE(session->indexOfPath(QStringLiteral("Strings/strings_02.wav")), -1);
        gs::FeatureCache cache(cacheFile, session->schema().fingerprint());
        QCOMPARE(cache.count(), session->songs().size());
    }

    void snapshotCopiesTheSessionUntilSongsChange()
    {
        QTemporaryDir tmp;
        const fs::path root = gs::test::tempDir(tmp);
        const fs::path data = root / "data";
        copyTree(demoDataset(), data);
        // One duplicate recording (long enough to fingerprint), so that the snapshot has a group to carry.
        gs::DemoOptions longer;
        longer.seconds = 10;
        const auto clip = gs::synthesizeDemoClip("Piano", 7, longer);
        gs::writeWav(data / "Piano" / "long_a.wav", clip, longer.sampleRate);
        gs::writeWav(data / "Piano" / "long_b.wav", clip, longer.sampleRate);
        gs::ui::DatasetSession session(optionsWithCache(root / "cache.sqlite"));
        session.open(qs(data));
        session.waitForFinished();
        const auto snapshot = session.snapshot();
        QCOMPARE(snapshot->folder, session.folder());
        QCOMPARE(snapshot->schema, session.schema());
        QCOMPARE(snapshot->songs.size(), session.songs().size());
        for (std::size_t i = 0; i < snapshot->songs.size(); ++i) {
            QCOMPARE(snapshot->songs[i].record.path, session.songs()[i].record.path);
            QCOMPARE(snapshot->songs[i].record.features, session.songs()[i].record.features);
            QCOMPARE(int(snapshot->songs[i].status), int(session.songs()[i].status));
        }
        QVERIFY(!session.duplicates().empty());
        QCOMPARE(snapshot->duplicateGroups.size(), session.duplicates().size());
        for (std::size_t g = 0; g < snapshot->duplicateGroups.size(); ++g)
            QCOMPARE(snapshot->duplicateGroups[g], session.duplicates()[g].songs);
        QCOMPARE(session.snapshot().get(), snapshot.get()); // shared while nothing changed

        session.open(qs(data));
        session.waitForFinished();
        QVERIFY(session.snapshot().get() != snapshot.get());
    }

    void missingFolderFailsCleanly()
    {
        QTemporaryDir tmp;
        MainWindow window(optionsWithCache(gs::test::tempDir(tmp) / "cache.sqlite"));
        QSignalSpy failed(window.session(), &gs::ui::DatasetSession::openFailed);
        window.openFolder(tmp.path() + QStringLiteral("/does-not-exist"));
        window.session()->waitForFinished();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(window.songModel()->rowCount(), 0);
    }
};

QTEST_MAIN(TestUiSession)
#include "test_ui_session.moc"
