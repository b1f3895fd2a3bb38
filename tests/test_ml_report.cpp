// The report writer: JSON round trip (with out-of-fold predictions), confusion / per-class
// exports against hand-computed values, the self-contained HTML report, atomic report files,
// and the dataset loader's feature cache and duplicate grouping.
#include "core/common/error.h"
#include "core/dataset/cache.h"
#include "core/dataset/demo.h"
#include "core/ml/cv_tasks.h"
#include "core/ml/labelled_set.h"
#include "core/ml/report_svg.h"
#include "core/ml/report_writer.h"
#include "tests/testsupport.h"

#include <QXmlStreamReader>

#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>

namespace fs = std::filesystem;
using namespace gs::ml;

namespace {

// A 3-genre confusion small enough to check by hand (rows = true genre):
//   A: 5 1 0   B: 2 3 1   C: 0 0 4      column sums 7 4 5, 16 songs.
const Confusion kConfusion{{5, 1, 0}, {2, 3, 1}, {0, 0, 4}};

ModelReport model(const std::string& name, double accuracy, const std::vector<std::string>& classes)
{
    ModelReport m;
    m.name = name;
    m.params = {{"k", 5}};
    m.accuracyMean = accuracy;
    m.accuracyStd = 0.0425;
    m.balancedAccuracy = 0.7778;
    m.macroF1 = 0.7527;
    m.logLoss = 0.61;
    m.confusion = kConfusion;
    m.confusionNormalized = normalizeRows(kConfusion);
    m.perClass = computeMetrics(kConfusion, classes).perClass;
    m.fitSeconds = 0.25;
    m.predictSeconds = 0.002;
    for (int f = 0; f < 2; ++f) {
        FoldResult fold;
        fold.accuracy = accuracy + (f == 0 ? 0.04 : -0.04);
        fold.params = m.params;
        fold.trainSize = 8;
        fold.testSize = 8;
        m.folds.push_back(fold);
    }
    int sample = 0;
    for (int t = 0; t < 3; ++t)
        for (int p = 0; p < 3; ++p)
            for (long n = 0; n < kConfusion[std::size_t(t)][std::size_t(p)]; ++n) {
                OutOfFoldPrediction o;
                o.sample = sample;
                o.fold = sample % 2;
                o.truth = t;
                o.predicted = p;
                o.probabilities = {0.1, 0.1, 0.1};
                o.probabilities[std::size_t(p)] = 0.8;
                m.predictions.push_back(o);
                ++sample;
            }
    return m;
}

EvaluationReport smallReport(const std::vector<std::string>& classes)
{
    EvaluationReport r;
    r.classes = classes;
    r.models = {model("svm-rbf", 0.8125, classes), model("dummy", 0.375, classes)};
    r.models[1].predictions[0].predicted = 1; // the two models differ on one song
    r.protocol.folds = 2;
    r.protocol.seed = 7;
    r.protocol.samples = 16;
    r.protocol.features = 57;
    r.protocol.schema = "gtzan-57 v1";
    r.protocol.grouping = "duplicates";
    r.protocol.grouped = true;
    r.protocol.createdWith = "genrescope 0.1.0";
    return r;
}

// RFC 4180 fields of a CSV (quoted fields may hold commas and doubled quotes).
std::vector<std::vector<std::string>> parseCsv(const std::string& text)
{
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                rows.back().back() += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                rows.back().back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\n') {
            rows.emplace_back(1);
        } else {
            rows.back().back() += c;
        }
    }
    if (rows.back().size() == 1 && rows.back()[0].empty())
        rows.pop_back();
    return rows;
}

std::vector<std::string> svgBlocks(const std::string& html)
{
    std::vector<std::string> out;
    for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
        const std::size_t end = html.find("</svg>", at);
        if (end == std::string::npos)
            break;
        out.push_back(html.substr(at, end + 6 - at));
    }
    return out;
}

bool wellFormedXml(const std::string& text, QString& error)
{
    QXmlStreamReader xml(QByteArray::fromStdString(text));
    while (!xml.atEnd())
        xml.readNext();
    error = xml.errorString();
    return !xml.hasError();
}

std::size_t count(const std::string& haystack, const std::string& needle)
{
    std::size_t n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1))
        ++n;
    return n;
}

} // namespace

class TestMlReport : public QObject {
    Q_OBJECT
private slots:
    void jsonRoundTripKeepsPredictionsAndProtocol()
    {
        const auto original = smallReport({"A", "B", "C"});
        const auto back = reportFromJson(reportToJson(original));
        QCOMPARE(back.classes, original.classes);
        QCOMPARE(back.models.size(), std::size_t(2));
        for (std::size_t i = 0; i < 2; ++i) {
            const auto &a = original.models[i], &b = back.models[i];
            QCOMPARE(b.name, a.name);
            QCOMPARE(b.accuracyMean, a.accuracyMean);
            QCOMPARE(b.confusion, a.confusion);
            QCOMPARE(b.folds.size(), a.folds.size());
            QCOMPARE(b.predictions.size(), std::size_t(16));
            for (std::size_t k = 0; k < a.predictions.size(); ++k) {
                QCOMPARE(b.predictions[k].sample, a.predictions[k].sample);
                QCOMPARE(b.predictions[k].fold, a.predictions[k].fold);
                QCOMPARE(b.predictions[k].truth, a.predictions[k].truth);
                QCOMPARE(b.predictions[k].predicted, a.predictions[k].predicted);
                QCOMPARE(b.predictions[k].probabilities, a.predictions[k].probabilities);
            }
        }
        QCOMPARE(back.protocol.grouping, std::string("duplicates"));
        QCOMPARE(back.protocol.createdWith, std::string("genrescope 0.1.0"));
        QCOMPARE(back.protocol.seed, std::uint64_t(7));
        QVERIFY(back.protocol.grouped);
    }

    // Multi-genre songs (FMA genres_all): four songs of smallReport carry a second genre. Three of
    // the four errors then name one of the song's genres; by any listed genre the confusion is
    //   A: 6 0 0   B: 1 5 0   C: 0 0 4
    // so top-1 = 15/16, recall 1, 5/6, 1 (balanced 0.94444), precision 6/7, 1, 1,
    // F1 12/13, 10/11, 1 (macro 0.944056).
    void anyGenreScoresCountAnyListedGenre()
    {
        auto report = smallReport({"A", "B", "C"});
        auto& m = report.models[0];
        QCOMPARE(outOfFoldAnyGenre(m, report.classes).multiGenreSongs, std::size_t(0)); // none yet
        for (auto& model : report.models) { // the same songs for every model
            model.predictions[5].genres = {0, 1};  // A song, predicted B: also B
            model.predictions[6].genres = {0, 1};  // B song, predicted A: also A
            model.predictions[11].genres = {1, 2}; // B song, predicted C: also C
            model.predictions[12].genres = {0, 2}; // C song, predicted C
        }
        const auto any = outOfFoldAnyGenre(m, report.classes);
        QCOMPARE(any.multiGenreSongs, std::size_t(4));
        QCOMPARE(any.top1, 15.0 / 16.0);
        QCOMPARE(any.top3, 1.0);
        QVERIFY(std::abs(any.metrics.balancedAccuracy - (1 + 5.0 / 6 + 1) / 3) < 1e-12);
        QVERIFY(std::abs(any.metrics.perClass[0].precision - 6.0 / 7) < 1e-12);
        QVERIFY(std::abs(any.metrics.perClass[0].f1 - 12.0 / 13) < 1e-12);
        QVERIFY(std::abs(any.metrics.perClass[1].f1 - 10.0 / 11) < 1e-12);
        QVERIFY(std::abs(any.metrics.macroF1 - (12.0 / 13 + 10.0 / 11 + 1) / 3) < 1e-12);

        // JSON keeps each song's genres and states the scores; the table and HTML show them.
        const auto json = reportToJson(report);
        const auto back = reportFromJson(json);
        QCOMPARE(back.models[0].predictions[11].genres, (std::vector<int>{1, 2}));
        QVERIFY(back.models[0].predictions[0].genres.empty());
        QVERIFY(json.find("\"any_genre\"") != std::string::npos);
        QCOMPARE(outOfFoldAnyGenre(back.models[0], back.classes).top1, 15.0 / 16.0);
        const auto table = formatComparisonTable(report);
        QVERIFY2(table.find("By any listed genre (4 songs") != std::string::npos, table.c_str());
        QVERIFY2(table.find("top-1 93.75%") != std::string::npos, table.c_str());
        HtmlReportInput input;
        input.report = &report;
        const auto html = htmlReport(input);
        QVERIFY(html.find("Songs with several genres") != std::string::npos);
        QVERIFY(html.find("93.75") != std::string::npos);
        // Without multi-genre songs, nothing of it appears.
        const auto plain = smallReport({"A", "B", "C"});
        QVERIFY(formatComparisonTable(plain).find("By any listed genre") == std::string::npos);
        QVERIFY(reportToJson(plain).find("any_genre") == std::string::npos);
    }

    // A sample's genres as class indices: unknown names (FMA sub-genres that are no class) are
    // dropped, the label is always one of them, and one genre alone is not "several".
    void genreIndicesKeepOnlyKnownClasses()
    {
        LabelledSet set;
        set.classes = {"Pop", "Punk", "Rock"};
        Sample s;
        s.label = 2;
        s.genres = {"Punk", "Rock", "Jazz"};
        QCOMPARE(cv::genreIndices(set, s), (std::vector<int>{1, 2}));
        s.genres = {"Experimental Pop", "Pop"}; // the label Rock is added
        QCOMPARE(cv::genreIndices(set, s), (std::vector<int>{0, 2}));
        s.genres = {"Rock"};
        QVERIFY(cv::genreIndices(set, s).empty());
        s.genres = {"Jazz"};
        QVERIFY(cv::genreIndices(set, s).empty());
        s.genres.clear();
        QVERIFY(cv::genreIndices(set, s).empty());
    }

    void oldReportsWithoutPredictionsStillLoad()
    {
        auto json = nlohmann::json::parse(reportToJson(smallReport({"A", "B", "C"})));
        for (auto& m : json["models"])
            m.erase("predictions");
        json["protocol"].erase("grouping");
        json["protocol"].erase("created_with");
        const auto back = reportFromJson(json.dump());
        QCOMPARE(back.models.size(), std::size_t(2));
        QVERIFY(back.models[0].predictions.empty());
        QCOMPARE(back.models[0].confusion, kConfusion);
        QVERIFY(back.protocol.grouping.empty());
        QVERIFY_THROWS_EXCEPTION(gs::Error, reportFromJson("{\"classes\": 3}"));
    }

    void scaleConfusionValues()
    {
        const auto counts = scaleConfusion(kConfusion, ConfusionScale::Counts);
        QCOMPARE(counts[1][2], 1.0);
        const auto byTrue = scaleConfusion(kConfusion, ConfusionScale::ByTrue);
        QCOMPARE(byTrue[1][0], 2.0 / 6);
        QCOMPARE(byTrue[1][1], 3.0 / 6);
        QCOMPARE(byTrue[2][2], 1.0);
        const auto byPredicted = scaleConfusion(kConfusion, ConfusionScale::ByPredicted);
        QCOMPARE(byPredicted[0][0], 5.0 / 7); // precision of A
        QCOMPARE(byPredicted[1][0], 2.0 / 7);
        QCOMPARE(byPredicted[2][2], 4.0 / 5);
        const auto overAll = scaleConfusion(kConfusion, ConfusionScale::OverAll);
        QCOMPARE(overAll[0][0], 5.0 / 16);
        QCOMPARE(overAll[2][2], 4.0 / 16);
        // An empty row and column divide to 0, never NaN.
        const auto empty = scaleConfusion({{3, 0}, {0, 0}}, ConfusionScale::ByTrue);
        QCOMPARE(empty[1][0], 0.0);
        QCOMPARE(scaleConfusion({{3, 0}, {0, 0}}, ConfusionScale::ByPredicted)[0][1], 0.0);
    }

    void confusionCsvParsesBackToTheCounts()
    {
        const std::vector<std::string> classes{"blues", "hip,hop", "say \"what\""};
        const auto m = model("knn", 0.75, classes);
        const auto rows = parseCsv(confusionToCsv(m, classes));
        QCOMPARE(rows.size(), std::size_t(5)); // header, 3 genres, total
        QCOMPARE(rows[0], (std::vector<std::string>{"true\\predicted", "blues", "hip,hop", "say \"what\"", "total"}));
        for (std::size_t r = 0; r < 3; ++r) {
            QCOMPARE(rows[r + 1][0], classes[r]);
            long rowSum = 0;
            for (std::size_t c = 0; c < 3; ++c) {
                QCOMPARE(std::stol(rows[r + 1][c + 1]), kConfusion[r][c]);
                rowSum += kConfusion[r][c];
            }
            QCOMPARE(std::stol(rows[r + 1][4]), rowSum);
        }
        QCOMPARE(rows[4], (std::vector<std::string>{"total", "7", "4", "5", "16"}));
    }

    void perClassCsvAveragesMatchHandComputedValues()
    {
        const auto rows = parseCsv(perClassToCsv(model("knn", 0.75, {"A", "B", "C"})));
        QCOMPARE(rows.size(), std::size_t(6));
        QCOMPARE(rows[0], (std::vector<std::string>{"genre", "precision", "recall", "f1", "support"}));
        // Per genre: precision = TP/column, recall = TP/row, F1 = 2TP/(2TP+FP+FN).
        const double p[] = {5.0 / 7, 3.0 / 4, 4.0 / 5}, r[] = {5.0 / 6, 3.0 / 6, 4.0 / 4}, f[] = {10.0 / 13, 6.0 / 10, 8.0 / 9};
        const long support[] = {6, 6, 4};
        for (int g = 0; g < 3; ++g) {
            QVERIFY(std::abs(std::stod(rows[std::size_t(g) + 1][1]) - p[g]) < 1e-6);
            QVERIFY(std::abs(std::stod(rows[std::size_t(g) + 1][2]) - r[g]) < 1e-6);
            QVERIFY(std::abs(std::stod(rows[std::size_t(g) + 1][3]) - f[g]) < 1e-6);
            QCOMPARE(std::stol(rows[std::size_t(g) + 1][4]), support[g]);
        }
        // sklearn classification_report: macro = plain mean, weighted = support-weighted mean.
        QCOMPARE(rows[4][0], std::string("macro avg"));
        QVERIFY(std::abs(std::stod(rows[4][1]) - (p[0] + p[1] + p[2]) / 3) < 1e-6); // 0.754762
        QVERIFY(std::abs(std::stod(rows[4][2]) - (r[0] + r[1] + r[2]) / 3) < 1e-6); // 0.777778
        QVERIFY(std::abs(std::stod(rows[4][3]) - (f[0] + f[1] + f[2]) / 3) < 1e-6); // 0.752707
        QCOMPARE(rows[4][4], std::string("16"));
        QCOMPARE(rows[5][0], std::string("weighted avg"));
        QVERIFY(std::abs(std::stod(rows[5][1]) - (6 * p[0] + 6 * p[1] + 4 * p[2]) / 16) < 1e-6); // 0.749107
        QVERIFY(std::abs(std::stod(rows[5][2]) - 12.0 / 16) < 1e-6);                             // = accuracy
        QVERIFY(std::abs(std::stod(rows[5][3]) - (6 * f[0] + 6 * f[1] + 4 * f[2]) / 16) < 1e-6); // 0.735684

        const auto json = nlohmann::json::parse(confusionToJson(model("knn", 0.75, {"A", "B", "C"}), {"A", "B", "C"}));
        QCOMPARE(json["accuracy"].get<double>(), 12.0 / 16);
        QVERIFY(std::abs(json["macro_avg"]["f1"].get<double>() - (f[0] + f[1] + f[2]) / 3) < 1e-12);
        QCOMPARE(json["confusion"].get<Confusion>(), kConfusion);
    }

    void htmlReportIsSelfContainedAndEscaped()
    {
        const std::string evil = "<b>&\"x\"";
        const auto report = smallReport({"blues", evil, "rock"});
        LearningCurve curve;
        curve.model = "svm-rbf";
        for (double fr : {0.5, 1.0})
            curve.points.push_back({fr, 8 * fr, 0.6 + 0.2 * fr, 0.05, 0.95, {}});
        HtmlReportInput input;
        input.report = &report;
        input.learningCurves = {curve};
        input.datasetDescription = "folder <songs> & more";
        input.finalModelNote = "svm-rbf refit on all 16 songs";
        const std::string html = htmlReport(input);

        for (const auto& m : report.models) // the metrics table prints what the CLI table prints
            QVERIFY2(html.find(gs::ml::svg::escape(m.name)) != std::string::npos, m.name.c_str());
        QVERIFY(html.find("81.25 \u00b1 4.25") != std::string::npos);
        QVERIFY(html.find("37.50 \u00b1 4.25") != std::string::npos);
        QVERIFY(html.find("&lt;b&gt;&amp;&quot;x&quot;") != std::string::npos);
        QVERIFY(html.find(evil) == std::string::npos);
        QVERIFY(html.find("folder &lt;songs&gt; &amp; more") != std::string::npos);
        QVERIFY(html.find("<script") == std::string::npos);
        QVERIFY(html.find("href=\"http") == std::string::npos && html.find("src=\"http") == std::string::npos);
        QVERIFY(html.find("macro avg") != std::string::npos && html.find("weighted avg") != std::string::npos);
        QVERIFY(html.find("refit on all 16 songs") != std::string::npos);
        QVERIFY(html.find("McNemar") != std::string::npos);

        // One chart each: songs per genre, comparison, F1 heat map, 2 confusion matrices, 1 curve.
        const auto blocks = svgBlocks(html);
        QCOMPARE(blocks.size(), std::size_t(6));
        for (const auto& b : blocks) {
            QString error;
            QVERIFY2(wellFormedXml(b, error), qPrintable(error));
        }
        QCOMPARE(count(html, "<section"), count(html, "</section>"));
        QVERIFY(html.find("dummy baseline 37.5 %") != std::string::npos);
    }

    void reportFilesAreWrittenAtomically()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        const auto report = smallReport({"A", "B", "C"});
        HtmlReportInput input;
        input.report = &report;
        writeReportFile((dir / "r.json").string(), input);
        std::ifstream in(dir / "r.json");
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        QCOMPARE(reportFromJson(text).models[0].predictions.size(), std::size_t(16));
        writeReportFile((dir / "r.HTML").string(), input);
        QVERIFY(fs::file_size(dir / "r.HTML") > 1000);

        try {
            writeReportFile((dir / "r.txt").string(), input);
            QFAIL("a .txt report was accepted");
        } catch (const gs::Error& e) {
            QCOMPARE(e.kind(), gs::ErrorKind::InvalidArgument);
            QVERIFY(e.subject().find("r.txt") != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(gs::Error, writeReportFile((dir / "missing" / "r.html").string(), input));
        QVERIFY(!fs::exists(dir / "missing"));
        QCOMPARE(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 2L); // no temporary left
    }

    void folderLoadUsesTheCacheAndGroupsDuplicates()
    {
        QTemporaryDir holder;
        const fs::path dir = gs::test::tempDir(holder);
        gs::DemoOptions demo;
        demo.perGenre = 4;
        demo.seconds = 5;
        demo.compressedCopies = false;
        const auto made = gs::makeDemoDataset(dir / "songs", demo);
        const fs::path original = made.files.front();
        fs::copy_file(original, original.parent_path() / "zz-copy.wav");

        DatasetLoadOptions options;
        options.groupBy = "duplicates";
        options.threads = 2;
        options.cacheFile = dir / "cache" / "features.sqlite";
        const auto first = loadDataset(dir / "songs", options);
        QCOMPARE(first.songsAnalysed, made.files.size() + 1);
        QCOMPARE(first.songsFromCache, std::size_t(0));
        QVERIFY2(first.cacheProblem.empty(), first.cacheProblem.c_str());
        QCOMPARE(first.duplicateGroups, std::size_t(1));
        int originalGroup = -2, copyGroup = -3, grouped = 0;
        for (const auto& s : first.set.samples) {
            if (fs::path(s.audioPath).filename() == original.filename())
                originalGroup = s.group;
            if (fs::path(s.audioPath).filename() == "zz-copy.wav")
                copyGroup = s.group;
            grouped += s.group >= 0 ? 1 : 0;
        }
        QVERIFY(originalGroup >= 0);
        QCOMPARE(copyGroup, originalGroup);
        QCOMPARE(grouped, 2); // only the two copies share a group

        // What the first load stored (with fingerprints, as the app does) is read back as is.
        gs::FeatureCache cache(options.cacheFile, first.set.schema.fingerprint());
        QCOMPARE(cache.count(), made.files.size() + 1);
        for (const auto& song : cache.load())
            QVERIFY2(!song.fingerprint.empty() && song.error.empty(), song.path.c_str());
        const auto second = loadDataset(dir / "songs", options);
        QCOMPARE(second.songsFromCache, made.files.size() + 1);
        QCOMPARE(second.songsAnalysed, std::size_t(0));
        QCOMPARE(second.duplicateGroups, std::size_t(1));
        QCOMPARE(second.set.samples.size(), first.set.samples.size());
        for (std::size_t i = 0; i < first.set.samples.size(); ++i) {
            QCOMPARE(second.set.samples[i].features, first.set.samples[i].features);
            QCOMPARE(second.set.samples[i].group, first.set.samples[i].group);
        }

        // A CSV has no audio to fingerprint.
        QVERIFY_THROWS_EXCEPTION(gs::Error, loadFeatureCsv(dir / "none.csv", {}, "duplicates"));
    }
};

QTEST_GUILESS_MAIN(TestMlReport)
#include "test_ml_report.moc"
