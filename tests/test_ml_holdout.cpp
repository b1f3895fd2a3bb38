// Hold-out evaluation on the data's own split (core/ml/holdout.h): fit on training, score on
// test, hyper-parameters chosen on validation. Expected values are worked out by hand.
#include "core/common/error.h"
#include "core/ml/holdout.h"
#include "core/ml/registry.h"

#include <QTest>

using namespace gs::ml;

namespace {

Sample sample(double x, int label, const char* split)
{
    Sample s;
    s.features = {x};
    s.label = label;
    s.split = split;
    return s;
}

// Two genres on a line: a near 0, b near 1. The test song at 0.02 is labelled b on purpose,
// so a 1-nearest-neighbour model gets 2 of the 3 test songs right.
LabelledSet lineSet()
{
    LabelledSet set;
    set.classes = {"a", "b"};
    set.schema.name = "custom";
    set.schema.columns = {"x"};
    set.samples = {sample(0.0, 0, "training"),  sample(0.1, 0, "training"), sample(1.0, 1, "training"),
                   sample(1.1, 1, "training"),  sample(0.05, 0, "test"),     sample(1.05, 1, "test"),
                   sample(0.02, 1, "test"),     sample(0.08, 0, "validation"), sample(0.95, 1, "Validation"),
                   sample(0.5, 0, "")};
    return set;
}

} // namespace

class TestMlHoldout : public QObject {
    Q_OBJECT

private slots:
    void splitRoles()
    {
        QCOMPARE(splitRole("training"), SplitRole::Training);
        QCOMPARE(splitRole("Train"), SplitRole::Training);
        QCOMPARE(splitRole("validation"), SplitRole::Validation);
        QCOMPARE(splitRole("val"), SplitRole::Validation);
        QCOMPARE(splitRole("TEST"), SplitRole::Test);
        QCOMPARE(splitRole(""), SplitRole::None);
        QCOMPARE(splitRole("holdout"), SplitRole::None);
        const auto sizes = splitSizes(lineSet());
        QCOMPARE(sizes.training, std::size_t(4));
        QCOMPARE(sizes.validation, std::size_t(2));
        QCOMPARE(sizes.test, std::size_t(3));
        QCOMPARE(sizes.none, std::size_t(1));
    }

    void fitsOnTrainingScoresOnTest()
    {
        EvaluationOptions options;
        options.models = {"knn"};
        options.overrides["knn"] = {{"k", 1}};
        const auto report = evaluateOnSplit(lineSet(), options);
        QCOMPARE(report.protocol.method, std::string("official-split"));
        QCOMPARE(report.protocol.folds, 1);
        QCOMPARE(report.protocol.samples, std::size_t(7));
        QCOMPARE(report.models.size(), std::size_t(1));
        const auto& m = report.models[0];
        QCOMPARE(m.accuracyMean, 2.0 / 3.0);
        QCOMPARE(m.accuracyStd, 0.0);
        QCOMPARE(m.folds.size(), std::size_t(1));
        QCOMPARE(m.folds[0].trainSize, 4);
        QCOMPARE(m.folds[0].testSize, 3);
        // rows = truth: a -> a once; b -> a once (0.02), b -> b once
        QCOMPARE(m.confusion, (Confusion{{1, 0}, {1, 1}}));
        QCOMPARE(m.predictions.size(), std::size_t(3));
        QCOMPARE(m.predictions[0].sample, 4);
        QCOMPARE(m.predictions[2].sample, 6);
        QCOMPARE(m.predictions[2].predicted, 0);
        // balanced accuracy: recall a = 1, recall b = 1/2
        QCOMPARE(m.balancedAccuracy, 0.75);
    }

    void searchChoosesOnValidation()
    {
        EvaluationOptions options;
        options.models = {"knn"};
        options.search = true;
        const auto data = lineSet();
        const auto report = evaluateOnSplit(data, options);
        const auto& fold = report.models[0].folds[0];
        QVERIFY(fold.searchScore >= 0);
        // the score is the validation accuracy of the chosen values, fitted on training
        LabelledSet training;
        training.classes = data.classes;
        training.schema = data.schema;
        for (const auto& s : data.samples)
            if (splitRole(s.split) == SplitRole::Training)
                training.samples.push_back(s);
        auto model = createClassifier("knn", fold.params);
        model->fit(training, TrainContext{});
        int correct = 0;
        for (std::size_t i : {std::size_t(7), std::size_t(8)}) {
            const auto p = model->predictProbabilities(data.samples[i]);
            correct += int(std::max_element(p.begin(), p.end()) - p.begin()) == data.samples[i].label;
        }
        QCOMPARE(fold.searchScore, correct / 2.0);
    }

    void refusesWhatItCannotDo()
    {
        EvaluationOptions options;
        options.models = {"knn"};
        auto noTest = lineSet();
        for (auto& s : noTest.samples)
            if (s.split == "test")
                s.split = "training";
        QVERIFY_THROWS_EXCEPTION(gs::Error, evaluateOnSplit(noTest, options));
        auto noValidation = lineSet();
        for (auto& s : noValidation.samples)
            if (splitRole(s.split) == SplitRole::Validation)
                s.split = "training";
        options.search = true;
        QVERIFY_THROWS_EXCEPTION(gs::Error, evaluateOnSplit(noValidation, options));
        options.search = false;
        QCOMPARE(evaluateOnSplit(noValidation, options).models.size(), std::size_t(1)); // no search: fine
    }
};

QTEST_GUILESS_MAIN(TestMlHoldout)
#include "test_ml_holdout.moc"
