#include "core/ml/cnn/cnn_factory.h"

#include "core/ml/cnn/cnn_classifier.h"

namespace gs::ml {

std::unique_ptr<Classifier> makeCnnClassifier(const Hyperparameters& overrides)
{
    return makeCnnClassifierWithCache(overrides, defaultCnnCacheDirectory());
}

std::unique_ptr<Classifier> makeCnnClassifierWithCache(const Hyperparameters& overrides,
                                                       const std::filesystem::path& cacheDirectory)
{
    return std::make_unique<CnnClassifier>(CnnOptions::fromHyperparameters(overrides), cacheDirectory);
}

} // namespace gs::ml
