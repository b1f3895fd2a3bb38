// Batch extraction: bad files fail alone with reasons, rows stay finite, order is kept,
// songs are reported as they finish, cancel stops the batch.
#include "core/common/error.h"
#include "core/dataset/extract_batch.h"
#include "core/features/extract.h"
#include "tests/test_dataset_bad_files.h"
#include "tests/testsupport.h"

#include <atomic>
#include <cmath>
#include <mutex>

namespace fs = std::filesystem;

class TestDatasetExtract : public QObject {
    Q_OBJECT
private slots:
    void badFilesFailAloneAndRowsStayFinite()
    {
        QTemporaryDir tmp;
        const fs::path root = gs::test::tempDir(tmp);
        const auto expected = gs::test::writeBadFiles(root);
        const auto scan = gs::scanDataset(root);

        std::mutex m;
        std::vector<std::size_t> reported;
        gs::BatchOptions options;
        options.threads = 2;
        options.onSong = [&](const gs::SongOutcome& o) {
            std::lock_guard lock(m);
            reported.push_back(o.index);
            if (o.ok)
                QCOMPARE(o.row.file, scan.songs[o.index].relativePath);
        };
        gs::ExtractionParams params;
        params.clipSeconds = 0;
        const auto result = gs::extractBatch(scan.songs, params, options);

        QCOMPARE(reported.size(), scan.songs.size());
        QVERIFY(!result.cancelled);
        std::vector<std::string> failed, passed;
        for (const auto& f : result.failures) {
            failed.push_back(f.file);
            QVERIFY2(!f.reason.empty(), f.file.c_str());
        }
        for (const auto& r : result.table.rows) {
            passed.push_back(r.file);
            QCOMPARE(r.values.size(), std::size_t(57));
            for (double v : r.values)
                QVERIFY2(std::isfinite(v), r.file.c_str());
            QCOMPARE(r.label, r.file.substr(0, r.file.find('/')));
        }
        QCOMPARE(failed, expected.failing);
        QCOMPARE(passed, expected.passing);  // scan order (sorted), whatever order workers finished in
        QCOMPARE(result.table.columns, gs::genreFeatureNames());

        // length = samples analysed at 22050 Hz (b.wav is 44.1 kHz, resampled).
        auto row = [&](const std::string& name) {
            for (const auto& r : result.table.rows)
                if (r.file == name)
                    return r;
            return gs::FeatureRow{};
        };
        QCOMPARE(row("good/a.wav").length, 44100.0);
        QCOMPARE(row("good/b.wav").length, 44100.0);
        QCOMPARE(row("broken/ten.wav").length, 10.0);
        QVERIFY(row("broken/silent.wav").values[1] == 0.0);  // chroma var of silence
        QCOMPARE(result.warnings.size(), std::size_t(1));
        QVERIFY2(result.warnings[0].rfind("broken/truncated.wav: ", 0) == 0, result.warnings[0].c_str());
        QVERIFY2(result.warnings[0].find("file ends early") != std::string::npos, result.warnings[0].c_str());
    }

    void deliveryInSongOrder()
    {
        QTemporaryDir tmp;
        const fs::path root = gs::test::tempDir(tmp);
        std::vector<gs::SongEntry> songs;
        for (int i = 0; i < 12; ++i) {
            // Alternating long and short clips, so that workers finish out of order.
            std::string name = std::to_string(i);
            name += ".wav";
            const fs::path file = root / name;
            gs::writeWav(file, gs::test::testTone(200 + 20 * i, i % 2 ? 0.5 : 3.0, 22050), 22050);
            songs.push_back(gs::songEntryForFile(file));
        }
        std::vector<std::size_t> order;
        gs::BatchOptions options;
        options.threads = 2;
        options.deliverInOrder = true;
        options.onSong = [&](const gs::SongOutcome& o) {
            order.push_back(o.index);
            QVERIFY(o.ok);
            QCOMPARE(o.row.file, songs[o.index].relativePath);
        };
        gs::extractBatch(songs, {}, options);
        std::vector<std::size_t> expected(songs.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            expected[i] = i;
        QCOMPARE(order, expected);
    }

    void clipAndOffsetFollowParams()
    {
        QTemporaryDir tmp;
        const fs::path file = gs::test::tempDir(tmp) / "long.wav";
        gs::writeWav(file, gs::test::testTone(200, 12.0, 22050), 22050);
        gs::GenreFeatureExtractor extractor;
        gs::ExtractionParams p;
        p.clipSeconds = 5;
        p.offsetSeconds = 4;
        const auto song = gs::songEntryForFile(file);
        QCOMPARE(gs::extractSong(song, p, extractor).row.length, 5.0 * 22050);
        p.offsetSeconds = 10;  // only 2 s left
        QCOMPARE(gs::extractSong(song, p, extractor).row.length, 2.0 * 22050);
        p.sampleRate = 0;
        p.clipSeconds = 0;
        p.offsetSeconds = 0;
        QCOMPARE(gs::extractSong(song, p, extractor).row.length, 12.0 * 22050);
    }

    void cancelMidBatch()
    {
        QTemporaryDir tmp;
        const fs::path root = gs::test::tempDir(tmp);
        std::vector<gs::SongEntry> songs;
        gs::writeWav(root / "clip.wav", gs::test::testTone(300, 1.0, 22050), 22050);
        for (int i = 0; i < 200; ++i)
            songs.push_back(gs::songEntryForFile(root / "clip.wav"));
        gs::CancelToken token;
        std::atomic<int> finished{0};
        gs::BatchOptions options;
        options.threads = 2;
        options.cancel = &token;
        options.onSong = [&](const gs::SongOutcome&) {
            if (++finished == 5)
                token.cancel();
        };
        const auto result = gs::extractBatch(songs, {}, options);
        QVERIFY(result.cancelled);
        QVERIFY(result.failures.empty());
        QVERIFY(result.table.rows.size() >= 4 && result.table.rows.size() < 10);
    }
};

QTEST_GUILESS_MAIN(TestDatasetExtract)
#include "test_dataset_extract.moc"
