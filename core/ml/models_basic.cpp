// Baselines and k-nearest neighbours: plain C++, no Dlib needed.
#include "core/common/error.h"
#include "core/ml/binary_io.h"
#include "core/ml/class_weights.h"
#include "core/ml/models.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

namespace gs::ml {
namespace {

// "dummy": the class priors of the training set (argmax = most frequent class).
// "dummy-stratified": a class drawn from the priors, the draw seeded by the sample itself so
// that predicting is deterministic and const.
class DummyModel final : public FeatureModel {
public:
    DummyModel(const Hyperparameters& params, bool stratified)
        : FeatureModel(stratified ? "dummy-stratified" : "dummy", params)
        , stratified_(stratified)
    {
    }

protected:
    void fitScaled(const FeatureRows& x, const std::vector<int>& y, const TrainContext& context) override
    {
        priors_.assign(std::size_t(classCount()), 0.0);
        for (int label : y)
            priors_[std::size_t(label)] += 1.0;
        for (double& p : priors_)
            p /= double(y.size());
        seed_ = context.seed;
    }

    std::vector<double> predictScaled(const std::vector<double>& x) const override
    {
        if (!stratified_)
            return priors_;
        // FNV-1a over the (standardised) feature bytes and the seed.
        std::uint64_t h = 1469598103934665603ull ^ seed_;
        for (double v : x) {
            std::uint64_t bits;
            std::memcpy(&bits, &v, sizeof bits);
            for (int b = 0; b < 8; ++b) {
                h ^= (bits >> (8 * b)) & 0xff;
                h *= 1099511628211ull;
            }
        }
        const double u = double(h >> 11) * (1.0 / 9007199254740992.0);
        // Half the drawn genre, half the priors: the draw always wins the argmax, and the
        // probabilities stay informative (a pure one-hot would have an unbounded log-loss).
        std::vector<double> p(priors_.size());
        for (std::size_t c = 0; c < priors_.size(); ++c)
            p[c] = 0.5 * priors_[c];
        double cumulative = 0;
        for (std::size_t c = 0; c < priors_.size(); ++c) {
            cumulative += priors_[c];
            if (u < cumulative || c + 1 == priors_.size()) {
                p[c] += 0.5;
                break;
            }
        }
        return p;
    }

    void saveState(std::ostream& out) const override
    {
        bin::writeDoubles(out, priors_);
        bin::writeU64(out, seed_);
    }

    void loadState(std::istream& in) override
    {
        priors_ = bin::readDoubles(in, "class priors", std::size_t(classCount()));
        if (priors_.size() != std::size_t(classCount()))
            throw Error(ErrorKind::Format, "model", "class priors do not match the class count");
        seed_ = bin::readU64(in, "seed");
    }

private:
    bool stratified_;
    std::vector<double> priors_;
    std::uint64_t seed_ = 0;
};

// k nearest neighbours in standardised space. Probabilities are the (optionally distance-
// weighted) neighbour votes with additive smoothing, so that no genre is ever "0 %" on the
// strength of five neighbours. With class weights each neighbour's vote is multiplied by its
// class's weight: the vote share of class c estimates P(c | x), so weighting it by
// w_c ~ 1 / P(c) is the prior correction that makes every class equally likely a priori
// (Saerens, Latinne & Decaestecker 2002), what a weighted loss does for the other models.
class KnnModel final : public FeatureModel {
public:
    explicit KnnModel(const Hyperparameters& params)
        : FeatureModel("knn", params)
    {
    }

protected:
    void fitScaled(const FeatureRows& x, const std::vector<int>& y, const TrainContext&) override
    {
        x_ = x;
        y_ = y;
        updateVoteWeights();
    }

    std::vector<double> predictScaled(const std::vector<double>& x) const override
    {
        const std::size_t k = std::min<std::size_t>(std::size_t(param("k")), x_.size());
        std::vector<std::pair<double, std::size_t>> d(x_.size());
        for (std::size_t i = 0; i < x_.size(); ++i) {
            double s = 0;
            for (std::size_t c = 0; c < x.size(); ++c) {
                const double diff = x[c] - x_[i][c];
                s += diff * diff;
            }
            d[i] = {s, i}; // ties resolved by training order: deterministic
        }
        std::partial_sort(d.begin(), d.begin() + std::ptrdiff_t(k), d.end());
        const bool weighted = param("distance_weighted") != 0;
        std::vector<double> votes(std::size_t(classCount()), 0.0);
        double total = 0;
        for (std::size_t r = 0; r < k; ++r) {
            double w = weighted ? 1.0 / (std::sqrt(d[r].first) + 1e-6) : 1.0;
            // A tiny bonus by rank breaks vote ties in favour of the nearer neighbour.
            w *= 1.0 + 1e-9 * double(k - r);
            w *= voteWeights_[std::size_t(y_[d[r].second])]; // 1 without class weights: unchanged
            votes[std::size_t(y_[d[r].second])] += w;
            total += w;
        }
        const double alpha = param("smoothing") * (total / double(std::max<std::size_t>(k, 1)));
        for (double& v : votes)
            v += alpha;
        return votes;
    }

    void saveState(std::ostream& out) const override
    {
        bin::writeU64(out, x_.size());
        for (std::size_t i = 0; i < x_.size(); ++i) {
            bin::writeI32(out, y_[i]);
            bin::writeDoubles(out, x_[i]);
        }
    }

    void loadState(std::istream& in) override
    {
        const std::size_t n = bin::readCount(in, "neighbour", 1, 10'000'000);
        x_.clear();
        y_.clear();
        for (std::size_t i = 0; i < n; ++i) {
            const int label = bin::readI32(in, "neighbour label");
            if (label < 0 || label >= classCount())
                throw Error(ErrorKind::Format, "model", "neighbour label out of range");
            auto row = bin::readDoubles(in, "neighbour features", dimension());
            if (row.size() != dimension())
                throw Error(ErrorKind::Format, "model", "neighbour of the wrong dimension");
            y_.push_back(label);
            x_.push_back(std::move(row));
        }
        updateVoteWeights();
    }

private:
    // From the stored neighbours' labels, so model files need no new field. Files written
    // before class weights existed have no `class_weight`: they were trained without.
    void updateVoteWeights()
    {
        const auto params = hyperparameters();
        const auto it = params.find("class_weight");
        const ClassWeightMode mode = it == params.end() ? ClassWeightMode::None : classWeightMode(it->second);
        voteWeights_ = trainingClassWeights(mode, y_, classCount());
    }

    FeatureRows x_;
    std::vector<int> y_;
    std::vector<double> voteWeights_; // per class
};

} // namespace

ModelEntry dummyModelEntry()
{
    return {{"dummy", "baseline: always the most frequent genre (probabilities = class priors)", {}, {}},
            [](const Hyperparameters& p) { return std::make_unique<DummyModel>(p, false); }};
}

ModelEntry dummyStratifiedModelEntry()
{
    return {{"dummy-stratified", "baseline: a genre drawn at random from the class priors", {}, {}},
            [](const Hyperparameters& p) { return std::make_unique<DummyModel>(p, true); }};
}

ModelEntry knnModelEntry()
{
    return {{"knn",
             "k nearest neighbours (Euclidean, standardised features), smoothed votes",
             {{"k", 5, 1, 200, "number of neighbours"},
              {"distance_weighted", 0, 0, 1, "1: votes weighted by 1/distance"},
              {"smoothing", 0.5, 0, 10, "additive vote smoothing, in units of one mean vote"},
              // Plain standardisation, like the usual kNN baseline (sklearn k=5).
              logSkewedSpec(0), quantileNormalSpec(), classWeightSpec()},
             {{"k", {1, 3, 5, 7, 9, 13, 17, 25}}, {"distance_weighted", {0, 1}}, {"log_skewed", {0, 1}}}},
            [](const Hyperparameters& p) { return std::make_unique<KnnModel>(p); }};
}

} // namespace gs::ml
