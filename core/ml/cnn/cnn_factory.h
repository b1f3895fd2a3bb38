#pragma once
// The CNN on mel spectrograms, created through the model registry like every other model.
#include "core/ml/classifier.h"
#include "core/ml/model_entry.h"

#include <filesystem>

namespace gs::ml {

// Hyperparameters: CnnOptions::specs() (core/ml/cnn/cnn_options.h); unknown names or values
// outside their range throw gs::Error(InvalidArgument). Spectrograms and checkpoints are
// cached in defaultCnnCacheDirectory() ($GENRESCOPE_CACHE_DIR/cnn, else ~/.cache/genrescope/cnn).
std::unique_ptr<Classifier> makeCnnClassifier(const Hyperparameters& overrides);
std::unique_ptr<Classifier> makeCnnClassifierWithCache(const Hyperparameters& overrides,
                                                       const std::filesystem::path& cacheDirectory);

// The registry's "cnn" entry: needs audio, declares and checks its own parameters
// (CnnOptions::specs()), and is left out of the default comparison (minutes per fold).
ModelEntry cnnModelEntry();

} // namespace gs::ml
