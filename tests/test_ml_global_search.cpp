// The global hyper-parameter search (core/ml/global_search.h): its search space read from the
// registry (hand-computed ranges), reproducible choices, a reported score that an independent
// inner CV of the chosen values reproduces exactly (also for the ensemble, whose weights are
// scored from cached member predictions), and the crossValidate / JSON report plumbing.
#include "core/common/error.h"
#include "core/ml/cv_tasks.h"
#include "core/ml/evaluate.h"
#include "core/ml/global_search.h"
#include "core/ml/registry.h"
#include "core/ml/report_writer.h"
#include "tests/testsupport.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

using namespace gs::ml;

namespace {

// Four overlapping Gaussian genres in 5 dimensions (as test_ml_compare): most songs right, not all.
LabelledSet syntheticSet(int perClass, std::uint32_t seed = 3)
{
    LabelledSet data;
    data.classes = {"a", "b", "c", "d"};
    data.schema.name = "synthetic";
    data.schema.columns = {"x0", "x1", "x2", "x3", "x4"};
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0, 1.1);
    for (int i = 0; i < perClass; ++i)
        for (int c = 0; c < 4; ++c) {
            Sample s;
            for (int d = 0; d < 5; ++d)
                s.features.push_back((d == c ? 2.0 : 0.0) + (d == 4 ? 0.5 * c : 0.0) + noise(rng));
            s.label = c;
            data.samples.push_back(s);
        }
    return data;
}

const SearchDimension* find(const std::vector<SearchDimension>& dims, const std::string& name)
{
    for (const auto& d : dims)
        if (d.name == name)
            return &d;
    return nullptr;
}

// Inner-CV accuracy computed here, independently of global_search.cpp, with the inner folds
// and fit seeds the searches document (mixSeed "inner-folds" / "inner-fit").
double innerAccuracy(const std::string& model, const LabelledSet& data, const Hyperparameters& params, int innerFolds,
                     std::uint64_t seed)
{
    const auto foldOf = assignFolds(cv::labelsOf(data), cv::groupsOf(data), innerFolds, mixSeed(seed, "inner-folds"));
    double sum = 0;
    for (int f = 0; f < innerFolds; ++f) {
        std::vector<std::size_t> train, test;
        cv::splitByFold(foldOf, f, train, test);
        auto m = createClassifier(model, params);
        m->fit(cv::subset(data, train), TrainContext{mixSeed(seed, "inner-fit", std::uint64_t(f)), {}, nullptr});
        int correct = 0;
        for (std::size_t i : test)
            correct += int(cv::argmax(m->predictProbabilities(data.samples[i]))) == data.samples[i].label;
        sum += double(correct) / double(test.size());
    }
    return sum / innerFolds;
}

} // namespace

class TestMlGlobalSearch : public QObject {
    Q_OBJECT

private slots:
    void svmRbfSpaceIsTheGridWidenedByOneStep()
    {
        // grid C {1,3,10,30,100}: geometric step 100^(1/4) = 3.1623; gamma {0.005..0.04}: step 2
        const auto dims = globalSearchSpace("svm-rbf", {});
        QCOMPARE(dims.size(), std::size_t(2));
        const auto* c = find(dims, "C");
        const auto* gamma = find(dims, "gamma");
        QVERIFY(c && gamma);
        QVERIFY(c->logScale && !c->integer && gamma->logScale);
        QVERIFY(std::abs(c->low - 1 / std::sqrt(10.0)) < 1e-12);
        QVERIFY(std::abs(c->high - 100 * std::sqrt(10.0)) < 1e-9);
        QVERIFY(std::abs(gamma->low - 0.0025) < 1e-15);
        QVERIFY(std::abs(gamma->high - 0.08) < 1e-15);
        // a value the user fixed is not searched
        const auto onlyGamma = globalSearchSpace("svm-rbf", {{"C", 3}});
        QCOMPARE(onlyGamma.size(), std::size_t(1));
        QCOMPARE(onlyGamma[0].name, std::string("gamma"));
    }

    void wholeNumberGridsAreIntegerRanges()
    {
        const auto dims = globalSearchSpace("knn", {});
        const auto* k = find(dims, "k");
        const auto* weighted = find(dims, "distance_weighted");
        QVERIFY(k && weighted);
        QVERIFY(k->integer && !k->logScale);
        QCOMPARE(k->low, 1.0);
        QCOMPARE(k->high, 25.0);
        QVERIFY(weighted->integer);
        QCOMPARE(weighted->low, 0.0);
        QCOMPARE(weighted->high, 1.0);
        QVERIFY(globalSearchSpace("dummy", {}).empty());
    }

    void ensembleSearchesTheWeightsOfItsMembers()
    {
        // default ensemble: svm-rbf, mlp, krr (w_knn = w_svm_linear = 0 leave those out)
        auto dims = globalSearchSpace("ensemble", {});
        QCOMPARE(dims.size(), std::size_t(3));
        QVERIFY(find(dims, "w_svm_rbf") && find(dims, "w_mlp") && find(dims, "w_krr"));
        for (const auto& d : dims) {
            QVERIFY(d.logScale);
            QCOMPARE(d.low, 0.05);
            QCOMPARE(d.high, 20.0);
        }
        dims = globalSearchSpace("ensemble", {{"w_mlp", 0}, {"w_knn", 1}});
        QCOMPARE(dims.size(), std::size_t(2)); // w_knn fixed by the user, w_mlp = 0 is out
        QVERIFY(find(dims, "w_svm_rbf") && find(dims, "w_krr"));
    }

    void sameSeedSameChoiceAndTheScoreIsReproducible()
    {
        const auto data = syntheticSet(30);
        GlobalSearchOptions options;
        options.budget = 12;
        options.seed = 1234;
        const auto a = globalSearchHyperparameters("svm-rbf", data, {}, options);
        const auto b = globalSearchHyperparameters("svm-rbf", data, {}, options);
        QCOMPARE(formatHyperparameters(a.params), formatHyperparameters(b.params));
        QCOMPARE(a.score, b.score);
        QVERIFY(a.params.count("C") && a.params.count("gamma"));
        const auto dims = globalSearchSpace("svm-rbf", {});
        for (const auto& d : dims) {
            QVERIFY(a.params.at(d.name) >= d.low && a.params.at(d.name) <= d.high);
        }
        // the reported score is the inner-CV accuracy of exactly the chosen values
        QCOMPARE(a.score, innerAccuracy("svm-rbf", data, a.params, options.innerFolds, options.seed));
        QVERIFY(a.score >= 0.5); // separable enough: chance is 0.25
    }

    void logLossObjectiveStillReportsAccuracy()
    {
        const auto data = syntheticSet(25);
        GlobalSearchOptions options;
        options.budget = 6;
        options.objective = "log-loss";
        const auto r = globalSearchHyperparameters("svm-linear", data, {}, options);
        QVERIFY(r.params.count("C"));
        QCOMPARE(r.score, innerAccuracy("svm-linear", data, r.params, options.innerFolds, options.seed));
    }

    void ensembleScoreFromCachedMembersEqualsTheRealEnsemble()
    {
        // svm-rbf + knn (knn fixed at 1, w_svm_rbf searched): cheap members, same logic as the default
        const auto data = syntheticSet(25);
        const Hyperparameters fixed{{"w_mlp", 0}, {"w_krr", 0}, {"w_knn", 1}};
        GlobalSearchOptions options;
        options.budget = 8;
        const auto r = globalSearchHyperparameters("ensemble", data, fixed, options);
        QVERIFY(r.params.at("w_svm_rbf") >= 0.05 && r.params.at("w_svm_rbf") <= 20);
        QCOMPARE(r.params.at("w_knn"), 1.0);
        QCOMPARE(r.params.at("w_mlp"), 0.0);
        QCOMPARE(r.score, innerAccuracy("ensemble", data, r.params, options.innerFolds, options.seed));
    }

    void badOptionsAreRefused()
    {
        const auto data = syntheticSet(10);
        GlobalSearchOptions options;
        options.budget = 0;
        QVERIFY_THROWS_EXCEPTION(gs::Error, globalSearchHyperparameters("svm-rbf", data, {}, options));
        options.budget = 5;
        options.objective = "f1";
        QVERIFY_THROWS_EXCEPTION(gs::Error, globalSearchHyperparameters("svm-rbf", data, {}, options));
        EvaluationOptions cv;
        cv.models = {"knn"};
        cv.folds = 3;
        cv.search = true;
        cv.searchMethod = "random";
        QVERIFY_THROWS_EXCEPTION(gs::Error, crossValidate(data, cv));
    }

    void crossValidateRecordsEachFoldsChoice()
    {
        const auto data = syntheticSet(20);
        EvaluationOptions cv;
        cv.models = {"svm-rbf"};
        cv.folds = 3;
        cv.search = true;
        cv.searchMethod = "global";
        cv.searchBudget = 5;
        cv.threads = 2;
        const auto report = crossValidate(data, cv);
        QCOMPARE(report.protocol.searchMethod, std::string("global"));
        QCOMPARE(report.protocol.searchBudget, 5);
        const auto& m = report.models.front();
        const auto foldOf = cv::outerFolds(data, cv.folds, cv.seed);
        for (int f = 0; f < cv.folds; ++f) {
            // the fold's choice is what a direct search on that training fold returns
            std::vector<std::size_t> train, test;
            cv::splitByFold(foldOf, f, train, test);
            GlobalSearchOptions options;
            options.budget = 5;
            options.seed = mixSeed(cv.seed, "svm-rbf", std::uint64_t(f));
            const auto direct = globalSearchHyperparameters("svm-rbf", cv::subset(data, train), {}, options);
            const auto& fold = m.folds[std::size_t(f)];
            QCOMPARE(fold.searchScore, direct.score);
            QCOMPARE(fold.params.at("C"), direct.params.at("C"));
            QCOMPARE(fold.params.at("gamma"), direct.params.at("gamma"));
        }
        const auto back = reportFromJson(reportToJson(report));
        QCOMPARE(back.protocol.searchMethod, std::string("global"));
        QCOMPARE(back.protocol.searchBudget, 5);
        QCOMPARE(back.protocol.searchObjective, std::string("accuracy"));
        QCOMPARE(back.models.front().folds[1].params.at("C"), m.folds[1].params.at("C"));
        QVERIFY(formatComparisonTable(report).find("global search (5 evaluations, accuracy)") != std::string::npos);
    }

    void cliSearchGlobalAndPlainSearchStillGrid()
    {
        // a synthetic features CSV in our layout (filename,label,length,<features>)
        QTemporaryDir holder;
        const auto dir = gs::test::tempDir(holder);
        const auto data = syntheticSet(12);
        {
            std::ofstream csv(dir / "f.csv");
            csv << "filename,label,length,x0,x1,x2,x3,x4\n";
            for (std::size_t i = 0; i < data.samples.size(); ++i) {
                const auto& s = data.samples[i];
                csv << "song" << i << ".wav," << data.classes[std::size_t(s.label)] << ",30";
                for (double v : s.features)
                    csv << ',' << v;
                csv << '\n';
            }
        }
        const auto run = [&](const QStringList& extra, const std::string& name) {
            QStringList args{"evaluate", QString::fromStdString((dir / "f.csv").string()), "--models", "svm-rbf",
                             "--folds", "2", "--quiet", "-j", "1", "--report",
                             QString::fromStdString((dir / name).string())};
            const auto r = gs::test::runCli(args + extra);
            std::ifstream in(dir / name);
            std::stringstream text;
            text << in.rdbuf();
            return std::make_pair(r, r.exitCode == 0 ? reportFromJson(text.str()) : EvaluationReport{});
        };
        const auto [global, globalReport] = run({"--search", "global", "--search-budget", "4"}, "g.json");
        QVERIFY2(global.exitCode == 0, global.err.constData());
        QCOMPARE(globalReport.protocol.searchMethod, std::string("global"));
        QCOMPARE(globalReport.protocol.searchBudget, 4);
        QVERIFY(globalReport.models.front().folds[0].searchScore >= 0);
        const auto [grid, gridReport] = run({"--search"}, "s.json");
        QVERIFY2(grid.exitCode == 0, grid.err.constData());
        QVERIFY(gridReport.protocol.search);
        QCOMPARE(gridReport.protocol.searchMethod, std::string("grid"));
        // the grid's choices are grid values
        const auto& c = modelInfo("svm-rbf").searchGrid.at("C");
        QVERIFY(std::find(c.begin(), c.end(), gridReport.models.front().folds[0].params.at("C")) != c.end());
        const auto [bad, unused] = run({"--search-objective", "f1"}, "b.json");
        QCOMPARE(bad.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestMlGlobalSearch)
#include "test_ml_global_search.moc"
