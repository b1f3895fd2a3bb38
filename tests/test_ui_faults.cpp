// The app's session when the feature cache cannot be used or fills the disk part-way: the
// folder still opens completely, the user is told once (not once per batch of songs), and the
// rows stored before the failure stay intact. (The CLI's side: tests/test_faults.cpp.)
#include "core/dataset/cache.h"
#include "core/dataset/demo.h"
#include "tests/testsupport.h"
#include "ui/session/dataset_session.h"

#include <QSignalSpy>

#include <fstream>

#include <signal.h>
#include <sys/resource.h>

namespace fs = std::filesystem;
using gs::ui::SongStatus;

namespace {

QString qs(const fs::path& p) { return QString::fromStdString(p.string()); }

int problemsAbout(const QSignalSpy& problems, const fs::path& file)
{
    int n = 0;
    for (const auto& args : problems)
        n += args.at(0).toString() == qs(file);
    return n;
}

fs::path demoFolder(const fs::path& dir, int perGenre)
{
    gs::DemoOptions demo;
    demo.perGenre = perGenre;
    demo.seconds = 2;
    demo.compressedCopies = false;
    gs::makeDemoDataset(dir, demo);
    return dir;
}

} // namespace

class TestUiFaults : public QObject {
    Q_OBJECT
private slots:
    void unusableCacheIsReportedOnceAndTheFolderOpens()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const fs::path songs = demoFolder(dir / "songs", 2);
        std::ofstream(dir / "blocker") << "a file where the cache folder should be";
        const fs::path cache = dir / "blocker" / "features.sqlite";
        gs::ui::DatasetSession session({cache, {}, 1});
        QSignalSpy problems(&session, &gs::ui::DatasetSession::problem);
        session.open(qs(songs));
        session.waitForFinished();
        QTRY_COMPARE(int(session.songs().size()), 8);
        QTRY_VERIFY(!session.isBusy());
        for (const auto& s : session.songs())
            QCOMPARE(s.status, SongStatus::Ready);
        QCOMPARE(problemsAbout(problems, cache), 1);
    }

    // The disk fills up (a file size limit) while the songs are being stored, batch by batch.
    void cacheFillingUpIsReportedOnceAndKeepsWhatWasStored()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const fs::path songs = demoFolder(dir / "songs", 12);
        const fs::path cache = dir / "features.sqlite";
        gs::ui::DatasetSession::Options options{cache, {}, 1};
        { gs::FeatureCache create(cache, "made before"); }
        gs::ui::DatasetSession session(options);
        QSignalSpy problems(&session, &gs::ui::DatasetSession::problem);
        {
            // Room for the database, its 32 KB shared-memory index and a few WAL frames:
            // the WAL grows by at least two 4 KB pages per batch, so the limit is hit part-way.
            gs::test::ScopedFileSizeLimit limit(40 * 1024);
            session.open(qs(songs));
            session.waitForFinished();
            QTRY_VERIFY(!session.isBusy());
        }
        QCOMPARE(int(session.songs().size()), 48);
        for (const auto& s : session.songs())
            QCOMPARE(s.status, SongStatus::Ready);
        QCOMPARE(problemsAbout(problems, cache), 1);

        gs::FeatureCache reopened(cache, session.schema().fingerprint());
        QVERIFY(reopened.integrityOk());
        const auto stored = reopened.count();
        QVERIFY2(stored < 48, "the limit was never reached: nothing was tested");
        for (const auto& row : reopened.load())
            QCOMPARE(row.features.size(), std::size_t(57));
    }
};

QTEST_MAIN(TestUiFaults)
#include "test_ui_faults.moc"
