#include "core/ml/cnn/cnn_factory.h"

#include "core/ml/cnn/cnn_classifier.h"
#include "core/ml/cnn/cnn_options.h"

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

ModelEntry cnnModelEntry()
{
    ModelEntry entry{{"cnn", "convolutional network on mel spectrograms (needs the audio files)", CnnOptions::specs(), {}},
                     makeCnnClassifier};
    entry.info.needsAudio = true;
    entry.info.inDefaultComparison = false;
    return entry;
}

} // namespace gs::ml
