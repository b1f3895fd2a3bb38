#pragma once
// Training the model that gets saved: optional nested-free grid search on the whole set
// (inner CV), optional cross-validation report of the same recipe, then a final fit on
// every sample.
#include "core/ml/evaluate.h"
#include "core/ml/model_file.h"

namespace gs::ml {

struct TrainOptions {
    std::string model = "svm-rbf";
    Hyperparameters overrides;
    bool search = false;     // grid search (inner CV on all samples) before the final fit
    int innerFolds = 3;
    int reportFolds = 0;     // > 1: also cross-validate the recipe and keep the report
    std::uint64_t seed = 42;
    int threads = 0;
    ProgressFn progress;
    const CancelToken* cancel = nullptr;
};

// Throws gs::Error (InvalidArgument, Cancelled, ...).
TrainedModel trainModel(const LabelledSet& data, const TrainOptions& options);

} // namespace gs::ml
