// The atomic file writer (old file intact and no temporary left on failure) and the
// grouping helpers every cross-validation grouping goes through.
#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/ml/labelled_set.h"
#include "tests/testsupport.h"

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::size_t filesIn(const fs::path& dir)
{
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
        ++n;
    return n;
}

} // namespace

class TestAtomicAndGroups : public QObject {
    Q_OBJECT
private slots:
    void writesAndReplaces()
    {
        QTemporaryDir holder;
        const auto dir = gs::test::tempDir(holder);
        const auto file = dir / "report.html";
        gs::writeFileAtomically(file, std::string_view("first"));
        QCOMPARE(readAll(file), std::string("first"));
        gs::writeFileAtomically(file, std::string_view("second, longer"), {true});
        QCOMPARE(readAll(file), std::string("second, longer"));
        QCOMPARE(filesIn(dir), std::size_t(1));
    }

    void failedFillKeepsTheOldFileAndLeavesNoTemporary()
    {
        QTemporaryDir holder;
        const auto dir = gs::test::tempDir(holder);
        const auto file = dir / "model.gsm";
        gs::writeFileAtomically(file, std::string_view("old model"));
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::writeFileAtomically(file, [](std::ostream& out) {
            out << "half a new mod";
            throw gs::Error(gs::ErrorKind::Internal, "model.gsm", "simulated failure while writing");
        }));
        QCOMPARE(readAll(file), std::string("old model"));
        QCOMPARE(filesIn(dir), std::size_t(1));
    }

    void missingFolderNamesTheFile()
    {
        QTemporaryDir holder;
        const auto file = gs::test::tempDir(holder) / "no-such-folder" / "x.csv";
        try {
            gs::writeFileAtomically(file, std::string_view("a"));
            QFAIL("writing into a missing folder must throw");
        } catch (const gs::Error& e) {
            QCOMPARE(e.subject(), file.string());
            QCOMPARE(e.kind(), gs::ErrorKind::NotFound);
        }
    }

    void songGroupKeyStripsSegmentNumbers()
    {
        QCOMPARE(gs::ml::songGroupKey("blues.00000.3.wav"), std::string("blues.00000"));
        QCOMPARE(gs::ml::songGroupKey("blues.00000.wav"), std::string("blues.00000.wav"));
        QCOMPARE(gs::ml::songGroupKey("Rock/song.mp3"), std::string("Rock/song.mp3"));
    }

    void mergeGroupsJoinsLinkedItemsAndTheirGroups()
    {
        // Items 0 and 1 share group 7; 3 is a duplicate of 1, 4 of 5; 2 and 6 stay alone.
        const std::vector<int> groups{7, 7, -1, -1, -1, -1, -1};
        const auto out = gs::ml::mergeGroups(groups, {{3, 1}, {4, 5}});
        QCOMPARE(out, (std::vector<int>{0, 0, -1, 0, 1, 1, -1}));
        // Nothing linked: existing groups renumbered in order of first appearance.
        QCOMPARE(gs::ml::mergeGroups({5, -1, 2, 5}, {}), (std::vector<int>{0, -1, 1, 0}));
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::ml::mergeGroups({-1, -1}, {{0, 9}}));
    }
};

QTEST_GUILESS_MAIN(TestAtomicAndGroups)
#include "test_common_atomic_and_groups.moc"
