// The session's duplicate groups across opens (issue 15): a second open of an unchanged folder
// shows the same groups on the Duplicates page, taken from the feature cache; a song added,
// removed or changed, or a damaged cache entry, means a new search, whose groups are those of
// a session that never saw the folder.
#include "core/audio/wav_writer.h"
#include "core/dataset/demo.h"
#include "ui/panels/duplicates_panel.h"
#include "ui/session/dataset_session.h"
#include "tests/testsupport.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTreeWidget>

#include <filesystem>

namespace fs = std::filesystem;
using gs::ui::DatasetSession;

namespace {

QString qs(const fs::path& p) { return QString::fromStdString(p.string()); }

DatasetSession::Options optionsWithCache(const fs::path& cache)
{
    DatasetSession::Options o;
    o.cacheFile = cache;
    return o;
}

// A recording of `seconds` made from demo clip `index`: the same index and length, the same file.
void writeRecording(const fs::path& file, int index, double seconds)
{
    gs::DemoOptions o;
    o.seconds = seconds;
    gs::writeWav(file, gs::synthesizeDemoClip("Piano", index, o), o.sampleRate);
}

// 2 demo clips in each of 4 genres, and the same 10 s recording twice in Piano (long enough
// to fingerprint): one group of duplicates.
fs::path makeFolder(const fs::path& root)
{
    const fs::path data = root / "data";
    gs::DemoOptions demo;
    demo.perGenre = 2;
    demo.seconds = 4;
    demo.compressedCopies = false;
    gs::makeDemoDataset(data, demo);
    writeRecording(data / "Piano" / "long_a.wav", 7, 10);
    writeRecording(data / "Piano" / "long_b.wav", 7, 10);
    return data;
}

// The groups as the user sees them: the songs' relative paths and the worst bit error rate.
struct ShownGroup {
    QStringList songs;
    double worstBitErrorRate = 0;
    bool operator==(const ShownGroup&) const = default;
};

std::vector<ShownGroup> shownGroups(const DatasetSession& session)
{
    std::vector<ShownGroup> out;
    for (const auto& g : session.duplicates()) {
        ShownGroup shown{{}, g.worstBitErrorRate};
        for (int s : g.songs)
            shown.songs << session.songs()[std::size_t(s)].relativePath;
        out.push_back(shown);
    }
    return out;
}

// Every cell of the Duplicates page's tree, group rows and their songs.
QStringList pageText(const gs::ui::DuplicatesPanel& panel)
{
    QStringList out;
    const auto* tree = panel.findChild<QTreeWidget*>();
    for (int g = 0; g < tree->topLevelItemCount(); ++g) {
        const auto* group = tree->topLevelItem(g);
        for (int c = 0; c < group->columnCount(); ++c)
            out << group->text(c);
        for (int s = 0; s < group->childCount(); ++s)
            for (int c = 0; c < group->child(s)->columnCount(); ++c)
                out << group->child(s)->text(c);
    }
    return out;
}

void openAndWait(DatasetSession& session, const fs::path& folder)
{
    session.open(qs(folder));
    session.waitForFinished();
}

// What a session that never saw the folder finds: a fresh analysis and a fresh search.
std::vector<ShownGroup> freshGroups(const fs::path& folder)
{
    QTemporaryDir tmp;
    DatasetSession fresh(optionsWithCache(gs::test::tempDir(tmp) / "fresh.sqlite"));
    openAndWait(fresh, folder);
    if (fresh.duplicatesFromCache())
        qWarning("a new cache file had duplicate groups");
    return shownGroups(fresh);
}

void damageStoredGroups(const fs::path& cache)
{
    {
        auto d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("damage"));
        d.setDatabaseName(qs(cache));
        QVERIFY(d.open());
        QSqlQuery q(d);
        QVERIFY(q.exec(QStringLiteral("UPDATE duplicate_groups SET members = substr(members, 1, 6)")));
        QCOMPARE(q.numRowsAffected(), 1);
        d.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("damage"));
}

} // namespace

class TestUiSessionDuplicates : public QObject {
    Q_OBJECT
private slots:
    void secondOpenShowsTheSameGroupsFromTheCache()
    {
        QTemporaryDir tmp;
        const fs::path root = gs::test::tempDir(tmp);
        const fs::path data = makeFolder(root);
        DatasetSession session(optionsWithCache(root / "cache.sqlite"));
        gs::ui::DuplicatesPanel panel(&session);

        openAndWait(session, data);
        QVERIFY(!session.duplicatesFromCache()); // analysed and searched
        const auto first = shownGroups(session);
        const QStringList firstPage = pageText(panel);
        QVERIFY(std::find(first.begin(), first.end(),
                          ShownGroup{{QStringLiteral("Piano/long_a.wav"), QStringLiteral("Piano/long_b.wav")}, 0.0})
                != first.end());
        QVERIFY(firstPage.contains(QStringLiteral("Piano/long_b.wav")));

        openAndWait(session, data);
        QVERIFY(session.duplicatesFromCache());
        QCOMPARE(shownGroups(session), first);
        QCOMPARE(pageText(panel), firstPage);

        // A second session (the app started again) on the same cache: the same page.
        DatasetSession again(optionsWithCache(root / "cache.sqlite"));
        gs::ui::DuplicatesPanel againPanel(&again);
        openAndWait(again, data);
        QVERIFY(again.duplicatesFromCache());
        QCOMPARE(pageText(againPanel), firstPage);
    }

    void anAddedRemovedOrChangedSongMeansANewSearch()
    {
        QTemporaryDir tmp;
        const fs::path root = gs::test::tempDir(tmp);
        const fs::path data = makeFolder(root);
        DatasetSession session(optionsWithCache(root / "cache.sqlite"));
        openAndWait(session, data);
        openAndWait(session, data);
        QVERIFY(session.duplicatesFromCache());
        const auto pairOnly = shownGroups(session);

        writeRecording(data / "Piano" / "long_c.wav", 7, 10); // added: a third copy
        openAndWait(session, data);
        QVERIFY(!session.duplicatesFromCache());
        const auto withThird = shownGroups(session);
        QVERIFY(withThird != pairOnly);
        QVERIFY(std::find(withThird.begin(), withThird.end(),
                          ShownGroup{{QStringLiteral("Piano/long_a.wav"), QStringLiteral("Piano/long_b.wav"),
                                      QStringLiteral("Piano/long_c.wav")},
                                     0.0})
                != withThird.end());
        QCOMPARE(withThird, freshGroups(data));
        openAndWait(session, data);
        QVERIFY(session.duplicatesFromCache());
        QCOMPARE(shownGroups(session), withThird);

        fs::remove(data / "Piano" / "long_b.wav"); // removed
        openAndWait(session, data);
        QVERIFY(!session.duplicatesFromCache());
        QCOMPARE(shownGroups(session), freshGroups(data));
        QVERIFY(shownGroups(session) != withThird);

        // Changed: other music of another length (so that the size differs within the same second).
        writeRecording(data / "Piano" / "long_c.wav", 8, 11);
        openAndWait(session, data);
        QVERIFY(!session.duplicatesFromCache());
        const auto changed = shownGroups(session);
        QCOMPARE(changed, freshGroups(data));
        for (const auto& g : changed)
            QVERIFY(!g.songs.contains(QStringLiteral("Piano/long_a.wav"))); // long_a has no copy left
    }

    void aDamagedEntryMeansANewSearchWithTheSameGroups()
    {
        QTemporaryDir tmp;
        const fs::path root = gs::test::tempDir(tmp);
        const fs::path data = makeFolder(root);
        DatasetSession session(optionsWithCache(root / "cache.sqlite"));
        openAndWait(session, data);
        const auto searched = shownGroups(session);
        damageStoredGroups(root / "cache.sqlite");
        openAndWait(session, data);
        QVERIFY(!session.duplicatesFromCache());
        QCOMPARE(shownGroups(session), searched);
        openAndWait(session, data); // stored again by that search
        QVERIFY(session.duplicatesFromCache());
        QCOMPARE(shownGroups(session), searched);
    }
};

QTEST_MAIN(TestUiSessionDuplicates)
#include "test_ui_session_duplicates.moc"
