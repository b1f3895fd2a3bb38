#include "core/dataset/stats.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace gs {

namespace {

double sortedPercentile(const std::vector<double>& sorted, double p)
{
    if (sorted.empty())
        return 0.0;
    const double pos = std::clamp(p, 0.0, 100.0) / 100.0 * double(sorted.size() - 1);
    const auto below = std::size_t(std::floor(pos));
    const auto above = std::min(below + 1, sorted.size() - 1);
    const double t = pos - double(below);
    return sorted[below] + (sorted[above] - sorted[below]) * t;
}

} // namespace

double percentile(std::span<const double> values, double p)
{
    std::vector<double> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    return sortedPercentile(sorted, p);
}

double mean(std::span<const double> values)
{
    if (values.empty())
        return 0.0;
    return std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
}

double sampleVariance(std::span<const double> values)
{
    if (values.size() < 2)
        return 0.0;
    const double m = mean(values);
    double sum = 0.0;
    for (double v : values)
        sum += (v - m) * (v - m);
    return sum / double(values.size() - 1);
}

BoxStats boxStats(std::span<const double> values)
{
    BoxStats s;
    if (values.empty())
        return s;
    std::vector<double> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    s.count = sorted.size();
    s.minimum = sorted.front();
    s.maximum = sorted.back();
    s.q1 = sortedPercentile(sorted, 25);
    s.median = sortedPercentile(sorted, 50);
    s.q3 = sortedPercentile(sorted, 75);
    s.mean = mean(sorted);
    const double iqr = s.q3 - s.q1;
    const double lowFence = s.q1 - 1.5 * iqr, highFence = s.q3 + 1.5 * iqr;
    s.lowerWhisker = *std::find_if(sorted.begin(), sorted.end(), [&](double v) { return v >= lowFence; });
    s.upperWhisker = *std::find_if(sorted.rbegin(), sorted.rend(), [&](double v) { return v <= highFence; });
    for (double v : sorted)
        if (v < lowFence || v > highFence)
            s.outliers.push_back(v);
    return s;
}

Histogram histogram(std::span<const double> values, double low, double high, std::size_t bins, bool density)
{
    Histogram h;
    h.low = low;
    h.high = high;
    h.counts.assign(std::max<std::size_t>(bins, 1), 0.0);
    const double width = high - low;
    std::size_t inside = 0;
    for (double v : values) {
        if (!(v >= low && v <= high))
            continue;
        std::size_t bin = width > 0 ? std::size_t((v - low) / width * double(h.counts.size())) : 0;
        bin = std::min(bin, h.counts.size() - 1);
        h.counts[bin] += 1.0;
        ++inside;
    }
    if (density && inside > 0) {
        const double binWidth = width > 0 ? h.binWidth() : 1.0;
        for (double& c : h.counts)
            c /= double(inside) * binWidth;
    }
    return h;
}

std::vector<double> gaussianKde(std::span<const double> values, std::span<const double> xs)
{
    std::vector<double> out(xs.size(), 0.0);
    if (values.empty())
        return out;
    const double n = double(values.size());
    double sigma = std::sqrt(sampleVariance(values));
    // Constant data has no spread to estimate; keep a finite spike around the value.
    if (!(sigma > 0.0))
        sigma = std::max(1e-3, 1e-3 * std::abs(values[0]));
    const double bw = sigma * std::pow(n, -0.2); // Scott's factor in one dimension
    const double norm = 1.0 / (n * bw * std::sqrt(2.0 * std::numbers::pi));
    for (std::size_t i = 0; i < xs.size(); ++i) {
        double sum = 0.0;
        for (double v : values) {
            const double z = (xs[i] - v) / bw;
            sum += std::exp(-0.5 * z * z);
        }
        out[i] = sum * norm;
    }
    return out;
}

double pearson(std::span<const double> a, std::span<const double> b)
{
    const std::size_t n = std::min(a.size(), b.size());
    if (n < 2)
        return 0.0;
    const double ma = mean(a.first(n)), mb = mean(b.first(n));
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    if (saa <= 0 || sbb <= 0)
        return 0.0;
    return std::clamp(sab / std::sqrt(saa * sbb), -1.0, 1.0);
}

std::vector<double> correlationMatrix(const std::vector<std::vector<double>>& columns)
{
    // Centre and scale each column to unit length once; r = the dot product of two such
    // columns. The same value as pearson() (within rounding), but k dot products instead of
    // k^2 passes with means: a 57 x 57 matrix over 100,000 songs in tens of milliseconds.
    const std::size_t k = columns.size();
    std::vector<std::vector<double>> unit(k);
    std::vector<bool> constant(k, false);
    for (std::size_t i = 0; i < k; ++i) {
        const auto& column = columns[i];
        const double m = mean(column);
        double norm = 0;
        unit[i].resize(column.size());
        for (std::size_t n = 0; n < column.size(); ++n) {
            unit[i][n] = column[n] - m;
            norm += unit[i][n] * unit[i][n];
        }
        constant[i] = column.size() < 2 || norm <= 0;
        const double scale = constant[i] ? 0.0 : 1.0 / std::sqrt(norm);
        for (double& v : unit[i])
            v *= scale;
    }
    std::vector<double> r(k * k, 0.0);
    for (std::size_t i = 0; i < k; ++i) {
        r[i * k + i] = 1.0;
        for (std::size_t j = i + 1; j < k; ++j) {
            double dot = 0;
            if (!constant[i] && !constant[j] && columns[i].size() == columns[j].size())
                for (std::size_t n = 0; n < unit[i].size(); ++n)
                    dot += unit[i][n] * unit[j][n];
            else if (!constant[i] && !constant[j])
                dot = pearson(columns[i], columns[j]); // ragged columns: pearson's shorter-length rule
            r[i * k + j] = r[j * k + i] = std::clamp(dot, -1.0, 1.0);
        }
    }
    return r;
}

void symmetricEigen(std::vector<double> a, std::size_t n, std::vector<double>& eigenvalues,
                    std::vector<std::vector<double>>& eigenvectors)
{
    // Cyclic Jacobi rotations: slow for big n but exact and simple; n <= 57 here.
    std::vector<double> v(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        v[i * n + i] = 1.0;
    for (int sweep = 0; sweep < 100; ++sweep) {
        double off = 0.0;
        for (std::size_t p = 0; p < n; ++p)
            for (std::size_t q = p + 1; q < n; ++q)
                off += a[p * n + q] * a[p * n + q];
        if (off < 1e-22)
            break;
        for (std::size_t p = 0; p < n; ++p) {
            for (std::size_t q = p + 1; q < n; ++q) {
                const double apq = a[p * n + q];
                if (std::abs(apq) < 1e-300)
                    continue;
                const double theta = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
                const double t = (theta >= 0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1.0));
                const double c = 1.0 / std::sqrt(t * t + 1.0), s = t * c;
                for (std::size_t k = 0; k < n; ++k) { // columns p, q
                    const double akp = a[k * n + p], akq = a[k * n + q];
                    a[k * n + p] = c * akp - s * akq;
                    a[k * n + q] = s * akp + c * akq;
                }
                for (std::size_t k = 0; k < n; ++k) { // rows p, q
                    const double apk = a[p * n + k], aqk = a[q * n + k];
                    a[p * n + k] = c * apk - s * aqk;
                    a[q * n + k] = s * apk + c * aqk;
                }
                for (std::size_t k = 0; k < n; ++k) {
                    const double vkp = v[k * n + p], vkq = v[k * n + q];
                    v[k * n + p] = c * vkp - s * vkq;
                    v[k * n + q] = s * vkp + c * vkq;
                }
            }
        }
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return a[x * n + x] > a[y * n + y]; });
    eigenvalues.assign(n, 0.0);
    eigenvectors.assign(n, std::vector<double>(n, 0.0));
    for (std::size_t k = 0; k < n; ++k) {
        eigenvalues[k] = a[order[k] * n + order[k]];
        for (std::size_t i = 0; i < n; ++i)
            eigenvectors[k][i] = v[i * n + order[k]];
    }
}

PcaResult pca(const std::vector<std::vector<double>>& rows, std::size_t components, bool standardise)
{
    PcaResult result;
    if (rows.empty() || rows[0].empty())
        return result;
    const std::size_t n = rows.size(), d = rows[0].size();
    components = std::min(components, d);

    std::vector<double> centre(d, 0.0), scale(d, 1.0);
    for (const auto& r : rows)
        for (std::size_t j = 0; j < d; ++j)
            centre[j] += r[j];
    for (double& c : centre)
        c /= double(n);
    if (standardise) {
        for (std::size_t j = 0; j < d; ++j) {
            double ss = 0.0;
            for (const auto& r : rows)
                ss += (r[j] - centre[j]) * (r[j] - centre[j]);
            const double sd = std::sqrt(ss / double(n)); // StandardScaler uses the population sd
            scale[j] = sd > 0 ? sd : 1.0;
        }
    }
    // Standardised values column by column (contiguous): the covariance is then d^2/2 dot
    // products that vectorise, instead of a scattered update per row (100,000 songs: ~5x faster).
    std::vector<std::vector<double>> z(d, std::vector<double>(n));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < d; ++j)
            z[j][i] = (rows[i][j] - centre[j]) / scale[j];

    std::vector<double> cov(d * d, 0.0);
    const double denom = n > 1 ? double(n - 1) : 1.0;
    for (std::size_t a = 0; a < d; ++a)
        for (std::size_t b = a; b < d; ++b) {
            double sum = 0.0;
            for (std::size_t i = 0; i < n; ++i)
                sum += z[a][i] * z[b][i];
            cov[b * d + a] = cov[a * d + b] = sum / denom;
        }

    std::vector<double> values;
    std::vector<std::vector<double>> vectors;
    symmetricEigen(cov, d, values, vectors);
    double total = 0.0;
    for (double v : values)
        total += std::max(v, 0.0);

    result.components = components;
    for (std::size_t k = 0; k < components; ++k) {
        auto vec = vectors[k];
        const auto biggest = std::max_element(vec.begin(), vec.end(),
                                              [](double x, double y) { return std::abs(x) < std::abs(y); });
        if (*biggest < 0)
            for (double& x : vec)
                x = -x;
        result.loadings.push_back(vec);
        result.explainedVarianceRatio.push_back(total > 0 ? std::max(values[k], 0.0) / total : 0.0);
    }
    result.scores.assign(n, std::vector<double>(components, 0.0));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k = 0; k < components; ++k)
            for (std::size_t j = 0; j < d; ++j)
                result.scores[i][k] += z[j][i] * result.loadings[k][j];
    return result;
}

} // namespace gs
