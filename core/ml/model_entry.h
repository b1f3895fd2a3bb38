#pragma once
// What each model contributes to the registry, defined next to the model's code: its
// ModelInfo (name, description, hyper-parameters, search grid) and its factory.
// core/ml/registry.cpp lists the entries, one line per model, in availableModels() order.
#include "core/ml/registry.h"

#include <functional>
#include <memory>

namespace gs::ml {

struct ModelEntry {
    ModelInfo info;
    // Builds the model from hyper-parameters already resolved and range-checked by the registry.
    std::function<std::unique_ptr<Classifier>(const Hyperparameters&)> make;
};

} // namespace gs::ml
