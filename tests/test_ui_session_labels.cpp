// The app with a labels file (File → Open Folder with Labels…): songs take their genre from
// the file, labels without a file and files without a label are problems, and FMA's
// too-short clips fail with a reason.
#include "core/audio/wav_writer.h"
#include "core/dataset/demo.h"
#include "ui/main_window.h"
#include "ui/panels/genre_hierarchy_panel.h"
#include "tests/testsupport.h"

#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

namespace fs = std::filesystem;
using gs::ui::MainWindow;
using gs::ui::SongStatus;

namespace {

QString qs(const fs::path& p) { return QString::fromStdString(p.string()); }

gs::ui::DatasetSession::Options optionsWithCache(const fs::path& cache)
{
    gs::ui::DatasetSession::Options o;
    o.cacheFile = cache;
    return o;
}

// reason of every problem() row, by file
std::map<QString, QString> problemsOf(const QSignalSpy& spy)
{
    std::map<QString, QString> out;
    for (const auto& args : spy)
        out[args.at(0).toString()] += args.at(1).toString();
    return out;
}

void writeTone(const fs::path& file, double seconds)
{
    const int rate = 22050;
    std::vector<float> samples(std::size_t(seconds * rate));
    for (std::size_t i = 0; i < samples.size(); ++i)
        samples[i] = float(0.3 * std::sin(2 * M_PI * 440.0 * double(i) / rate));
    fs::create_directories(file.parent_path());
    gs::writeWav(file, samples, rate);
}

} // namespace

class TestUiSessionLabels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void labelsFromCsvAndProblemsListed()
    {
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        gs::DemoOptions demo;
        demo.perGenre = 2;
        demo.seconds = 4;
        demo.compressedCopies = false;
        auto files = gs::makeDemoDataset(dir / "demo", demo).files;
        std::sort(files.begin(), files.end());
        {
            std::ofstream labels(dir / "labels.csv");
            labels << "path,genre\n";
            for (std::size_t k = 0; k + 1 < files.size(); ++k) // the last file stays unlabelled
                labels << fs::relative(files[k], dir / "demo").generic_string() << ',' << (k % 2 ? "odd" : "even") << '\n';
            labels << "Rock/not-there.wav,even\n";
        }
        MainWindow window(optionsWithCache(dir / "cache.sqlite"));
        QSignalSpy problems(window.session(), &gs::ui::DatasetSession::problem);
        window.openFolderWithLabels(qs(dir / "demo"), qs(dir / "labels.csv"));
        window.session()->waitForFinished();

        const auto& songs = window.session()->songs();
        QCOMPARE(songs.size(), files.size() - 1);
        for (std::size_t k = 0; k < songs.size(); ++k) {
            QCOMPARE(songs[k].relativePath, qs(fs::relative(files[k], dir / "demo").generic_string()));
            QCOMPARE(songs[k].record.label, std::string(k % 2 ? "odd" : "even"));
            QCOMPARE(songs[k].status, SongStatus::Ready);
        }
        QCOMPARE(window.session()->genres(), (QStringList{"even", "odd"}));
        const auto reasons = problemsOf(problems);
        const QString unlabelled = qs(fs::relative(files.back(), dir / "demo").generic_string());
        QVERIFY(reasons.count("Rock/not-there.wav"));
        QVERIFY(reasons.at("Rock/not-there.wav").contains("no such audio file"));
        QVERIFY(reasons.count(unlabelled));
        QVERIFY(reasons.at(unlabelled).contains("no label in labels.csv"));
    }

    void fmaTooShortClipFails()
    {
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        writeTone(dir / "fma" / "000" / "000002.wav", 3.0);  // a known-bad-like clip: 3 s
        writeTone(dir / "fma" / "000" / "000003.wav", 16.0); // long enough to keep
        std::ofstream(dir / "tracks.csv") << ",artist,set,set,track,track\n"
                                             ",id,split,subset,genre_top,genres_all\n"
                                             "track_id,,,,,\n"
                                             "2,1,training,small,Hip-Hop,[21]\n"
                                             "3,1,test,small,Rock,\"[12, 25]\"\n"
                                             "4,2,test,small,,\"[12, 21]\"\n";
        MainWindow window(optionsWithCache(dir / "cache.sqlite"));
        QSignalSpy problems(window.session(), &gs::ui::DatasetSession::problem);
        window.openFolderWithLabels(qs(dir / "fma"), qs(dir / "tracks.csv"));
        window.session()->waitForFinished();
        const auto& songs = window.session()->songs();
        QCOMPARE(songs.size(), std::size_t(2));
        QCOMPARE(songs[0].status, SongStatus::Failed);
        QVERIFY(songs[0].record.error.find("much shorter than FMA's 30 s clips") != std::string::npos);
        QCOMPARE(songs[1].status, SongStatus::Ready);
        QCOMPARE(songs[1].record.label, std::string("Rock"));
        const auto reasons = problemsOf(problems);
        QVERIFY(reasons.count("000/000002.wav"));
        QVERIFY(reasons.at("000/000002.wav").contains("3.0 s"));
        QVERIFY(reasons.count("tracks.csv"));
        QVERIFY(reasons.at("tracks.csv").contains("1 tracks have no genre_top"));
    }

    // FMA labels with genres.csv beside tracks.csv: the Genre Hierarchy page shows FMA's tree
    // (Rock > Punk, Rock > Metal), a song counted once under Rock although two of its genres
    // sit there; without genres.csv the page falls back to the (flat) folders.
    void fmaGenreHierarchyFromGenresCsv()
    {
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        writeTone(dir / "fma" / "000" / "000002.wav", 16.0);
        writeTone(dir / "fma" / "000" / "000003.wav", 16.0);
        writeTone(dir / "fma" / "000" / "000004.wav", 16.0);
        std::ofstream(dir / "tracks.csv") << ",artist,set,set,track,track\n"
                                             ",id,split,subset,genre_top,genres_all\n"
                                             "track_id,,,,,\n"
                                             "2,1,training,small,Rock,\"[12, 25]\"\n"
                                             "3,1,test,small,Rock,\"[12, 25, 31]\"\n"
                                             "4,2,test,small,Hip-Hop,[21]\n";
        std::ofstream(dir / "genres.csv") << "genre_id,#tracks,parent,title,top_level\n"
                                             "12,100,0,Rock,12\n"
                                             "25,40,12,Punk,12\n"
                                             "31,30,12,Metal,12\n"
                                             "21,50,0,Hip-Hop,21\n";
        MainWindow window(optionsWithCache(dir / "cache.sqlite"));
        window.openFolderWithLabels(qs(dir / "fma"), qs(dir / "tracks.csv"), QStringLiteral("genres_all"));
        window.session()->waitForFinished();
        const gs::GenreTree& tree = window.session()->metadataGenreTree();
        QCOMPARE(tree.songs, 3);
        QCOMPARE(tree.parentOf.at("Punk"), std::string("Rock"));
        QCOMPARE(tree.parentOf.at("Metal"), std::string("Rock"));
        QCOMPARE(tree.totalSongs.at("Rock"), 2);     // track 3 has Punk and Metal: once under Rock
        QCOMPARE(tree.ownSongs.at("Punk"), 2);       // tracks 2 and 3
        QCOMPARE(tree.ownSongs.at("Metal"), 1);
        QCOMPARE(tree.ownSongs.count("Rock"), std::size_t(0)); // above Punk for both its songs
        QCOMPARE(tree.totalSongs.at("Hip-Hop"), 1);

        gs::ui::GenreHierarchyPanel panel(window.session());
        panel.show();
        const QStandardItemModel* model = panel.model();
        QStandardItem* rock = nullptr;
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->item(r)->text() == QStringLiteral("Rock"))
                rock = model->item(r);
        QVERIFY(rock);
        QCOMPARE(rock->rowCount(), 2); // Metal, Punk
        const int row = rock->row();
        QCOMPARE(model->item(row, gs::ui::GenreHierarchyPanel::TotalSongsColumn)->text(), QStringLiteral("2"));
        QVERIFY2(panel.summary().contains(QStringLiteral("3 song(s)")), qPrintable(panel.summary()));

        fs::remove(dir / "genres.csv");
        window.openFolderWithLabels(qs(dir / "fma"), qs(dir / "tracks.csv"), QStringLiteral("genre_top"));
        window.session()->waitForFinished();
        QVERIFY(window.session()->metadataGenreTree().parentOf.empty());
    }
};

QTEST_MAIN(TestUiSessionLabels)
#include "test_ui_session_labels.moc"
