// The folder walk of scanDataset on the awkward cases of a real music folder: symlinked
// folders (followed) and files, a broken link, a FIFO, a link loop (stopped by the depth
// limit), names that sort differently as paths than as folders ("a.mp3" before "a/x.wav"),
// and a root given with a trailing '/'. Each song's path is the root joined with its
// relative path, its size and time those of the file (through a link: of its target).
#include "core/dataset/scan.h"
#include "tests/testsupport.h"

#include <sys/stat.h>
#include <sys/time.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

void writeText(const fs::path& file, const std::string& text)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

void setModifiedTime(const fs::path& file, long seconds)
{
    const timeval times[2] = {{seconds, 0}, {seconds, 0}};
    QCOMPARE(::utimes(file.c_str(), times), 0);
}

fs::path awkwardFolder(const fs::path& root)
{
    writeText(root / "a.mp3", "12345");
    writeText(root / "a" / "x.wav", "xx");
    writeText(root / "a" / "b" / "y.flac", "yyy");
    writeText(root / "Rock" / "song.wav", "song");
    fs::create_directory_symlink("../a", root / "Rock" / "link_to_a");
    fs::create_symlink("../a.mp3", root / "Rock" / "linked_file.wav");
    fs::create_symlink("../nowhere.wav", root / "Rock" / "broken.wav");
    if (::mkfifo((root / "Rock" / "fifo.wav").c_str(), 0600) != 0)
        qWarning("mkfifo failed: the FIFO case is not covered");
    fs::create_directories(root / "Loop");
    fs::create_directory_symlink(".", root / "Loop" / "self");
    writeText(root / ".hidden" / "z.wav", "z");
    writeText(root / "notes.txt", "not audio");
    setModifiedTime(root / "a" / "x.wav", 1700000123);
    return root;
}

} // namespace

class TestDatasetScanWalk : public QObject {
    Q_OBJECT
private slots:
    void awkwardFolderScansAsExpected()
    {
        QTemporaryDir tmp;
        const fs::path root = awkwardFolder(gs::test::tempDir(tmp) / "music");
        const auto scan = gs::scanDataset(root);

        std::vector<std::string> rel, labels;
        for (const auto& s : scan.songs) {
            rel.push_back(s.relativePath);
            labels.push_back(s.label);
            QCOMPARE(s.path.generic_string(), root.generic_string() + "/" + s.relativePath);
            QCOMPARE(s.sizeBytes, fs::file_size(s.path)); // through a link: the target's
        }
        const std::vector<std::string> expectedRel = {"Rock/link_to_a/b/y.flac", "Rock/link_to_a/x.wav",
                                                      "Rock/linked_file.wav",    "Rock/song.wav",
                                                      "a.mp3",                   "a/b/y.flac",
                                                      "a/x.wav"};
        QCOMPARE(rel, expectedRel);
        QCOMPARE(labels, (std::vector<std::string>{"Rock", "Rock", "Rock", "Rock", "", "a", "a"}));
        QCOMPARE(scan.genres, (std::vector<std::string>{"Rock", "a"}));
        QCOMPARE(scan.songs[2].sizeBytes, std::uintmax_t(5)); // linked_file.wav -> a.mp3
        QCOMPARE(scan.songs[6].modifiedTime, std::int64_t(1700000123));
        QCOMPARE(scan.skippedHidden, std::size_t(1));   // .hidden, once
        QCOMPARE(scan.skippedNotAudio, std::size_t(3)); // broken.wav, fifo.wav, notes.txt
        QCOMPARE(scan.problems.size(), std::size_t(1)); // Loop/self/self/...
        QVERIFY2(scan.problems[0].starts_with(root.generic_string() + "/Loop/self/self/"), scan.problems[0].c_str());
        QVERIFY(scan.problems[0].ends_with(": nested too deep, not scanned"));
    }

    void rootWithATrailingSlashGivesTheSamePaths()
    {
        QTemporaryDir tmp;
        const fs::path root = awkwardFolder(gs::test::tempDir(tmp) / "music");
        const auto plain = gs::scanDataset(root);
        const auto slashed = gs::scanDataset(root.string() + "/");
        QCOMPARE(slashed.songs.size(), plain.songs.size());
        for (std::size_t i = 0; i < plain.songs.size(); ++i) {
            QCOMPARE(slashed.songs[i].relativePath, plain.songs[i].relativePath);
            QCOMPARE(slashed.songs[i].path.generic_string(), plain.songs[i].path.generic_string());
        }
    }

    void unreadableSubFolderIsAProblemNotAFailure()
    {
        if (::geteuid() == 0)
            QSKIP("running as root: every folder is readable");
        QTemporaryDir tmp;
        const fs::path root = gs::test::tempDir(tmp) / "music";
        writeText(root / "Jazz" / "a.wav", "a");
        writeText(root / "Locked" / "b.wav", "b");
        fs::permissions(root / "Locked", fs::perms::none);
        const auto scan = gs::scanDataset(root);
        fs::permissions(root / "Locked", fs::perms::owner_all);
        QCOMPARE(scan.songs.size(), std::size_t(1));
        QCOMPARE(scan.problems.size(), std::size_t(1));
        QCOMPARE(scan.problems[0], (root / "Locked").generic_string() + ": Permission denied");
    }
};

QTEST_GUILESS_MAIN(TestDatasetScanWalk)
#include "test_dataset_scan_walk.moc"
