#include "core/features/frame_statistics.h"

#include <algorithm>
#include <cmath>

namespace gs {

const std::array<const char*, FrameStatistics::kCount>& frameStatisticNames()
{
    static const std::array<const char*, FrameStatistics::kCount> names = {"mean", "std", "skew", "kurtosis",
                                                                          "median", "min", "max"};
    return names;
}

FrameStatistics frameStatistics(std::span<const float> values, std::vector<float>& scratch)
{
    FrameStatistics s;
    const std::size_t n = values.size();
    if (n == 0)
        return s;
    double sum = 0;
    float lo = values[0], hi = values[0];
    for (float v : values) {
        sum += double(v);
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    s.mean = sum / double(n);
    s.min = lo;
    s.max = hi;
    // Central moments about the mean, as scipy.stats._moment (two passes).
    double m2 = 0, m3 = 0, m4 = 0;
    for (float v : values) {
        const double d = double(v) - s.mean;
        const double d2 = d * d;
        m2 += d2;
        m3 += d2 * d;
        m4 += d2 * d2;
    }
    m2 /= double(n);
    m3 /= double(n);
    m4 /= double(n);
    s.std = std::sqrt(m2);
    // scipy: zero = m2 <= (finfo(float64).resolution * mean)**2 -> NaN; we give 0 there.
    const double floor = 1e-15 * s.mean;
    if (!(m2 <= floor * floor)) {
        s.skew = m3 / std::pow(m2, 1.5);
        s.kurtosis = m4 / (m2 * m2) - 3.0;
    }
    // np.median of the float64 values: the two middle ones averaged in double.
    scratch.assign(values.begin(), values.end());
    const std::size_t upper = n / 2;
    std::nth_element(scratch.begin(), scratch.begin() + std::ptrdiff_t(upper), scratch.end());
    const double high = scratch[upper];
    s.median = n % 2 == 1 ? high
                          : 0.5 * (double(*std::max_element(scratch.begin(), scratch.begin() + std::ptrdiff_t(upper))) + high);
    return s;
}

} // namespace gs
