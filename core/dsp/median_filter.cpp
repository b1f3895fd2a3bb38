#include "core/dsp/median_filter.h"

#include "core/common/error.h"

#include <algorithm>
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
__attribute__((target_clones("avx2", "default")))
void slidingMedianLanes(const Lanes* padded, std::size_t steps, int k, Lanes* window, Lanes* out)
{
    // Initial window: sort each lane on its own.
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
    for (std::size_t s = 1; s < steps; ++s) {
        const Lanes leaving = padded[s - 1];
        const Lanes entering = padded[s + std::size_t(k) - 1];
        // Remove one copy of `leaving`: everything from its slot on moves down one.
        for (int i = 0; i < k - 1; ++i)
            window[i] = window[i] < leaving ? window[i] : window[i + 1];
        // Insert `entering` into the k-1 sorted values: b[i] = max(a[i-1], min(a[i], x)).
        Lanes above = window[k - 2];
        window[k - 1] = above > entering ? above : entering;
        for (int i = k - 2; i >= 1; --i) {
            const Lanes a = window[i];
            const Lanes below = window[i - 1];
            const Lanes lo = a < entering ? a : entering;
            window[i] = below > lo ? below : lo;
        }
        window[0] = window[0] < entering ? window[0] : entering;
        out[s] = window[mid];
    }
}

void checkKernel(int kernel)
{
    if (kernel < 1 || kernel % 2 == 0 || kernel > 255)
        throw Error(ErrorKind::InvalidArgument, "median_filter", "kernel must be odd and in [1, 255]");
}

// Shared driver: `at(lane, pos)` reads element pos of line `lane` (line = row or column).
template <typename Read, typename Write>
void filterLines(std::size_t lines, std::size_t length, int kernel, Read read, Write write)
{
    if (lines == 0 || length == 0)
        return;
    const std::size_t half = std::size_t(kernel / 2);
    std::vector<Lanes> padded(length + std::size_t(kernel) - 1);
    std::vector<Lanes> window(static_cast<std::size_t>(kernel));
    std::vector<Lanes> result(length);
    std::vector<std::size_t> source(padded.size());
    for (std::size_t p = 0; p < padded.size(); ++p)
        source[p] = reflectIndex(std::ptrdiff_t(p) - std::ptrdiff_t(half), length);
    for (std::size_t first = 0; first < lines; first += kLanes) {
        const std::size_t used = std::min<std::size_t>(kLanes, lines - first);
        for (std::size_t p = 0; p < padded.size(); ++p)
            for (int lane = 0; lane < kLanes; ++lane)
                padded[p][lane] = std::size_t(lane) < used ? read(first + std::size_t(lane), source[p]) : 0.0f;
        slidingMedianLanes(padded.data(), length, kernel, window.data(), result.data());
        for (std::size_t p = 0; p < length; ++p)
            for (std::size_t lane = 0; lane < used; ++lane)
                write(first + lane, p, result[p][lane]);
    }
}

} // namespace

void medianFilterAlongRows(const float* in, std::size_t rows, std::size_t cols, int kernel, float* out)
{
    checkKernel(kernel);
    filterLines(rows, cols, kernel, [&](std::size_t r, std::size_t c) { return in[r * cols + c]; },
                [&](std::size_t r, std::size_t c, float v) { out[r * cols + c] = v; });
}

void medianFilterAlongColumns(const float* in, std::size_t rows, std::size_t cols, int kernel, float* out)
{
    checkKernel(kernel);
    filterLines(cols, rows, kernel, [&](std::size_t c, std::size_t r) { return in[r * cols + c]; },
                [&](std::size_t c, std::size_t r, float v) { out[r * cols + c] = v; });
}

} // namespace gs::dsp
