// The song table's sort and filter (issue 15: sorted on precomputed keys, not through a
// QSortFilterProxyModel): on a few hundred songs with mixed-case names, genres, formats,
// tied durations and failed songs, every column's order, ascending and descending, with and
// without filters, equals std::stable_sort of the filtered songs by the column's definition.
// The current row follows its song through sorts and filters, and a song that changes
// while the table is sorted by status moves to its new place. QAbstractItemModelTester
// watches the proxy's structure and signals throughout.
#include "core/audio/wav_writer.h"
#include "core/dataset/cache.h"
#include "core/dataset/scan.h"
#include "core/features/schema.h"
#include "ui/models/song_table_model.h"
#include "ui/session/dataset_session.h"
#include "tests/testsupport.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QTest>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace fs = std::filesystem;
using gs::ui::SongFilterProxy;
using gs::ui::SongStatus;
using gs::ui::SongTableModel;

namespace {

const char* const kGenres[] = {"Rock", "blues", "Jazz", "metal"};
constexpr int kPerGenre = 80;

// Tiny WAVs in genre folders, all but song `uncached` (in scan order) already in the cache
// with varied records:
// durations from a short list (many ties), four codecs (one known by its container only),
// three rates, mono and stereo, every seventh song failed (no duration, no format shown).
void makeFolder(const fs::path& music, const fs::path& cacheFile, int uncached = -1)
{
    const std::vector<float> blip(64, 0.0f);
    std::mt19937 rng(11);
    for (const char* genre : kGenres)
        for (int i = 0; i < kPerGenre; ++i) {
            // Mixed case and digits, so case folding and text order both matter.
            const std::string name = std::string(i % 3 == 0 ? "Track_" : i % 3 == 1 ? "track_" : "ALPHA ") + std::to_string(rng() % 500) +
                                     "_" + std::to_string(i) + ".wav";
            fs::create_directories(music / genre);
            gs::writeWav(music / genre / name, blip, 22050);
        }
    gs::FeatureCache cache(cacheFile, gs::genreFeatureSchema().fingerprint());
    std::vector<gs::CachedSong> rows;
    const char* codecs[] = {"mp3", "flac", "vorbis", ""};
    const int rates[] = {22050, 44100, 48000};
    int k = 0, index = -1;
    for (const auto& s : gs::scanDataset(music).songs) {
        if (++index == uncached)
            continue;
        gs::CachedSong c;
        c.path = s.path.generic_string();
        c.size = std::int64_t(s.sizeBytes);
        c.modifiedMs = s.modifiedTime * 1000;
        c.label = s.label;
        c.codec = codecs[rng() % 4];
        c.container = c.codec.empty() ? "ogg" : c.codec;
        c.sampleRate = rates[rng() % 3];
        c.channels = 1 + int(rng() % 2);
        if (++k % 7 == 0) {
            c.error = "cannot decode";
        } else {
            c.durationSeconds = 10.0 * double(1 + rng() % 12);
            c.length = 22050;
            c.features.assign(57, 1.0);
            c.fingerprint.assign(40, std::uint32_t(rng()));
        }
        rows.push_back(c);
    }
    cache.store(rows);
}

bool lessIgnoringAsciiCase(const std::string& a, const std::string& b)
{
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                        [](unsigned char x, unsigned char y) { return std::tolower(x) < std::tolower(y); });
}

// The columns' orders as documented, straight from the songs.
bool referenceLess(const gs::ui::Song& a, const gs::ui::Song& b, int column)
{
    const auto& ra = a.record;
    const auto& rb = b.record;
    switch (column) {
    case SongTableModel::File: return a.relativePath.toCaseFolded() < b.relativePath.toCaseFolded();
    case SongTableModel::Genre: return lessIgnoringAsciiCase(ra.label, rb.label);
    case SongTableModel::Duration: return ra.durationSeconds < rb.durationSeconds;
    case SongTableModel::Format:
        return std::make_tuple(ra.codec.empty() ? ra.container : ra.codec, ra.sampleRate, ra.channels) <
               std::make_tuple(rb.codec.empty() ? rb.container : rb.codec, rb.sampleRate, rb.channels);
    case SongTableModel::Status: return int(a.status) < int(b.status);
    }
    return false;
}

// The filter as documented: exact genre; the needle in the relative path or in the genre,
// format or status text the table shows.
bool referenceMatches(const SongTableModel& model, int row, const QString& genre, const QString& text)
{
    const auto cell = [&](int column) { return model.index(row, column).data().toString(); };
    if (!genre.isEmpty() && cell(SongTableModel::Genre) != genre)
        return false;
    const QString needle = text.trimmed().toCaseFolded();
    if (needle.isEmpty())
        return true;
    const QString path = model.index(row, SongTableModel::File).data(SongTableModel::SortRole).toString();
    for (const QString& field : {path, cell(SongTableModel::Genre), cell(SongTableModel::Format), cell(SongTableModel::Status)})
        if (field.toCaseFolded().contains(needle))
            return true;
    return false;
}

std::vector<int> referenceOrder(const gs::ui::DatasetSession& session, const SongTableModel& model, int column, Qt::SortOrder order,
                                const QString& genre, const QString& text)
{
    std::vector<int> rows;
    for (int r = 0; r < model.rowCount(); ++r)
        if (referenceMatches(model, r, genre, text))
            rows.push_back(r);
    const auto& songs = session.songs();
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        return order == Qt::AscendingOrder ? referenceLess(songs[std::size_t(a)], songs[std::size_t(b)], column)
                                           : referenceLess(songs[std::size_t(b)], songs[std::size_t(a)], column);
    });
    return rows;
}

std::vector<int> shownOrder(const SongFilterProxy& proxy)
{
    std::vector<int> rows;
    for (int r = 0; r < proxy.rowCount(); ++r)
        rows.push_back(proxy.mapToSource(proxy.index(r, 0)).row());
    return rows;
}

gs::ui::DatasetSession::Options withCache(const fs::path& cache)
{
    gs::ui::DatasetSession::Options o;
    o.cacheFile = cache;
    o.threads = 1;
    return o;
}

// A made-up catalogue's session with the song table's model and proxy on it, and Qt's own
// checks of the proxy's structure and signals after every change.
struct ShownSongs {
    explicit ShownSongs(const fs::path& cacheFile) : session(withCache(cacheFile)), model(&session)
    {
        proxy.setSourceModel(&model);
        tester = std::make_unique<QAbstractItemModelTester>(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    gs::ui::DatasetSession session;
    SongTableModel model;
    SongFilterProxy proxy;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

} // namespace

class TestUiSongSort : public QObject {
    Q_OBJECT
private slots:
    void everyColumnSortsLikeStableSortWithFilters()
    {
        QTemporaryDir tmp;
        const fs::path root = gs::test::tempDir(tmp);
        makeFolder(root / "music", root / "cache.sqlite");
        ShownSongs shown(root / "cache.sqlite");
        auto& [session, model, proxy, tester] = shown;
        session.open(QString::fromStdString((root / "music").string()));
        session.waitForFinished();
        QCoreApplication::processEvents();

        const int total = int(std::size(kGenres)) * kPerGenre;
        QCOMPARE(model.rowCount(), total);
        int failed = 0;
        for (const auto& s : session.songs()) {
            failed += s.status == SongStatus::Failed;
            // A cached open lends the fingerprints to the duplicate search: back by now.
            QCOMPARE(s.record.fingerprint.size(), s.status == SongStatus::Ready ? std::size_t(40) : std::size_t(0));
        }
        QCOMPARE(failed, total / 7);
        QCOMPARE(proxy.rowCount(), total);
        QCOMPARE(shownOrder(proxy), referenceOrder(session, model, -1, Qt::AscendingOrder, {}, {})); // the songs' order

        // (genre, text): none, text only ("alpha" also finds "ALPHA", "mp3" finds formats,
        // "fail" the failed status), genre and text.
        const std::pair<QString, QString> filters[] = {
            {{}, {}}, {{}, QStringLiteral("alpha")}, {{}, QStringLiteral(" MP3 ")}, {{}, QStringLiteral("fail")},
            {QStringLiteral("Jazz"), QStringLiteral("1")}, {QStringLiteral("blues"), {}}};
        for (const auto& [genre, text] : filters) {
            proxy.setGenre(genre);
            proxy.setText(text);
            QVERIFY(proxy.rowCount() > 0);
            if (!genre.isEmpty() || !text.isEmpty())
                QVERIFY(proxy.rowCount() < total);
            for (int column = 0; column < SongTableModel::ColumnCount; ++column)
                for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                    proxy.sort(column, order);
                    const auto expected = referenceOrder(session, model, column, order, genre, text);
                    QCOMPARE(int(expected.size()), proxy.rowCount());
                    if (shownOrder(proxy) != expected)
                        QFAIL(qPrintable(QStringLiteral("column %1 %2, genre '%3', text '%4': order differs")
                                             .arg(column)
                                             .arg(order == Qt::AscendingOrder ? "asc" : "desc", genre, text)));
                }
        }
        // Back to no column: the songs' own order.
        proxy.setGenre({});
        proxy.setText({});
        proxy.sort(-1);
        QCOMPARE(shownOrder(proxy), referenceOrder(session, model, -1, Qt::AscendingOrder, {}, {}));
    }

    void currentRowFollowsItsSong()
    {
        QTemporaryDir tmp;
        const fs::path root = gs::test::tempDir(tmp);
        makeFolder(root / "music", root / "cache.sqlite");
        ShownSongs shown(root / "cache.sqlite");
        auto& [session, model, proxy, tester] = shown;
        QItemSelectionModel selection(&proxy);
        session.open(QString::fromStdString((root / "music").string()));
        session.waitForFinished();
        QCoreApplication::processEvents();

        const int song = 123;
        proxy.sort(SongTableModel::File, Qt::AscendingOrder);
        selection.setCurrentIndex(proxy.mapFromSource(model.index(song, 0)), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        for (int column = 0; column < SongTableModel::ColumnCount; ++column) {
            proxy.sort(column, Qt::DescendingOrder);
            QCOMPARE(proxy.mapToSource(selection.currentIndex()).row(), song);
            QVERIFY(selection.isRowSelected(selection.currentIndex().row()));
        }
        const QString genre = QString::fromStdString(session.songs()[song].record.label);
        proxy.setGenre(genre); // still shown
        QCOMPARE(proxy.mapToSource(selection.currentIndex()).row(), song);
        proxy.setGenre(genre == QLatin1String("Rock") ? QStringLiteral("metal") : QStringLiteral("Rock")); // hidden
        QVERIFY(!selection.currentIndex().isValid());
        QVERIFY(!proxy.mapFromSource(model.index(song, 0)).isValid());
    }

    void changedSongMovesToItsPlace()
    {
        // One song is not in the cache: it opens as "Waiting", then analysis changes its
        // status (and duration), and the table sorted by status re-sorts by itself.
        QTemporaryDir tmp;
        const fs::path root = gs::test::tempDir(tmp);
        const int uncached = kPerGenre * 2 + 5;
        makeFolder(root / "music", root / "cache.sqlite", uncached);
        const std::string victim = gs::scanDataset(root / "music").songs[std::size_t(uncached)].relativePath;
        ShownSongs shown(root / "cache.sqlite");
        auto& [session, model, proxy, tester] = shown;
        proxy.sort(SongTableModel::Status, Qt::AscendingOrder);
        bool sawWaitingFirst = false;
        connect(&session, &gs::ui::DatasetSession::songsAdded, this, [&] {
            const int first = proxy.mapToSource(proxy.index(0, 0)).row();
            sawWaitingFirst = session.songs()[std::size_t(first)].status == SongStatus::Pending;
        });
        session.open(QString::fromStdString((root / "music").string()));
        session.waitForFinished();
        QCoreApplication::processEvents();
        QVERIFY(sawWaitingFirst);
        const int index = session.indexOfPath(QString::fromStdString(victim));
        QVERIFY(index >= 0);
        QVERIFY(session.songs()[std::size_t(index)].status != SongStatus::Pending);
        QCOMPARE(shownOrder(proxy), referenceOrder(session, model, SongTableModel::Status, Qt::AscendingOrder, {}, {}));
    }
};

QTEST_MAIN(TestUiSongSort)
#include "test_ui_song_sort.moc"
