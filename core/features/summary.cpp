#include "core/features/summary.h"

#include "core/common/simd.h"

#include <cstddef>

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

typedef double Doubles4 __attribute__((vector_size(32)));

// The float version runs over the two 30-s HPSS waveforms of every clip: sixteen running
// sums (four vectors) in place of four, element-wise conversion (one vcvtps2pd each).
GS_SIMD_CLONES
MeanVar meanVarOfFloats(const float* v, std::size_t n)
{
    MeanVar r;
    if (n == 0)
        return r;
    Doubles4 sum[4] = {};
    std::size_t i = 0;
    for (; i + 16 <= n; i += 16)
        for (std::size_t q = 0; q < 4; ++q) {
            const float* x = v + i + 4 * q;
            sum[q] += Doubles4{double(x[0]), double(x[1]), double(x[2]), double(x[3])};
        }
    const Doubles4 total = (sum[0] + sum[1]) + (sum[2] + sum[3]);
    double s = (total[0] + total[1]) + (total[2] + total[3]);
    for (std::size_t j = i; j < n; ++j)
        s += double(v[j]);
    r.mean = s / double(n);
    const Doubles4 mean = {r.mean, r.mean, r.mean, r.mean};
    Doubles4 sq[4] = {};
    for (i = 0; i + 16 <= n; i += 16)
        for (std::size_t q = 0; q < 4; ++q) {
            const float* x = v + i + 4 * q;
            const Doubles4 d = Doubles4{double(x[0]), double(x[1]), double(x[2]), double(x[3])} - mean;
            sq[q] += d * d;
        }
    const Doubles4 squares = (sq[0] + sq[1]) + (sq[2] + sq[3]);
    double ss = (squares[0] + squares[1]) + (squares[2] + squares[3]);
    for (std::size_t j = i; j < n; ++j) {
        const double d = double(v[j]) - r.mean;
        ss += d * d;
    }
    r.var = ss / double(n);
    return r;
}
} // namespace

MeanVar meanVar(std::span<const double> values) { return meanVarOf(values); }
MeanVar meanVar(std::span<const float> values) { return meanVarOfFloats(values.data(), values.size()); }

} // namespace gs
