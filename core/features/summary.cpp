#include "core/features/summary.h"

namespace gs {

namespace {
template <typename T>
MeanVar meanVarOf(std::span<const T> values)
{
    MeanVar r;
    if (values.empty())
        return r;
    // Four running sums each: a single double accumulator is bound by the add latency
    // (this runs over two 30-s waveforms per clip).
    const std::size_t n = values.size();
    double sum[4] = {0, 0, 0, 0};
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4)
        for (std::size_t l = 0; l < 4; ++l)
            sum[l] += double(values[i + l]);
    for (; i < n; ++i)
        sum[0] += double(values[i]);
    r.mean = ((sum[0] + sum[1]) + (sum[2] + sum[3])) / double(n);
    double sq[4] = {0, 0, 0, 0};
    for (i = 0; i + 4 <= n; i += 4)
        for (std::size_t l = 0; l < 4; ++l) {
            const double d = double(values[i + l]) - r.mean;
            sq[l] += d * d;
        }
    for (; i < n; ++i) {
        const double d = double(values[i]) - r.mean;
        sq[0] += d * d;
    }
    r.var = ((sq[0] + sq[1]) + (sq[2] + sq[3])) / double(n);
    return r;
}
} // namespace

MeanVar meanVar(std::span<const double> values) { return meanVarOf(values); }
MeanVar meanVar(std::span<const float> values) { return meanVarOf(values); }

} // namespace gs
