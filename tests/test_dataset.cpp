// Dataset scanning and the feature-table CSV (ours and the public Kaggle layout).
#include "core/audio/wav_writer.h"
#include "core/common/error.h"
#include "core/dataset/feature_table.h"
#include "core/dataset/scan.h"
#include "core/features/schema.h"
#include "tests/testsupport.h"

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

namespace fs = std::filesystem;

namespace {

void writeText(const fs::path& file, const std::string& text)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

fs::path u8path(const char8_t* s)
{
    return fs::path(std::u8string(s));
}

std::string readText(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void expectFormatError(const fs::path& file, const std::string& needle)
{
    try {
        gs::readFeatureCsv(file);
        QFAIL(qPrintable("no error for " + QString::fromStdString(needle)));
    } catch (const gs::Error& e) {
        QVERIFY2(e.kind() == gs::ErrorKind::Format, e.what());
        QCOMPARE(QString::fromStdString(e.subject()), QString::fromStdString(file.string()));
        QVERIFY2(e.reason().find(needle) != std::string::npos, e.what());
    }
}

gs::FeatureTable smallTable(int columns)
{
    gs::FeatureTable t;
    for (int i = 0; i < columns; ++i)
    {
        std::string name = "f";
        name += std::to_string(i);
        t.columns.push_back(name);
    }
    return t;
}

} // namespace

class TestDataset : public QObject {
    Q_OBJECT
private slots:
    void scanFindsGenresSkipsHiddenAndNonAudio()
    {
        QTemporaryDir tmp;
        const fs::path root = gs::test::tempDir(tmp);
        const std::vector<float> tone(2205, 0.1f);
        fs::create_directories(root / "Rock" / "live");
        gs::writeWav(root / "Rock" / "b.wav", tone, 22050);
        writeText(root / "Rock" / "live" / "a.MP3", "ID3 not really");  // extension decides; content checked at decode
        writeText(root / "Rock" / ".hidden.wav", "x");
        writeText(root / "Rock" / "notes.txt", "liner notes");
        const fs::path classical = root / u8path(u8"Música Clásica");
        fs::create_directories(classical);
        gs::writeWav(classical / u8path(u8"canción 1.wav"), tone, 22050);
        writeText(root / ".git" / "objects" / "x.wav", "hidden folder content");
        gs::writeWav(root / "loose.wav", tone, 22050);
        writeText(root / "README.md", "# readme");
        fs::create_directories(root / "Jazz");
        gs::writeWav(root / "Jazz" / "untitled", tone, 22050);  // no extension, but a RIFF/WAVE header
        fs::create_directories(root / "Empty");

        const auto scan = gs::scanDataset(root);
        std::vector<std::string> rel, labels;
        for (const auto& s : scan.songs) {
            rel.push_back(s.relativePath);
            labels.push_back(s.label);
            QVERIFY(fs::exists(s.path));
            QCOMPARE(s.sizeBytes, fs::file_size(s.path));
            QVERIFY(s.modifiedTime > 1600000000);  // a real Unix time, not file_clock's epoch
        }
        const std::vector<std::string> expectedRel = {"Jazz/untitled", "Música Clásica/canción 1.wav", "Rock/b.wav",
                                                      "Rock/live/a.MP3", "loose.wav"};
        const std::vector<std::string> expectedLabels = {"Jazz", "Música Clásica", "Rock", "Rock", ""};
        QCOMPARE(rel, expectedRel);
        QCOMPARE(labels, expectedLabels);
        QCOMPARE(scan.genres, (std::vector<std::string>{"Jazz", "Música Clásica", "Rock"}));
        QCOMPARE(scan.skippedHidden, std::size_t(2));   // .hidden.wav and the .git folder (once)
        QCOMPARE(scan.skippedNotAudio, std::size_t(2)); // notes.txt and README.md
        QVERIFY(scan.problems.empty());

        // A second scan gives the same order (sorted, not directory order).
        const auto again = gs::scanDataset(root);
        QCOMPARE(again.songs.size(), scan.songs.size());
        for (std::size_t i = 0; i < again.songs.size(); ++i)
            QCOMPARE(again.songs[i].relativePath, scan.songs[i].relativePath);
    }

    void scanErrorsAndCancel()
    {
        QTemporaryDir tmp;
        const fs::path root = gs::test::tempDir(tmp);
        try {
            gs::scanDataset(root / "nope");
            QFAIL("missing folder must fail");
        } catch (const gs::Error& e) {
            QVERIFY(e.kind() == gs::ErrorKind::NotFound);
            QCOMPARE(e.subject(), (root / "nope").string());
        }
        writeText(root / "file.wav", "x");
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::scanDataset(root / "file.wav"));
        gs::CancelToken token;
        token.cancel();
        try {
            gs::scanDataset(root, &token);
            QFAIL("cancelled scan must throw");
        } catch (const gs::Error& e) {
            QVERIFY(e.kind() == gs::ErrorKind::Cancelled);
        }
        const auto single = gs::songEntryForFile(root / "file.wav");
        QCOMPARE(single.relativePath, std::string("file.wav"));
        QVERIFY(single.label.empty());
        QCOMPARE(single.sizeBytes, std::uintmax_t(1));
    }

    void scanGtzanDev()
    {
        GS_REQUIRE_SHARED(dev, "datasets/gtzan-dev");
        const auto scan = gs::scanDataset(dev);
        QCOMPARE(scan.songs.size(), std::size_t(100));
        QCOMPARE(scan.genres.size(), std::size_t(10));
        QCOMPARE(scan.genres.front(), std::string("blues"));
        QCOMPARE(scan.songs.front().relativePath, std::string("blues/blues.00000.wav"));
        for (const auto& s : scan.songs)
            QCOMPARE(s.relativePath.substr(0, s.label.size() + 1), s.label + "/");
        QCOMPARE(scan.skippedNotAudio, std::size_t(0));
    }

    void readsKaggleCsv()
    {
        GS_REQUIRE_SHARED(kaggle, "reference/kaggle-gtzan/features_30_sec.csv");
        const auto table = gs::readFeatureCsv(kaggle);
        QCOMPARE(table.columns, gs::genreFeatureNames());
        QCOMPARE(table.rows.size(), std::size_t(1000));
        QCOMPARE(table.labels().size(), std::size_t(10));
        // Every value equals an independent parse of the text (full precision kept).
        const auto raw = gs::test::readCsv(kaggle);
        QCOMPARE(raw.rows.size(), table.rows.size());
        for (std::size_t r = 0; r < raw.rows.size(); ++r) {
            const auto& cells = raw.rows[r];
            const auto& row = table.rows[r];
            QCOMPARE(row.file, cells[0]);
            QCOMPARE(row.label, cells.back());
            QCOMPARE(row.length, std::strtod(cells[1].c_str(), nullptr));
            for (std::size_t i = 0; i < row.values.size(); ++i)
                if (row.values[i] != std::strtod(cells[i + 2].c_str(), nullptr))
                    QFAIL(qPrintable(QStringLiteral("row %1 column %2 differs").arg(r).arg(i)));
        }
        QCOMPARE(table.rows[0].file, std::string("blues.00000.wav"));
        QCOMPARE(table.rows[0].length, 661794.0);
        QCOMPARE(table.rows[0].values[0], 0.35008811950683594);
    }

    void writeReadRoundTripIsExact()
    {
        QTemporaryDir tmp;
        const fs::path file = gs::test::tempDir(tmp) / "features.csv";
        gs::FeatureTable t = smallTable(6);
        const double third = 1.0 / 3.0;
        t.rows.push_back({"blues/a,b.wav", "blues", 661794, {0.1, third, 1e-300, -0.0, 123456789.123456789, 5e-324}, {}});
        t.rows.push_back({"say \"hi\".wav", "rock, hard", 1, {std::numeric_limits<double>::max(), -2.5, 0, 1, 2, 3}, {}});
        t.rows.push_back({"Música Clásica/x y.wav", "", 0, {std::nextafter(1.0, 2.0), 7, 8, 9, 10, 11}, {}});
        gs::writeFeatureCsv(file, t);
        const std::string text = readText(file);
        QVERIFY(text.rfind("filename,label,length,f0,f1,f2,f3,f4,f5\n", 0) == 0);
        QVERIFY(text.find("\"blues/a,b.wav\",blues,661794,0.1,") != std::string::npos);
        QVERIFY(text.find("\"say \"\"hi\"\".wav\",\"rock, hard\",1,") != std::string::npos);
        QVERIFY(text.find("group") == std::string::npos);
        QVERIFY(!fs::exists(file.string() + ".partial"));

        const auto back = gs::readFeatureCsv(file);
        QCOMPARE(back.columns, t.columns);
        QCOMPARE(back.rows.size(), t.rows.size());
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            QCOMPARE(back.rows[r].file, t.rows[r].file);
            QCOMPARE(back.rows[r].label, t.rows[r].label);
            QCOMPARE(back.rows[r].length, t.rows[r].length);
            QVERIFY(back.rows[r].values == t.rows[r].values);  // bit-exact doubles
        }
        QVERIFY(std::signbit(back.rows[0].values[3]));

        // Groups survive in an optional trailing column.
        t.rows[1].group = "artist 7";
        gs::writeFeatureCsv(file, t);
        const auto grouped = gs::readFeatureCsv(file);
        QCOMPARE(grouped.rows[1].group, std::string("artist 7"));
        QCOMPARE(grouped.rows[0].group, std::string());
        QCOMPARE(grouped.columns, t.columns);

        // CRLF and a BOM (spreadsheet exports) read the same.
        std::string crlf = "\xEF\xBB\xBF";
        for (char c : readText(file)) {
            if (c == '\n')
                crlf += '\r';
            crlf += c;
        }
        writeText(file, crlf);
        QCOMPARE(gs::readFeatureCsv(file).rows.size(), t.rows.size());
    }

    void kaggleLayoutMatchesThePublicCsvAndReadsBack()
    {
        GS_REQUIRE_SHARED(kaggle, "reference/kaggle-gtzan");
        const auto reference = gs::readFeatureCsv(kaggle / "features_30_sec.csv");
        gs::FeatureTable t;
        t.columns = reference.columns;
        t.rows.assign(reference.rows.begin(), reference.rows.begin() + 5);
        t.rows[2].group = "dropped in this layout";
        QTemporaryDir tmp;
        const fs::path file = gs::test::tempDir(tmp) / "kaggle.csv";
        gs::writeFeatureCsv(file, t, gs::CsvLayout::Kaggle);
        // The header is the public CSV's header, byte for byte.
        const std::string ours = readText(file);
        const std::string theirs = readText(kaggle / "features_30_sec.csv");
        QCOMPARE(ours.substr(0, ours.find('\n')), theirs.substr(0, theirs.find_first_of("\r\n")));
        const auto back = gs::readFeatureCsv(file);
        QCOMPARE(back.columns, t.columns);
        QCOMPARE(back.rows.size(), t.rows.size());
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            QCOMPARE(back.rows[r].file, t.rows[r].file);
            QCOMPARE(back.rows[r].label, t.rows[r].label);
            QCOMPARE(back.rows[r].length, t.rows[r].length);
            QVERIFY(back.rows[r].values == t.rows[r].values);
            QCOMPARE(back.rows[r].group, std::string());
        }
    }

    void writerRefusesNonFiniteAndRagged()
    {
        QTemporaryDir tmp;
        const fs::path file = gs::test::tempDir(tmp) / "x.csv";
        gs::FeatureTable t = smallTable(2);
        t.rows.push_back({"a.wav", "x", 1, {1.0, std::nan("")}, {}});
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::writeFeatureCsv(file, t));
        t.rows[0].values = {1.0};
        QVERIFY_THROWS_EXCEPTION(gs::Error, gs::writeFeatureCsv(file, t));
        QVERIFY(!fs::exists(file));
    }

    void malformedCsvNamesTheLine()
    {
        QTemporaryDir tmp;
        const fs::path dir = gs::test::tempDir(tmp);
        const std::string header = "filename,label,length,a,b\n";
        writeText(dir / "fields.csv", header + "x.wav,rock,1,2,3\ny.wav,rock,1,2\n");
        expectFormatError(dir / "fields.csv", "line 3: 4 fields");
        writeText(dir / "number.csv", header + "x.wav,rock,1,2,3\ny.wav,rock,1,abc,3\n");
        expectFormatError(dir / "number.csv", "line 3: column 'a': 'abc' is not a number");
        writeText(dir / "nan.csv", header + "x.wav,rock,1,nan,3\n");
        expectFormatError(dir / "nan.csv", "line 2: column 'a'");
        writeText(dir / "quote.csv", header + "\"x.wav,rock,1,2,3\n");
        expectFormatError(dir / "quote.csv", "line 2: a quoted field is never closed");
        writeText(dir / "header.csv", "name,genre,a\nx,y,1\n");
        expectFormatError(dir / "header.csv", "line 1: unrecognised header");
        writeText(dir / "empty.csv", "");
        expectFormatError(dir / "empty.csv", "empty");
        writeText(dir / "dup.csv", "filename,label,length,a,a\n");
        expectFormatError(dir / "dup.csv", "appears twice");
        // A quoted line break counts: the bad record starts on line 4.
        writeText(dir / "multiline.csv", header + "\"two\nlines.wav\",rock,1,2,3\nz.wav,rock,1,2,x\n");
        expectFormatError(dir / "multiline.csv", "line 4:");
        try {
            gs::readFeatureCsv(dir / "missing.csv");
            QFAIL("missing file must fail");
        } catch (const gs::Error& e) {
            QVERIFY(e.kind() == gs::ErrorKind::NotFound);
        }
    }
};

QTEST_GUILESS_MAIN(TestDataset)
#include "test_dataset.moc"
