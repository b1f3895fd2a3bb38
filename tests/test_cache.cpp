// The SQLite feature cache: round trip, schema and folder separation, and that a process
// killed in the middle of writing leaves a consistent database.
#include "core/common/error.h"
#include "core/dataset/cache.h"
#include "tests/testsupport.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <fstream>
#include <iostream>

namespace {

gs::CachedSong song(const std::string& path, int i)
{
    gs::CachedSong s;
    s.path = path;
    s.size = 1000 + i;
    s.modifiedMs = 1700000000000LL + i;
    s.label = i % 2 ? "rock" : "jazz";
    s.durationSeconds = 30.0 + i;
    s.sampleRate = 22050;
    s.channels = 2;
    s.codec = "mp3";
    s.container = "mp3";
    s.length = 661794;
    for (int k = 0; k < 57; ++k)
        s.features.push_back(k * 0.5 + i);
    s.fingerprint = {0xdeadbeefu, std::uint32_t(i), 42u};
    s.warning = i == 1 ? "decoded only in part: cut off" : "";
    return s;
}

// Child mode: write batches of 50 rows forever; the parent kills us mid-write.
int writeForever(const std::string& db)
{
    gs::FeatureCache cache(db, "schema-A");
    for (int batch = 0;; ++batch) {
        std::vector<gs::CachedSong> rows;
        for (int i = 0; i < 50; ++i)
            rows.push_back(song("/music/batch" + std::to_string(batch) + "/song" + std::to_string(i) + ".mp3", i));
        cache.store(rows);
        if (batch == 0)
            std::cout << "started" << std::endl;
    }
}

} // namespace

class TestCache : public QObject {
    Q_OBJECT
private slots:
    void roundTripKeepsEveryField()
    {
        QTemporaryDir tmp;
        const auto db = gs::test::tempDir(tmp) / "sub" / "cache.sqlite";
        {
            gs::FeatureCache cache(db, "schema-A");
            std::vector<gs::CachedSong> rows = {song("/music/jazz/a.mp3", 1), song("/music/rock/b.mp3", 2)};
            rows[1].features.clear();
            rows[1].fingerprint.clear();
            rows[1].error = "corrupt: invalid data found";
            cache.store(rows);
            QCOMPARE(cache.count(), std::size_t(2));
        }
        gs::FeatureCache cache(db, "schema-A");
        auto rows = cache.load();
        std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.path < y.path; });
        QCOMPARE(rows.size(), std::size_t(2));
        const auto expected = song("/music/jazz/a.mp3", 1);
        QCOMPARE(rows[0].path, expected.path);
        QCOMPARE(rows[0].size, expected.size);
        QCOMPARE(rows[0].modifiedMs, expected.modifiedMs);
        QCOMPARE(rows[0].label, expected.label);
        QCOMPARE(rows[0].durationSeconds, expected.durationSeconds);
        QCOMPARE(rows[0].sampleRate, 22050);
        QCOMPARE(rows[0].channels, 2);
        QCOMPARE(rows[0].codec, std::string("mp3"));
        QCOMPARE(rows[0].length, expected.length);
        QCOMPARE(rows[0].features, expected.features);
        QCOMPARE(rows[0].fingerprint, expected.fingerprint);
        QVERIFY(rows[0].error.empty());
        QCOMPARE(rows[0].warning, expected.warning);
        QVERIFY(rows[1].features.empty());
        QCOMPARE(rows[1].error, std::string("corrupt: invalid data found"));
        QVERIFY(cache.integrityOk());
    }

    void schemasAndFoldersAreSeparate()
    {
        QTemporaryDir tmp;
        const auto db = gs::test::tempDir(tmp) / "cache.sqlite";
        gs::FeatureCache a(db, "schema-A");
        std::vector<gs::CachedSong> rows = {song("/music/b/x.wav", 1), song("/music/bc/y.wav", 2),
                                            song("/music/b/deep/z.wav", 3), song("/other/q.wav", 4)};
        a.store(rows);
        gs::FeatureCache b(db, "schema-B");
        QCOMPARE(b.count(), std::size_t(0));
        QCOMPARE(b.load().size(), std::size_t(0));
        const auto inB = a.load("/music/b");
        QCOMPARE(inB.size(), std::size_t(2)); // x and deep/z, not /music/bc/y
        for (const auto& s : inB)
            QVERIFY(s.path.starts_with("/music/b/"));
        // Re-storing replaces; removing forgets.
        rows[0].label = "blues";
        a.store(std::span(rows).first(1));
        QCOMPARE(a.count(), std::size_t(4));
        const std::vector<std::string> gone = {"/music/bc/y.wav"};
        a.remove(gone);
        QCOMPARE(a.count(), std::size_t(3));
        for (const auto& s : a.load())
            if (s.path == "/music/b/x.wav")
                QCOMPARE(s.label, std::string("blues"));
    }

    void foreignFileIsAFormatError()
    {
        QTemporaryDir tmp;
        const auto db = gs::test::tempDir(tmp) / "not-a-db.sqlite";
        std::ofstream(db) << std::string(4096, 'x');
        try {
            gs::FeatureCache cache(db, "schema-A");
            cache.count();
            QFAIL("expected an error");
        } catch (const gs::Error& e) {
            QCOMPARE(e.kind(), gs::ErrorKind::Format);
            QVERIFY(e.subject().find("not-a-db.sqlite") != std::string::npos);
        }
    }

    void textColumnsKeepTheirUtf8Bytes()
    {
        // load() reads the text columns as their stored UTF-8 bytes: non-ASCII names come back
        // byte for byte, and a NULL (a row written by hand or an older build) as "".
        QTemporaryDir tmp;
        const auto db = gs::test::tempDir(tmp) / "cache.sqlite";
        gs::FeatureCache cache(db, "schema-A");
        auto s = song("/music/Musique du monde/Bj\xc3\xb6rk \xe2\x80\x93 J\xc3\xb3ga \xe6\x97\xa5\xe6\x9c\xac.mp3", 3);
        s.label = "Musique du monde \xc3\xa9t\xc3\xa9";
        s.codec = "";
        s.warning = "d\xc3\xa9" "cod\xc3\xa9 en partie";
        cache.store(std::vector<gs::CachedSong>{s});
        {
            auto d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("nulls"));
            d.setDatabaseName(QString::fromStdString(db.string()));
            QVERIFY(d.open());
            QSqlQuery q(d);
            QVERIFY(q.exec(QStringLiteral("UPDATE songs SET container = NULL, error = NULL")));
            d.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("nulls"));
        const auto rows = cache.load("/music/Musique du monde");
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].path, s.path);
        QCOMPARE(rows[0].label, s.label);
        QCOMPARE(rows[0].warning, s.warning);
        QCOMPARE(rows[0].codec, std::string());
        QCOMPARE(rows[0].container, std::string());
        QCOMPARE(rows[0].error, std::string());
        QCOMPARE(rows[0].features, s.features);
    }

    void survivesAKilledWriter()
    {
        QTemporaryDir tmp;
        const auto db = gs::test::tempDir(tmp) / "killed.sqlite";
        for (int round = 0; round < 3; ++round) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("--write-forever"), QString::fromStdString(db.string())});
            QVERIFY(child.waitForStarted());
            QVERIFY(child.waitForReadyRead(20000));
            QVERIFY(child.readAll().contains("started"));
            QTest::qWait(150 + 100 * round);
            child.kill(); // SIGKILL: no destructor, no commit of the batch in flight
            QVERIFY(child.waitForFinished());

            gs::FeatureCache cache(db, "schema-A");
            QVERIFY(cache.integrityOk());
            const auto n = cache.count();
            QVERIFY(n >= 50);
            QCOMPARE(n % 50, std::size_t(0)); // whole transactions only
            const auto rows = cache.load();
            QCOMPARE(rows.size(), n);
            for (const auto& r : rows)
                QCOMPARE(r.features.size(), std::size_t(57));
        }
    }
};

int main(int argc, char** argv)
{
    if (argc == 3 && std::string(argv[1]) == "--write-forever") {
        QCoreApplication app(argc, argv);
        return writeForever(argv[2]);
    }
    QCoreApplication app(argc, argv);
    TestCache test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "test_cache.moc"
