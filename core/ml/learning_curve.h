#pragma once
// Would more songs help? Accuracy against the share of training songs: the same outer folds
// as crossValidate (same seed, same grouping), each training fold subsampled to a fraction
// (stratified by genre, whole groups at a time, nested: the 20 % set contains the 10 % set),
// the test fold untouched. A curve still rising at 100 % says more songs would pay.
#include "core/ml/evaluate.h"

#include <string>
#include <vector>

namespace gs::ml {

struct LearningCurvePoint {
    double fraction = 0;               // share of each training fold used
    double trainSize = 0;              // mean training songs over folds
    double accuracyMean = 0;           // test accuracy, mean over folds
    double accuracyStd = 0;            // population std over folds
    double trainAccuracyMean = 0;      // accuracy on the songs trained on (gap = over-fitting)
    std::vector<double> foldAccuracies;
};

struct LearningCurve {
    std::string model;
    Hyperparameters params;
    std::vector<LearningCurvePoint> points; // by increasing fraction
};

struct LearningCurveOptions {
    std::string model = "svm-rbf";
    Hyperparameters overrides;
    std::vector<double> fractions{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0}; // in (0, 1]
    int folds = 10;
    std::uint64_t seed = 42;
    int threads = 0;
    ProgressFn progress;
    const CancelToken* cancel = nullptr;
};

// Throws gs::Error: InvalidArgument (fractions outside (0, 1], unknown model, too few
// songs), Cancelled. Every genre keeps at least one song (one whole group) at any fraction,
// so a tiny fraction may hold a little more than asked. Fraction 1.0 trains each fold's model
// exactly as crossValidate does (same songs in the same order, same seed): its fold
// accuracies are crossValidate's. Repeated fractions are computed once.
LearningCurve learningCurve(const LabelledSet& data, const LearningCurveOptions& options);

// The songs each fold's model learns from at `fraction` (indices into data, ascending, one
// list per outer fold): exactly the sets learningCurve trains on, for tests and for showing
// which songs a point used. Throws as learningCurve for bad folds or fractions.
std::vector<std::vector<std::size_t>> learningCurveTrainingSets(const LabelledSet& data, double fraction, int folds,
                                                                std::uint64_t seed);

} // namespace gs::ml
