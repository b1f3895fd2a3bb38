#pragma once
// Internal to core/ml: the model implementations behind the registry, and the base class
// that gives every feature-based model its scaler, class count and save/load framing.
#include "core/ml/classifier.h"
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

// Factories (hyper-parameters already resolved and range-checked by the registry).
std::unique_ptr<Classifier> makeDummy(const Hyperparameters& params, bool stratified);
std::unique_ptr<Classifier> makeKnn(const Hyperparameters& params);
std::unique_ptr<Classifier> makeSvmLinear(const Hyperparameters& params);
std::unique_ptr<Classifier> makeSvmRbf(const Hyperparameters& params);
std::unique_ptr<Classifier> makeKrr(const Hyperparameters& params);
std::unique_ptr<Classifier> makeMlp(const Hyperparameters& params);
std::unique_ptr<Classifier> makeEnsemble(const Hyperparameters& params);

// Pairwise coupling of one-vs-one probabilities (Wu, Lin & Weng 2004, method 2):
// r[i][j] = P(class i | class i or j). Returns a distribution over the k classes.
std::vector<double> couplePairwise(const std::vector<std::vector<double>>& r);

} // namespace gs::ml
