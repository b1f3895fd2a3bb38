// Imbalanced and multi-genre collections: the class-weight rule (sklearn's "balanced"), each
// weighted model raising minority recall on an imbalanced set while auto weights leave a
// balanced set untouched (probability for probability), kNN's weighted votes by hand, top-k
// and any-genre scores by hand, genres above a threshold, and the comparison table that leads
// with balanced accuracy when the genres are imbalanced.
#include "core/common/error.h"
#include "core/ml/class_weights.h"
#include "core/ml/cnn/cnn_options.h"
#include "core/ml/metrics.h"
#include "core/ml/registry.h"
#include "core/ml/report_writer.h"
#include "tests/testsupport.h"

#include <cmath>
#include <random>
#include <sstream>

using namespace gs::ml;

namespace {

// Two overlapping genres: x0 ~ N(0, 1) for "big", N(1.5, 1) for "small"; x1 is noise.
// The Bayes rule under 10:1 priors puts the boundary at x0 = 0.75 + ln(10) / 1.5 = 2.28, where
// only 22 % of "small" songs lie beyond; under equal priors at 0.75 (77 % recall for each).
LabelledSet twoGenres(int big, int small, std::uint32_t seed)
{
    LabelledSet data;
    data.classes = {"big", "small"};
    data.schema.name = "synthetic";
    data.schema.columns = {"x0", "x1"};
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0, 1);
    auto add = [&](int label, double mean) {
        Sample s;
        s.features = {mean + noise(rng), noise(rng)};
        s.label = label;
        data.samples.push_back(s);
    };
    for (int i = 0; i < std::max(big, small); ++i) { // interleaved: sample order is not class order
        if (i < big)
            add(0, 0.0);
        if (i < small)
            add(1, 1.5);
    }
    return data;
}

struct Scores {
    double minorityRecall = 0;
    double balancedAccuracy = 0;
};

Scores score(const Classifier& model, const LabelledSet& test)
{
    Confusion confusion = emptyConfusion(test.classes.size());
    for (const auto& s : test.samples) {
        const auto p = model.predictProbabilities(s);
        const int predicted = p[1] > p[0] ? 1 : 0;
        ++confusion[std::size_t(s.label)][std::size_t(predicted)];
    }
    const Metrics m = computeMetrics(confusion, test.classes);
    return {m.perClass[1].recall, m.balancedAccuracy};
}

// Quick settings: the MLP small and short, so that five models train in seconds.
Hyperparameters quick(const std::string& model, double classWeight)
{
    Hyperparameters p{{"class_weight", classWeight}};
    if (model == "mlp") {
        p["hidden1"] = 32;
        p["hidden2"] = 16;
        p["epochs"] = 60;
        p["seeds"] = 1;
    }
    return p;
}

const std::vector<std::string> kWeightedModels = {"knn", "svm-linear", "svm-rbf", "krr", "mlp"};

ModelReport reportModel(const std::string& name, double accuracy, double balanced, const Confusion& confusion,
                        const std::vector<std::string>& classes)
{
    ModelReport m;
    m.name = name;
    m.accuracyMean = accuracy;
    m.balancedAccuracy = balanced;
    m.macroF1 = balanced - 0.01;
    m.confusion = confusion;
    m.perClass = computeMetrics(confusion, classes).perClass;
    return m;
}

} // namespace

class TestMlBalance : public QObject {
    Q_OBJECT

private slots:
    void balancedWeightsFollowSklearnsRule()
    {
        // sklearn compute_class_weight("balanced", classes=[0, 1], y) with 200 and 20 samples:
        // 220 / (2 * 200) = 0.55 and 220 / (2 * 20) = 5.5.
        const auto w = balancedClassWeights({200, 20});
        QCOMPARE(w.size(), std::size_t(2));
        QCOMPARE(w[0], 0.55);
        QCOMPARE(w[1], 5.5);
        // An absent class weighs 0 and does not count in k: 30 / (2 * 10), 30 / (2 * 20).
        const auto withAbsent = balancedClassWeights({10, 0, 20});
        QCOMPARE(withAbsent[0], 1.5);
        QCOMPARE(withAbsent[1], 0.0);
        QCOMPARE(withAbsent[2], 0.75);
        // Each class then weighs n / k in total.
        QCOMPARE(200 * w[0], 110.0);
        QCOMPARE(20 * w[1], 110.0);
        // A perfectly balanced set: exactly 1 for everybody.
        for (double v : balancedClassWeights({90, 90, 90}))
            QCOMPARE(v, 1.0);
    }

    void autoSwitchesOnAtOneAndAHalf()
    {
        QCOMPARE(imbalanceRatio({200, 20}), 10.0);
        QCOMPARE(imbalanceRatio({5, 0, 5}), 1.0); // absent classes do not count
        QVERIFY(isImbalanced({3, 2}));             // 1.5: imbalanced
        QVERIFY(!isImbalanced({149, 100}));        // 1.49: not
        const std::vector<int> skewed = {0, 0, 0, 1, 1};
        const std::vector<int> even = {0, 1, 0, 1, 2, 2};
        QCOMPARE(trainingClassWeights(ClassWeightMode::Auto, skewed, 2), balancedClassWeights({3, 2}));
        QCOMPARE(trainingClassWeights(ClassWeightMode::Auto, even, 3), std::vector<double>(3, 1.0));
        QCOMPARE(trainingClassWeights(ClassWeightMode::None, skewed, 2), std::vector<double>(2, 1.0));
        QCOMPARE(trainingClassWeights(ClassWeightMode::Balanced, skewed, 2),
                 (std::vector<double>{5.0 / 6.0, 5.0 / 4.0}));
        QVERIFY(allWeightsOne(trainingClassWeights(ClassWeightMode::Balanced, even, 3)));
        QVERIFY_THROWS_EXCEPTION(gs::Error, classWeightMode(3));
    }

    void everyWeightedModelDeclaresClassWeightWithAutoDefault()
    {
        for (const auto& name : kWeightedModels) {
            const auto defaults = defaultHyperparameters(name);
            QVERIFY2(defaults.count("class_weight"), name.c_str());
            QCOMPARE(defaults.at("class_weight"), 2.0);
        }
        QVERIFY_THROWS_EXCEPTION(gs::Error, resolveHyperparameters("svm-rbf", {{"class_weight", 3}}));
        // The CNN declares it in its options.
        QCOMPARE(CnnOptions::fromHyperparameters({}).classWeight, 2);
        const auto cnn = CnnOptions::fromHyperparameters({{"class_weight", 1}});
        QCOMPARE(cnn.classWeight, 1);
        QCOMPARE(cnn.toHyperparameters().at("class_weight"), 1.0);
    }

    void knnVotesAreWeightedByClass()
    {
        // 1-D: four "big" songs at 0, 1, 2, 3 and one "small" at 4; the query at 3.4 has the
        // neighbours 3 (big), 4 (small), 2 (big). Balanced weights: 5 / (2 * 4) = 0.625 and
        // 5 / (2 * 1) = 2.5, so the votes are 2 * 0.625 = 1.25 against 2.5: P(small) = 2/3.
        LabelledSet train;
        train.classes = {"big", "small"};
        train.schema.columns = {"x"};
        for (double x : {0.0, 1.0, 2.0, 3.0}) {
            Sample s;
            s.features = {x};
            s.label = 0;
            train.samples.push_back(s);
        }
        Sample small;
        small.features = {4.0};
        small.label = 1;
        train.samples.push_back(small);
        Sample query;
        query.features = {3.4};

        auto plain = createClassifier("knn", {{"k", 3}, {"smoothing", 0}, {"class_weight", 0}});
        plain->fit(train, {});
        const auto p0 = plain->predictProbabilities(query);
        QVERIFY(std::abs(p0[1] - 1.0 / 3.0) < 1e-6);

        auto weighted = createClassifier("knn", {{"k", 3}, {"smoothing", 0}, {"class_weight", 1}});
        weighted->fit(train, {});
        const auto p1 = weighted->predictProbabilities(query);
        QVERIFY2(std::abs(p1[1] - 2.0 / 3.0) < 1e-6, qPrintable(QString::number(p1[1], 'g', 12)));
        // Auto: 4 vs 1 is imbalanced, so auto = balanced.
        auto automatic = createClassifier("knn", {{"k", 3}, {"smoothing", 0}});
        automatic->fit(train, {});
        QCOMPARE(automatic->predictProbabilities(query), p1);

        // The weights survive a save/load (recomputed from the stored neighbours).
        std::stringstream blob;
        weighted->save(blob);
        auto loaded = createClassifier("knn");
        loaded->load(blob);
        QCOMPARE(loaded->predictProbabilities(query), p1);
    }

    void balancedWeightsRaiseMinorityRecall()
    {
        const LabelledSet train = twoGenres(200, 20, 11);
        const LabelledSet test = twoGenres(500, 500, 12); // balanced: recall per genre is what counts
        for (const auto& name : kWeightedModels) {
            auto none = createClassifier(name, quick(name, 0));
            auto balanced = createClassifier(name, quick(name, 1));
            none->fit(train, {});
            balanced->fit(train, {});
            const Scores a = score(*none, test);
            const Scores b = score(*balanced, test);
            qInfo("%-10s minority recall %.3f -> %.3f, balanced accuracy %.3f -> %.3f", name.c_str(), a.minorityRecall,
                  b.minorityRecall, a.balancedAccuracy, b.balancedAccuracy);
            // Bayes: 22 % -> 77 % recall, 60 % -> 77 % balanced accuracy. Clear margins below that.
            QVERIFY2(b.minorityRecall > a.minorityRecall + 0.25, name.c_str());
            QVERIFY2(b.balancedAccuracy > a.balancedAccuracy + 0.05, name.c_str());
            QVERIFY2(b.minorityRecall > 0.55, name.c_str());
        }
    }

    void autoLeavesABalancedSetExactlyAsWithoutWeights()
    {
        const LabelledSet train = twoGenres(60, 60, 21);
        const LabelledSet test = twoGenres(20, 20, 22);
        for (const auto& name : kWeightedModels) {
            auto none = createClassifier(name, quick(name, 0));
            auto automatic = createClassifier(name, quick(name, 2));
            auto balanced = createClassifier(name, quick(name, 1)); // all weights 1 here
            none->fit(train, {});
            automatic->fit(train, {});
            balanced->fit(train, {});
            for (const auto& s : test.samples) {
                const auto p = none->predictProbabilities(s);
                QCOMPARE(automatic->predictProbabilities(s), p);
                QCOMPARE(balanced->predictProbabilities(s), p);
            }
        }
    }

    void topKAccuracyByHand()
    {
        const std::vector<std::vector<double>> p = {
            {0.5, 0.3, 0.2}, // truth 1: rank 1
            {0.2, 0.2, 0.6}, // truth 1: tie with 0, broken by index -> rank 2
            {0.1, 0.2, 0.7}, // truth 2: rank 0
            {0.4, 0.4, 0.2}, // truth 0: tie with 1, 0 first -> rank 0
        };
        const std::vector<int> truth = {1, 1, 2, 0};
        QCOMPARE(probabilityRank(p[1], 1), std::size_t(2));
        QCOMPARE(probabilityRank(p[3], 0), std::size_t(0));
        QCOMPARE(topKAccuracy(p, truth, 1), 0.5);
        QCOMPARE(topKAccuracy(p, truth, 2), 0.75);
        QCOMPARE(topKAccuracy(p, truth, 3), 1.0);
        QVERIFY_THROWS_EXCEPTION(gs::Error, topKAccuracy(p, truth, 0));
        QVERIFY_THROWS_EXCEPTION(gs::Error, topKAccuracy(p, {1}, 1));

        // Song 0 is also listed under genre 0, its most probable: a top-1 hit by any genre.
        const std::vector<std::vector<int>> all = {{1, 0}, {}, {2}, {0}};
        QCOMPARE(anyGenreTopKAccuracy(p, truth, all, 1), 0.75);
        QCOMPARE(anyGenreTopKAccuracy(p, truth, all, 2), 0.75);
    }

    void anyGenreScoresByHand()
    {
        // Three genres; six songs. Song 1 (rock, also punk) predicted punk: a hit by any genre.
        const std::vector<int> truth = {0, 0, 1, 1, 2, 2};
        const std::vector<int> predicted = {0, 1, 1, 0, 2, 1};
        const std::vector<std::vector<int>> all = {{0}, {0, 1}, {1}, {1}, {2}, {2}};
        const Confusion strict = {{1, 1, 0}, {1, 1, 0}, {0, 1, 1}};
        const Confusion any = anyGenreConfusion(predicted, truth, all, 3);
        const Confusion expected = {{2, 0, 0}, {1, 1, 0}, {0, 1, 1}};
        QCOMPARE(any, expected);
        const std::vector<std::string> names = {"rock", "punk", "pop"};
        const Metrics m = computeMetrics(any, names);
        // rock: P = 2/3, R = 1 -> F1 = 0.8; punk: P = 1/2, R = 1/2 -> 0.5; pop: P = 1, R = 1/2 -> 2/3.
        QVERIFY(std::abs(m.perClass[0].f1 - 0.8) < 1e-12);
        QVERIFY(std::abs(m.perClass[1].f1 - 0.5) < 1e-12);
        QVERIFY(std::abs(m.perClass[2].f1 - 2.0 / 3.0) < 1e-12);
        QVERIFY(std::abs(m.accuracy - 4.0 / 6.0) < 1e-12);
        QVERIFY(computeMetrics(strict, names).accuracy < m.accuracy);
        QVERIFY_THROWS_EXCEPTION(gs::Error, anyGenreConfusion({3}, {0}, {{}}, 3));
    }

    void genresAboveThresholdKeepAtLeastTheTopOne()
    {
        const std::vector<double> p = {0.1, 0.45, 0.05, 0.4};
        QCOMPARE(genresAboveThreshold(p, 0.3), (std::vector<int>{1, 3}));
        QCOMPARE(genresAboveThreshold(p, 0.4), (std::vector<int>{1, 3})); // >= P
        QCOMPARE(genresAboveThreshold(p, 0.9), (std::vector<int>{1}));    // at least the top one
        QCOMPARE(genresAboveThreshold(p, 0.0), (std::vector<int>{1, 3, 0, 2}));
        QCOMPARE(genresAboveThreshold({0.5, 0.5}, 0.5), (std::vector<int>{0, 1})); // ties by index
        QVERIFY(genresAboveThreshold({}, 0.5).empty());
    }

    void tablesLeadWithBalancedScoresWhenImbalanced()
    {
        const std::vector<std::string> classes = {"big", "small"};
        EvaluationReport imbalanced;
        imbalanced.classes = classes;
        // "majority" is more accurate, "fair" has the better balanced accuracy.
        imbalanced.models = {reportModel("majority", 0.90, 0.55, {{195, 5}, {17, 3}}, classes),
                             reportModel("fair", 0.80, 0.78, {{160, 40}, {5, 15}}, classes)};
        QVERIFY(reportIsImbalanced(imbalanced));
        QCOMPARE(tableOrder(imbalanced), (std::vector<std::size_t>{1, 0}));
        const std::string table = formatComparisonTable(imbalanced);
        const auto header = table.substr(0, table.find('\n'));
        QVERIFY2(header.find("balanced") < header.find("macro-F1") && header.find("macro-F1") < header.find("accuracy"),
                 header.c_str());
        QVERIFY(table.find("fair") < table.find("majority"));
        QVERIFY(table.find("largest 200 songs, smallest 20: 10.0x") != std::string::npos);

        EvaluationReport even = imbalanced;
        even.models[0] = reportModel("majority", 0.90, 0.55, {{18, 2}, {17, 3}}, classes);
        even.models[1] = reportModel("fair", 0.80, 0.78, {{16, 4}, {5, 15}}, classes);
        QVERIFY(!reportIsImbalanced(even));
        QCOMPARE(tableOrder(even), (std::vector<std::size_t>{0, 1}));
        const std::string evenTable = formatComparisonTable(even);
        const auto evenHeader = evenTable.substr(0, evenTable.find('\n'));
        QVERIFY(evenHeader.find("accuracy") < evenHeader.find("balanced"));
        QVERIFY(evenTable.find("majority") < evenTable.find("fair"));
        QVERIFY(evenTable.find("Note:") == std::string::npos);

        // The HTML metrics table says why and shows top-k from the out-of-fold probabilities.
        OutOfFoldPrediction a, b;
        a.truth = 1;
        a.probabilities = {0.6, 0.4};
        b.truth = 0;
        b.probabilities = {0.7, 0.3};
        imbalanced.models[0].predictions = {a, b};
        QCOMPARE(outOfFoldTopK(imbalanced.models[0], 1), 0.5);
        QCOMPARE(outOfFoldTopK(imbalanced.models[0], 2), 1.0);
        HtmlReportInput input;
        input.report = &imbalanced;
        const std::string html = htmlReport(input);
        QVERIFY(html.find("top-2 %") != std::string::npos);
        QVERIFY(html.find("the genres are imbalanced") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestMlBalance)
#include "test_ml_balance.moc"
