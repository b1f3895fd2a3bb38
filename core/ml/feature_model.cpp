#include "core/common/error.h"
#include "core/ml/binary_io.h"
#include "core/ml/blas_threads.h"
#include "core/ml/models.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gs::ml {

FeatureModel::FeatureModel(std::string kind, Hyperparameters params)
    : kind_(std::move(kind))
    , params_(std::move(params))
{
}

double FeatureModel::param(const std::string& name) const
{
    const auto it = params_.find(name);
    if (it == params_.end())
        throw Error(ErrorKind::Internal, kind_, "hyper-parameter '" + name + "' missing");
    return it->second;
}

void FeatureModel::fit(const LabelledSet& train, const TrainContext& context)
{
    if (train.samples.empty())
        throw Error(ErrorKind::InvalidArgument, kind_, "the training set is empty");
    SingleThreadedBlas blas;
    if (train.classes.empty())
        throw Error(ErrorKind::InvalidArgument, kind_, "the training set names no classes");
    const int classes = int(train.classes.size());
    FeatureRows raw;
    std::vector<int> y;
    raw.reserve(train.samples.size());
    for (const auto& s : train.samples) {
        if (s.label < 0 || s.label >= classes)
            throw Error(ErrorKind::InvalidArgument, kind_, "a training sample has no valid label");
        if (s.features.empty())
            throw Error(ErrorKind::InvalidArgument, kind_, "a training sample has no features (" + s.audioPath + ")");
        raw.push_back(s.features);
        y.push_back(s.label);
    }
    ScalerOptions options;
    options.logSkewed = params_.count("log_skewed") ? param("log_skewed") != 0 : true;
    options.quantileNormal = params_.count("quantile_normal") && param("quantile_normal") != 0;
    scaler_.fit(raw, options);
    classes_ = classes;
    if (context.cancel)
        context.cancel->throwIfCancelled(kind_);
    fitScaled(scaler_.transformAll(raw), y, context);
}

std::vector<double> FeatureModel::predictProbabilities(const Sample& sample) const
{
    if (classes_ == 0)
        throw Error(ErrorKind::InvalidArgument, kind_, "the model has not been trained");
    SingleThreadedBlas blas;
    auto p = normalizedProbabilities(predictScaled(scaler_.transform(sample.features)));
    if (p.size() != std::size_t(classes_))
        throw Error(ErrorKind::Internal, kind_, "probability vector of the wrong size");
    return p;
}

void FeatureModel::save(std::ostream& out) const
{
    bin::writeTag(out, kind_);
    bin::writeI32(out, classes_);
    bin::writeU64(out, params_.size());
    for (const auto& [name, value] : params_) {
        bin::writeString(out, name);
        bin::writeF64(out, value);
    }
    scaler_.save(out);
    saveState(out);
}

void FeatureModel::load(std::istream& in)
{
    bin::expectTag(in, kind_);
    const int classes = bin::readI32(in, "class count");
    if (classes < 1 || classes > 10000)
        throw Error(ErrorKind::Format, "model", "implausible class count " + std::to_string(classes));
    const std::size_t n = bin::readCount(in, "hyper-parameter", 0, 256);
    Hyperparameters params;
    for (std::size_t i = 0; i < n; ++i) {
        std::string name = bin::readString(in, "hyper-parameter name", 256);
        params[name] = bin::readF64(in, "hyper-parameter value");
    }
    FeatureScaler scaler;
    scaler.load(in);
    params_ = std::move(params);
    scaler_ = std::move(scaler);
    classes_ = classes;
    try {
        loadState(in);
    } catch (...) {
        classes_ = 0; // never leave a half-loaded model usable
        throw;
    }
}

std::vector<double> normalizedProbabilities(std::vector<double> p)
{
    double sum = 0;
    for (double& v : p) {
        if (!std::isfinite(v) || v < 0)
            v = 0;
        sum += v;
    }
    if (!(sum > 0) || !std::isfinite(sum)) {
        std::fill(p.begin(), p.end(), p.empty() ? 0.0 : 1.0 / double(p.size()));
        return p;
    }
    for (double& v : p)
        v /= sum;
    return p;
}

std::vector<double> couplePairwise(const std::vector<std::vector<double>>& r)
{
    const std::size_t k = r.size();
    if (k == 0)
        return {};
    if (k == 1)
        return {1.0};
    // Minimise sum_{i<j} (r_ji p_i - r_ij p_j)^2 subject to sum p = 1 by the fixed-point
    // iteration of Wu, Lin & Weng (the one libsvm uses).
    std::vector<std::vector<double>> q(k, std::vector<double>(k, 0.0));
    for (std::size_t t = 0; t < k; ++t)
        for (std::size_t j = 0; j < k; ++j)
            if (j != t) {
                q[t][t] += r[j][t] * r[j][t];
                q[t][j] = -r[j][t] * r[t][j];
            }
    std::vector<double> p(k, 1.0 / double(k)), qp(k);
    const double eps = 0.005 / double(k);
    const int maxIterations = std::max(100, int(k));
    for (int iteration = 0; iteration < maxIterations; ++iteration) {
        double pqp = 0;
        for (std::size_t t = 0; t < k; ++t) {
            qp[t] = 0;
            for (std::size_t j = 0; j < k; ++j)
                qp[t] += q[t][j] * p[j];
            pqp += p[t] * qp[t];
        }
        double worst = 0;
        for (std::size_t t = 0; t < k; ++t)
            worst = std::max(worst, std::abs(qp[t] - pqp));
        if (worst < eps)
            break;
        for (std::size_t t = 0; t < k; ++t) {
            if (q[t][t] <= 0)
                continue;
            const double diff = (-qp[t] + pqp) / q[t][t];
            p[t] += diff;
            pqp = (pqp + diff * (diff * q[t][t] + 2 * qp[t])) / (1 + diff) / (1 + diff);
            for (std::size_t j = 0; j < k; ++j) {
                qp[j] = (qp[j] + diff * q[t][j]) / (1 + diff);
                p[j] /= (1 + diff);
            }
        }
    }
    return normalizedProbabilities(p);
}

// Functions, not globals: the registry may be used during static initialisation (CLI help).
ParameterSpec logSkewedSpec(double defaultValue)
{
    return {"log_skewed", defaultValue, 0, 1, "1: log-transform heavy-tailed positive features before standardising"};
}

Hyperparameters memberPreprocessing(const Hyperparameters& params)
{
    const auto it = params.find("quantile_normal");
    return it == params.end() ? Hyperparameters{} : Hyperparameters{{"quantile_normal", it->second}};
}

ParameterSpec quantileNormalSpec(double defaultValue)
{
    return {"quantile_normal", defaultValue, 0, 1,
            "1: map every feature through its training quantiles onto a normal distribution (rank-Gauss; replaces "
            "log_skewed)"};
}

} // namespace gs::ml
