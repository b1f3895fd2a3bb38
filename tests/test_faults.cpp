// Faults survived, nothing lost: a full disk while writing a features CSV, a model, the
// feature cache, a report or any other file (clear error naming the file, the previous file
// intact, no temporary left); kill -9 in the middle of writing, extracting and CNN training
// (the next run resumes or starts clean, never reads half a file); a read-only or missing
// cache folder and unreadable songs for a user who is not root.
//
// "Disk full" is made two ways: a file size limit (setrlimit(RLIMIT_FSIZE) with SIGXFSZ
// ignored, so write() fails with EFBIG), which works for any user and in CI; and, when run as
// root, a real 64 KB tmpfs (ENOSPC). Non-root cases run as `nobody` when the suite runs as root.
#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/dataset/cache.h"
#include "core/dataset/demo.h"
#include "core/dataset/feature_table.h"
#include "tests/testsupport.h"

#include <QProcess>

#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <thread>

#include <grp.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

QString str(const fs::path& p) { return QString::fromStdString(p.string()); }

std::string readAll(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::set<std::string> namesIn(const fs::path& dir)
{
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        names.insert(e.path().filename().string());
    return names;
}

// Every file under dir whose name says it is an atomic writer's temporary.
std::vector<fs::path> temporariesUnder(const fs::path& dir)
{
    std::vector<fs::path> found;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.path().filename().string().find(".tmp") != std::string::npos)
            found.push_back(e.path());
    return found;
}

constexpr uid_t kNobody = 65534;

// How the CLI child is started: with a file size limit, and/or as `nobody`.
struct ChildSetup {
    rlim_t fileSizeLimit = RLIM_INFINITY;
    bool asNobody = false;
};

gs::test::CliResult runCli(const QStringList& args, ChildSetup setup = {}, int timeoutMs = 600000)
{
    QProcess p;
    p.setChildProcessModifier([setup] {
        // After fork, before exec: only async-signal-safe calls. An ignored SIGXFSZ stays
        // ignored across exec, so the CLI sees EFBIG.
        if (setup.fileSizeLimit != RLIM_INFINITY) {
            ::signal(SIGXFSZ, SIG_IGN);
            rlimit limit{setup.fileSizeLimit, setup.fileSizeLimit};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        }
        if (setup.asNobody && ::geteuid() == 0) {
            if (::setgroups(0, nullptr) != 0 || ::setresgid(kNobody, kNobody, kNobody) != 0 ||
                ::setresuid(kNobody, kNobody, kNobody) != 0)
                ::_exit(97);
        }
    });
    p.start(QStringLiteral(GENRESCOPE_CLI_PATH), args);
    gs::test::CliResult r;
    if (!p.waitForStarted() || !p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "did not finish";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

std::vector<fs::path> demoSongs(const fs::path& folder, int perGenre, double seconds = 3)
{
    gs::DemoOptions demo;
    demo.perGenre = perGenre;
    demo.seconds = seconds;
    demo.compressedCopies = false;
    demo.threads = 1;
    return gs::makeDemoDataset(folder, demo).files;
}

gs::CachedSong cachedSong(int i)
{
    gs::CachedSong s;
    s.path = "/music/rock/song" + std::to_string(i) + ".mp3";
    s.size = 1000 + i;
    s.modifiedMs = 1700000000000LL + i;
    s.label = "rock";
    s.length = 661794;
    for (int k = 0; k < 57; ++k)
        s.features.push_back(k * 0.25 + i);
    return s;
}

// Child mode (--write-slowly TARGET): starts an atomic write of TARGET, says so, and hangs in
// the middle of it until killed.
int writeSlowly(const fs::path& target)
{
    gs::writeFileAtomically(target, [](std::ostream& out) {
        out << std::string(1 << 20, 'n');
        out.flush();
        std::cout << "writing" << std::endl;
        for (;;)
            std::this_thread::sleep_for(std::chrono::seconds(1));
    });
    return 0;
}

// Makes a folder tree usable by `nobody` (the tests' temporary folders are root's, 0700).
void handToNobody(const fs::path& dir)
{
    if (::geteuid() != 0)
        return;
    ::chown(dir.c_str(), kNobody, kNobody);
    for (const auto& e : fs::recursive_directory_iterator(dir))
        ::chown(e.path().c_str(), kNobody, kNobody);
}

} // namespace

class TestFaults : public QObject {
    Q_OBJECT
private slots:
    // The one atomic writer under a size limit: the error names the file and says why.
    void fullDiskKeepsTheOldFileAndNamesTheReason()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const fs::path file = dir / "report.html";
        gs::writeFileAtomically(file, std::string_view("the old report"));
        try {
            gs::test::ScopedFileSizeLimit limit(4096);
            gs::writeFileAtomically(file, std::string(100000, 'x'), {true});
            QFAIL("a write past the file size limit succeeded");
        } catch (const gs::Error& e) {
            QCOMPARE(e.subject(), file.string());
            QVERIFY2(e.reason().find("file too large") != std::string::npos, e.what());
        }
        QCOMPARE(readAll(file), std::string("the old report"));
        QCOMPARE(namesIn(dir), std::set<std::string>{"report.html"});
    }

    void fullDiskWhileWritingAFeatureCsv()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        gs::FeatureTable table;
        table.columns = {"a", "b"};
        for (int i = 0; i < 2000; ++i)
            table.rows.push_back({"song" + std::to_string(i) + ".wav", "rock", 1000.0 + i, {i * 0.5, -i * 0.25}, ""});
        const fs::path csv = dir / "features.csv";
        gs::FeatureTable small = table;
        small.rows.resize(3);
        gs::writeFeatureCsv(csv, small);
        const std::string before = readAll(csv);
        try {
            gs::test::ScopedFileSizeLimit limit(8192);
            gs::writeFeatureCsv(csv, table);
            QFAIL("a CSV past the file size limit was written");
        } catch (const gs::Error& e) {
            QCOMPARE(e.subject(), csv.string());
        }
        QCOMPARE(readAll(csv), before);
        QCOMPARE(namesIn(dir), std::set<std::string>{"features.csv"});
        QCOMPARE(gs::readFeatureCsv(csv).rows.size(), std::size_t(3));
    }

    // SQLite reports the full disk; the transaction is rolled back and the rows stored
    // before are all there, in an intact database.
    void fullDiskWhileStoringInTheFeatureCache()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const fs::path db = dir / "features.sqlite";
        std::vector<gs::CachedSong> first, many;
        for (int i = 0; i < 5; ++i)
            first.push_back(cachedSong(i));
        for (int i = 100; i < 3100; ++i)
            many.push_back(cachedSong(i));
        {
            gs::FeatureCache cache(db, "schema-A");
            cache.store(first);
            const auto size = rlim_t(fs::file_size(db));
            try {
                gs::test::ScopedFileSizeLimit limit(size + 16384);
                cache.store(many);
                QFAIL("3000 rows were stored past the file size limit");
            } catch (const gs::Error& e) {
                QCOMPARE(e.subject(), db.string());
            }
            QCOMPARE(cache.count(), std::size_t(5));
        }
        gs::FeatureCache reopened(db, "schema-A");
        QVERIFY(reopened.integrityOk());
        QCOMPARE(reopened.count(), std::size_t(5));
        QCOMPARE(reopened.load().front().features, first.front().features);
        for (const auto& name : namesIn(dir))
            QVERIFY2(name.starts_with("features.sqlite"), name.c_str());
    }

    // What the issue saw on a 64 KB tmpfs, with a file size limit (any user): extract, train
    // --out and evaluate --report fail naming the file, keep the old one, leave no temporary.
    void cliCommandsSurviveAFullDisk()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        demoSongs(dir / "songs", 5);
        const fs::path out = dir / "out";
        fs::create_directory(out);
        auto r = runCli({"extract", str(dir / "songs"), "--out", str(out / "f.csv"), "--quiet", "-j", "1"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCli(QStringList{"train", str(out / "f.csv"), "--model", "knn", "--out", str(out / "m.gsm"), "--quiet"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        gs::writeFileAtomically(out / "r.json", std::string_view("{\"old\": true}"));
        const auto before = std::map<std::string, std::string>{
            {"f.csv", readAll(out / "f.csv")}, {"m.gsm", readAll(out / "m.gsm")}, {"r.json", readAll(out / "r.json")}};

        const ChildSetup full{1024, false};
        const std::vector<std::pair<std::string, QStringList>> runs = {
            {"f.csv", {"extract", str(dir / "songs"), "--out", str(out / "f.csv"), "--quiet", "-j", "1"}},
            {"m.gsm", {"train", str(out / "f.csv"), "--model", "svm-rbf", "--out", str(out / "m.gsm"), "--quiet"}},
            {"r.json", {"evaluate", str(out / "f.csv"), "--models", "dummy", "--folds", "2", "--quiet",
                        "--report", str(out / "r.json")}},
        };
        for (const auto& [name, args] : runs) {
            r = runCli(args, full);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(str(out / name).toUtf8()), r.err.constData());
            QVERIFY2(r.err.contains("file too large"), r.err.constData());
            QCOMPARE(namesIn(out), (std::set<std::string>{"f.csv", "m.gsm", "r.json"}));
            for (const auto& [file, content] : before)
                QVERIFY2(readAll(out / file) == content, file.c_str());
        }
    }

    // The real thing when allowed to mount (root): a 64 KB tmpfs filled up by a model file.
    void cliTrainOnAFullTmpfs()
    {
        if (::geteuid() != 0)
            QSKIP("SKIPPED: the tmpfs case needs root to mount; the file size limit cases cover non-root");
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        demoSongs(dir / "songs", 5);
        auto r = runCli({"extract", str(dir / "songs"), "--out", str(dir / "f.csv"), "--quiet", "-j", "1"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const fs::path small = dir / "tmpfs";
        fs::create_directory(small);
        if (::mount("tmpfs", small.c_str(), "tmpfs", 0, "size=64k") != 0)
            QSKIP(qPrintable(QStringLiteral("SKIPPED: cannot mount a tmpfs here (%1)").arg(std::strerror(errno))));
        struct Unmount {
            fs::path at;
            ~Unmount() { ::umount2(at.c_str(), MNT_DETACH); }
        } unmount{small};
        r = runCli({"train", str(dir / "f.csv"), "--model", "knn", "--out", str(small / "m.gsm"), "--quiet"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const std::string before = readAll(small / "m.gsm");
        // Leave less room than the new (larger) model needs.
        std::ofstream(small / "filler") << std::string(64 * 1024 - before.size() - 16 * 1024, 'f');
        r = runCli({"train", str(dir / "f.csv"), "--model", "svm-rbf", "--out", str(small / "m.gsm"), "--quiet"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(str(small / "m.gsm").toUtf8()), r.err.constData());
        QVERIFY2(r.err.contains("no space left"), r.err.constData());
        QCOMPARE(readAll(small / "m.gsm"), before);
        QCOMPARE(namesIn(small), (std::set<std::string>{"filler", "m.gsm"}));
    }

    // kill -9 in the middle of an atomic write (model, checkpoint, CSV, report: all the same
    // writer): the target is the old file, and the next write of it removes the dead temporary.
    void killedWriterLeavesTheOldFileAndNoTemporaryAfterTheNextWrite()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const fs::path target = dir / "model.gsm";
        gs::writeFileAtomically(target, std::string_view("old model"));
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--write-slowly"), str(target)});
        QVERIFY(child.waitForStarted());
        QVERIFY(child.waitForReadyRead(60000));
        QVERIFY(child.readAll().contains("writing"));
        child.kill();
        QVERIFY(child.waitForFinished());
        QCOMPARE(readAll(target), std::string("old model"));
        const auto leftovers = temporariesUnder(dir);
        QCOMPARE(leftovers.size(), std::size_t(1)); // the dead writer's, with its half megabyte
        QCOMPARE(fs::file_size(leftovers.front()), std::uintmax_t(1 << 20));

        // Another file's temporary and a live writer's are not touched.
        const fs::path otherTemp = dir / ("other.gsm.tmp" + std::to_string(child.processId() + 0) + "-0");
        const fs::path liveTemp = dir / ("model.gsm.tmp" + std::to_string(::getppid()) + "-0");
        std::ofstream(otherTemp) << "x";
        std::ofstream(liveTemp) << "x";
        gs::writeFileAtomically(target, std::string_view("new model"));
        QCOMPARE(readAll(target), std::string("new model"));
        QVERIFY(!fs::exists(leftovers.front()));
        QVERIFY(fs::exists(otherTemp));
        QVERIFY(fs::exists(liveTemp));
    }

    // kill -9 while the CLI analyses a folder: the cache is intact and the next run finishes.
    // The app's session stores in batches as it goes (test_cache covers a kill inside a
    // batch); the CLI stores once at the end, so it starts clean.
    void killedExtractionStartsCleanOrResumes()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const auto songs = demoSongs(dir / "songs", 6, 8);
        const fs::path cache = dir / "cache.sqlite";
        const QStringList train{"train", str(dir / "songs"), "--model", "knn", "--out", str(dir / "m.gsm"),
                                "--cache", str(cache), "-j", "1"};
        // A first run on half the songs fills the cache, so that the killed run has rows to lose.
        // The other half waits outside the folder (the scan recognises audio by its content,
        // so a renamed extension would not hide it).
        const fs::path aside = dir / "aside";
        fs::create_directory(aside);
        const auto asidePath = [&](std::size_t i) { return aside / (std::to_string(i) + fs::path(songs[i]).extension().string()); };
        for (std::size_t i = 0; i < songs.size(); i += 2)
            fs::rename(songs[i], asidePath(i));
        auto r = runCli(train);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        for (std::size_t i = 0; i < songs.size(); i += 2)
            fs::rename(asidePath(i), songs[i]);
        const std::string firstModel = readAll(dir / "m.gsm");

        QProcess child;
        child.setReadChannel(QProcess::StandardError);
        child.start(QStringLiteral(GENRESCOPE_CLI_PATH), train);
        QVERIFY(child.waitForStarted());
        QVERIFY(child.waitForReadyRead(120000)); // the first progress line: analysis under way
        child.kill();
        QVERIFY(child.waitForFinished());
        QCOMPARE(readAll(dir / "m.gsm"), firstModel);
        {
            gs::FeatureCache check(cache, "any schema");
            QVERIFY(check.integrityOk());
        }

        r = runCli(train);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto half = QByteArray::number(qsizetype(songs.size() / 2));
        QVERIFY2(r.err.contains(half + " songs from the feature cache, " + half + " analysed"), r.err.constData());
        QVERIFY(readAll(dir / "m.gsm") != firstModel);
        QVERIFY(temporariesUnder(dir).empty());
    }

    // kill -9 during CNN training once a checkpoint is written: the next run resumes from it
    // (or starts clean), finishes, removes the checkpoint, and leaves no temporary anywhere.
    void killedCnnTrainingResumes()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        demoSongs(dir / "songs", 4, 3);
        const gs::test::ScopedEnvironment cacheDir("GENRESCOPE_CACHE_DIR", (dir / "cache").string());
        const QStringList train{"train", str(dir / "songs"), "--model", "cnn", "--set",
                                "epochs=4,window_frames=64,windows_per_song=6,batch_size=16,patience=100", "--out",
                                str(dir / "cnn.gsm"), "--no-cache", "-j", "1"};
        QProcess child;
        child.start(QStringLiteral(GENRESCOPE_CLI_PATH), train);
        QVERIFY(child.waitForStarted());
        const fs::path checkpoints = dir / "cache" / "cnn" / "checkpoints";
        QElapsedTimer waited;
        waited.start();
        const auto hasCheckpoint = [&] {
            std::error_code ec;
            return fs::exists(checkpoints, ec) && !fs::is_empty(checkpoints, ec);
        };
        while (!hasCheckpoint() && child.state() == QProcess::Running && waited.elapsed() < 600000)
            QTest::qWait(20);
        QVERIFY2(hasCheckpoint(), child.readAllStandardError().constData());
        child.kill();
        QVERIFY(child.waitForFinished());
        QVERIFY(!fs::exists(dir / "cnn.gsm"));

        auto r = runCli(train);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(!r.err.contains("epoch 1/4"), r.err.constData()); // resumed after epoch 1
        QVERIFY(fs::is_empty(checkpoints));
        r = runCli({"classify", str(dir / "cnn.gsm"), str(dir / "songs" / "Rock" / "rock_00.wav")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("rock_00.wav: "), r.out.constData());
        QVERIFY(temporariesUnder(dir).empty());
    }

    // Not root: a read-only cache folder, a missing one that cannot be made, and an
    // unreadable song. The CLI works without the cache, says so once, lists the song with why.
    void readOnlyCacheAndUnreadableSongsForAnOrdinaryUser()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        demoSongs(dir / "songs", 3);
        const fs::path locked = dir / "songs" / "Rock" / "locked.wav";
        fs::copy_file(dir / "songs" / "Rock" / "rock_01.wav", locked);
        const fs::path readOnly = dir / "ro-cache";
        fs::create_directory(readOnly);
        {
            gs::FeatureCache made(readOnly / "features.sqlite", "other-schema"); // exists, readable
        }
        handToNobody(dir);
        fs::permissions(locked, fs::perms::none);
        fs::permissions(readOnly, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                      fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
        ::chmod(dir.c_str(), 0755); // nobody must reach the songs
        const ChildSetup ordinary{RLIM_INFINITY, true};
        if (::geteuid() == 0) {
            auto probe = runCli({"--help"}, ordinary);
            if (probe.exitCode == 97)
                QSKIP("SKIPPED: cannot switch to the user nobody here; run the suite as a non-root user");
        }
        for (const fs::path& cache : {readOnly / "features.sqlite", readOnly / "missing" / "features.sqlite"}) {
            const auto r = runCli({"evaluate", str(dir / "songs"), "--models", "dummy", "--folds", "2", "-j", "1",
                                   "--cache", str(cache)},
                                  ordinary);
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QCOMPARE(r.err.count("warning: feature cache"), qsizetype(1));
            QVERIFY2(r.err.contains(str(cache).toUtf8()), r.err.constData());
            QVERIFY2(r.err.contains("1 songs could not be analysed"), r.err.constData());
            QVERIFY2(r.err.contains("locked.wav"), r.err.constData());
            QVERIFY2(r.err.contains("unreadable") || r.err.contains("ermission denied"), r.err.constData());
            QVERIFY(r.out.contains("dummy"));
        }
        QVERIFY(!fs::exists(readOnly / "missing"));
        QCOMPARE(namesIn(readOnly), std::set<std::string>{"features.sqlite"});
    }
};

int main(int argc, char** argv)
{
    if (argc == 3 && std::string(argv[1]) == "--write-slowly")
        return writeSlowly(argv[2]);
    QCoreApplication app(argc, argv);
    TestFaults test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "test_faults.moc"
