// The app with a labels file (File → Open Folder with Labels…): songs take their genre from
// the file, labels without a file and files without a label are problems, and FMA's
// too-short clips fail with a reason.
#include "core/audio/wav_writer.h"
#include "core/dataset/demo.h"
#include "ui/main_window.h"
#include "tests/testsupport.h"

#include <QSignalSpy>
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
};

QTEST_MAIN(TestUiSessionLabels)
#include "test_ui_session_labels.moc"
