#pragma once
// The one place that lists the genre models: names, descriptions, hyper-parameters with
// their ranges and defaults, and the grids the nested search tries. The CLI, the GUI and
// the model-file loader all create models through here.
#include "core/common/parameter.h"
#include "core/ml/classifier.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace gs::ml {

struct ModelInfo {
    std::string name;                    // "svm-rbf"
    std::string description;             // one line
    std::vector<ParameterSpec> parameters; // defaults and ranges
    std::map<std::string, std::vector<double>> searchGrid; // empty: nothing to search
    bool needsAudio = false;             // cnn: reads Sample::audioPath, not features
    bool inDefaultComparison = true;     // evaluated when no model list is given
};

const std::vector<ModelInfo>& availableModels();
// Throws gs::Error(InvalidArgument) naming the known models when name is unknown.
const ModelInfo& modelInfo(const std::string& name);

Hyperparameters defaultHyperparameters(const std::string& name);
// Defaults overridden by overrides; unknown names or out-of-range values throw InvalidArgument.
Hyperparameters resolveHyperparameters(const std::string& name, const Hyperparameters& overrides);
std::unique_ptr<Classifier> createClassifier(const std::string& name, const Hyperparameters& overrides = {});

// Every combination of the model's search grid, in a fixed order (first = preferred on ties).
std::vector<Hyperparameters> searchCandidates(const std::string& name);

// "C=10 gamma=0.0175": for tables and logs.
std::string formatHyperparameters(const Hyperparameters& params);

} // namespace gs::ml
