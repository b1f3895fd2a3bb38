#pragma once
// The CNN on mel spectrograms, created through the model registry like every other model.
#include "core/ml/classifier.h"

#include <filesystem>

namespace gs::ml {

// Hyperparameters: CnnOptions::specs() (core/ml/cnn/cnn_options.h); unknown names or values
// outside their range throw gs::Error(InvalidArgument). Spectrograms and checkpoints are
// cached in defaultCnnCacheDirectory() ($GENRESCOPE_CACHE_DIR/cnn, else ~/.cache/genrescope/cnn).
// Not an overload: the registry stores &makeCnnClassifier in a std::function.
std::unique_ptr<Classifier> makeCnnClassifier(const Hyperparameters& overrides);
std::unique_ptr<Classifier> makeCnnClassifierWithCache(const Hyperparameters& overrides,
                                                       const std::filesystem::path& cacheDirectory);

} // namespace gs::ml
