#include "core/dsp/median_filter.h"

#include "core/common/error.h"
#include "core/common/simd.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <vector>

namespace gs::dsp {

namespace {

// Eight (or, without AVX2, four) independent lanes, rows or columns, are filtered at
// once: each lane keeps its window sorted, and one step removes the sample leaving the
// window and inserts the one entering it with branch-free min/max/select over the whole
// window.
// That costs O(k) vector operations per step but no data-dependent branches, which beats
// heaps and skip lists for k = 31. For k = 31 itself, block31 below shares most of that
// work between eight consecutive windows.
constexpr int kLanes = 8;
constexpr int kMaxKernel = 255;
// Sorted windows and lane buffers are 32-byte aligned by construction: unaligned 32-byte
// stores that straddle cache lines made the window update several times slower.
typedef float Lanes __attribute__((vector_size(kLanes * sizeof(float))));
// Rows of the caller's matrix are only float-aligned.
typedef float UnalignedLanes __attribute__((vector_size(kLanes * sizeof(float)), aligned(4)));
typedef int LaneMask __attribute__((vector_size(kLanes * sizeof(int))));

// Four lanes, one SSE register, for CPUs without AVX2: there GCC turns every
// compare-and-select on Lanes into scalar code, about eight times slower than this.
// The kernels below are templates over Lanes and HalfLanes, and touch lanes only
// through the helpers that follow.
typedef float HalfLanes __attribute__((vector_size(kLanes / 2 * sizeof(float))));
typedef float UnalignedHalfLanes __attribute__((vector_size(kLanes / 2 * sizeof(float)), aligned(4)));
typedef int HalfLaneMask __attribute__((vector_size(kLanes / 2 * sizeof(int))));
template <class V>
using MaskOf = std::conditional_t<std::is_same_v<V, HalfLanes>, HalfLaneMask, LaneMask>;
template <class V>
constexpr std::size_t kLanesIn = sizeof(V) / sizeof(float);

// The helpers pass lanes by reference: returning Lanes by value outside an AVX target
// trips -Wpsabi. The comparisons are spelled exactly as before and must stay so: with NaN
// or +-0 the operand order decides which bits survive.

// a := a < b ? a : b, per lane.
template <class V>
__attribute__((always_inline)) inline void keepLower(V& a, const V& b)
{
    a = a < b ? a : b;
}

// a := a > b ? a : b, per lane.
template <class V>
__attribute__((always_inline)) inline void keepHigher(V& a, const V& b)
{
    a = a > b ? a : b;
}

// out := x < y ? ifLess : otherwise, per lane.
template <class V>
__attribute__((always_inline)) inline void selectWhereLess(V& out, const V& x, const V& y, const V& ifLess,
                                                           const V& otherwise)
{
    out = x < y ? ifLess : otherwise;
}

__attribute__((always_inline)) inline void fillLanes(Lanes& lanes, float value)
{
    lanes = Lanes{} + value;
}

__attribute__((always_inline)) inline void fillLanes(HalfLanes& lanes, float value)
{
    lanes = HalfLanes{} + value;
}

// Eight lanes from float-aligned memory.
__attribute__((always_inline)) inline void loadLanes(const float* source, Lanes& lanes)
{
    lanes = *reinterpret_cast<const UnalignedLanes*>(source);
}

__attribute__((always_inline)) inline void loadLanes(const float* source, HalfLanes& lanes)
{
    lanes = *reinterpret_cast<const UnalignedHalfLanes*>(source);
}

__attribute__((always_inline)) inline void storeLanes(const Lanes& lanes, float* destination)
{
    *reinterpret_cast<UnalignedLanes*>(destination) = lanes;
}

__attribute__((always_inline)) inline void storeLanes(const HalfLanes& lanes, float* destination)
{
    *reinterpret_cast<UnalignedHalfLanes*>(destination) = lanes;
}

// Accumulates into `seen` which lanes of `sample` hold a NaN or a -0.0.
template <class V, class Mask>
__attribute__((always_inline)) inline void noteNanOrNegativeZero(const V& sample, Mask& seen)
{
    const Mask negativeZero = Mask{} + INT32_MIN;
    seen |= (sample != sample) | (reinterpret_cast<const Mask&>(sample) == negativeZero);
}

__attribute__((always_inline)) inline bool anyLane(const LaneMask& mask)
{
    int any = 0;
    for (int lane = 0; lane < kLanes; ++lane)
        any |= mask[lane];
    return any != 0;
}

__attribute__((always_inline)) inline bool anyLane(const HalfLaneMask& mask)
{
    int any = 0;
    for (int lane = 0; lane < kLanes / 2; ++lane)
        any |= mask[lane];
    return any != 0;
}

// a, b := min, max per lane (ties keep their order).
template <class V>
__attribute__((always_inline)) inline void order(V& a, V& b)
{
    V low = a;
    keepLower(low, b);
    keepHigher(b, a);
    a = low;
}

// 64-byte aligned scratch of V; std::vector ignores a vector typedef's alignment.
template <class V>
class LaneBuffer {
public:
    explicit LaneBuffer(std::size_t count) : storage_(count * kLanesIn<V> + 16) {}
    V* data() { return reinterpret_cast<V*>((reinterpret_cast<std::uintptr_t>(storage_.data()) + 63) & ~std::uintptr_t(63)); }

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

// Source position of every padded position p in [0, count): sample p - k/2, mirrored.
std::vector<std::size_t> reflectedPositions(std::size_t length, int kernel, std::size_t count)
{
    const auto half = std::ptrdiff_t(kernel / 2);
    std::vector<std::size_t> positions(count);
    for (std::size_t p = 0; p < positions.size(); ++p)
        positions[p] = reflectIndex(std::ptrdiff_t(p) - half, length);
    return positions;
}

// window[0..k) := the first k samples of each lane, sorted per lane, exactly as std::sort
// orders each lane: later steps keep equal elements where they are, so -0.0 and +0.0
// (equal, yet different bits) must start in the same order as before.
template <class V>
void sortLanesLikeStdSort(const V* samples, int k, V* window)
{
    for (std::size_t lane = 0; lane < kLanesIn<V>; ++lane) {
        float tmp[kMaxKernel];
        for (int i = 0; i < k; ++i)
            tmp[i] = samples[i][lane];
        std::sort(tmp, tmp + k);
        for (int i = 0; i < k; ++i)
            window[i][lane] = tmp[i];
    }
}

// Accumulates into `seen` which lanes hold a NaN or a -0.0 among `count` samples.
template <class V>
__attribute__((always_inline)) inline void noteNanOrNegativeZero(const V* samples, std::size_t count, MaskOf<V>& seen)
{
    for (std::size_t i = 0; i < count; ++i)
        noteNanOrNegativeZero(samples[i], seen);
}

template <class V>
__attribute__((always_inline)) inline bool anyNanOrNegativeZero(const V* samples, std::size_t count)
{
    MaskOf<V> seen = {};
    noteNanOrNegativeZero(samples, count, seen);
    return anyLane(seen);
}

// Same result as sortLanesLikeStdSort, but all lanes at once through Batcher's
// odd-even merge sort network (a std::sort per lane mispredicts its way through
// thousands of cycles). Without -0.0 and NaN, elements that compare equal are
// bit-identical, so every correct sort yields the same bits; otherwise defer to std::sort.
template <class V>
__attribute__((always_inline)) inline void sortLanes(const V* samples, int k, V* window)
{
    std::copy_n(samples, k, window);
    if (anyNanOrNegativeZero(samples, std::size_t(k))) {
        sortLanesLikeStdSort(samples, k, window);
        return;
    }
    const auto n = std::size_t(k);
    for (std::size_t p = 1; p < n; p <<= 1)
        for (std::size_t d = p; d >= 1; d >>= 1)
            for (std::size_t j = d % p; j + d < n; j += 2 * d)
                for (std::size_t i = 0; i < std::min(d, n - j - d); ++i)
                    if ((i + j) / (2 * p) == (i + j + d) / (2 * p))
                        order(window[i + j], window[i + j + d]);
}

// Replaces one copy of `leaving` by `entering` in each lane's sorted window.
// K > 0: the kernel size known at compile time (the loop unrolls).
template <class V, int K>
__attribute__((always_inline)) inline void slideWindow(V* window, int runtimeK, const V& leaving, const V& entering)
{
    const int k = K > 0 ? K : runtimeK;
    // One pass: D = window without one copy of `leaving` (D[i] = W[i] < leaving ? W[i]
    // : W[i+1]), then insert `entering`: B[i] = max(D[i-1], min(D[i], entering)).
    V current = window[0];
    V lowerD;
    fillLanes(lowerD, -std::numeric_limits<float>::infinity());
#pragma GCC unroll 32
    for (int i = 0; i < k - 1; ++i) {
        const V next = window[i + 1];
        V d;
        selectWhereLess(d, current, leaving, current, next);
        V low = d;
        keepLower(low, entering);
        window[i] = lowerD;
        keepHigher(window[i], low);
        lowerD = d;
        current = next;
    }
    window[k - 1] = lowerD;
    keepHigher(window[k - 1], entering);
}

// k = 31 (librosa's HPSS kernel) without the per-step O(k) window update: the eight
// windows of outputs 8m .. 8m+7 (padded samples [8m + j, 8m + j + 31)) all contain the
// core [8m + 7, 8m + 31), three chunks of eight samples kept sorted. Output 8m + j adds
// to the core the 7 - j samples left of it and the first j samples of the next chunk,
// and its median (rank 15 of 31) follows from core ranks 8..15 by a few min/max steps:
// about 35 vector operations per output instead of about 120.
// Exact only when elements that compare equal are bit-identical (no NaN, no -0.0): then
// any correct selection yields the same bits as the sorted window.
namespace block31 {

constexpr int kKernel = 31;
constexpr int kChunk = 8;
// Output block m reads padded samples [8m, 8m + kSpan).
constexpr int kSpan = kKernel + kChunk;

// lifted := max(below, min(lifted, entering)): slot r of a sorted run after `entering`
// is inserted, from slots r - 1 and r before.
template <class V>
__attribute__((always_inline)) inline void liftInsert(V& lifted, const V& below, const V& entering)
{
    V low = lifted;
    keepLower(low, entering);
    lifted = below;
    keepHigher(lifted, low);
}

// inserted[0..n] := sorted[0..n) with `entering` added (n >= 1).
template <class V>
__attribute__((always_inline)) inline void insertSorted(const V* sorted, int n, const V& entering, V* inserted)
{
    inserted[0] = sorted[0];
    keepLower(inserted[0], entering);
#pragma GCC unroll 8
    for (int r = 1; r < n; ++r) {
        inserted[r] = sorted[r];
        liftInsert(inserted[r], sorted[r - 1], entering);
    }
    inserted[n] = sorted[n - 1];
    keepHigher(inserted[n], entering);
}

// A bitonic sequence of eight becomes sorted.
template <class V>
__attribute__((always_inline)) inline void sortBitonic(V* v)
{
#pragma GCC unroll 4
    for (int d = kChunk / 2; d > 0; d /= 2)
#pragma GCC unroll 8
        for (int i = 0; i < kChunk; ++i)
            if ((i & d) == 0)
                order(v[i], v[i + d]);
}

// Batcher's odd-even merge of the sorted halves v[0..8) and v[8..16).
template <int First, int Stride, class V>
__attribute__((always_inline)) inline void mergeHalves(V* v)
{
    constexpr int n = 2 * kChunk;
    if constexpr (2 * Stride < n) {
        mergeHalves<First, 2 * Stride>(v);
        mergeHalves<First + Stride, 2 * Stride>(v);
#pragma GCC unroll 8
        for (int i = First + Stride; i + Stride < n; i += 2 * Stride)
            order(v[i], v[i + Stride]);
    } else {
        order(v[First], v[First + Stride]);
    }
}

// Sorted chunks of one lane group, in ring slots so that moving to the next block
// copies nothing: chunk c (padded samples [8c - 1, 8c + 7)) sits in chunks[c % 4], and
// the merge of chunks c and c + 1 in pairs[c % 2].
template <class V>
struct Core {
    V chunks[4][kChunk];
    V pairs[2][2 * kChunk];
};

template <class V>
__attribute__((always_inline)) inline void mergeChunks(const V* first, const V* second, V* merged)
{
    V v[2 * kChunk];
#pragma GCC unroll 8
    for (int i = 0; i < kChunk; ++i) {
        v[i] = first[i];
        v[kChunk + i] = second[i];
    }
    mergeHalves<0, 1>(v);
#pragma GCC unroll 16
    for (int i = 0; i < 2 * kChunk; ++i)
        merged[i] = v[i];
}

// `samples` are padded samples [7, 31), the core of block 0 (chunks 1, 2 and 3).
template <class V>
__attribute__((always_inline)) inline void startCore(const V* samples, Core<V>& core)
{
    for (int c = 1; c <= 3; ++c) {
        V sorted[kChunk + 1][kChunk];
        sorted[1][0] = samples[(c - 1) * kChunk];
#pragma GCC unroll 8
        for (int n = 1; n < kChunk; ++n)
            insertSorted(sorted[n], n, samples[(c - 1) * kChunk + n], sorted[n + 1]);
#pragma GCC unroll 8
        for (int i = 0; i < kChunk; ++i)
            core.chunks[c][i] = sorted[kChunk][i];
    }
    mergeChunks(core.chunks[1], core.chunks[2], core.pairs[1]);
}

// Block m: left holds padded samples [8m, 8m + 7), entering [8m + 31, 8m + 39). Writes
// the medians of outputs 8m .. 8m+7 and leaves `core` ready for block m + 1.
template <class V>
__attribute__((always_inline)) inline void medianBlock(Core<V>& core, std::size_t m, const V* left, const V* entering,
                                                       V* medians)
{
    const V* const firstTwo = core.pairs[(m + 1) % 2];
    const V* const second = core.chunks[(m + 2) % 4];
    const V* const third = core.chunks[(m + 3) % 4];
    // Core ranks 8..15: the lowest 16 of firstTwo and third are firstTwo[0..8) and the
    // pairwise minima of firstTwo[8..16) against third reversed (a bitonic sequence);
    // the upper half of those 16 follows the same way.
    V middle[kChunk];
#pragma GCC unroll 8
    for (int t = 0; t < kChunk; ++t) {
        middle[t] = firstTwo[kChunk + t];
        keepLower(middle[t], third[kChunk - 1 - t]);
    }
    sortBitonic(middle);
    V ranks[kChunk]; // ranks[i]: rank 8 + i of the core plus the left samples taken so far
#pragma GCC unroll 8
    for (int t = 0; t < kChunk; ++t) {
        ranks[t] = firstTwo[t];
        keepHigher(ranks[t], middle[kChunk - 1 - t]);
    }
    sortBitonic(ranks);

    // prefixes[j][0..j): the first j entering samples, sorted.
    V prefixes[kChunk + 1][kChunk];
    prefixes[1][0] = entering[0];
#pragma GCC unroll 8
    for (int j = 1; j < kChunk; ++j)
        insertSorted(prefixes[j], j, entering[j], prefixes[j + 1]);

    // Output 8m + j: rank 15 of (core + left[j..7)), known from rank 15 - j up, merged
    // with prefixes[j]: max over i of min(rank 15 - i, prefix[i]).
#pragma GCC unroll 8
    for (int j = kChunk - 1; j >= 0; --j) {
        if (j < kChunk - 1) {
#pragma GCC unroll 8
            for (int r = kChunk - 1; r >= kChunk - 1 - j; --r)
                liftInsert(ranks[r], ranks[r - 1], left[j]);
        }
        V median = ranks[kChunk - 1 - j];
#pragma GCC unroll 8
        for (int i = 0; i < j; ++i) {
            V low = ranks[kChunk - 1 - i];
            keepLower(low, prefixes[j][i]);
            keepHigher(median, low);
        }
        medians[j] = median;
    }

    V* const fourth = core.chunks[m % 4];
#pragma GCC unroll 8
    for (int i = 0; i < kChunk; ++i)
        fourth[i] = prefixes[kChunk][i];
    mergeChunks(second, third, core.pairs[m % 2]);
}

// Number of padded samples that blocks covering `length` outputs read.
inline std::size_t paddedLength(std::size_t length)
{
    return (length + kChunk - 1) / kChunk * kChunk + kSpan - kChunk;
}

} // namespace block31

// r[i] holds element i of eight lanes; afterwards r[j] holds lane j's elements 0..7.
__attribute__((always_inline)) inline void transposeLanes(Lanes r[kLanes])
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

// The same for four lanes.
__attribute__((always_inline)) inline void transposeLanes(HalfLanes r[kLanes / 2])
{
    const HalfLanes t0 = __builtin_shufflevector(r[0], r[1], 0, 4, 1, 5);
    const HalfLanes t1 = __builtin_shufflevector(r[0], r[1], 2, 6, 3, 7);
    const HalfLanes t2 = __builtin_shufflevector(r[2], r[3], 0, 4, 1, 5);
    const HalfLanes t3 = __builtin_shufflevector(r[2], r[3], 2, 6, 3, 7);
    r[0] = __builtin_shufflevector(t0, t2, 0, 1, 4, 5);
    r[1] = __builtin_shufflevector(t0, t2, 2, 3, 6, 7);
    r[2] = __builtin_shufflevector(t1, t3, 0, 1, 4, 5);
    r[3] = __builtin_shufflevector(t1, t3, 2, 3, 6, 7);
}

// A column step's loads and stores sit behind thousands of instructions of window
// updates, too far for out-of-order execution to hide their misses, and the hardware
// prefetchers do not follow this pattern well (measured: 5.1 -> 3.9 ms per spectrogram):
// fetch the rows a few steps ahead by hand.
constexpr std::size_t kPrefetchSteps = 4;
constexpr std::size_t kFloatsPerLine = 64 / sizeof(float);
// In eight-row blocks (block31), two blocks ahead.
constexpr std::size_t kBlockPrefetchSteps = 2;

// Columns [firstCol, firstCol + lanes * groups) of a matrix whose rows are `stride`
// floats apart. Each group of adjacent columns, one per lane, keeps its own sorted
// window, and the groups advance together row by row: every step reads the leaving and
// entering rows straight from `in` (lanes * groups contiguous floats each) and writes the
// medians straight into `out`, while all windows stay in L1 (64 columns x 31 = 8 KB).
template <class V, int K>
__attribute__((always_inline)) inline void filterColumnBand(const float* in, std::size_t rows, std::size_t stride,
                                                            std::size_t firstCol, std::size_t groups, int runtimeK,
                                                            const std::size_t* sourceRow, V* windows, float* out)
{
    const int k = K > 0 ? K : runtimeK;
    const auto column = [&](std::size_t row, std::size_t g) { return row * stride + firstCol + g * kLanesIn<V>; };
    for (std::size_t g = 0; g < groups; ++g) {
        V first[kMaxKernel];
        for (int i = 0; i < k; ++i)
            loadLanes(in + column(sourceRow[i], g), first[i]);
        V* const window = windows + g * std::size_t(k);
        sortLanes(first, k, window);
        storeLanes(window[k / 2], out + column(0, g));
    }
    for (std::size_t s = 1; s < rows; ++s) {
        const std::size_t leavingRow = sourceRow[s - 1], enteringRow = sourceRow[s + std::size_t(k) - 1];
        if (s + kPrefetchSteps < rows) {
            const float* const entering = in + column(sourceRow[s + kPrefetchSteps + std::size_t(k) - 1], 0);
            float* const result = out + column(s + kPrefetchSteps, 0);
            for (std::size_t f = 0; f < groups * kLanesIn<V>; f += kFloatsPerLine) {
                __builtin_prefetch(entering + f);
                __builtin_prefetch(result + f, 1);
            }
        }
        for (std::size_t g = 0; g < groups; ++g) {
            V leaving, entering;
            loadLanes(in + column(leavingRow, g), leaving);
            loadLanes(in + column(enteringRow, g), entering);
            V* const window = windows + g * std::size_t(k);
            slideWindow<V, K>(window, k, leaving, entering);
            storeLanes(window[k / 2], out + column(s, g));
        }
    }
}

// filterColumnBand<31> through block31, eight rows per step. Returns false, with `out`
// partly written, when a lane holds a NaN or a -0.0, for which block31 is not exact.
template <class V>
__attribute__((always_inline)) inline bool filterColumnBandInBlocks(const float* in, std::size_t rows,
                                                                    std::size_t stride, std::size_t firstCol,
                                                                    std::size_t groups, const std::size_t* sourceRow,
                                                                    block31::Core<V>* cores, float* out)
{
    using block31::kChunk;
    using block31::kKernel;
    const auto paddedRow = [&](std::size_t padded) { return in + sourceRow[padded] * stride + firstCol; };
    MaskOf<V> seen = {};
    for (std::size_t g = 0; g < groups; ++g) {
        V first[kKernel];
        for (std::size_t i = 0; i < kKernel; ++i)
            loadLanes(paddedRow(i) + g * kLanesIn<V>, first[i]);
        noteNanOrNegativeZero(first, kKernel, seen);
        block31::startCore(first + kChunk - 1, cores[g]);
    }
    for (std::size_t s = 0; s < rows; s += kChunk) {
        const float* leftRows[kChunk - 1];
        const float* enteringRows[kChunk];
        for (std::size_t i = 0; i < kChunk; ++i) {
            if (i < kChunk - 1)
                leftRows[i] = paddedRow(s + i);
            enteringRows[i] = paddedRow(s + kKernel + i);
        }
        if (s + kBlockPrefetchSteps * kChunk < rows) {
            for (std::size_t i = 0; i < kChunk; ++i) {
                const float* const entering = paddedRow(s + kBlockPrefetchSteps * kChunk + kKernel + i);
                float* const result = out + (s + kBlockPrefetchSteps * kChunk + i) * stride + firstCol;
                for (std::size_t f = 0; f < groups * kLanesIn<V>; f += kFloatsPerLine) {
                    __builtin_prefetch(entering + f);
                    __builtin_prefetch(result + f, 1);
                }
            }
        }
        const std::size_t outputs = std::min<std::size_t>(kChunk, rows - s);
        for (std::size_t g = 0; g < groups; ++g) {
            V left[kChunk - 1], entering[kChunk], medians[kChunk];
            for (std::size_t i = 0; i < kChunk; ++i) {
                if (i < kChunk - 1)
                    loadLanes(leftRows[i] + g * kLanesIn<V>, left[i]);
                loadLanes(enteringRows[i] + g * kLanesIn<V>, entering[i]);
            }
            noteNanOrNegativeZero(entering, kChunk, seen);
            block31::medianBlock(cores[g], s / kChunk, left, entering, medians);
            for (std::size_t i = 0; i < outputs; ++i)
                storeLanes(medians[i], out + (s + i) * stride + firstCol + g * kLanesIn<V>);
        }
    }
    return !anyLane(seen);
}

// Bands of 64 columns: each row step then touches 256 contiguous bytes per stream
// instead of a new page per group, and the band's windows still fit L1.
constexpr std::size_t kBandColumns = 64;

template <class V, int K>
__attribute__((always_inline)) inline void filterColumnsImpl(const float* in, std::size_t rows, std::size_t cols,
                                                             int runtimeK, float* out)
{
    const int k = K > 0 ? K : runtimeK;
    constexpr std::size_t kBandGroups = kBandColumns / kLanesIn<V>;
    const std::vector<std::size_t> sourceRow =
        reflectedPositions(rows, k, std::max(rows + std::size_t(k) - 1, block31::paddedLength(rows)));
    LaneBuffer<V> windows(kBandGroups * std::size_t(k));
    block31::Core<V> cores[kBandGroups];
    // Inlined, or it would miss the caller's AVX2 target.
    const auto filterBand = [&](const float* bandIn, std::size_t stride, std::size_t firstCol, std::size_t groups,
                                float* bandOut) __attribute__((always_inline)) {
        if (K != block31::kKernel ||
            !filterColumnBandInBlocks(bandIn, rows, stride, firstCol, groups, sourceRow.data(), cores, bandOut))
            filterColumnBand<V, K>(bandIn, rows, stride, firstCol, groups, k, sourceRow.data(), windows.data(), bandOut);
    };
    const std::size_t fullGroups = cols / kLanesIn<V>;
    for (std::size_t g = 0; g < fullGroups; g += kBandGroups)
        filterBand(in, cols, g * kLanesIn<V>, std::min(kBandGroups, fullGroups - g), out);
    // The last few columns would read past the matrix: filter a copy padded to a full group.
    const std::size_t tailFirst = fullGroups * kLanesIn<V>, tail = cols - tailFirst;
    if (tail == 0)
        return;
    std::vector<float> tailIn(rows * kLanesIn<V>, 0.0f), tailOut(rows * kLanesIn<V>);
    for (std::size_t r = 0; r < rows; ++r)
        std::copy_n(in + r * cols + tailFirst, tail, tailIn.data() + r * kLanesIn<V>);
    filterBand(tailIn.data(), kLanesIn<V>, 0, 1, tailOut.data());
    for (std::size_t r = 0; r < rows; ++r)
        std::copy_n(tailOut.data() + r * kLanesIn<V>, tail, out + r * cols + tailFirst);
}

#if GS_HAS_TARGET_VERSIONS
__attribute__((target("avx2"))) void filterColumns(const float* in, std::size_t rows, std::size_t cols, int k,
                                                    float* out)
{
    if (k == 31) // librosa's HPSS kernel
        filterColumnsImpl<Lanes, 31>(in, rows, cols, k, out);
    else
        filterColumnsImpl<Lanes, 0>(in, rows, cols, k, out);
}
#endif

GS_TARGET_DEFAULT void filterColumns(const float* in, std::size_t rows, std::size_t cols, int k,
                                                      float* out)
{
    if (k == 31)
        filterColumnsImpl<HalfLanes, 31>(in, rows, cols, k, out);
    else
        filterColumnsImpl<HalfLanes, 0>(in, rows, cols, k, out);
}

// Rows [firstRow, firstRow + used) with used <= lanes, one lane each. The lanes are
// gathered into `padded` (cols + k - 1 vectors, mirrored at both ends) and the medians
// scattered back `lanes` columns at a time through square transposes.
template <class V, int K>
__attribute__((always_inline)) inline void filterRowGroup(const float* in, std::size_t cols, std::size_t firstRow,
                                                          std::size_t used, int runtimeK, V* padded, float* out)
{
    const int k = K > 0 ? K : runtimeK;
    constexpr std::size_t lanes = kLanesIn<V>;
    const std::size_t half = std::size_t(k / 2);
    // Missing lanes repeat the last row; their medians are never stored.
    const float* source[lanes];
    for (std::size_t l = 0; l < lanes; ++l)
        source[l] = in + (firstRow + std::min(l, used - 1)) * cols;
    const std::size_t blockedCols = cols / lanes * lanes;
    for (std::size_t c = 0; c < blockedCols; c += lanes) {
        V block[lanes];
        for (std::size_t l = 0; l < lanes; ++l)
            loadLanes(source[l] + c, block[l]);
        transposeLanes(block);
        std::copy_n(block, lanes, padded + half + c);
    }
    for (std::size_t c = blockedCols; c < cols; ++c)
        for (std::size_t l = 0; l < lanes; ++l)
            padded[half + c][l] = source[l][c];
    for (std::size_t p = 0; p < half; ++p) {
        padded[p] = padded[half + reflectIndex(std::ptrdiff_t(p) - std::ptrdiff_t(half), cols)];
        padded[half + cols + p] = padded[half + reflectIndex(std::ptrdiff_t(cols + p), cols)];
    }

    V medians[block31::kChunk];
    // The medians of columns [c, c + lanes) in block[0..lanes).
    const auto storeBlock = [&](V* block, std::size_t c) {
        transposeLanes(block);
        for (std::size_t l = 0; l < used; ++l)
            storeLanes(block[l], out + (firstRow + l) * cols + c);
    };
    // The medians of the last cols % lanes columns, column c in medians[c % period].
    const auto storeTail = [&](std::size_t period) {
        for (std::size_t c = blockedCols; c < cols; ++c)
            for (std::size_t l = 0; l < used; ++l)
                out[(firstRow + l) * cols + c] = medians[c % period][l];
    };

    if (K == block31::kKernel && !anyNanOrNegativeZero(padded, cols + std::size_t(k) - 1)) {
        // Samples past the mirrored end only reach medians past the last column.
        std::fill(padded + cols + std::size_t(k) - 1, padded + block31::paddedLength(cols), V{});
        block31::Core<V> core;
        block31::startCore(padded + block31::kChunk - 1, core);
        for (std::size_t c = 0; c < cols; c += block31::kChunk) {
            block31::medianBlock(core, c / block31::kChunk, padded + c, padded + c + block31::kKernel, medians);
            for (std::size_t first = 0; first < block31::kChunk; first += lanes)
                if (c + first < blockedCols)
                    storeBlock(medians + first, c + first);
        }
        storeTail(block31::kChunk);
        return;
    }

    alignas(64) V window[kMaxKernel];
    sortLanes(padded, k, window);
    medians[0] = window[k / 2];
    for (std::size_t s = 1; s < cols; ++s) {
        slideWindow<V, K>(window, k, padded[s - 1], padded[s + std::size_t(k) - 1]);
        medians[s % lanes] = window[k / 2];
        if (s % lanes == lanes - 1)
            storeBlock(medians, s + 1 - lanes);
    }
    storeTail(lanes);
}

template <class V, int K>
__attribute__((always_inline)) inline void filterRowsImpl(const float* in, std::size_t rows, std::size_t cols,
                                                          int runtimeK, float* out)
{
    const int k = K > 0 ? K : runtimeK;
    LaneBuffer<V> padded(std::max(cols + std::size_t(k) - 1, block31::paddedLength(cols)));
    for (std::size_t first = 0; first < rows; first += kLanesIn<V>)
        filterRowGroup<V, K>(in, cols, first, std::min(kLanesIn<V>, rows - first), k, padded.data(), out);
}

#if GS_HAS_TARGET_VERSIONS
__attribute__((target("avx2"))) void filterRows(const float* in, std::size_t rows, std::size_t cols, int k, float* out)
{
    if (k == 31)
        filterRowsImpl<Lanes, 31>(in, rows, cols, k, out);
    else
        filterRowsImpl<Lanes, 0>(in, rows, cols, k, out);
}
#endif

GS_TARGET_DEFAULT void filterRows(const float* in, std::size_t rows, std::size_t cols, int k,
                                                   float* out)
{
    if (k == 31)
        filterRowsImpl<HalfLanes, 31>(in, rows, cols, k, out);
    else
        filterRowsImpl<HalfLanes, 0>(in, rows, cols, k, out);
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
