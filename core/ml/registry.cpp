#include "core/ml/registry.h"

#include "core/common/error.h"
#include "core/ml/cnn/cnn_factory.h"
#include "core/ml/model_fusion.h"
#include "core/ml/models.h"

#include <cstdio>
#include <sstream>

namespace gs::ml {
namespace {

// One line per model, in the order of availableModels() (the UI and reports show them so).
// Each entry (name, description, hyper-parameters, search grid, factory) is defined next to
// its model. A function, not a global: the registry may be used during static initialisation.
const std::vector<ModelEntry>& entries()
{
    static const std::vector<ModelEntry> list{
        dummyModelEntry(),     // models_basic.cpp
        dummyStratifiedModelEntry(),
        knnModelEntry(),
        svmLinearModelEntry(), // models_kernel.cpp
        svmRbfModelEntry(),
        krrModelEntry(),
        mlpModelEntry(),       // model_mlp.cpp
        ensembleModelEntry(),  // model_ensemble.cpp
        cnnModelEntry(),       // cnn/cnn_factory.cpp
        fusionModelEntry(),    // model_fusion.cpp
    };
    return list;
}

const ModelEntry& entry(const std::string& name)
{
    for (const auto& e : entries())
        if (e.info.name == name)
            return e;
    std::string known;
    for (const auto& e : entries())
        known += (known.empty() ? "" : ", ") + e.info.name;
    throw Error(ErrorKind::InvalidArgument, name, "unknown model (known: " + known + ")");
}

} // namespace

const std::vector<ModelInfo>& availableModels()
{
    static const std::vector<ModelInfo> infos = [] {
        std::vector<ModelInfo> out;
        for (const auto& e : entries())
            out.push_back(e.info);
        return out;
    }();
    return infos;
}

const ModelInfo& modelInfo(const std::string& name) { return entry(name).info; }

Hyperparameters defaultHyperparameters(const std::string& name)
{
    Hyperparameters p;
    for (const auto& spec : modelInfo(name).parameters)
        p[spec.name] = spec.defaultValue;
    return p;
}

Hyperparameters resolveHyperparameters(const std::string& name, const Hyperparameters& overrides)
{
    const auto& info = modelInfo(name);
    if (info.parameters.empty() && info.needsAudio)
        return overrides; // the audio model declares and checks its own parameters
    Hyperparameters p = defaultHyperparameters(name);
    for (const auto& [key, value] : overrides) {
        bool found = false;
        for (const auto& spec : info.parameters)
            if (spec.name == key) {
                checkRange(spec, value);
                found = true;
            }
        if (!found) {
            std::string known;
            for (const auto& spec : info.parameters)
                known += (known.empty() ? "" : ", ") + spec.name;
            throw Error(ErrorKind::InvalidArgument, name,
                        "no hyper-parameter '" + key + "'" + (known.empty() ? "" : " (has: " + known + ")"));
        }
        p[key] = value;
    }
    return p;
}

std::unique_ptr<Classifier> createClassifier(const std::string& name, const Hyperparameters& overrides)
{
    const auto& e = entry(name);
    return e.make(resolveHyperparameters(name, overrides));
}

std::vector<Hyperparameters> searchCandidates(const std::string& name)
{
    std::vector<Hyperparameters> out{{}};
    for (const auto& [param, values] : modelInfo(name).searchGrid) {
        std::vector<Hyperparameters> next;
        for (const auto& partial : out)
            for (double v : values) {
                auto p = partial;
                p[param] = v;
                next.push_back(std::move(p));
            }
        out = std::move(next);
    }
    return out;
}

std::string formatHyperparameters(const Hyperparameters& params)
{
    std::string out;
    char buf[64];
    for (const auto& [name, value] : params) {
        std::snprintf(buf, sizeof buf, "%.6g", value);
        out += (out.empty() ? "" : " ") + name + "=" + buf;
    }
    return out;
}

} // namespace gs::ml
