#include "core/dsp/median_filter.h"

#include "core/common/error.h"

#include <algorithm>
#include <cstdint>
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
constexpr int kMaxKernel = 255;
// Sorted windows and lane buffers are 32-byte aligned by construction: unaligned 32-byte
// stores that straddle cache lines made the window update several times slower.
typedef float Lanes __attribute__((vector_size(kLanes * sizeof(float))));
// Rows of the caller's matrix are only float-aligned.
typedef float UnalignedLanes __attribute__((vector_size(kLanes * sizeof(float)), aligned(4)));

// 64-byte aligned scratch of Lanes; std::vector ignores a vector typedef's alignment.
class LaneBuffer {
public:
    explicit LaneBuffer(std::size_t count) : storage_(count * kLanes + 16) {}
    Lanes* data()
    {
        return reinterpret_cast<Lanes*>((reinterpret_cast<std::uintptr_t>(storage_.data()) + 63) & ~std::uintptr_t(63));
    }

private:
    std::vector<float> storage_;
};

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

// Source position of every padded position p in [0, length + k - 1): sample p - k/2, mirrored.
std::vector<std::size_t> reflectedPositions(std::size_t length, int kernel)
{
    const auto half = std::ptrdiff_t(kernel / 2);
    std::vector<std::size_t> positions(length + std::size_t(kernel) - 1);
    for (std::size_t p = 0; p < positions.size(); ++p)
        positions[p] = reflectIndex(std::ptrdiff_t(p) - half, length);
    return positions;
}

// window[0..k) := the first k samples of each lane, sorted per lane, exactly as std::sort
// orders each lane: later steps keep equal elements where they are, so -0.0 and +0.0
// (equal, yet different bits) must start in the same order as before.
void sortLanesLikeStdSort(const Lanes* samples, int k, Lanes* window)
{
    for (int lane = 0; lane < kLanes; ++lane) {
        float tmp[kMaxKernel];
        for (int i = 0; i < k; ++i)
            tmp[i] = samples[i][lane];
        std::sort(tmp, tmp + k);
        for (int i = 0; i < k; ++i)
            window[i][lane] = tmp[i];
    }
}

// Same result as sortLanesLikeStdSort, but all eight lanes at once through Batcher's
// odd-even merge sort network (a std::sort per lane mispredicts its way through
// thousands of cycles). Without -0.0 and NaN, elements that compare equal are
// bit-identical, so every correct sort yields the same bits; otherwise defer to std::sort.
__attribute__((always_inline)) inline void sortLanes(const Lanes* samples, int k, Lanes* window)
{
    typedef int Mask __attribute__((vector_size(kLanes * sizeof(int))));
    const Mask negativeZero = {INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN};
    Mask unordered = {};
    for (int i = 0; i < k; ++i) {
        unordered |= (samples[i] != samples[i]) | (reinterpret_cast<const Mask&>(samples[i]) == negativeZero);
        window[i] = samples[i];
    }
    Mask any = unordered;
    for (int lane = 1; lane < kLanes; ++lane)
        any[0] |= any[lane];
    if (any[0] != 0) {
        sortLanesLikeStdSort(samples, k, window);
        return;
    }
    const auto n = std::size_t(k);
    for (std::size_t p = 1; p < n; p <<= 1)
        for (std::size_t d = p; d >= 1; d >>= 1)
            for (std::size_t j = d % p; j + d < n; j += 2 * d)
                for (std::size_t i = 0; i < std::min(d, n - j - d); ++i)
                    if ((i + j) / (2 * p) == (i + j + d) / (2 * p)) {
                        const Lanes a = window[i + j], b = window[i + j + d];
                        window[i + j] = a < b ? a : b;
                        window[i + j + d] = a < b ? b : a;
                    }
}

// Replaces one copy of `leaving` by `entering` in each lane's sorted window.
// K > 0: the kernel size known at compile time (the loop unrolls).
template <int K>
__attribute__((always_inline)) inline void slideWindow(Lanes* window, int runtimeK, const Lanes& leaving,
                                                       const Lanes& entering)
{
    const int k = K > 0 ? K : runtimeK;
    const float inf = std::numeric_limits<float>::infinity();
    // One pass: D = window without one copy of `leaving` (D[i] = W[i] < leaving ? W[i]
    // : W[i+1]), then insert `entering`: B[i] = max(D[i-1], min(D[i], entering)).
    Lanes current = window[0];
    Lanes lowerD = {-inf, -inf, -inf, -inf, -inf, -inf, -inf, -inf};
#pragma GCC unroll 32
    for (int i = 0; i < k - 1; ++i) {
        const Lanes next = window[i + 1];
        const Lanes d = current < leaving ? current : next;
        const Lanes lo = d < entering ? d : entering;
        window[i] = lowerD > lo ? lowerD : lo;
        lowerD = d;
        current = next;
    }
    window[k - 1] = lowerD > entering ? lowerD : entering;
}

// r[i] holds element i of eight lanes; afterwards r[j] holds lane j's elements 0..7.
__attribute__((always_inline)) inline void transpose8x8(Lanes r[kLanes])
{
    const Lanes t0 = __builtin_shufflevector(r[0], r[1], 0, 8, 1, 9, 4, 12, 5, 13);
    const Lanes t1 = __builtin_shufflevector(r[0], r[1], 2, 10, 3, 11, 6, 14, 7, 15);
    const Lanes t2 = __builtin_shufflevector(r[2], r[3], 0, 8, 1, 9, 4, 12, 5, 13);
    const Lanes t3 = __builtin_shufflevector(r[2], r[3], 2, 10, 3, 11, 6, 14, 7, 15);
    const Lanes t4 = __builtin_shufflevector(r[4], r[5], 0, 8, 1, 9, 4, 12, 5, 13);
    const Lanes t5 = __builtin_shufflevector(r[4], r[5], 2, 10, 3, 11, 6, 14, 7, 15);
    const Lanes t6 = __builtin_shufflevector(r[6], r[7], 0, 8, 1, 9, 4, 12, 5, 13);
    const Lanes t7 = __builtin_shufflevector(r[6], r[7], 2, 10, 3, 11, 6, 14, 7, 15);
    const Lanes u0 = __builtin_shufflevector(t0, t2, 0, 1, 8, 9, 4, 5, 12, 13);
    const Lanes u1 = __builtin_shufflevector(t0, t2, 2, 3, 10, 11, 6, 7, 14, 15);
    const Lanes u2 = __builtin_shufflevector(t1, t3, 0, 1, 8, 9, 4, 5, 12, 13);
    const Lanes u3 = __builtin_shufflevector(t1, t3, 2, 3, 10, 11, 6, 7, 14, 15);
    const Lanes u4 = __builtin_shufflevector(t4, t6, 0, 1, 8, 9, 4, 5, 12, 13);
    const Lanes u5 = __builtin_shufflevector(t4, t6, 2, 3, 10, 11, 6, 7, 14, 15);
    const Lanes u6 = __builtin_shufflevector(t5, t7, 0, 1, 8, 9, 4, 5, 12, 13);
    const Lanes u7 = __builtin_shufflevector(t5, t7, 2, 3, 10, 11, 6, 7, 14, 15);
    r[0] = __builtin_shufflevector(u0, u4, 0, 1, 2, 3, 8, 9, 10, 11);
    r[1] = __builtin_shufflevector(u1, u5, 0, 1, 2, 3, 8, 9, 10, 11);
    r[2] = __builtin_shufflevector(u2, u6, 0, 1, 2, 3, 8, 9, 10, 11);
    r[3] = __builtin_shufflevector(u3, u7, 0, 1, 2, 3, 8, 9, 10, 11);
    r[4] = __builtin_shufflevector(u0, u4, 4, 5, 6, 7, 12, 13, 14, 15);
    r[5] = __builtin_shufflevector(u1, u5, 4, 5, 6, 7, 12, 13, 14, 15);
    r[6] = __builtin_shufflevector(u2, u6, 4, 5, 6, 7, 12, 13, 14, 15);
    r[7] = __builtin_shufflevector(u3, u7, 4, 5, 6, 7, 12, 13, 14, 15);
}

// A column step's loads and stores sit behind thousands of instructions of window
// updates, too far for out-of-order execution to hide their misses, and the hardware
// prefetchers do not follow this pattern well (measured: 5.1 -> 3.9 ms per spectrogram):
// fetch the rows a few steps ahead by hand.
constexpr std::size_t kPrefetchSteps = 4;
constexpr std::size_t kFloatsPerLine = 64 / sizeof(float);

// Columns [firstCol, firstCol + 8 * groups) of a matrix whose rows are `stride` floats
// apart. Each group of eight adjacent columns keeps its own sorted window, and the
// groups advance together row by row: every step reads the leaving and entering rows
// straight from `in` (8 * groups contiguous floats each) and writes the medians straight
// into `out`, while all windows stay in L1 (8 groups x 31 vectors = 8 KB).
template <int K>
__attribute__((always_inline)) inline void filterColumnBand(const float* in, std::size_t rows, std::size_t stride,
                                                            std::size_t firstCol, std::size_t groups, int runtimeK,
                                                            const std::size_t* sourceRow, Lanes* windows, float* out)
{
    const int k = K > 0 ? K : runtimeK;
    const auto column = [&](std::size_t row, std::size_t g) { return row * stride + firstCol + g * kLanes; };
    for (std::size_t g = 0; g < groups; ++g) {
        Lanes first[kMaxKernel];
        for (int i = 0; i < k; ++i)
            first[i] = *reinterpret_cast<const UnalignedLanes*>(in + column(sourceRow[i], g));
        Lanes* const window = windows + g * std::size_t(k);
        sortLanes(first, k, window);
        *reinterpret_cast<UnalignedLanes*>(out + column(0, g)) = window[k / 2];
    }
    for (std::size_t s = 1; s < rows; ++s) {
        const std::size_t leavingRow = sourceRow[s - 1], enteringRow = sourceRow[s + std::size_t(k) - 1];
        if (s + kPrefetchSteps < rows) {
            const float* const entering = in + column(sourceRow[s + kPrefetchSteps + std::size_t(k) - 1], 0);
            float* const result = out + column(s + kPrefetchSteps, 0);
            for (std::size_t f = 0; f < groups * kLanes; f += kFloatsPerLine) {
                __builtin_prefetch(entering + f);
                __builtin_prefetch(result + f, 1);
            }
        }
        for (std::size_t g = 0; g < groups; ++g) {
            const Lanes leaving = *reinterpret_cast<const UnalignedLanes*>(in + column(leavingRow, g));
            const Lanes entering = *reinterpret_cast<const UnalignedLanes*>(in + column(enteringRow, g));
            Lanes* const window = windows + g * std::size_t(k);
            slideWindow<K>(window, k, leaving, entering);
            *reinterpret_cast<UnalignedLanes*>(out + column(s, g)) = window[k / 2];
        }
    }
}

// Bands of 64 columns: each row step then touches 256 contiguous bytes per stream
// instead of a new page per group, and the band's windows still fit L1.
constexpr std::size_t kBandGroups = 8;

template <int K>
__attribute__((always_inline)) inline void filterColumnsImpl(const float* in, std::size_t rows, std::size_t cols,
                                                             int runtimeK, float* out)
{
    const int k = K > 0 ? K : runtimeK;
    const std::vector<std::size_t> sourceRow = reflectedPositions(rows, k);
    LaneBuffer windows(kBandGroups * std::size_t(k));
    const std::size_t fullGroups = cols / kLanes;
    for (std::size_t g = 0; g < fullGroups; g += kBandGroups)
        filterColumnBand<K>(in, rows, cols, g * kLanes, std::min(kBandGroups, fullGroups - g), k, sourceRow.data(),
                            windows.data(), out);
    // The last cols % 8 columns would read past the matrix: filter a copy padded to eight.
    const std::size_t tailFirst = fullGroups * kLanes, tail = cols - tailFirst;
    if (tail == 0)
        return;
    std::vector<float> tailIn(rows * kLanes, 0.0f), tailOut(rows * kLanes);
    for (std::size_t r = 0; r < rows; ++r)
        std::copy_n(in + r * cols + tailFirst, tail, tailIn.data() + r * kLanes);
    filterColumnBand<K>(tailIn.data(), rows, kLanes, 0, 1, k, sourceRow.data(), windows.data(), tailOut.data());
    for (std::size_t r = 0; r < rows; ++r)
        std::copy_n(tailOut.data() + r * kLanes, tail, out + r * cols + tailFirst);
}

__attribute__((target_clones("avx2", "default")))
void filterColumns(const float* in, std::size_t rows, std::size_t cols, int k, float* out)
{
    if (k == 31) // librosa's HPSS kernel
        filterColumnsImpl<31>(in, rows, cols, k, out);
    else
        filterColumnsImpl<0>(in, rows, cols, k, out);
}

// Rows [firstRow, firstRow + used) with used <= 8, one lane each. The lanes are gathered
// into `padded` (cols + k - 1 vectors, mirrored at both ends) and the medians scattered
// back eight columns at a time through 8x8 transposes.
template <int K>
__attribute__((always_inline)) inline void filterRowGroup(const float* in, std::size_t cols, std::size_t firstRow,
                                                          std::size_t used, int runtimeK, Lanes* padded, float* out)
{
    const int k = K > 0 ? K : runtimeK;
    const std::size_t half = std::size_t(k / 2);
    // Missing lanes repeat the last row; their medians are never stored.
    const float* source[kLanes];
    for (std::size_t l = 0; l < kLanes; ++l)
        source[l] = in + (firstRow + std::min(l, used - 1)) * cols;
    const std::size_t blockedCols = cols / kLanes * kLanes;
    for (std::size_t c = 0; c < blockedCols; c += kLanes) {
        Lanes block[kLanes];
        for (std::size_t l = 0; l < kLanes; ++l)
            block[l] = *reinterpret_cast<const UnalignedLanes*>(source[l] + c);
        transpose8x8(block);
        std::copy_n(block, kLanes, padded + half + c);
    }
    for (std::size_t c = blockedCols; c < cols; ++c)
        for (std::size_t l = 0; l < kLanes; ++l)
            padded[half + c][l] = source[l][c];
    for (std::size_t p = 0; p < half; ++p) {
        padded[p] = padded[half + reflectIndex(std::ptrdiff_t(p) - std::ptrdiff_t(half), cols)];
        padded[half + cols + p] = padded[half + reflectIndex(std::ptrdiff_t(cols + p), cols)];
    }

    alignas(64) Lanes window[kMaxKernel];
    sortLanes(padded, k, window);
    Lanes medians[kLanes];
    medians[0] = window[k / 2];
    const auto storeBlock = [&](std::size_t c) {
        transpose8x8(medians);
        for (std::size_t l = 0; l < used; ++l)
            *reinterpret_cast<UnalignedLanes*>(out + (firstRow + l) * cols + c) = medians[l];
    };
    for (std::size_t s = 1; s < cols; ++s) {
        slideWindow<K>(window, k, padded[s - 1], padded[s + std::size_t(k) - 1]);
        medians[s % kLanes] = window[k / 2];
        if (s % kLanes == kLanes - 1)
            storeBlock(s + 1 - kLanes);
    }
    for (std::size_t c = blockedCols; c < cols; ++c)
        for (std::size_t l = 0; l < used; ++l)
            out[(firstRow + l) * cols + c] = medians[c % kLanes][l];
}

template <int K>
__attribute__((always_inline)) inline void filterRowsImpl(const float* in, std::size_t rows, std::size_t cols,
                                                          int runtimeK, float* out)
{
    const int k = K > 0 ? K : runtimeK;
    LaneBuffer padded(cols + std::size_t(k) - 1);
    for (std::size_t first = 0; first < rows; first += kLanes)
        filterRowGroup<K>(in, cols, first, std::min<std::size_t>(kLanes, rows - first), k, padded.data(), out);
}

__attribute__((target_clones("avx2", "default")))
void filterRows(const float* in, std::size_t rows, std::size_t cols, int k, float* out)
{
    if (k == 31)
        filterRowsImpl<31>(in, rows, cols, k, out);
    else
        filterRowsImpl<0>(in, rows, cols, k, out);
}

void checkKernel(int kernel)
{
    if (kernel < 1 || kernel % 2 == 0 || kernel > kMaxKernel)
        throw Error(ErrorKind::InvalidArgument, "median_filter", "kernel must be odd and in [1, 255]");
}

} // namespace

void medianFilterAlongRows(const float* in, std::size_t rows, std::size_t cols, int kernel, float* out)
{
    checkKernel(kernel);
    if (rows != 0 && cols != 0)
        filterRows(in, rows, cols, kernel, out);
}

void medianFilterAlongColumns(const float* in, std::size_t rows, std::size_t cols, int kernel, float* out)
{
    checkKernel(kernel);
    if (rows != 0 && cols != 0)
        filterColumns(in, rows, cols, kernel, out);
}

} // namespace gs::dsp
