// genrescope-cli with --labels: a demo folder labelled by a CSV (path,genre,split,artist),
// k-fold grouped by artist, the official split, extract and train, run as the user would.
#include "core/dataset/demo.h"
#include "core/dataset/metadata.h"
#include "tests/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace {

QString str(const fs::path& p) { return QString::fromStdString(p.string()); }

QJsonObject readJson(const fs::path& file)
{
    QFile f(str(file));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// The demo folder (6 songs per genre, 4 s each) and a labels CSV for it. Labels are not the
// folder names (so they can only come from the file); song i of a genre: i < 4 training,
// 4 validation, 5 test; artist = genre and i / 2 (pairs of songs). The last song of the last
// genre is left unlabelled, and one label names a file that does not exist.
struct LabelledDemo {
    fs::path folder, labels;
    std::string unlabelled;
};

LabelledDemo makeLabelledDemo(const fs::path& dir)
{
    LabelledDemo demo;
    demo.folder = dir / "demo";
    gs::DemoOptions options;
    options.perGenre = 6;
    options.seconds = 4;
    options.compressedCopies = false;
    auto files = gs::makeDemoDataset(demo.folder, options).files;
    std::sort(files.begin(), files.end());
    demo.labels = dir / "labels.csv";
    std::ofstream out(demo.labels, std::ios::binary);
    out << "path,genre,split,artist\r\n";
    std::map<std::string, int> seen;
    for (std::size_t k = 0; k < files.size(); ++k) {
        const std::string rel = fs::relative(files[k], demo.folder).generic_string();
        if (k + 1 == files.size()) {
            demo.unlabelled = rel;
            continue;
        }
        const std::string genre = fs::path(rel).parent_path().string();
        const int i = seen[genre]++;
        const char* split = i < 4 ? "training" : i == 4 ? "validation" : "test";
        out << '"' << rel << "\",\"" << genre << ", labelled\"," << split << ',' << genre << '-' << i / 2 << "\r\n";
    }
    out << "Nowhere/missing.wav,Rock,test,nobody\r\n";
    return demo;
}

} // namespace

class TestCliLabels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        demo_ = makeLabelledDemo(gs::test::tempDir(holder_));
        cache_ = fs::path(holder_.path().toStdString()) / "features.sqlite";
    }

    void evaluateKfoldGroupsByArtist()
    {
        const fs::path report = fs::path(holder_.path().toStdString()) / "kfold.json";
        const auto r = gs::test::runCli({"evaluate", str(demo_.folder), "--labels", str(demo_.labels), "--models",
                                         "dummy,knn", "--folds", "3", "--cache", str(cache_), "--report", str(report),
                                         "--quiet"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.err.contains("Nowhere/missing.wav"));
        QVERIFY(r.err.contains(QByteArray::fromStdString(demo_.unlabelled)));
        QVERIFY(r.err.contains("1 labels name no audio file"));
        QVERIFY(r.err.contains("1 audio files have no label"));
        const auto json = readJson(report);
        const auto protocol = json["protocol"].toObject();
        QCOMPARE(protocol["samples"].toInt(), 23); // 4 genres x 6 songs, one unlabelled
        QCOMPARE(protocol["grouped"].toBool(), true);
        QCOMPARE(protocol["method"].toString(), QString("stratified-group-kfold"));
        const auto classes = json["classes"].toArray();
        QCOMPARE(classes.size(), 4);
        QCOMPARE(classes[0].toString(), QString("Electronic, labelled"));
    }

    void evaluateOfficialSplitFitsOnTrainingScoresOnTest()
    {
        const fs::path report = fs::path(holder_.path().toStdString()) / "official.json";
        const auto r = gs::test::runCli({"evaluate", str(demo_.folder), "--labels", str(demo_.labels), "--split",
                                         "official", "--models", "dummy,knn", "--cache", str(cache_), "--report",
                                         str(report)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.err.contains("official split: 16 training, 4 validation, 3 test songs"));
        const auto json = readJson(report);
        const auto protocol = json["protocol"].toObject();
        QCOMPARE(protocol["method"].toString(), QString("official-split"));
        QCOMPARE(protocol["folds"].toInt(), 1);
        QCOMPARE(protocol["samples"].toInt(), 19); // training + test
        std::set<int> testSamples;
        for (const auto& m : json["models"].toArray()) {
            const auto model = m.toObject();
            const auto folds = model["folds"].toArray();
            QCOMPARE(folds.size(), 1);
            QCOMPARE(folds[0].toObject()["train_size"].toInt(), 16);
            QCOMPARE(folds[0].toObject()["test_size"].toInt(), 3);
            const auto predictions = model["predictions"].toArray();
            QCOMPARE(predictions.size(), 3);
            for (const auto& p : predictions)
                testSamples.insert(p.toObject()["sample"].toInt());
            if (model["name"].toString() == "dummy") {
                // 4 training songs per genre: the tie goes to the first genre (Electronic), which
                // has one of the 3 test songs (the test song of the last genre is the unlabelled one).
                QCOMPARE(model["accuracy_mean"].toDouble(), 1.0 / 3.0);
            }
        }
        QCOMPARE(testSamples.size(), std::size_t(3)); // both models predicted the same 3 test songs
    }

    void officialSplitNeedsValidationForSearch()
    {
        // the split has validation songs: the search runs on them and the chosen values are reported
        const auto r = gs::test::runCli({"evaluate", str(demo_.folder), "--labels", str(demo_.labels), "--split",
                                         "official", "--search", "--models", "knn", "--cache", str(cache_), "--quiet"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("knn"));
    }

    void usageErrors()
    {
        auto r = gs::test::runCli({"evaluate", str(demo_.folder), "--split", "official", "--quiet"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--split official needs --labels"));
        r = gs::test::runCli({"evaluate", str(demo_.labels), "--labels", str(demo_.labels), "--quiet"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("is not a folder"));
        r = gs::test::runCli({"evaluate", str(demo_.folder), "--labels", str(demo_.labels), "--subset", "tiny"});
        QCOMPARE(r.exitCode, 2);
        r = gs::test::runCli({"evaluate", str(demo_.folder), "--subset", "small"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("need --labels"));
        r = gs::test::runCli({"train", str(demo_.folder), "--labels", str(demo_.folder / "nope.csv"), "--out", "x.gsm"});
        QCOMPARE(r.exitCode, 2);
    }

    void extractWritesLabelsAndArtistGroups()
    {
        const fs::path csv = fs::path(holder_.path().toStdString()) / "features.csv";
        const auto r = gs::test::runCli({"extract", str(demo_.folder), "--labels", str(demo_.labels), "--out", str(csv),
                                         "--quiet"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto records = gs::readCsvFile(csv);
        QCOMPARE(records.size(), std::size_t(1 + 23));
        const auto& header = records[0].fields;
        QCOMPARE(header[0], std::string("filename"));
        QCOMPARE(header[1], std::string("label"));
        QCOMPARE(header.back(), std::string("group"));
        const auto& first = records[1].fields;
        QCOMPARE(first[1], std::string("Electronic, labelled"));
        QCOMPARE(first.back(), std::string("Electronic-0"));
    }

    void trainWithLabels()
    {
        const fs::path model = fs::path(holder_.path().toStdString()) / "knn.gsm";
        const auto r = gs::test::runCli({"train", str(demo_.folder), "--labels", str(demo_.labels), "--model", "knn",
                                         "--out", str(model), "--cache", str(cache_), "--quiet"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.err.contains("23 songs labelled"));
        QVERIFY(fs::exists(model));
    }

private:
    QTemporaryDir holder_;
    LabelledDemo demo_;
    fs::path cache_;
};

QTEST_GUILESS_MAIN(TestCliLabels)
#include "test_cli_labels.moc"
