#include "core/dsp/median_filter.h"

#include "core/common/error.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

namespace gs::dsp {

namespace {

// Eight independent lanes (eight rows or eight columns) are filtered at once: each lane
// keeps its window sorted, and one step removes the sample leaving the window and
// inserts the one entering it with branch-free min/max/select over the whole window.
// That costs O(k) vector operations per step but no data-dependent branches, which beats
// heaps and skip lists for k = 31, and the compiler maps it onto SSE2 or AVX.
constexpr int kLanes = 8;
// Only 4-byte alignment is assumed: std::vector does not honour a vector typedef's alignment.
typedef float Lanes __attribute__((vector_size(kLanes * sizeof(float)), aligned(4)));

// scipy 'reflect' boundary: period 2n, edge sample repeated.
std::size_t reflectIndex(std::ptrdiff_t i, std::size_t n)
{
    const auto len = static_cast<std::ptrdiff_t>(n);
    const std::ptrdiff_t period = 2 * len;
    std::ptrdiff_t m = i % period;
    if (m < 0)
        m += period;
    return static_cast<std::size_t>(m < len ? m : period - 1 - m);
}

// padded: (steps + k - 1) vectors of lanes, already extended at both ends.
// out: steps vectors, the median of padded[s .. s+k-1] per lane.
// K > 0: the kernel size known at compile time (the slot loop unrolls); K == 0: runtime k.
template <int K>
__attribute__((always_inline)) inline void slidingMedianLanesImpl(const Lanes* padded, std::size_t steps, int runtimeK,
                                                                  Lanes* out)
{
    const int k = K > 0 ? K : runtimeK;
    // The sorted window lives in an aligned local buffer: unaligned 32-byte stores that
    // straddle cache lines made this loop several times slower.
    typedef float AlignedLanes __attribute__((vector_size(kLanes * sizeof(float))));
    alignas(64) AlignedLanes window[256];
    for (int lane = 0; lane < kLanes; ++lane) {
        float tmp[256];
        for (int i = 0; i < k; ++i)
            tmp[i] = padded[i][lane];
        std::sort(tmp, tmp + k);
        for (int i = 0; i < k; ++i)
            window[i][lane] = tmp[i];
    }
    const int mid = k / 2;
    out[0] = window[mid];
    const float inf = std::numeric_limits<float>::infinity();
    const AlignedLanes plusInf = {inf, inf, inf, inf, inf, inf, inf, inf};
    for (std::size_t s = 1; s < steps; ++s) {
        const AlignedLanes leaving = padded[s - 1];
        const AlignedLanes entering = padded[s + std::size_t(k) - 1];
        // One pass: D = window without one copy of `leaving` (D[i] = W[i] < leaving ? W[i]
        // : W[i+1]), then insert `entering`: B[i] = max(D[i-1], min(D[i], entering)).
        AlignedLanes current = window[0];
        AlignedLanes lowerD = -plusInf;
#pragma GCC unroll 32
        for (int i = 0; i < k - 1; ++i) {
            const AlignedLanes next = window[i + 1];
            const AlignedLanes d = current < leaving ? current : next;
            const AlignedLanes lo = d < entering ? d : entering;
            window[i] = lowerD > lo ? lowerD : lo;
            lowerD = d;
            current = next;
        }
        window[k - 1] = lowerD > entering ? lowerD : entering;
        out[s] = window[mid];
    }
}

__attribute__((target_clones("avx2", "default")))
void slidingMedianLanes(const Lanes* padded, std::size_t steps, int k, Lanes* out)
{
    if (k == 31) // librosa's HPSS kernel
        slidingMedianLanesImpl<31>(padded, steps, k, out);
    else
        slidingMedianLanesImpl<0>(padded, steps, k, out);
}

void checkKernel(int kernel)
{
    if (kernel < 1 || kernel % 2 == 0 || kernel > 255)
        throw Error(ErrorKind::InvalidArgument, "median_filter", "kernel must be odd and in [1, 255]");
}

// Shared driver over `lines` independent lines of `length` samples, eight at a time.
// load(first, used, pos, lanes) fills lanes with sample pos of lines first..first+used-1;
// store(first, used, pos, lanes) writes them back.
// Lines are gathered and scattered a band of kGroups lane groups at a time, position by
// position. Filtering along the columns of a spectrogram, one group alone touches a new
// page per position (rows are ~4 KB apart) and thrashes the TLB; a band of 64 columns
// reads 256 contiguous bytes per row instead. Along rows a band would gather from 64 rows
// ~4 KB apart that share L1 sets, so there kGroups stays 1.
template <std::size_t kGroups, typename Load, typename Store>
void filterLines(std::size_t lines, std::size_t length, int kernel, Load load, Store store)
{
    if (lines == 0 || length == 0)
        return;
    const std::size_t half = std::size_t(kernel / 2);
    // Plain float storage aligned by hand: std::vector<vector type> ignores the alignment.
    const std::size_t paddedLength = length + std::size_t(kernel) - 1;
    const std::size_t groupsInBand = std::min(kGroups, (lines + kLanes - 1) / kLanes);
    const std::size_t perGroup = paddedLength + length;
    std::vector<float> storage(perGroup * groupsInBand * kLanes + 16);
    auto* base = reinterpret_cast<float*>((reinterpret_cast<std::uintptr_t>(storage.data()) + 63) & ~std::uintptr_t(63));
    Lanes* const groupBase = reinterpret_cast<Lanes*>(base);
    const std::size_t bandLines = kGroups * kLanes;
    for (std::size_t bandFirst = 0; bandFirst < lines; bandFirst += bandLines) {
        const std::size_t groups = std::min(kGroups, (lines - bandFirst + kLanes - 1) / kLanes);
        const auto padded = [&](std::size_t g) { return groupBase + g * perGroup; };
        const auto result = [&](std::size_t g) { return groupBase + g * perGroup + paddedLength; };
        const auto firstOf = [&](std::size_t g) { return bandFirst + g * kLanes; };
        const auto usedOf = [&](std::size_t g) { return std::min<std::size_t>(kLanes, lines - firstOf(g)); };
        for (std::size_t p = 0; p < length; ++p)
            for (std::size_t g = 0; g < groups; ++g)
                load(firstOf(g), usedOf(g), p, padded(g)[p + half]);
        for (std::size_t g = 0; g < groups; ++g) {
            Lanes* const pad = padded(g);
            for (std::size_t p = 0; p < half; ++p) {
                pad[p] = pad[half + reflectIndex(std::ptrdiff_t(p) - std::ptrdiff_t(half), length)];
                pad[half + length + p] = pad[half + reflectIndex(std::ptrdiff_t(length + p), length)];
            }
            slidingMedianLanes(pad, length, kernel, result(g));
        }
        for (std::size_t p = 0; p < length; ++p)
            for (std::size_t g = 0; g < groups; ++g)
                store(firstOf(g), usedOf(g), p, result(g)[p]);
    }
}

} // namespace

void medianFilterAlongRows(const float* in, std::size_t rows, std::size_t cols, int kernel, float* out)
{
    checkKernel(kernel);
    // Lanes are eight rows; sample p of each is column p (a strided gather).
    filterLines<1>(
        rows, cols, kernel,
        [&](std::size_t first, std::size_t used, std::size_t p, Lanes& lanes) {
            for (std::size_t l = 0; l < kLanes; ++l)
                lanes[l] = l < used ? in[(first + l) * cols + p] : 0.0f;
        },
        [&](std::size_t first, std::size_t used, std::size_t p, const Lanes& lanes) {
            for (std::size_t l = 0; l < used; ++l)
                out[(first + l) * cols + p] = lanes[l];
        });
}

void medianFilterAlongColumns(const float* in, std::size_t rows, std::size_t cols, int kernel, float* out)
{
    checkKernel(kernel);
    // Lanes are eight adjacent columns: sample p of all of them is contiguous in row p.
    filterLines<8>(
        cols, rows, kernel,
        [&](std::size_t first, std::size_t used, std::size_t p, Lanes& lanes) {
            if (used == kLanes) {
                std::memcpy(&lanes, in + p * cols + first, sizeof lanes);
            } else {
                lanes = Lanes{};
                std::memcpy(&lanes, in + p * cols + first, used * sizeof(float));
            }
        },
        [&](std::size_t first, std::size_t used, std::size_t p, const Lanes& lanes) {
            if (used == kLanes)
                std::memcpy(out + p * cols + first, &lanes, sizeof lanes);
            else
                std::memcpy(out + p * cols + first, &lanes, used * sizeof(float));
        });
}

} // namespace gs::dsp
