#include "core/ml/cnn/cnn_factory.h"

#include "core/common/error.h"

namespace gs::ml {

// Placeholder until the CNN lands (issue 4): asking for it gives a clear error.
std::unique_ptr<Classifier> makeCnnClassifier(const Hyperparameters&)
{
    throw Error(ErrorKind::InvalidArgument, "cnn", "the CNN model is not available in this build yet");
}

} // namespace gs::ml
