#pragma once
// Internal to core/ml: the model implementations behind the registry, and the base class
// that gives every feature-based model its scaler, class count and save/load framing.
#include "core/ml/classifier.h"
#include "core/ml/model_entry.h"
#include "core/ml/scaler.h"

#include <memory>
#include <string>
#include <vector>

namespace gs::ml {

using FeatureRows = std::vector<std::vector<double>>;

class FeatureModel : public Classifier {
public:
    FeatureModel(std::string kind, Hyperparameters params);

    std::string kind() const override { return kind_; }
    Hyperparameters hyperparameters() const override { return params_; }

    void fit(const LabelledSet& train, const TrainContext& context) final;
    std::vector<double> predictProbabilities(const Sample& sample) const final;
    void save(std::ostream& out) const final;
    void load(std::istream& in) final;

protected:
    // x: standardised rows; y: labels in [0, classCount()).
    virtual void fitScaled(const FeatureRows& x, const std::vector<int>& y, const TrainContext& context) = 0;
    virtual std::vector<double> predictScaled(const std::vector<double>& x) const = 0;
    virtual void saveState(std::ostream& out) const = 0;
    virtual void loadState(std::istream& in) = 0;

    double param(const std::string& name) const;
    int classCount() const { return classes_; }
    std::size_t dimension() const { return scaler_.dimension(); }

private:
    std::string kind_;
    Hyperparameters params_;
    FeatureScaler scaler_;
    int classes_ = 0;
};

// Makes any vector a probability distribution: non-finite/negative entries become 0, and an
// all-zero vector becomes uniform.
std::vector<double> normalizedProbabilities(std::vector<double> p);

// The FeatureModel option every feature model declares: log-transform of skewed features.
ParameterSpec logSkewedSpec(double defaultValue = 1);
ParameterSpec quantileNormalSpec(double defaultValue = 0);
// The pre-processing settings a model of models (ensemble, fusion) passes to its feature
// members: its own quantile_normal, if it has one (files saved before it existed do not).
Hyperparameters memberPreprocessing(const Hyperparameters& params);

// Registry entries, each defined beside its model (core/ml/registry.cpp lists them).
ModelEntry dummyModelEntry();           // models_basic.cpp
ModelEntry dummyStratifiedModelEntry(); // models_basic.cpp
ModelEntry knnModelEntry();             // models_basic.cpp
ModelEntry svmLinearModelEntry();       // models_kernel.cpp
ModelEntry svmRbfModelEntry();          // models_kernel.cpp
ModelEntry krrModelEntry();             // models_kernel.cpp
ModelEntry mlpModelEntry();             // model_mlp.cpp
ModelEntry ensembleModelEntry();        // model_ensemble.cpp

// Pairwise coupling of one-vs-one probabilities (Wu, Lin & Weng 2004, method 2):
// r[i][j] = P(class i | class i or j). Returns a distribution over the k classes.
std::vector<double> couplePairwise(const std::vector<std::vector<double>>& r);

} // namespace gs::ml
