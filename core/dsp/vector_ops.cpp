#include "core/dsp/vector_ops.h"

#include "core/common/simd.h"

#include <algorithm>
#include <cstdint>

namespace gs::dsp {

namespace {
typedef float Lanes8 __attribute__((vector_size(32)));
typedef double Doubles4 __attribute__((vector_size(32)));
}

GS_SIMD_CLONES
double dotDouble(const double* a, const double* b, std::size_t n)
{
    Doubles4 even = {0, 0, 0, 0}, odd = {0, 0, 0, 0};
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        Doubles4 a0, a1, b0, b1;
        __builtin_memcpy(&a0, a + i, sizeof a0);
        __builtin_memcpy(&a1, a + i + 4, sizeof a1);
        __builtin_memcpy(&b0, b + i, sizeof b0);
        __builtin_memcpy(&b1, b + i + 4, sizeof b1);
        even += a0 * b0;
        odd += a1 * b1;
    }
    const Doubles4 sum = even + odd;
    double total = (sum[0] + sum[1]) + (sum[2] + sum[3]);
    for (; i < n; ++i)
        total += a[i] * b[i];
    return total;
}

GS_SIMD_CLONES
float dot(const float* a, const float* b, std::size_t n)
{
    Lanes8 acc = {0, 0, 0, 0, 0, 0, 0, 0};
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        Lanes8 x, y;
        __builtin_memcpy(&x, a + i, sizeof x);
        __builtin_memcpy(&y, b + i, sizeof y);
        acc += x * y;
    }
    float sum = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    for (; i < n; ++i)
        sum += a[i] * b[i];
    return sum;
}

GS_SIMD_CLONES
bool allFinite(const float* values, std::size_t n)
{
    // On the bit patterns: an all-ones exponent is Inf or NaN. Branch-free, so it vectorises.
    constexpr std::uint32_t exponent = 0x7f800000u;
    std::uint32_t nonFinite = 0;
    for (std::size_t i = 0; i < n; ++i) {
        std::uint32_t bits;
        __builtin_memcpy(&bits, values + i, sizeof bits);
        nonFinite |= (bits & exponent) == exponent;
    }
    return nonFinite == 0;
}

GS_SIMD_CLONES
float maxValue(const float* values, std::size_t n)
{
    std::size_t i = 0;
    float best = values[0];
    if (n >= 8) {
        Lanes8 acc;
        __builtin_memcpy(&acc, values, sizeof acc);
        for (i = 8; i + 8 <= n; i += 8) {
            Lanes8 x;
            __builtin_memcpy(&x, values + i, sizeof x);
            acc = acc > x ? acc : x;
        }
        for (int l = 0; l < 8; ++l)
            best = std::max(best, acc[l]);
    }
    for (; i < n; ++i)
        best = std::max(best, values[i]);
    return best;
}

float medianInPlace(float* values, std::size_t n)
{
    if (n == 0)
        return 0.0f;
    const std::size_t upper = n / 2;
    std::nth_element(values, values + upper, values + n);
    const float hi = values[upper];
    if (n % 2 == 1)
        return hi;
    const float lo = *std::max_element(values, values + upper);
    return (lo + hi) / 2.0f;
}

} // namespace gs::dsp
