// Comparing models: out-of-fold predictions that agree with the pooled scores, the
// significance tests (against hand-computed and mpmath/scipy values) and the learning curve
// (same folds as crossValidate, nested stratified subsets, independent of threads).
#include "core/common/error.h"
#include "core/ml/evaluate.h"
#include "core/ml/labelled_set.h"
#include "core/ml/learning_curve.h"
#include "core/ml/significance.h"
#include "tests/testsupport.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <random>
#include <set>

using namespace gs::ml;

namespace {

// Four overlapping Gaussian genres in 5 dimensions: models get most songs right, not all.
// groupSize > 1: consecutive songs of a genre share a group (like clips of one song).
LabelledSet syntheticSet(int perClass, int groupSize = 1, std::uint32_t seed = 3)
{
    LabelledSet data;
    data.classes = {"a", "b", "c", "d"};
    data.schema.name = "synthetic";
    data.schema.columns = {"x0", "x1", "x2", "x3", "x4"};
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0, 1.1);
    int group = 0;
    for (int c = 0; c < 4; ++c)
        for (int i = 0; i < perClass; ++i) {
            Sample s;
            for (int d = 0; d < 5; ++d)
                s.features.push_back((d == c ? 2.0 : 0.0) + (d == 4 ? 0.5 * c : 0.0) + noise(rng));
            s.label = c;
            s.group = groupSize > 1 ? group + i / groupSize : -1;
            data.samples.push_back(s);
        }
    // Interleave the genres so that sample order is not class order.
    std::vector<Sample> mixed;
    for (int i = 0; i < perClass; ++i)
        for (int c = 0; c < 4; ++c)
            mixed.push_back(data.samples[std::size_t(c * perClass + i)]);
    if (groupSize > 1)
        for (int c = 0; c < 4; ++c)
            for (int i = 0; i < perClass; ++i)
                mixed[std::size_t(i * 4 + c)].group = c * perClass + i / groupSize;
    data.samples = mixed;
    return data;
}

std::vector<int> labels(const LabelledSet& d)
{
    std::vector<int> out;
    for (const auto& s : d.samples)
        out.push_back(s.label);
    return out;
}

std::vector<int> groups(const LabelledSet& d)
{
    std::vector<int> out;
    for (const auto& s : d.samples)
        out.push_back(s.group);
    return out;
}

bool close(double a, double b, double tol) { return std::abs(a - b) <= tol; }

} // namespace

class TestMlCompare : public QObject {
    Q_OBJECT
private slots:
    void predictionsAgreeWithConfusionAndScores()
    {
        const auto data = syntheticSet(25);
        EvaluationOptions o;
        o.models = {"knn", "svm-rbf", "dummy-stratified"};
        o.folds = 5;
        o.seed = 9;
        o.threads = 2;
        const auto r = crossValidate(data, o);
        QCOMPARE(r.protocol.createdWith, std::string("genrescope ") + GENRESCOPE_VERSION);
        const auto foldOf = assignFolds(labels(data), groups(data), 5, mixSeed(9, "outer-folds"));
        for (const auto& m : r.models) {
            QCOMPARE(m.predictions.size(), data.samples.size());
            Confusion confusion = emptyConfusion(4);
            std::vector<int> correct(5, 0), size(5, 0);
            double loss = 0;
            for (std::size_t i = 0; i < m.predictions.size(); ++i) {
                const auto& p = m.predictions[i];
                QCOMPARE(p.sample, int(i));
                QCOMPARE(p.truth, data.samples[i].label);
                QCOMPARE(p.fold, foldOf[i]);
                QCOMPARE(p.probabilities.size(), std::size_t(4));
                double sum = 0;
                for (double v : p.probabilities)
                    sum += v;
                QVERIFY(close(sum, 1.0, 1e-9));
                QCOMPARE(p.predicted, int(std::max_element(p.probabilities.begin(), p.probabilities.end()) -
                                          p.probabilities.begin()));
                ++confusion[std::size_t(p.truth)][std::size_t(p.predicted)];
                correct[std::size_t(p.fold)] += p.truth == p.predicted;
                ++size[std::size_t(p.fold)];
                loss += -std::log(std::max(p.probabilities[std::size_t(p.truth)], 1e-15));
            }
            QVERIFY(confusion == m.confusion);
            double mean = 0;
            for (int f = 0; f < 5; ++f) {
                QCOMPARE(m.folds[std::size_t(f)].testSize, size[std::size_t(f)]);
                QCOMPARE(m.folds[std::size_t(f)].accuracy, double(correct[std::size_t(f)]) / size[std::size_t(f)]);
                mean += m.folds[std::size_t(f)].accuracy / 5;
            }
            QVERIFY(close(m.accuracyMean, mean, 1e-12));
            QVERIFY(close(m.logLoss, loss / double(data.samples.size()), 1e-12));
            const auto metrics = computeMetrics(confusion, data.classes);
            QCOMPARE(m.balancedAccuracy, metrics.balancedAccuracy);
            QCOMPARE(m.macroF1, metrics.macroF1);
        }
        // Sanity of the synthetic task: the real models beat chance clearly, not perfectly.
        QCOMPARE(r.models.back().name, std::string("dummy-stratified"));
        QVERIFY(r.models.front().accuracyMean > 0.6 && r.models.front().accuracyMean < 1.0);
    }

    void progressNamesModelFoldAndEpoch()
    {
        const auto data = syntheticSet(10);
        EvaluationOptions o;
        o.models = {"knn", "mlp"};
        o.overrides["mlp"] = {{"epochs", 3}, {"seeds", 1}, {"hidden1", 8}, {"hidden2", 4}};
        o.folds = 3;
        o.threads = 2;
        std::mutex mutex;
        std::set<std::string> stages;
        std::size_t lastDone = 0, total = 0;
        o.progress = [&](const gs::ProgressInfo& p) {
            std::lock_guard lock(mutex);
            stages.insert(p.stage);
            QVERIFY(p.done >= lastDone);
            lastDone = p.done;
            total = p.total;
        };
        crossValidate(data, o);
        QCOMPARE(total, std::size_t(6));
        QCOMPARE(lastDone, std::size_t(6));
        for (int f = 1; f <= 3; ++f) {
            const auto fold = " · fold " + std::to_string(f) + "/3";
            QVERIFY(stages.count("knn (model 1/2)" + fold));
            QVERIFY(stages.count("mlp (model 2/2)" + fold));
            const auto epoch = std::find_if(stages.begin(), stages.end(), [&](const std::string& s) {
                return s.rfind("mlp (model 2/2)" + fold + " · ", 0) == 0 && s.find("epoch 3/3") != std::string::npos;
            });
            QVERIFY2(epoch != stages.end(), "the network's epochs are folded into the stage text");
        }
    }

    void mcnemarExactValues()
    {
        // 2 * P(X <= 1), X ~ Bin(10, 1/2) = 2 * 11/1024
        QCOMPARE(mcnemarExactP(1, 9), 0.021484375);
        QCOMPARE(mcnemarExactP(9, 1), 0.021484375);
        QCOMPARE(mcnemarExactP(0, 0), 1.0);
        QCOMPARE(mcnemarExactP(0, 5), 0.0625); // 2 / 32
        QCOMPARE(mcnemarExactP(5, 5), 1.0);    // 2 * 638/1024 > 1, capped
        // 2 * P(X <= min(b, c)), summed exactly with mpmath (= scipy.stats.binomtest's p)
        QVERIFY(close(mcnemarExactP(20, 80), 1.1159089057251952e-09, 1e-20));
        QVERIFY(close(mcnemarExactP(480, 520), 0.21744829320414094, 1e-12));
        // n > 1000 takes the logarithmic path
        QVERIFY(close(mcnemarExactP(900, 1200), 6.337277315775435e-11, 1e-20));
        QVERIFY(close(mcnemarExactP(1200, 900), 6.337277315775435e-11, 1e-20));
        QCOMPARE(mcnemarExactP(1000, 1000), 1.0);
    }

    void studentTMatchesReferenceValues()
    {
        // t_{0.975, 9} = 2.262157: the two-sided 5 % point
        QVERIFY(close(studentTTwoSidedP(2.262157, 9), 0.05, 1e-6));
        QVERIFY(close(studentTTwoSidedP(-2.262157, 9), 0.05, 1e-6));
        // 1 dof is Cauchy: P(|T| > 1) = 1/2; 2 dof: 1 - t / sqrt(2 + t^2)
        QVERIFY(close(studentTTwoSidedP(1.0, 1), 0.5, 1e-12));
        QVERIFY(close(studentTTwoSidedP(2.0, 2), 1 - 2 / std::sqrt(6.0), 1e-12));
        // mpmath betainc(n/2, 1/2, 0, n/(n+t^2), regularized=True)
        QVERIFY(close(studentTTwoSidedP(0.5, 30), 0.620723004885127, 1e-12));
        QVERIFY(close(studentTTwoSidedP(4.0, 100), 0.000121523644300762, 1e-15));
        QCOMPARE(studentTTwoSidedP(0.0, 5), 1.0);
        QCOMPARE(studentTTwoSidedP(std::numeric_limits<double>::infinity(), 5), 0.0);
        QCOMPARE(studentTTwoSidedP(std::nan(""), 5), 1.0);
    }

    void correctedResampledTByHand()
    {
        // d = {0.1, 0.2, 0, 0.1}: mean 0.1, sample variance 0.02/3; 4-fold ratio 1/3:
        // t = 0.1 / sqrt((1/4 + 1/3) * 0.02/3) = 1.6035674514745462
        const std::vector<double> d{0.1, 0.2, 0.0, 0.1};
        QVERIFY(close(correctedResampledT(d, 1.0 / 3), 1.6035674514745462, 1e-12));
        // the uncorrected paired t would be 0.1 / sqrt(0.02/3/4) = 2.449...: larger
        QVERIFY(close(correctedResampledT(d, 0), 0.1 / std::sqrt(0.02 / 3 / 4), 1e-12));
        QCOMPARE(correctedResampledT({0.05, 0.05, 0.05}, 0.5), std::numeric_limits<double>::infinity());
        QCOMPARE(correctedResampledT({-0.05, -0.05, -0.05}, 0.5), -std::numeric_limits<double>::infinity());
        QCOMPARE(correctedResampledT({0.0, 0.0, 0.0}, 0.5), 0.0);
    }

    void compareModelsOnAHandMadeReport()
    {
        // Two models, 4 folds of 10 test / 30 training songs (ratio 1/3), 40 predictions.
        EvaluationReport r;
        r.classes = {"x", "y"};
        ModelReport a, b;
        a.name = "a";
        b.name = "b";
        const double accA[4] = {0.8, 0.9, 0.7, 0.8}, accB[4] = {0.7, 0.7, 0.7, 0.7};
        for (int f = 0; f < 4; ++f) {
            FoldResult fa, fb;
            fa.accuracy = accA[f];
            fb.accuracy = accB[f];
            fa.testSize = fb.testSize = 10;
            fa.trainSize = fb.trainSize = 30;
            a.folds.push_back(fa);
            b.folds.push_back(fb);
        }
        a.accuracyMean = 0.8;
        b.accuracyMean = 0.7;
        // 40 songs, truth 0: A wrong on songs 0-7, B wrong on songs 4-15 -> b = 8 (12..15 .. ), c = 4
        for (int i = 0; i < 40; ++i) {
            OutOfFoldPrediction pa{i, i / 10, 0, i < 8 ? 1 : 0, {}}, pb{i, i / 10, 0, (i >= 4 && i < 16) ? 1 : 0, {}};
            a.predictions.push_back(pa);
            b.predictions.push_back(pb);
        }
        r.models = {b, a}; // worse first: A must still be the better one
        const auto pairs = compareModels(r);
        QCOMPARE(pairs.size(), std::size_t(1));
        const auto& p = pairs[0];
        QCOMPARE(p.modelA, std::string("a"));
        QCOMPARE(p.modelB, std::string("b"));
        QVERIFY(close(p.meanDifference, 0.1, 1e-12));
        QVERIFY(close(p.tStatistic, 1.6035674514745462, 1e-9));
        QVERIFY(close(p.tPValue, 0.207142843991513, 1e-9)); // mpmath, 3 dof
        QCOMPARE(p.onlyACorrect, 8L);  // songs 8..15
        QCOMPARE(p.onlyBCorrect, 4L);  // songs 0..3
        QVERIFY(close(p.mcnemarPValue, 2.0 * (1 + 12 + 66 + 220 + 495) / 4096.0, 1e-15)); // 2 P(X<=4), Bin(12,1/2)

        // Predictions for other samples: McNemar is not computed.
        r.models[0].predictions.pop_back();
        const auto partial = compareModels(r)[0];
        QCOMPARE(partial.mcnemarPValue, 1.0);
        QCOMPARE(partial.onlyACorrect + partial.onlyBCorrect, 0L);
    }

    void compareModelsCoversEveryPairOfARealReport()
    {
        const auto data = syntheticSet(25);
        EvaluationOptions o;
        o.models = {"knn", "svm-rbf", "dummy"};
        o.folds = 5;
        const auto r = crossValidate(data, o);
        const auto pairs = compareModels(r);
        QCOMPARE(pairs.size(), std::size_t(3));
        for (const auto& p : pairs) {
            const auto find = [&](const std::string& n) {
                return *std::find_if(r.models.begin(), r.models.end(), [&](const ModelReport& m) { return m.name == n; });
            };
            const auto& a = find(p.modelA);
            const auto& b = find(p.modelB);
            QVERIFY(a.accuracyMean >= b.accuracyMean);
            long onlyA = 0, onlyB = 0;
            for (std::size_t i = 0; i < a.predictions.size(); ++i) {
                const bool ra = a.predictions[i].predicted == a.predictions[i].truth;
                const bool rb = b.predictions[i].predicted == b.predictions[i].truth;
                onlyA += ra && !rb;
                onlyB += rb && !ra;
            }
            QCOMPARE(p.onlyACorrect, onlyA);
            QCOMPARE(p.onlyBCorrect, onlyB);
            std::vector<double> d;
            double test = 0, train = 0;
            for (std::size_t f = 0; f < a.folds.size(); ++f) {
                d.push_back(a.folds[f].accuracy - b.folds[f].accuracy);
                test += a.folds[f].testSize;
                train += a.folds[f].trainSize;
            }
            QCOMPARE(p.tStatistic, correctedResampledT(d, test / train));
            QVERIFY(p.tPValue >= 0 && p.tPValue <= 1 && p.mcnemarPValue >= 0 && p.mcnemarPValue <= 1);
        }
        // The majority-class dummy against a real model on 4 balanced genres: clearly worse.
        const auto& vsDummy = *std::find_if(pairs.begin(), pairs.end(), [](const PairwiseComparison& p) {
            return p.modelA == "svm-rbf" && p.modelB == "dummy";
        });
        QVERIFY(vsDummy.mcnemarPValue < 1e-6);
        QVERIFY(vsDummy.tPValue < 0.01);
    }

    void learningCurveAtFullFractionIsCrossValidation()
    {
        const auto data = syntheticSet(30, 2);
        for (const std::string model : {"knn", "svm-rbf"}) {
            EvaluationOptions o;
            o.models = {model};
            o.folds = 5;
            o.seed = 21;
            const auto r = crossValidate(data, o);
            LearningCurveOptions lo;
            lo.model = model;
            lo.folds = 5;
            lo.seed = 21;
            lo.fractions = {1.0, 0.5};
            const auto curve = learningCurve(data, lo);
            QCOMPARE(curve.points.size(), std::size_t(2));
            QCOMPARE(curve.points[0].fraction, 0.5);
            const auto& full = curve.points[1];
            QCOMPARE(full.fraction, 1.0);
            QCOMPARE(full.foldAccuracies.size(), std::size_t(5));
            double trainSize = 0;
            for (int f = 0; f < 5; ++f) {
                QCOMPARE(full.foldAccuracies[std::size_t(f)], r.models[0].folds[std::size_t(f)].accuracy);
                trainSize += r.models[0].folds[std::size_t(f)].trainSize / 5.0;
            }
            QCOMPARE(full.accuracyMean, r.models[0].accuracyMean);
            QVERIFY(close(full.trainSize, trainSize, 1e-12));
            QVERIFY(curve.points[0].trainSize < full.trainSize);
            QVERIFY(full.trainAccuracyMean > 0.5 && full.trainAccuracyMean <= 1.0);
        }
    }

    void learningCurveSubsetsAreNestedStratifiedAndGrouped()
    {
        const auto data = syntheticSet(30, 3); // groups of 3 songs
        const int K = 4;
        const auto foldOf = assignFolds(labels(data), groups(data), K, mixSeed(5, "outer-folds"));
        std::vector<std::vector<std::size_t>> previous(K);
        for (double fraction : {0.1, 0.3, 0.5, 0.8, 1.0}) {
            const auto sets = learningCurveTrainingSets(data, fraction, K, 5);
            QCOMPARE(sets.size(), std::size_t(K));
            for (int f = 0; f < K; ++f) {
                const auto& set = sets[std::size_t(f)];
                QVERIFY(std::is_sorted(set.begin(), set.end()));
                QVERIFY(std::includes(set.begin(), set.end(), previous[std::size_t(f)].begin(), previous[std::size_t(f)].end()));
                std::map<int, int> perClass, perClassFold, perGroupIn, perGroupFold;
                for (std::size_t i : set) {
                    QVERIFY(foldOf[i] != f); // the test fold is untouched
                    ++perClass[data.samples[i].label];
                    ++perGroupIn[data.samples[i].group];
                }
                for (std::size_t i = 0; i < data.samples.size(); ++i)
                    if (foldOf[i] != f) {
                        ++perClassFold[data.samples[i].label];
                        ++perGroupFold[data.samples[i].group];
                    }
                for (const auto& [g, n] : perGroupIn)
                    QCOMPARE(n, perGroupFold[g]); // whole groups only
                for (const auto& [c, n] : perClassFold) {
                    // stratified: each genre's share within one group of the target
                    const double target = std::max(1.0, std::round(fraction * n));
                    QVERIFY2(perClass[c] >= target && perClass[c] < target + 3,
                             qPrintable(QString("genre %1: %2 of %3 at %4").arg(c).arg(perClass[c]).arg(n).arg(fraction)));
                }
                if (fraction == 1.0)
                    QCOMPARE(set.size(), std::size_t(std::count_if(foldOf.begin(), foldOf.end(), [&](int x) { return x != f; })));
                previous[std::size_t(f)] = set;
            }
        }
        QVERIFY_THROWS_EXCEPTION(gs::Error, learningCurveTrainingSets(data, 0.0, K, 5));
        QVERIFY_THROWS_EXCEPTION(gs::Error, learningCurveTrainingSets(data, 1.5, K, 5));
    }

    void learningCurveIsDeterministicAcrossThreads()
    {
        const auto data = syntheticSet(20, 2);
        LearningCurveOptions lo;
        lo.model = "svm-rbf";
        lo.folds = 4;
        lo.fractions = {0.25, 0.5, 1.0};
        lo.threads = 1;
        const auto a = learningCurve(data, lo);
        lo.threads = 2;
        const auto b = learningCurve(data, lo);
        QCOMPARE(a.points.size(), b.points.size());
        for (std::size_t p = 0; p < a.points.size(); ++p) {
            QVERIFY(a.points[p].foldAccuracies == b.points[p].foldAccuracies);
            QCOMPARE(a.points[p].trainAccuracyMean, b.points[p].trainAccuracyMean);
            QCOMPARE(a.points[p].trainSize, b.points[p].trainSize);
        }
        // and so are the out-of-fold predictions of crossValidate
        EvaluationOptions o;
        o.models = {"svm-rbf", "knn"};
        o.folds = 4;
        o.threads = 1;
        const auto r1 = crossValidate(data, o);
        o.threads = 2;
        const auto r2 = crossValidate(data, o);
        for (std::size_t m = 0; m < r1.models.size(); ++m)
            for (std::size_t i = 0; i < data.samples.size(); ++i)
                QVERIFY(r1.models[m].predictions[i].probabilities == r2.models[m].predictions[i].probabilities);
    }

    void learningCurveRefusesBadRequestsAndCancels()
    {
        const auto data = syntheticSet(10);
        LearningCurveOptions lo;
        lo.model = "knn";
        lo.folds = 3;
        for (const std::vector<double>& bad : {std::vector<double>{0.0}, {1.2}, {}, {std::nan("")}}) {
            lo.fractions = bad;
            try {
                learningCurve(data, lo);
                QFAIL("a bad fraction must be refused");
            } catch (const gs::Error& e) {
                QCOMPARE(e.kind(), gs::ErrorKind::InvalidArgument);
            }
        }
        lo.fractions = {0.5, 1.0};
        lo.model = "no-such-model";
        QVERIFY_THROWS_EXCEPTION(gs::Error, learningCurve(data, lo));
        lo.model = "knn";
        gs::CancelToken cancel;
        cancel.cancel();
        lo.cancel = &cancel;
        try {
            learningCurve(data, lo);
            QFAIL("a cancelled learning curve must throw");
        } catch (const gs::Error& e) {
            QCOMPARE(e.kind(), gs::ErrorKind::Cancelled);
        }
    }

    void kagglePairsAgreeWithAccuracies()
    {
        // On real features: the pairwise tests agree in direction with the accuracies, and
        // the corrected t-test is more cautious than McNemar's on 1000 pooled songs.
        GS_REQUIRE_SHARED(csv, "reference/kaggle-gtzan/features_30_sec.csv");
        const auto data = loadFeatureCsv(csv, kaggleExtractionParams());
        EvaluationOptions o;
        o.models = {"svm-rbf", "knn", "dummy"};
        o.folds = 10;
        const auto r = crossValidate(data, o);
        const auto pairs = compareModels(r);
        QCOMPARE(pairs.size(), std::size_t(3));
        for (const auto& p : pairs) {
            QVERIFY(p.meanDifference >= 0);
            QVERIFY(p.tStatistic >= 0);
            qInfo("%s vs %s: +%.1f points, corrected t = %.2f (p = %.3g), McNemar b = %ld, c = %ld (p = %.3g)",
                  p.modelA.c_str(), p.modelB.c_str(), 100 * p.meanDifference, p.tStatistic, p.tPValue, p.onlyACorrect,
                  p.onlyBCorrect, p.mcnemarPValue);
        }
        const auto& top = pairs.front(); // svm-rbf vs knn (75.9 % vs 70.2 %)
        QCOMPARE(top.modelA, std::string("svm-rbf"));
        QCOMPARE(top.modelB, std::string("knn"));
        QVERIFY(top.onlyACorrect > top.onlyBCorrect);
        for (const auto& p : pairs)
            if (p.modelB == "dummy")
                QVERIFY(p.tPValue < 1e-6 && p.mcnemarPValue < 1e-30);
    }
};

QTEST_GUILESS_MAIN(TestMlCompare)
#include "test_ml_compare.moc"
