#include "core/ml/scaler.h"

#include "core/common/error.h"
#include "core/ml/binary_io.h"

#include <algorithm>
#include <cmath>

namespace gs::ml {
namespace {

// Standardised values beyond this are clamped: keeps wild inputs finite and bounded.
constexpr double kClamp = 1e6;

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
    std::vector<double> column;
    for (std::size_t c = 0; c < dims; ++c) {
        column.clear();
        for (const auto& r : rows)
            if (std::isfinite(r[c]))
                column.push_back(r[c]);
        if (column.empty())
            continue; // nothing known: the column maps to 0
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
        if (logFloor_[c] > 0)
            v = std::log(std::max(v, logFloor_[c]));
        const double z = (v - center_[c]) / scale_[c];
        out[c] = std::isfinite(z) ? std::clamp(z, -kClamp, kClamp) : 0.0;
    }
    return out;
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

void FeatureScaler::save(std::ostream& out) const
{
    bin::writeTag(out, "scaler");
    bin::writeDoubles(out, logFloor_);
    bin::writeDoubles(out, center_);
    bin::writeDoubles(out, scale_);
}

void FeatureScaler::load(std::istream& in)
{
    bin::expectTag(in, "scaler");
    constexpr std::size_t kMaxFeatures = 1u << 16;
    logFloor_ = bin::readDoubles(in, "scaler log floors", kMaxFeatures);
    center_ = bin::readDoubles(in, "scaler centres", kMaxFeatures);
    scale_ = bin::readDoubles(in, "scaler scales", kMaxFeatures);
    const bool consistent = logFloor_.size() == center_.size() && scale_.size() == center_.size();
    const bool sane = std::all_of(scale_.begin(), scale_.end(), [](double s) { return std::isfinite(s) && s > 0; }) &&
                      std::all_of(center_.begin(), center_.end(), [](double m) { return std::isfinite(m); }) &&
                      std::all_of(logFloor_.begin(), logFloor_.end(), [](double f) { return std::isfinite(f) && f >= 0; });
    if (!consistent || !sane)
        throw Error(ErrorKind::Format, "model", "feature scaler state is inconsistent");
}

} // namespace gs::ml
