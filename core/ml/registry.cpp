#include "core/ml/registry.h"

#include "core/common/error.h"
#include "core/ml/cnn/cnn_factory.h"
#include "core/ml/models.h"

#include <cstdio>
#include <functional>
#include <sstream>

namespace gs::ml {
namespace {

// Functions, not globals: the registry may be used during static initialisation (CLI help).
ParameterSpec logSkewedSpec()
{
    return {"log_skewed", 1, 0, 1, "1: log-transform heavy-tailed positive features before standardising"};
}

ParameterSpec plattFoldsSpec()
{
    return {"platt_folds", 3, 2, 10, "folds used to fit each pairwise Platt sigmoid"};
}

struct Entry {
    ModelInfo info;
    std::function<std::unique_ptr<Classifier>(const Hyperparameters&)> make;
};

const std::vector<Entry>& entries()
{
    static const std::vector<Entry> list = [] {
        std::vector<Entry> e;
        e.push_back({{"dummy", "baseline: always the most frequent genre (probabilities = class priors)", {}, {}},
                     [](const Hyperparameters& p) { return makeDummy(p, false); }});
        e.push_back({{"dummy-stratified", "baseline: a genre drawn at random from the class priors", {}, {}},
                     [](const Hyperparameters& p) { return makeDummy(p, true); }});
        e.push_back({{"knn",
                      "k nearest neighbours (Euclidean, standardised features), smoothed votes",
                      {{"k", 5, 1, 200, "number of neighbours"},
                       {"distance_weighted", 0, 0, 1, "1: votes weighted by 1/distance"},
                       {"smoothing", 0.5, 0, 10, "additive vote smoothing, in units of one mean vote"},
                       logSkewedSpec()},
                      {{"k", {1, 3, 5, 7, 9, 13, 17, 25}}, {"distance_weighted", {0, 1}}}},
                     makeKnn});
        e.push_back({{"svm-linear",
                      "linear SVM, one-vs-one, Platt-scaled and pairwise-coupled probabilities",
                      {{"C", 1, 1e-4, 1e4, "soft-margin penalty"}, plattFoldsSpec(), logSkewedSpec()},
                      {{"C", {0.01, 0.1, 1, 10}}}},
                     makeSvmLinear});
        e.push_back({{"svm-rbf",
                      "RBF-kernel SVM, one-vs-one, Platt-scaled and pairwise-coupled probabilities",
                      {{"C", 10, 1e-3, 1e5, "soft-margin penalty"},
                       {"gamma", 0, 0, 100, "RBF width exp(-gamma |x-y|^2); 0 = 1/n_features"},
                       plattFoldsSpec(), logSkewedSpec()},
                      {{"C", {1, 3, 10, 30, 100}}, {"gamma", {0.005, 0.01, 0.02, 0.04}}}},
                     makeSvmRbf});
        e.push_back({{"krr",
                      "RBF kernel ridge regression, one-vs-one, Platt-scaled and pairwise-coupled",
                      {{"gamma", 0, 0, 100, "RBF width; 0 = 1/n_features"},
                       {"lambda", 0, 0, 1e4, "ridge penalty; 0 = chosen by leave-one-out"},
                       {"max_basis", 400, 10, 5000, "largest kernel basis kept per pairwise machine"},
                       plattFoldsSpec(), logSkewedSpec()},
                      {{"gamma", {0.005, 0.01, 0.02, 0.04}}}},
                     makeKrr});
        e.push_back({{"mlp",
                      "multilayer perceptron (Dlib DNN: fc-relu-dropout x2, softmax), mean of several seeds",
                      {{"hidden1", 256, 4, 4096, "units in the first hidden layer"},
                       {"hidden2", 128, 4, 4096, "units in the second hidden layer"},
                       {"dropout", 0.25, 0, 0.9, "dropout rate after each hidden layer"},
                       {"epochs", 120, 1, 5000, "passes over the training set"},
                       {"batch", 32, 1, 4096, "mini-batch size"},
                       {"learning_rate", 0.001, 1e-6, 1, "Adam step size (cosine-decayed)"},
                       {"weight_decay", 0.0005, 0, 1, "L2 weight decay"},
                       {"seeds", 3, 1, 32, "networks trained with different seeds and averaged"},
                       logSkewedSpec()},
                      {}},
                     makeMlp});
        e.push_back({{"ensemble",
                      "soft vote of svm-rbf, mlp and krr (weights per member; 0 leaves one out)",
                      {{"w_svm_rbf", 1, 0, 100, "weight of svm-rbf"},
                       {"w_mlp", 1, 0, 100, "weight of mlp"},
                       {"w_krr", 1, 0, 100, "weight of krr"},
                       {"w_knn", 0, 0, 100, "weight of knn"},
                       {"w_svm_linear", 0, 0, 100, "weight of svm-linear"}},
                      {}},
                     makeEnsemble});
        ModelInfo cnn{"cnn", "convolutional network on mel spectrograms (needs the audio files)", {}, {}};
        cnn.needsAudio = true;
        cnn.inDefaultComparison = false;
        e.push_back({cnn, makeCnnClassifier});
        return e;
    }();
    return list;
}

const Entry& entry(const std::string& name)
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
