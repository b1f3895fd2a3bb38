#pragma once
// The feature pre-processing every feature-based model carries inside itself: optional log
// of heavy-tailed positive columns (the *_var features span orders of magnitude), or
// optionally a quantile (rank-Gauss) map of every column onto a standard normal, then
// standardisation. Fitted on the training rows only; never outputs NaN/Inf, whatever comes in.
#include <cstddef>
#include <iosfwd>
#include <vector>

namespace gs::ml {

struct ScalerOptions {
    bool logSkewed = true;       // log-transform positive columns whose log is less skewed
    bool quantileNormal = false; // map each column through its training quantiles onto N(0, 1)
                                 // (sklearn's QuantileTransformer(output_distribution="normal"));
                                 // replaces the log transform
};

// The inverse of the standard normal CDF (probit), |error| < 1e-15 relative on (0, 1): Acklam's
// rational approximation refined by one Halley step on std::erfc. p outside (0, 1) throws.
double normalQuantile(double p);

class FeatureScaler {
public:
    // rows: training feature vectors, all the same length (throws InvalidArgument otherwise).
    void fit(const std::vector<std::vector<double>>& rows, const ScalerOptions& options = {});
    // Finite output of dimension(); missing/non-finite inputs become the training mean (0).
    // A vector of the wrong length throws gs::Error(Mismatch).
    std::vector<double> transform(const std::vector<double>& x) const;
    std::vector<std::vector<double>> transformAll(const std::vector<std::vector<double>>& rows) const;

    std::size_t dimension() const { return center_.size(); }
    std::size_t loggedColumns() const;
    bool quantileNormal() const { return !quantiles_.empty(); }

    void save(std::ostream& out) const;
    void load(std::istream& in);

private:
    std::vector<double> logFloor_; // > 0: column is log-transformed, values clamped to this floor
    std::vector<double> center_;
    std::vector<double> scale_;
    // quantileNormal: per column, its training values at evenly spaced probabilities
    // (non-decreasing, at most kMaxQuantiles); empty otherwise.
    std::vector<std::vector<double>> quantiles_;

    double quantileMap(std::size_t column, double value) const;
};

} // namespace gs::ml
