// Sharded extraction without Slurm: FNV-1a reference values, shards partition the songs
// whatever the listing order or mount point, extract --shard I/N + merge == a single extract
// run byte for byte (failures logged per shard), missing / duplicated / edited parts refused,
// a rerun of a complete shard skipped.
#include "core/audio/wav_writer.h"
#include "core/common/error.h"
#include "core/dataset/demo.h"
#include "core/dataset/scan.h"
#include "core/dataset/shard.h"
#include "tests/testsupport.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

namespace fs = std::filesystem;

namespace {

QString q(const fs::path& p)
{
    return QString::fromStdString(p.string());
}

std::string bytesOf(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeText(const fs::path& file, const std::string& text)
{
    std::ofstream(file, std::ios::binary) << text;
}

gs::test::CliResult extractShard(const fs::path& data, const fs::path& extra, int index, int count, const fs::path& out)
{
    return gs::test::runCli({"extract", q(data), q(extra), "--clip", "0", "-j", "1", "--quiet", "--shard",
                             QStringLiteral("%1/%2").arg(index).arg(count), "--out", q(out)});
}

// A small demo dataset, a broken file inside it and a loose file outside: two inputs, so
// the merge must restore the input order, not just sort by name.
struct Fixture {
    fs::path data, extra;
};

Fixture makeFixture(const fs::path& dir)
{
    gs::DemoOptions demo;
    demo.perGenre = 2;
    demo.seconds = 2;
    demo.compressedCopies = false;
    gs::makeDemoDataset(dir / "data", demo);
    const std::string junk = "RIFF\x10\0\0\0WAVEjunk";
    gs::writeFileBytes(dir / "data" / "Rock" / "broken.wav", std::vector<std::uint8_t>(junk.begin(), junk.end()));
    gs::writeWav(dir / "aaa-loose.wav", gs::synthesizeDemoClip("Piano", 7, demo), demo.sampleRate);
    return {dir / "data", dir / "aaa-loose.wav"};
}

} // namespace

class TestCliShard : public QObject {
    Q_OBJECT
private slots:
    void fnv1aMatchesTheReferenceValues()
    {
        // Test vectors of the FNV reference implementation (isthe.com/chongo/tech/comp/fnv).
        QCOMPARE(gs::fnv1a64(""), 0xcbf29ce484222325ULL);
        QCOMPARE(gs::fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
        QCOMPARE(gs::fnv1a64("foobar"), 0x85944171f73967e8ULL);
        QCOMPARE(gs::hex64(0x85944171f73967e8ULL), std::string("85944171f73967e8"));
        QCOMPARE(gs::shardOfSong("foobar", 7), int(0x85944171f73967e8ULL % 7));
    }

    void shardSpecsParse()
    {
        QVERIFY(gs::parseShardSpec("3/8") == (gs::ShardSpec{3, 8}));
        QCOMPARE(gs::toString(gs::ShardSpec{0, 1}), std::string("0/1"));
        for (const char* bad : {"", "3", "8/8", "-1/4", "1/0", "a/4", "1/4x", " 1/4", "1//4"})
            QVERIFY_THROWS_EXCEPTION(gs::Error, gs::parseShardSpec(bad));
    }

    void shardsPartitionTheSongsWhateverTheOrderAndRoot()
    {
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        gs::DemoOptions demo;
        demo.perGenre = 6;
        demo.seconds = 1;
        demo.compressedCopies = false;
        gs::makeDemoDataset(dir / "a", demo);
        auto songs = gs::scanDataset(dir / "a").songs;
        QCOMPARE(songs.size(), std::size_t(24));

        constexpr int count = 5;
        std::set<std::string> seen;
        std::size_t total = 0;
        std::vector<std::string> owner(count);
        for (int i = 0; i < count; ++i) {
            for (std::size_t k : gs::songsInShard(songs, {i, count})) {
                QCOMPARE(gs::shardOfSong(songs[k].relativePath, count), i);
                QVERIFY2(seen.insert(songs[k].relativePath).second, songs[k].relativePath.c_str());
                ++total;
            }
        }
        QCOMPARE(total, songs.size());  // every song in exactly one shard

        // Another listing order and another mount point: the same song, the same shard.
        fs::create_directories(dir / "elsewhere");
        fs::copy(dir / "a", dir / "elsewhere" / "b", fs::copy_options::recursive);
        auto moved = gs::scanDataset(dir / "elsewhere" / "b").songs;
        std::reverse(moved.begin(), moved.end());
        for (int i = 0; i < count; ++i) {
            std::set<std::string> before, after;
            for (std::size_t k : gs::songsInShard(songs, {i, count}))
                before.insert(songs[k].relativePath);
            for (std::size_t k : gs::songsInShard(moved, {i, count}))
                after.insert(moved[k].relativePath);
            QCOMPARE(after, before);
        }
        // The song list checksum ignores the root, and sees the order.
        QCOMPARE(gs::songListChecksum(gs::scanDataset(dir / "elsewhere" / "b").songs), gs::songListChecksum(songs));
        QVERIFY(gs::songListChecksum(moved) != gs::songListChecksum(songs));
    }

    void mergeEqualsASingleRunAndChecksTheParts()
    {
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        const Fixture f = makeFixture(dir);

        const auto single = gs::test::runCli({"extract", q(f.data), q(f.extra), "--clip", "0", "-j", "2", "--quiet",
                                              "--out", q(dir / "single.csv")});
        QVERIFY2(single.exitCode == 1, single.err.constData());  // the broken file
        // Two inputs: a single run keeps the input order (dataset songs first, the loose
        // file last), which is not name order ("aaa-loose.wav" sorts first).
        const auto lines = QString::fromStdString(bytesOf(dir / "single.csv")).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 8 + 1);
        QVERIFY(lines.back().startsWith("aaa-loose.wav,"));

        constexpr int count = 3;
        std::vector<fs::path> parts;
        std::size_t logged = 0;
        for (int i = 0; i < count; ++i) {
            parts.push_back(dir / "parts" / ("part-" + std::to_string(i) + ".csv"));
            fs::create_directories(parts.back().parent_path());
            const auto r = extractShard(f.data, f.extra, i, count, parts.back());
            const bool hasBroken = gs::shardOfSong("Rock/broken.wav", count) == i;
            QVERIFY2(r.exitCode == (hasBroken ? 1 : 0), r.err.constData());
            QVERIFY(fs::exists(gs::shardRecordPath(parts.back())));
            const std::string log = bytesOf(gs::shardLogPath(parts.back()));
            if (hasBroken) {
                QVERIFY2(log.rfind("Rock/broken.wav\t", 0) == 0 && std::count(log.begin(), log.end(), '\n') == 1,
                         log.c_str());
                ++logged;
            } else {
                QCOMPARE(log, std::string());
            }
        }
        QCOMPARE(logged, std::size_t(1));

        QStringList mergeArgs = {"merge"};
        for (const auto& p : parts)
            mergeArgs << q(p);
        const auto merged = gs::test::runCli(mergeArgs + QStringList{"--out", q(dir / "merged.csv")});
        QVERIFY2(merged.exitCode == 0, merged.err.constData());
        QVERIFY(merged.err.contains("merged 3 shards: 9 of 10 songs"));
        QVERIFY(bytesOf(dir / "merged.csv") == bytesOf(dir / "single.csv"));

        // Refusals: exit 1, the output not written, the message names the problem.
        const auto refused = [&](const QStringList& partArgs, const char* expected) {
            const auto r = gs::test::runCli(QStringList{"merge"} + partArgs + QStringList{"--out", q(dir / "refused.csv")});
            QVERIFY2(r.exitCode == 1 && r.err.contains(expected), (QByteArray(expected) + " not in: " + r.err).constData());
            QVERIFY(!fs::exists(dir / "refused.csv"));
        };
        refused({q(parts[0]), q(parts[2])}, "shard(s) 1/3 missing");
        fs::copy_file(parts[1], dir / "parts" / "copy.csv");
        fs::copy_file(gs::shardRecordPath(parts[1]), dir / "parts" / "copy.shard.json");
        refused({q(parts[0]), q(parts[1]), q(dir / "parts" / "copy.csv"), q(parts[2])}, "holds shard 1/3, which");
        fs::remove(dir / "parts" / "copy.shard.json");
        refused({q(parts[0]), q(dir / "parts" / "copy.csv"), q(parts[2])}, "has no shard record copy.shard.json");
        const auto other = dir / "other" / "part-0.csv";
        fs::create_directories(other.parent_path());
        QCOMPARE(extractShard(f.data, f.extra, 0, 2, other).exitCode, gs::shardOfSong("Rock/broken.wav", 2) == 0 ? 1 : 0);
        refused({q(other), q(parts[1]), q(parts[2])}, "with another shard count");
        std::string edited = bytesOf(parts[2]);
        edited.back() = edited.back() == '\n' ? ' ' : '\n';
        writeText(dir / "parts" / "copy.csv", edited);
        fs::copy_file(gs::shardRecordPath(parts[2]), dir / "parts" / "copy.shard.json");
        refused({q(parts[0]), q(parts[1]), q(dir / "parts" / "copy.csv")}, "was changed after extraction");
    }

    void aSongTwiceIsRefused()
    {
        // Only a forged part can hold a song twice (records and checksums agree with it).
        QTemporaryDir tmp;
        const fs::path csv = gs::test::tempDir(tmp) / "part-0.csv";
        gs::FeatureTable table;
        table.columns = {"x"};
        table.rows = {{"a.wav", "", 1, {0.5}, ""}, {"a.wav", "", 1, {0.5}, ""}};
        gs::writeFeatureCsv(csv, table);
        gs::ShardRecord record;
        record.schema = "s";
        record.layout = "ours";
        record.shard = {0, 1};
        record.totalSongs = 2;
        record.songList = "l";
        record.songsInShard = 2;
        record.rowOrder = {0, 0};
        record.csvChecksum = gs::fileChecksum(csv);
        gs::writeShardRecord(csv, record);
        try {
            gs::mergeShards({csv});
            QFAIL("a song twice was merged");
        } catch (const gs::Error& e) {
            QVERIFY2(e.reason().find("song a.wav appears twice") != std::string::npos, e.what());
        }
        record.rowOrder = {0, 1};
        gs::writeShardRecord(csv, record);
        QCOMPARE(gs::mergeShards({csv}).table.rows.size(), std::size_t(2));  // the same part, honestly recorded
    }

    void aRerunSkipsACompleteShard()
    {
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        const Fixture f = makeFixture(dir);
        const fs::path part = dir / "part-1.csv";
        const int expectedExit = gs::shardOfSong("Rock/broken.wav", 2) == 1 ? 1 : 0;
        QCOMPARE(extractShard(f.data, f.extra, 1, 2, part).exitCode, expectedExit);
        const std::string first = bytesOf(part);
        const auto stamp = fs::last_write_time(part);

        auto r = extractShard(f.data, f.extra, 1, 2, part);
        QCOMPARE(r.exitCode, expectedExit);
        QVERIFY2(r.err.contains("shard 1/2: " + q(part).toUtf8() + " is already complete"), r.err.constData());
        QCOMPARE(fs::last_write_time(part), stamp);  // not rewritten

        fs::remove(part);  // the output lost: extracted again, same bytes
        r = extractShard(f.data, f.extra, 1, 2, part);
        QVERIFY2(r.err.contains("the CSV is missing"), r.err.constData());
        QVERIFY(bytesOf(part) == first);

        // Other settings or another song list: extracted again.
        r = gs::test::runCli({"extract", q(f.data), q(f.extra), "--clip", "0", "--sr", "16000", "-j", "1", "--quiet",
                              "--shard", "1/2", "--out", q(part)});
        QVERIFY2(r.err.contains("extracted with other settings"), r.err.constData());
        r = gs::test::runCli({"extract", q(f.data), "--clip", "0", "--sr", "16000", "-j", "1", "--quiet", "--shard", "1/2",
                              "--out", q(part)});
        QVERIFY2(r.err.contains("the song list changed since (10 songs then, 9 now)"), r.err.constData());
    }

    void shardUsageErrors()
    {
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        for (const char* bad : {"4/4", "x", "1/"}) {
            const auto r = gs::test::runCli({"extract", q(dir), "--shard", bad, "--out", q(dir / "o.csv")});
            QVERIFY2(r.exitCode == 2 && r.err.contains("--shard"), r.err.constData());
        }
        QCOMPARE(gs::test::runCli({"merge", "--out", q(dir / "o.csv")}).exitCode, 2);
        QCOMPARE(gs::test::runCli({"merge", q(dir / "a.csv")}).exitCode, 2);
        const auto r = gs::test::runCli({"merge", q(dir / "missing.csv"), "--out", q(dir / "o.csv")});
        QVERIFY2(r.exitCode == 1 && r.err.contains("missing.csv"), r.err.constData());
        QVERIFY(!fs::exists(dir / "o.csv"));
    }
};

QTEST_GUILESS_MAIN(TestCliShard)
#include "test_cli_shard.moc"
