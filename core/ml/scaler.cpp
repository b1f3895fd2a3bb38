#include "core/ml/scaler.h"

#include "core/common/error.h"
#include "core/ml/binary_io.h"

#include <algorithm>
#include <cmath>

namespace gs::ml {
namespace {

// Standardised values beyond this are clamped: keeps wild inputs finite and bounded.
constexpr double kClamp = 1e6;
// The quantile map: at most this many reference points per column (sklearn's n_quantiles
// default), and ranks kept this far from 0 and 1 so that the probit stays finite (sklearn's
// BOUNDS_THRESHOLD: outputs lie within +-5.2).
constexpr std::size_t kMaxQuantiles = 1000;
constexpr double kRankBound = 1e-7;
constexpr const char* kTagStandard = "scaler";
constexpr const char* kTagQuantile = "scaler-quantile";

// Values of the sorted `sorted` at `count` evenly spaced probabilities, interpolated linearly
// between order statistics (numpy.percentile's default), made non-decreasing.
std::vector<double> evenQuantiles(const std::vector<double>& sorted, std::size_t count)
{
    std::vector<double> q(count);
    const double last = double(sorted.size() - 1);
    for (std::size_t k = 0; k < count; ++k) {
        const double position = count == 1 ? 0.0 : last * double(k) / double(count - 1);
        const auto below = std::size_t(std::floor(position));
        const std::size_t above = std::min(below + 1, sorted.size() - 1);
        const double t = position - double(below);
        q[k] = sorted[below] + t * (sorted[above] - sorted[below]);
        if (k > 0)
            q[k] = std::max(q[k], q[k - 1]);
    }
    return q;
}

// The rank of x among the quantiles, in [0, 1]: linear between neighbouring quantiles, and the
// middle of a run of equal quantiles (sklearn averages interpolating up and down for that).
double rankAmong(const std::vector<double>& q, double x)
{
    const double step = 1.0 / double(q.size() - 1);
    const auto interpolate = [&](std::size_t upper) { // q[upper - 1] <= x <= q[upper], distinct
        const double lo = q[upper - 1], hi = q[upper];
        return (double(upper - 1) + (x - lo) / (hi - lo)) * step;
    };
    const std::size_t firstNotBelow = std::size_t(std::lower_bound(q.begin(), q.end(), x) - q.begin());
    const std::size_t firstAbove = std::size_t(std::upper_bound(q.begin(), q.end(), x) - q.begin());
    const double fromBelow = firstNotBelow == 0 ? 0.0 : firstNotBelow == q.size() ? 1.0
                           : q[firstNotBelow] == x ? double(firstNotBelow) * step : interpolate(firstNotBelow);
    const double fromAbove = firstAbove == 0 ? 0.0 : firstAbove == q.size() ? 1.0
                           : q[firstAbove - 1] == x ? double(firstAbove - 1) * step : interpolate(firstAbove);
    return 0.5 * (fromBelow + fromAbove);
}

double skewness(const std::vector<double>& v)
{
    if (v.size() < 3)
        return 0;
    double mean = 0;
    for (double x : v)
        mean += x;
    mean /= double(v.size());
    double m2 = 0, m3 = 0;
    for (double x : v) {
        const double d = x - mean;
        m2 += d * d;
        m3 += d * d * d;
    }
    m2 /= double(v.size());
    m3 /= double(v.size());
    return m2 > 0 ? m3 / std::pow(m2, 1.5) : 0;
}

} // namespace

double normalQuantile(double p)
{
    if (!(p > 0 && p < 1))
        throw Error(ErrorKind::InvalidArgument, "normal quantile", "probability " + std::to_string(p) + " is not in (0, 1)");
    // P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution
    // function" (2003): relative error below 1.15e-9, then one Halley step (Acklam's refinement).
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                   1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                   6.680131188771972e+01,  -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                   -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                   3.754408661907416e+00};
    constexpr double kTail = 0.02425;
    const auto tail = [&](double q) {
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    };
    double x;
    if (p < kTail) {
        x = tail(std::sqrt(-2 * std::log(p)));
    } else if (p > 1 - kTail) {
        x = -tail(std::sqrt(-2 * std::log1p(-p)));
    } else {
        const double q = p - 0.5, r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    // Halley: e = Phi(x) - p, computed on the side where it does not cancel.
    const double e = p < 0.5 ? 0.5 * std::erfc(-x / std::sqrt(2.0)) - p : (1 - p) - 0.5 * std::erfc(x / std::sqrt(2.0));
    const double u = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
    return x - u / (1 + x * u / 2);
}

void FeatureScaler::fit(const std::vector<std::vector<double>>& rows, const ScalerOptions& options)
{
    if (rows.empty())
        throw Error(ErrorKind::InvalidArgument, "training set", "no samples to fit the feature scaler on");
    const std::size_t dims = rows.front().size();
    for (const auto& r : rows)
        if (r.size() != dims)
            throw Error(ErrorKind::InvalidArgument, "training set", "feature vectors of different lengths");

    logFloor_.assign(dims, 0.0);
    center_.assign(dims, 0.0);
    scale_.assign(dims, 1.0);
    quantiles_.clear();
    if (options.quantileNormal)
        quantiles_.assign(dims, {});
    std::vector<double> column;
    for (std::size_t c = 0; c < dims; ++c) {
        column.clear();
        for (const auto& r : rows)
            if (std::isfinite(r[c]))
                column.push_back(r[c]);
        if (column.empty())
            continue; // nothing known: the column maps to 0
        if (options.quantileNormal) {
            // The map alone gives (nearly) N(0, 1) on the training rows: centre 0, scale 1.
            std::sort(column.begin(), column.end());
            if (column.front() < column.back())
                quantiles_[c] = evenQuantiles(column, std::min(kMaxQuantiles, column.size()));
            continue; // a constant column keeps no quantiles and maps to 0
        }
        const bool positive = std::all_of(column.begin(), column.end(), [](double x) { return x > 0; });
        if (options.logSkewed && positive) {
            std::vector<double> logged(column.size());
            std::transform(column.begin(), column.end(), logged.begin(), [](double x) { return std::log(x); });
            const double raw = std::abs(skewness(column));
            if (raw > 1.0 && std::abs(skewness(logged)) < raw) {
                logFloor_[c] = *std::min_element(column.begin(), column.end());
                column = std::move(logged);
            }
        }
        double mean = 0;
        for (double x : column)
            mean += x;
        mean /= double(column.size());
        double var = 0;
        for (double x : column)
            var += (x - mean) * (x - mean);
        var /= double(column.size());
        center_[c] = mean;
        const double sd = std::sqrt(var);
        scale_[c] = (std::isfinite(sd) && sd > 1e-12 * std::max(1.0, std::abs(mean))) ? sd : 1.0;
    }
}

std::vector<double> FeatureScaler::transform(const std::vector<double>& x) const
{
    if (x.size() != center_.size())
        throw Error(ErrorKind::Mismatch, "features",
                    "expected " + std::to_string(center_.size()) + " values, got " + std::to_string(x.size()));
    std::vector<double> out(x.size());
    for (std::size_t c = 0; c < x.size(); ++c) {
        double v = x[c];
        if (!std::isfinite(v)) {
            out[c] = 0; // the training mean
            continue;
        }
        if (!quantiles_.empty())
            v = quantileMap(c, v);
        else if (logFloor_[c] > 0)
            v = std::log(std::max(v, logFloor_[c]));
        const double z = (v - center_[c]) / scale_[c];
        out[c] = std::isfinite(z) ? std::clamp(z, -kClamp, kClamp) : 0.0;
    }
    return out;
}

double FeatureScaler::quantileMap(std::size_t column, double value) const
{
    const auto& q = quantiles_[column];
    if (q.size() < 2)
        return 0;
    return normalQuantile(std::clamp(rankAmong(q, value), kRankBound, 1 - kRankBound));
}

std::vector<std::vector<double>> FeatureScaler::transformAll(const std::vector<std::vector<double>>& rows) const
{
    std::vector<std::vector<double>> out;
    out.reserve(rows.size());
    for (const auto& r : rows)
        out.push_back(transform(r));
    return out;
}

std::size_t FeatureScaler::loggedColumns() const
{
    return std::size_t(std::count_if(logFloor_.begin(), logFloor_.end(), [](double f) { return f > 0; }));
}

// A standardising scaler writes exactly what it always wrote (tag "scaler"), so existing model
// files keep loading and new ones without quantiles stay readable by older builds; the
// quantile map has its own tag followed by the tables.
void FeatureScaler::save(std::ostream& out) const
{
    bin::writeTag(out, quantiles_.empty() ? kTagStandard : kTagQuantile);
    bin::writeDoubles(out, logFloor_);
    bin::writeDoubles(out, center_);
    bin::writeDoubles(out, scale_);
    for (const auto& q : quantiles_)
        bin::writeDoubles(out, q);
}

void FeatureScaler::load(std::istream& in)
{
    const std::string tag = bin::readString(in, "model tag", 64);
    if (tag != kTagStandard && tag != kTagQuantile)
        throw Error(ErrorKind::Format, "model", "expected a feature scaler, found '" + tag + "'");
    constexpr std::size_t kMaxFeatures = 1u << 16;
    auto logFloor = bin::readDoubles(in, "scaler log floors", kMaxFeatures);
    auto center = bin::readDoubles(in, "scaler centres", kMaxFeatures);
    auto scale = bin::readDoubles(in, "scaler scales", kMaxFeatures);
    const bool consistent = logFloor.size() == center.size() && scale.size() == center.size();
    bool sane = std::all_of(scale.begin(), scale.end(), [](double s) { return std::isfinite(s) && s > 0; }) &&
                std::all_of(center.begin(), center.end(), [](double m) { return std::isfinite(m); }) &&
                std::all_of(logFloor.begin(), logFloor.end(), [](double f) { return std::isfinite(f) && f >= 0; });
    std::vector<std::vector<double>> quantiles;
    if (consistent && tag == kTagQuantile) {
        quantiles.resize(center.size());
        for (auto& q : quantiles) {
            q = bin::readDoubles(in, "scaler quantiles", kMaxQuantiles);
            sane = sane && q.size() != 1 && std::all_of(q.begin(), q.end(), [](double v) { return std::isfinite(v); }) &&
                   std::is_sorted(q.begin(), q.end());
        }
    }
    if (!consistent || !sane)
        throw Error(ErrorKind::Format, "model", "feature scaler state is inconsistent");
    logFloor_ = std::move(logFloor);
    center_ = std::move(center);
    scale_ = std::move(scale);
    quantiles_ = std::move(quantiles);
}

} // namespace gs::ml
