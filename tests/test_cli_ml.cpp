// genrescope-cli evaluate / train / classify, run as the user would.
#include "core/dataset/demo.h"
#include "tests/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <fstream>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace {

QString str(const fs::path& p) { return QString::fromStdString(p.string()); }

QJsonDocument readJson(const fs::path& file)
{
    QFile f(str(file));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll());
}

std::string readText(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A small demo folder without the compressed copies (so no song has a duplicate).
std::vector<fs::path> demoSongs(const fs::path& folder, int perGenre = 6, double seconds = 4)
{
    gs::DemoOptions demo;
    demo.perGenre = perGenre;
    demo.seconds = seconds;
    demo.compressedCopies = false;
    return gs::makeDemoDataset(folder, demo).files;
}

// The comparison table without its timing columns (fit s, fit cpu s, predict ms), which
// differ between runs; everything else must be identical.
std::vector<std::string> tableWithoutTimes(const QByteArray& out)
{
    std::vector<std::string> lines;
    std::stringstream text(out.toStdString());
    for (std::string line; std::getline(text, line);) {
        std::stringstream words(line);
        std::vector<std::string> w;
        for (std::string x; words >> x;)
            w.push_back(x);
        if (w.size() >= 10 && line.find("% \u00b1") != std::string::npos)
            w.erase(w.begin() + 7, w.begin() + 10);
        std::string joined;
        for (const auto& x : w)
            joined += x + ' ';
        lines.push_back(joined);
    }
    return lines;
}

int occurrences(const QByteArray& text, const char* needle) { return int(text.count(needle)); }

} // namespace

class TestCliMl : public QObject {
    Q_OBJECT
private slots:
    void evaluateWritesTableAndReport()
    {
        GS_REQUIRE_SHARED(csv, "reference/kaggle-gtzan/features_30_sec.csv");
        QTemporaryDir holder;
        const fs::path report = gs::test::tempDir(holder) / "report.json";
        const auto r = gs::test::runCli({"evaluate", str(csv), "--kaggle", "--models", "dummy,knn", "--folds", "3",
                                         "--seed", "5", "--report", str(report), "--quiet"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString out = QString::fromUtf8(r.out);
        // Sorted by accuracy: knn first.
        QVERIFY(out.indexOf("knn") >= 0 && out.indexOf("knn") < out.indexOf("dummy"));
        QVERIFY(out.contains("1000 samples, 57 features, 10 genres"));

        const auto json = readJson(report).object();
        QCOMPARE(json["classes"].toArray().size(), 10);
        QCOMPARE(json["classes"].toArray()[0].toString(), QStringLiteral("blues"));
        const auto models = json["models"].toArray();
        QCOMPARE(models.size(), 2);
        const auto knn = models[0].toObject();
        QCOMPARE(knn["name"].toString(), QStringLiteral("knn"));
        QVERIFY(knn["accuracy_mean"].toDouble() > 0.6);
        QVERIFY(knn["accuracy_std"].toDouble() > 0);
        QCOMPARE(knn["per_class"].toArray().size(), 10);
        QCOMPARE(knn["confusion"].toArray().size(), 10);
        QCOMPARE(knn["folds"].toArray().size(), 3);
        QCOMPARE(knn["params"].toObject()["k"].toDouble(), 5.0);
        double rowSum = 0;
        for (const auto v : knn["confusion_normalized"].toArray()[3].toArray())
            rowSum += v.toDouble();
        QVERIFY(std::abs(rowSum - 1) < 1e-9);
        const auto protocol = json["protocol"].toObject();
        QCOMPARE(protocol["folds"].toInt(), 3);
        QCOMPARE(protocol["seed"].toInt(), 5);
        QVERIFY(protocol["schema"].toString().contains("pad=reflect"));
    }

    void evaluateRefusesBadRequests()
    {
        GS_REQUIRE_SHARED(csv, "reference/kaggle-gtzan/features_30_sec.csv");
        auto r = gs::test::runCli({"evaluate", str(csv), "--models", "cnn", "--quiet"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("cnn") && r.err.contains("songs"), r.err.constData());
        r = gs::test::runCli({"evaluate", str(csv), "--models", "svm-rbf,nonsense"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown model"));
        r = gs::test::runCli({"evaluate", str(csv), "--folds", "1"});
        QCOMPARE(r.exitCode, 2);
        r = gs::test::runCli({"evaluate", "/no/such/file.csv", "--quiet"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("/no/such/file.csv"));
        r = gs::test::runCli({"evaluate", str(csv), "--models", "knn", "--set", "knn.k=0", "--quiet"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("k"));
        // --epochs is the network models' shorthand: out of range or on a model without
        // epochs it is a usage error before any work starts.
        r = gs::test::runCli({"train", str(csv), "--model", "mlp", "--epochs", "0", "--out", "/tmp/x.gsm", "--quiet"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("epochs"), r.err.constData());
        r = gs::test::runCli({"train", str(csv), "--model", "svm-rbf", "--epochs", "5", "--out", "/tmp/x.gsm", "--quiet"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("epochs"), r.err.constData());
    }

    void trainThenClassifySongs()
    {
        GS_REQUIRE_SHARED(csv, "reference/kaggle-gtzan/features_30_sec.csv");
        GS_REQUIRE_SHARED(gtzan, "datasets/gtzan-dev");
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const fs::path model = dir / "knn.gsm";
        auto r = gs::test::runCli({"train", str(csv), "--kaggle", "--model", "knn", "--set", "k=3", "--out", str(model),
                                   "--quiet"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("trained knn"));
        QVERIFY(r.out.contains("k=3"));
        QVERIFY(fs::file_size(model) > 1000);

        const fs::path bogus = dir / "bogus.wav";
        std::ofstream(bogus) << "RIFF but not really";
        const fs::path jazz = gtzan / "jazz" / "jazz.00000.wav";
        const fs::path classical = gtzan / "classical" / "classical.00000.wav";
        r = gs::test::runCli({"classify", str(model), str(jazz), str(bogus), str(classical), "--top", "2", "--json"});
        QCOMPARE(r.exitCode, 1); // one song failed, the others were classified
        QVERIFY(r.err.contains("bogus.wav"));
        const auto items = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(items.size(), 3);
        QCOMPARE(items[0].toObject()["file"].toString(), str(jazz));
        const auto genres = items[0].toObject()["genres"].toArray();
        QCOMPARE(genres.size(), 2);
        QVERIFY(genres[0].toObject()["probability"].toDouble() >= genres[1].toObject()["probability"].toDouble());
        QVERIFY(items[1].toObject().contains("error"));
        QCOMPARE(items[2].toObject()["genres"].toArray()[0].toObject()["genre"].toString(), QStringLiteral("classical"));

        r = gs::test::runCli({"classify", str(model), str(classical)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("classical.00000.wav: classical"), r.out.constData());

        // A model file that is not one.
        r = gs::test::runCli({"classify", str(bogus), str(classical)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("not a Genrescope model"));
    }

    void evaluateAndTrainOnASongFolder()
    {
        // A folder of songs: features are extracted first, then models compared / trained.
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        gs::DemoOptions demo;
        demo.perGenre = 6;
        demo.seconds = 4;
        demo.compressedCopies = false;
        const auto made = gs::makeDemoDataset(dir / "songs", demo);
        QCOMPARE(made.files.size(), std::size_t(24));
        const fs::path report = dir / "report.json";
        auto r = gs::test::runCli({"evaluate", str(dir / "songs"), "--models", "svm-rbf,dummy", "--folds", "3",
                                   "--report", str(report), "--quiet"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto models = readJson(report).object()["models"].toArray();
        QCOMPARE(models[0].toObject()["name"].toString(), QStringLiteral("svm-rbf"));
        // The demo genres differ in timbre and rhythm: far above chance (0.25).
        QVERIFY2(models[0].toObject()["accuracy_mean"].toDouble() > 0.6, r.out.constData());
        QVERIFY(readJson(report).object()["protocol"].toObject()["schema"].toString().contains("pad=constant"));

        const fs::path model = dir / "demo.gsm";
        r = gs::test::runCli({"train", str(dir / "songs"), "--model", "svm-rbf", "--out", str(model), "--quiet"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = gs::test::runCli({"classify", str(model), str(made.files.front()), "--top", "4", "--json"});
        QCOMPARE(r.exitCode, 0);
        const auto genres = QJsonDocument::fromJson(r.out).array()[0].toObject()["genres"].toArray();
        QCOMPARE(genres.size(), 4);
        double sum = 0;
        for (const auto g : genres)
            sum += g.toObject()["probability"].toDouble();
        QVERIFY(std::abs(sum - 1) < 1e-6);
    }

    void evaluateWritesAnHtmlReportAndReusesTheAppsCache()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        // The app's location: $XDG_DATA_HOME/Genrescope/genrescope/features.sqlite.
        const gs::test::ScopedEnvironment cacheDir("GENRESCOPE_CACHE_DIR", "");
        const gs::test::ScopedEnvironment dataHome("XDG_DATA_HOME", (dir / "data").string());
        const auto songs = demoSongs(dir / "songs");
        const QString n = QString::number(songs.size());
        const fs::path html = dir / "report.html";
        const QStringList common{"evaluate", str(dir / "songs"), "--models", "svm-rbf,knn,dummy", "--folds", "3", "-j", "2"};
        auto first = gs::test::runCli(common + QStringList{"--report", str(html)});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QVERIFY2(first.err.contains(("0 songs from the feature cache, " + n + " analysed").toUtf8()), first.err.constData());
        QVERIFY(fs::exists(dir / "data" / "Genrescope" / "genrescope" / "features.sqlite"));

        // Every accuracy the table printed is in the report, and every chart is there.
        const std::string page = readText(html);
        const std::regex row(R"((\S+) +(\d+\.\d\d)% ± (\d+\.\d\d))");
        int models = 0;
        const std::string out = first.out.toStdString();
        for (auto it = std::sregex_iterator(out.begin(), out.end(), row); it != std::sregex_iterator(); ++it, ++models)
            QVERIFY2(page.find((*it)[2].str() + " \u00b1 " + (*it)[3].str()) != std::string::npos, (*it)[0].str().c_str());
        QCOMPARE(models, 3);
        // songs per genre, comparison, F1 heat map, 3 confusion matrices, the learning curve
        QCOMPARE(occurrences(QByteArray::fromStdString(page), "<svg"), 7);
        QVERIFY(page.find("id=\"learning-curves\"") != std::string::npos);
        QVERIFY(page.find("<script") == std::string::npos);

        // The second run decodes nothing and prints the same results.
        const fs::path json = dir / "report.json";
        auto second = gs::test::runCli(common + QStringList{"--report", str(json)});
        QVERIFY2(second.exitCode == 0, second.err.constData());
        QVERIFY2(second.err.contains((n + " songs from the feature cache, 0 analysed").toUtf8()), second.err.constData());
        QCOMPARE(tableWithoutTimes(second.out), tableWithoutTimes(first.out));
        const auto report = readJson(json).object();
        QCOMPARE(report["protocol"].toObject()["grouping"].toString(), QStringLiteral("auto"));
        QVERIFY(report["protocol"].toObject()["created_with"].toString().startsWith("genrescope "));
        QCOMPARE(report["models"].toArray()[0].toObject()["predictions"].toArray().size(), int(songs.size()));
    }

    void evaluateWorksWithoutAUsableCache()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const gs::test::ScopedEnvironment cacheDir("GENRESCOPE_CACHE_DIR", (dir / "cache").string());
        demoSongs(dir / "songs", 4);
        std::ofstream(dir / "blocker") << "a file where the cache folder should be";
        std::ofstream(dir / "garbage.sqlite") << std::string(8192, 'x');
        const QStringList common{"evaluate", str(dir / "songs"), "--models", "dummy", "--folds", "2"};
        for (const fs::path& cache : {dir / "blocker" / "features.sqlite", dir / "garbage.sqlite"}) {
            const auto r = gs::test::runCli(common + QStringList{"--cache", str(cache)});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QCOMPARE(occurrences(r.err, "feature cache"), 2); // the one warning, and the count line
            QCOMPARE(occurrences(r.err, "warning: feature cache"), 1);
            QVERIFY2(r.err.contains(str(cache).toUtf8()), r.err.constData());
            QVERIFY(r.out.contains("dummy"));
        }
        const auto r = gs::test::runCli(common + QStringList{"--no-cache"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.err.contains("feature cache not used"));
        QVERIFY(!fs::exists(dir / "cache" / "features.sqlite"));
        QCOMPARE(gs::test::runCli(common + QStringList{"--cache", "x.sqlite", "--no-cache"}).exitCode, 2);
    }

    void reportIsNeverLeftHalfWritten()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const gs::test::ScopedEnvironment cacheDir("GENRESCOPE_CACHE_DIR", (dir / "cache").string());
        demoSongs(dir / "songs", 4);
        const QStringList common{"evaluate", str(dir / "songs"), "--models", "dummy", "--folds", "2", "--quiet"};
        auto r = gs::test::runCli(common + QStringList{"--report", str(dir / "missing" / "r.html")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("r.html"), r.err.constData());
        QVERIFY(!fs::exists(dir / "missing"));
        r = gs::test::runCli(common + QStringList{"--report", str(dir / "r.txt")});
        QCOMPARE(r.exitCode, 2); // refused before any work
        QVERIFY(r.err.contains(".html"));
        QVERIFY(!fs::exists(dir / "r.txt"));
    }

    void evaluateGroupsDuplicateRecordings()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const gs::test::ScopedEnvironment cacheDir("GENRESCOPE_CACHE_DIR", (dir / "cache").string());
        const auto songs = demoSongs(dir / "songs", 4, 8); // long enough for a useful fingerprint (~3 s)
        fs::copy_file(songs.front(), songs.front().parent_path() / "the-same-again.wav");
        const fs::path json = dir / "r.json";
        auto r = gs::test::runCli({"evaluate", str(dir / "songs"), "--models", "dummy", "--folds", "2", "--group-by",
                                   "duplicates", "--report", str(json)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("1 groups of duplicate recordings"), r.err.constData());
        const auto protocol = readJson(json).object()["protocol"].toObject();
        QCOMPARE(protocol["grouping"].toString(), QStringLiteral("duplicates"));
        QVERIFY(protocol["grouped"].toBool());
        QVERIFY(gs::test::runCli({"evaluate", "--help"}).out.contains("duplicates"));

        std::ofstream(dir / "f.csv") << "filename,label\n";
        r = gs::test::runCli({"evaluate", str(dir / "f.csv"), "--group-by", "duplicates"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("dataset folder"));
    }
};

QTEST_GUILESS_MAIN(TestCliMl)
#include "test_cli_ml.moc"
