#pragma once
// Hold-out evaluation on a split the data set itself defines, e.g. FMA's official
// training / validation / test split (Defferrard et al., ISMIR 2017, section 4: models are
// fitted on training, chosen on validation, reported on test), so that scores can be
// compared with the literature. k-fold cross-validation (evaluate.h) stays the default.
#include "core/ml/evaluate.h"

#include <string>

namespace gs::ml {

enum class SplitRole { None, Training, Validation, Test };
// "training"/"train", "validation"/"val"/"valid", "test" (any case); anything else None.
SplitRole splitRole(const std::string& split);

struct SplitSizes {
    std::size_t training = 0, validation = 0, test = 0, none = 0;
};
SplitSizes splitSizes(const LabelledSet& data);

// Every model is fitted on the training songs and scored on the test songs. Without search it
// uses its defaults (with options.overrides); with options.search every grid candidate is
// fitted on training and scored on validation, and the best (earliest on ties) is the one
// fitted on training and scored on test. Validation songs are otherwise unused; songs without
// a split are left out. The report has the crossValidate layout with one "fold" (the test
// set): protocol.method "official-split", folds 1, predictions for the test songs only
// (sample = index into data). Same numbers for the same data and seed, whatever the threads.
// Throws gs::Error(InvalidArgument): no training or test songs, fewer than two genres in
// training, search without validation songs, unknown model; Cancelled.
EvaluationReport evaluateOnSplit(const LabelledSet& data, const EvaluationOptions& options);

} // namespace gs::ml
