#include "core/features/tonal.h"

#include "core/common/error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace gs {

namespace {

// util.normalize(S, norm, axis=-2, threshold=None): frames whose norm is below
// tiny(float32) are left as they are (fill=None). norm = 1, 2 or 0 (= inf).
void normaliseFrames(Matrix& m, int norm)
{
    for (std::size_t t = 0; t < m.cols; ++t) {
        double length = 0;
        for (std::size_t c = 0; c < m.rows; ++c) {
            const double v = std::fabs(double(m(c, t)));
            length = norm == 1 ? length + v : norm == 2 ? length + v * v : std::max(length, v);
        }
        if (norm == 2)
            length = std::sqrt(length);
        if (length < double(std::numeric_limits<float>::min()))
            continue;
        for (std::size_t c = 0; c < m.rows; ++c)
            m(c, t) = float(double(m(c, t)) / length);
    }
}

// scipy.signal.get_window('hann', n, fftbins=False): the symmetric Hann window.
std::vector<double> symmetricHann(int n)
{
    std::vector<double> w(std::size_t(std::max(n, 0)), 1.0);
    if (n > 1)
        for (int i = 0; i < n; ++i)
            w[std::size_t(i)] = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / double(n - 1));
    return w;
}

} // namespace

Matrix chromaCens(const Matrix& chroma, int winLenSmooth)
{
    Matrix quantised = chroma;
    normaliseFrames(quantised, 1);
    static constexpr float kSteps[] = {0.4f, 0.2f, 0.1f, 0.05f};
    for (float& v : quantised.data) {
        // numpy < 2 compares a float32 array with a Python float in float32.
        float q = 0;
        for (float step : kSteps)
            q += v > step ? 0.25f : 0.0f;
        v = q;
    }
    if (winLenSmooth <= 0) {
        normaliseFrames(quantised, 2);
        return quantised;
    }
    std::vector<double> window = symmetricHann(winLenSmooth + 2);
    double total = 0;
    for (double w : window)
        total += w;
    for (double& w : window)
        w /= total;
    // ndimage.convolve with an odd-length window centred on each frame, zeros outside.
    const auto half = std::ptrdiff_t(window.size() / 2);
    const auto frames = std::ptrdiff_t(chroma.cols);
    Matrix smoothed(chroma.rows, chroma.cols);
    for (std::size_t c = 0; c < chroma.rows; ++c) {
        const auto row = quantised.row(c);
        for (std::ptrdiff_t t = 0; t < frames; ++t) {
            double acc = 0;
            const std::ptrdiff_t lo = std::max<std::ptrdiff_t>(0, t - half);
            const std::ptrdiff_t hi = std::min(frames - 1, t + half);
            for (std::ptrdiff_t j = lo; j <= hi; ++j)
                acc += window[std::size_t(j - t + half)] * double(row[std::size_t(j)]);
            smoothed(c, std::size_t(t)) = float(acc);
        }
    }
    normaliseFrames(smoothed, 2);
    return smoothed;
}

Matrix tonnetz(const Matrix& chroma)
{
    if (chroma.rows != 12)
        throw Error(ErrorKind::InvalidArgument, "tonnetz", "needs a 12-bin chroma");
    // phi[p][c] = R_p * cos(pi * (scale_p * c - 0.5 on even rows)), librosa's transform.
    static const double scale[6] = {7.0 / 6, 7.0 / 6, 3.0 / 2, 3.0 / 2, 2.0 / 3, 2.0 / 3};
    static const double radius[6] = {1, 1, 1, 1, 0.5, 0.5};
    double phi[6][12];
    for (int p = 0; p < 6; ++p)
        for (int c = 0; c < 12; ++c) {
            const double v = scale[p] * double(c) - (p % 2 == 0 ? 0.5 : 0.0);
            phi[p][c] = radius[p] * std::cos(std::numbers::pi * v);
        }
    Matrix normalised = chroma;
    normaliseFrames(normalised, 1);
    Matrix out(6, chroma.cols);
    for (std::size_t t = 0; t < chroma.cols; ++t)
        for (int p = 0; p < 6; ++p) {
            double acc = 0;
            for (std::size_t c = 0; c < 12; ++c)
                acc += phi[p][c] * double(normalised(c, t));
            out(std::size_t(p), t) = float(acc);
        }
    return out;
}

Matrix delta(const Matrix& data, int width)
{
    if (width < 3 || width % 2 == 0)
        throw Error(ErrorKind::InvalidArgument, "delta", "width must be odd and at least 3");
    Matrix out(data.rows, data.cols);
    const std::size_t n = data.cols;
    if (n < 2)
        return out;
    // Least-squares slope of row values [first, first + count) against their index.
    const auto slope = [](std::span<const float> row, std::size_t first, std::size_t count) {
        const double centre = 0.5 * double(count - 1);
        double num = 0, den = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const double k = double(i) - centre;
            num += k * double(row[first + i]);
            den += k * k;
        }
        return num / den;
    };
    const std::size_t w = std::size_t(width), half = w / 2;
    for (std::size_t r = 0; r < data.rows; ++r) {
        const auto row = data.row(r);
        auto target = out.row(r);
        if (n < w) {
            std::fill(target.begin(), target.end(), float(slope(row, 0, n)));
            continue;
        }
        for (std::size_t t = half; t + half < n; ++t)
            target[t] = float(slope(row, t - half, w));
        for (std::size_t t = 0; t < half; ++t) {
            target[t] = target[half];
            target[n - 1 - t] = target[n - 1 - half];
        }
    }
    return out;
}

} // namespace gs
