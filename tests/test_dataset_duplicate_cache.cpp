// Duplicate groups remembered in the feature cache (issue 15): what is loaded equals a fresh
// search of the same fingerprints; any change of the input (a print added, removed, changed,
// reordered, other options) or a damaged entry means nothing is loaded (search again); a
// writer killed mid-store leaves an old or a new entry, never a torn one.
#include "core/audio/fingerprint.h"
#include "core/dataset/cache.h"
#include "tests/testsupport.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>
#include <iostream>
#include <limits>
#include <random>

namespace {

const std::filesystem::path kFolder = "/music/collection";

// 60 random prints of 60..200 words, and near copies of a few of them: shifted by a few items
// and with a share of their bits flipped, so that the search has real work (offsets, bit
// error rates) and finds groups of 2 and 3.
std::vector<gs::Fingerprint> collection()
{
    std::mt19937 rng(5);
    std::vector<gs::Fingerprint> prints;
    for (int i = 0; i < 60; ++i) {
        gs::Fingerprint p(60 + rng() % 140);
        for (auto& w : p)
            w = std::uint32_t(rng());
        prints.push_back(std::move(p));
    }
    const auto nearCopy = [&](const gs::Fingerprint& of, int shift, std::uint32_t flipMask) {
        gs::Fingerprint p(of.begin() + shift, of.end());
        for (std::size_t k = 0; k < p.size(); k += 3)
            p[k] ^= flipMask; // every third word: a few bits differ
        return p;
    };
    prints.push_back(nearCopy(prints[3], 0, 0));         // an exact copy
    prints.push_back(nearCopy(prints[10], 5, 0x0101u));  // shifted, a few bits off
    prints.push_back(nearCopy(prints[10], 2, 0x1000u));  // a third member of that group
    prints.push_back(nearCopy(prints[41], 7, 0x00ffu));
    prints.push_back({});                                // a song without a fingerprint
    return prints;
}

// What a fresh search gives, as the session builds it (ui/session/dataset_session.cpp).
std::vector<gs::DuplicateGroupRecord> freshGroups(const std::vector<gs::Fingerprint>& prints,
                                                  const gs::DuplicateOptions& options = {})
{
    const auto pairs = gs::findDuplicates(prints, options);
    std::vector<gs::DuplicateGroupRecord> out;
    for (const auto& members : gs::duplicateGroups(pairs, prints.size())) {
        gs::DuplicateGroupRecord g;
        g.songs.assign(members.begin(), members.end());
        for (const auto& p : pairs)
            if (std::find(members.begin(), members.end(), p.a) != members.end())
                g.worstBitErrorRate = std::max(g.worstBitErrorRate, p.match.bitErrorRate);
        out.push_back(std::move(g));
    }
    return out;
}

// Runs one SQL statement on the cache file from outside FeatureCache (another writer, bit rot).
void tamper(const std::filesystem::path& db, const QString& sql, const QVariant& value = {})
{
    {
        auto d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        d.setDatabaseName(QString::fromStdString(db.string()));
        QVERIFY(d.open());
        QSqlQuery q(d);
        QVERIFY(q.prepare(sql));
        if (value.isValid())
            q.addBindValue(value);
        QVERIFY2(q.exec(), qPrintable(sql));
        d.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
}

QByteArray storedMembersBlob(const std::filesystem::path& db)
{
    QByteArray blob;
    {
        auto d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        d.setDatabaseName(QString::fromStdString(db.string()));
        if (d.open()) {
            QSqlQuery q(QStringLiteral("SELECT members FROM duplicate_groups"), d);
            if (q.next())
                blob = q.value(0).toByteArray();
        }
        d.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return blob;
}

// Child mode: store two different entries for one folder in turn, forever; killed by the parent.
int storeForever(const std::string& db)
{
    const auto prints = collection();
    const std::vector<gs::Fingerprint> fewer(prints.begin(), prints.end() - 3);
    const auto a = freshGroups(prints), b = freshGroups(fewer);
    const auto sigA = gs::duplicateSearchSignature(prints), sigB = gs::duplicateSearchSignature(fewer);
    gs::FeatureCache cache(db, "schema-A");
    for (long round = 0;; ++round) {
        if (round % 2 == 0)
            cache.storeDuplicateGroups(kFolder, sigA, prints.size(), a);
        else
            cache.storeDuplicateGroups(kFolder, sigB, fewer.size(), b);
        if (round == 1)
            std::cout << "started" << std::endl;
    }
}

} // namespace

class TestDatasetDuplicateCache : public QObject {
    Q_OBJECT
private slots:
    void theTestCollectionHasGroups()
    {
        // The fixtures below are only meaningful when the search finds the planted copies.
        const auto groups = freshGroups(collection());
        QCOMPARE(groups.size(), std::size_t(3));
        QCOMPARE(groups[0].songs, (std::vector<std::uint32_t>{3, 60}));
        QCOMPARE(groups[1].songs, (std::vector<std::uint32_t>{10, 61, 62}));
        QCOMPARE(groups[2].songs, (std::vector<std::uint32_t>{41, 63}));
        QCOMPARE(groups[0].worstBitErrorRate, 0.0);
        QVERIFY(groups[1].worstBitErrorRate > 0.0 && groups[1].worstBitErrorRate < 0.2);
    }

    void storedGroupsEqualAFreshSearch()
    {
        QTemporaryDir tmp;
        const auto db = gs::test::tempDir(tmp) / "cache.sqlite";
        const auto prints = collection();
        const auto signature = gs::duplicateSearchSignature(prints);
        {
            gs::FeatureCache cache(db, "schema-A");
            QVERIFY(!cache.loadDuplicateGroups(kFolder, signature, prints.size())); // nothing yet
            cache.storeDuplicateGroups(kFolder, signature, prints.size(), freshGroups(prints));
        }
        gs::FeatureCache cache(db, "schema-A"); // another process, later
        const auto loaded = cache.loadDuplicateGroups(kFolder, signature, prints.size());
        QVERIFY(loaded);
        QCOMPARE(*loaded, freshGroups(prints));
        // Per folder and per schema: another folder or feature schema has nothing stored.
        QVERIFY(!cache.loadDuplicateGroups("/music/other", signature, prints.size()));
        QVERIFY(!gs::FeatureCache(db, "schema-B").loadDuplicateGroups(kFolder, signature, prints.size()));
        // No groups is an answer too (a collection without duplicates is not searched again).
        const std::vector<gs::Fingerprint> unique(prints.begin(), prints.begin() + 20);
        const auto uniqueSignature = gs::duplicateSearchSignature(unique);
        QVERIFY(freshGroups(unique).empty());
        cache.storeDuplicateGroups(kFolder, uniqueSignature, unique.size(), freshGroups(unique));
        const auto none = cache.loadDuplicateGroups(kFolder, uniqueSignature, unique.size());
        QVERIFY(none);
        QVERIFY(none->empty());
        QVERIFY(!cache.loadDuplicateGroups(kFolder, signature, prints.size())); // replaced
    }

    void anyChangeOfTheInputChangesTheSignature()
    {
        const auto prints = collection();
        const auto signature = gs::duplicateSearchSignature(prints);
        QCOMPARE(gs::duplicateSearchSignature(std::vector<gs::Fingerprint>(prints)), signature); // same input, same name

        std::vector<std::pair<const char*, std::vector<gs::Fingerprint>>> changed;
        auto added = prints;
        added.push_back(prints[7]); // a song added (a copy of another: the groups do change)
        changed.emplace_back("added", added);
        auto removed = prints;
        removed.erase(removed.begin() + 5);
        changed.emplace_back("removed", removed);
        auto oneBit = prints;
        oneBit[30][17] ^= 1u;
        changed.emplace_back("one bit of one song", oneBit);
        auto swapped = prints;
        std::swap(swapped[0], swapped[1]);
        changed.emplace_back("two songs swapped", swapped);
        auto lostPrint = prints;
        lostPrint[12].clear(); // a song no longer analysed
        changed.emplace_back("a fingerprint gone", lostPrint);
        auto moved = prints; // the same words, split between two songs differently
        moved[1].insert(moved[1].begin(), moved[0].back());
        moved[0].pop_back();
        changed.emplace_back("a word moved to the next song", moved);
        for (const auto& [what, other] : changed)
            QVERIFY2(gs::duplicateSearchSignature(other) != signature, what);

        gs::DuplicateOptions o;
        o.maxBitErrorRate = 0.25;
        QVERIFY(gs::duplicateSearchSignature(prints, o) != signature);
        o = {};
        o.maxOffset = 40;
        QVERIFY(gs::duplicateSearchSignature(prints, o) != signature);
        o = {};
        o.minOverlap = 20;
        QVERIFY(gs::duplicateSearchSignature(prints, o) != signature);
    }

    void aChangedCollectionLoadsNothing()
    {
        QTemporaryDir tmp;
        const auto db = gs::test::tempDir(tmp) / "cache.sqlite";
        const auto prints = collection();
        gs::FeatureCache cache(db, "schema-A");
        cache.storeDuplicateGroups(kFolder, gs::duplicateSearchSignature(prints), prints.size(), freshGroups(prints));
        auto added = prints;
        added.push_back(prints[20]);
        QVERIFY(!cache.loadDuplicateGroups(kFolder, gs::duplicateSearchSignature(added), added.size()));
        auto removed = prints;
        removed.erase(removed.begin() + 61); // one of a group of three
        QVERIFY(!cache.loadDuplicateGroups(kFolder, gs::duplicateSearchSignature(removed), removed.size()));
        auto changed = prints;
        changed[3][0] ^= 0xffffffffu;
        QVERIFY(!cache.loadDuplicateGroups(kFolder, gs::duplicateSearchSignature(changed), changed.size()));
        // And what a fresh search of the changed collections gives is indeed different.
        QVERIFY(freshGroups(added) != freshGroups(prints));
        QVERIFY(freshGroups(removed) != freshGroups(prints));
        // The stored entry is still there for the unchanged collection.
        QCOMPARE(*cache.loadDuplicateGroups(kFolder, gs::duplicateSearchSignature(prints), prints.size()), freshGroups(prints));
    }

    void aDamagedEntryLoadsNothing()
    {
        QTemporaryDir tmp;
        const auto db = gs::test::tempDir(tmp) / "cache.sqlite";
        const auto prints = collection();
        const auto signature = gs::duplicateSearchSignature(prints);
        const auto groups = freshGroups(prints);
        const auto storeGood = [&] { gs::FeatureCache(db, "schema-A").storeDuplicateGroups(kFolder, signature, prints.size(), groups); };
        const auto loads = [&] { return gs::FeatureCache(db, "schema-A").loadDuplicateGroups(kFolder, signature, prints.size()); };
        storeGood();
        QVERIFY(loads());
        const QByteArray good = storedMembersBlob(db);
        QVERIFY(!good.isEmpty());

        QByteArray flipped = good;
        flipped[4] = char(flipped[4] ^ 0x04); // the first group's first song, one bit (3 -> 7)
        tamper(db, QStringLiteral("UPDATE duplicate_groups SET members = ?"), flipped);
        QVERIFY(!loads());
        storeGood();
        tamper(db, QStringLiteral("UPDATE duplicate_groups SET members = ?"), good.left(good.size() - 5)); // cut short
        QVERIFY(!loads());
        storeGood();
        tamper(db, QStringLiteral("UPDATE duplicate_groups SET members = 'not a blob at all'"));
        QVERIFY(!loads());
        storeGood();
        tamper(db, QStringLiteral("UPDATE duplicate_groups SET members = X''")); // empty
        QVERIFY(!loads());
        storeGood();
        tamper(db, QStringLiteral("UPDATE duplicate_groups SET rates = substr(rates, 1, 8)")); // one rate left
        QVERIFY(!loads());
        storeGood();
        tamper(db, QStringLiteral("UPDATE duplicate_groups SET song_count = song_count + 1"));
        QVERIFY(!loads());
        storeGood();
        tamper(db, QStringLiteral("UPDATE duplicate_groups SET checksum = '0'"));
        QVERIFY(!loads());
        storeGood();
        tamper(db, QStringLiteral("DROP TABLE duplicate_groups")); // an older build's file: the table comes back
        QVERIFY(!loads());
        storeGood();
        QCOMPARE(*loads(), groups);
    }

    void groupsThatASearchCannotGiveAreRejected()
    {
        // Stored with a valid checksum (a bug of a writer, not bit rot): still never used.
        QTemporaryDir tmp;
        const auto db = gs::test::tempDir(tmp) / "cache.sqlite";
        gs::FeatureCache cache(db, "schema-A");
        const std::string signature = "dup1-10-test";
        const auto rejected = [&](std::vector<gs::DuplicateGroupRecord> groups) {
            cache.storeDuplicateGroups(kFolder, signature, 10, groups);
            return !cache.loadDuplicateGroups(kFolder, signature, 10);
        };
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QVERIFY(!rejected({{{1, 4}, 0.1}, {{2, 9}, 0.0}})); // a valid pair of groups loads
        QVERIFY(rejected({{{1, 10}, 0.1}}));                 // past the 10 songs
        QVERIFY(rejected({{{4, 1}, 0.1}}));                  // not ascending
        QVERIFY(rejected({{{4, 4}, 0.1}}));                  // a song twice
        QVERIFY(rejected({{{4}, 0.1}}));                     // a group of one
        QVERIFY(rejected({{{1, 4}, 0.1}, {{4, 9}, 0.1}}));   // one song in two groups
        QVERIFY(rejected({{{2, 9}, 0.1}, {{1, 4}, 0.1}}));   // groups out of order
        QVERIFY(rejected({{{1, 4}, nan}}));                  // no rate
        QVERIFY(rejected({{{1, 4}, 1.5}}));                  // a rate past 1
    }

    void survivesAKilledWriter()
    {
        QTemporaryDir tmp;
        const auto db = gs::test::tempDir(tmp) / "killed.sqlite";
        const auto prints = collection();
        const std::vector<gs::Fingerprint> fewer(prints.begin(), prints.end() - 3);
        for (int round = 0; round < 3; ++round) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--store-forever"), QString::fromStdString(db.string())});
            QVERIFY(child.waitForStarted());
            QVERIFY(child.waitForReadyRead(20000));
            QVERIFY(child.readAll().contains("started"));
            QTest::qWait(100 + 70 * round);
            child.kill(); // SIGKILL in the middle of some store
            QVERIFY(child.waitForFinished());

            gs::FeatureCache cache(db, "schema-A");
            QVERIFY(cache.integrityOk());
            const auto a = cache.loadDuplicateGroups(kFolder, gs::duplicateSearchSignature(prints), prints.size());
            const auto b = cache.loadDuplicateGroups(kFolder, gs::duplicateSearchSignature(fewer), fewer.size());
            QVERIFY(bool(a) != bool(b)); // exactly one of the two whole entries
            if (a)
                QCOMPARE(*a, freshGroups(prints));
            else
                QCOMPARE(*b, freshGroups(fewer));
        }
    }
};

int main(int argc, char** argv)
{
    if (argc == 3 && std::string(argv[1]) == "--store-forever") {
        QCoreApplication app(argc, argv);
        return storeForever(argv[2]);
    }
    QCoreApplication app(argc, argv);
    TestDatasetDuplicateCache test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "test_dataset_duplicate_cache.moc"
