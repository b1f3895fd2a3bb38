#pragma once
// The CNN on mel spectrograms, created through the model registry like every other model.
#include "core/ml/classifier.h"

namespace gs::ml {

std::unique_ptr<Classifier> makeCnnClassifier(const Hyperparameters& overrides);

} // namespace gs::ml
