#include "core/features/spectral.h"

#include "core/common/error.h"
#include "core/common/simd.h"
#include "core/dsp/filterbank.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cmath>
#include <limits>
#include <numbers>

namespace gs {

namespace {
// librosa.util.normalize leaves columns whose norm is below tiny(float32) unscaled.
constexpr double kTinyFloat = std::numeric_limits<float>::min();

typedef float Lanes8 __attribute__((vector_size(32)));
typedef double Doubles4 __attribute__((vector_size(32)));
typedef int Ints8 __attribute__((vector_size(32)));

// Frames are reduced in groups so that their dependency chains (a running float sum per
// frame, four double lanes per sum) overlap instead of waiting on the add latency; each
// frame's own arithmetic stays in the order of the one-frame code.
constexpr std::size_t kMomentGroup = 4;
constexpr std::size_t kRolloffGroup = 8;

// Pointers to frames first.. of a group; past the last frame the last one is repeated
// (its results are computed and dropped) so the kernels only see full groups.
template <std::size_t N>
std::array<const float*, N> frameGroup(const dsp::FrameMatrix& magnitude, std::size_t first)
{
    std::array<const float*, N> frames;
    for (std::size_t k = 0; k < N; ++k)
        frames[k] = magnitude.frame(std::min(first + k, magnitude.frames - 1));
    return frames;
}

// rows[k][j] -> columns[j][k] for an 8x8 block.
__attribute__((always_inline)) inline void transpose8(const Lanes8 rows[8], Lanes8 columns[8])
{
    Lanes8 pairs[8], quads[8];
    for (int k = 0; k < 8; k += 2) {
        pairs[k] = __builtin_shufflevector(rows[k], rows[k + 1], 0, 8, 1, 9, 4, 12, 5, 13);
        pairs[k + 1] = __builtin_shufflevector(rows[k], rows[k + 1], 2, 10, 3, 11, 6, 14, 7, 15);
    }
    for (int k = 0; k < 8; k += 4)
        for (int h = 0; h < 2; ++h) {
            quads[k + 2 * h] = __builtin_shufflevector(pairs[k + h], pairs[k + h + 2], 0, 1, 8, 9, 4, 5, 12, 13);
            quads[k + 2 * h + 1] = __builtin_shufflevector(pairs[k + h], pairs[k + h + 2], 2, 3, 10, 11, 6, 7, 14, 15);
        }
    for (int j = 0; j < 4; ++j) {
        columns[j] = __builtin_shufflevector(quads[j], quads[j + 4], 0, 1, 2, 3, 8, 9, 10, 11);
        columns[j + 4] = __builtin_shufflevector(quads[j], quads[j + 4], 4, 5, 6, 7, 12, 13, 14, 15);
    }
}

// Per frame: sum s and sum f*s in double, four lanes in a fixed order. Floats become
// double lanes by element-wise initialisation: GCC 12 makes one vcvtps2pd of that, but two
// half-width ones and a vinsertf128 of __builtin_convertvector.
GS_SIMD_CLONES
void magnitudeMoments(const std::array<const float*, kMomentGroup>& frames, const double* freq, std::size_t bins,
                      double* total, double* moment)
{
    Doubles4 totalLanes[kMomentGroup] = {}, momentLanes[kMomentGroup] = {};
    std::size_t b = 0;
    for (; b + 4 <= bins; b += 4) {
        Doubles4 f;
        __builtin_memcpy(&f, freq + b, sizeof f);
        for (std::size_t k = 0; k < kMomentGroup; ++k) {
            const float* x = frames[k] + b;
            const Doubles4 s = {x[0], x[1], x[2], x[3]};
            totalLanes[k] += s;
            momentLanes[k] += f * s;
        }
    }
    for (std::size_t k = 0; k < kMomentGroup; ++k) {
        const Doubles4 t = totalLanes[k], m = momentLanes[k];
        total[k] = (t[0] + t[1]) + (t[2] + t[3]);
        moment[k] = (m[0] + m[1]) + (m[2] + m[3]);
        for (std::size_t i = b; i < bins; ++i) {
            total[k] += double(frames[k][i]);
            moment[k] += freq[i] * double(frames[k][i]);
        }
    }
}

// Per frame: sum (f - center)^2 * s in double, four lanes in a fixed order.
GS_SIMD_CLONES
void spreadMoments(const std::array<const float*, kMomentGroup>& frames, const double* freq, std::size_t bins,
                   const double* center, double* spread)
{
    Doubles4 lanes[kMomentGroup] = {};
    std::size_t b = 0;
    for (; b + 4 <= bins; b += 4) {
        Doubles4 f;
        __builtin_memcpy(&f, freq + b, sizeof f);
        for (std::size_t k = 0; k < kMomentGroup; ++k) {
            const float* x = frames[k] + b;
            const Doubles4 d = f - center[k];
            lanes[k] += (d * d) * Doubles4{x[0], x[1], x[2], x[3]};
        }
    }
    for (std::size_t k = 0; k < kMomentGroup; ++k) {
        const Doubles4 v = lanes[k];
        spread[k] = (v[0] + v[1]) + (v[2] + v[3]);
        for (std::size_t i = b; i < bins; ++i) {
            const double d = freq[i] - center[k];
            spread[k] += (d * d) * double(frames[k][i]);
        }
    }
}

// cumulative[b * 8 + k] = frame k's float32 running sum up to bin b, added bin by bin
// (np.cumsum's order); one frame per lane.
GS_SIMD_CLONES
void cumulativeSums(const std::array<const float*, kRolloffGroup>& frames, std::size_t bins, float* cumulative)
{
    static_assert(kRolloffGroup == 8, "one frame per lane of Lanes8");
    Lanes8 running = {};
    std::size_t b = 0;
    for (; b + 8 <= bins; b += 8) {
        Lanes8 rows[8], columns[8];
#pragma GCC unroll 8
        for (std::size_t k = 0; k < 8; ++k)
            __builtin_memcpy(&rows[k], frames[k] + b, sizeof rows[k]);
        transpose8(rows, columns);
        for (std::size_t j = 0; j < 8; ++j) {
            running += columns[j];
            __builtin_memcpy(cumulative + (b + j) * 8, &running, sizeof running);
        }
    }
    for (; b < bins; ++b) {
        Lanes8 column;
        for (std::size_t k = 0; k < 8; ++k)
            column[k] = frames[k][b];
        running += column;
        __builtin_memcpy(cumulative + b * 8, &running, sizeof running);
    }
}

// Centroid (and, when wanted, bandwidth around it) of frames first.. of one group.
void centroidAndBandwidth(const dsp::FrameMatrix& magnitude, const std::vector<double>& freq, std::size_t first,
                          std::vector<double>& centroid, std::vector<double>* bandwidth)
{
    const std::size_t bins = std::min(magnitude.bins, freq.size());
    const auto frames = frameGroup<kMomentGroup>(magnitude, first);
    double total[kMomentGroup], moment[kMomentGroup], center[kMomentGroup], spread[kMomentGroup];
    magnitudeMoments(frames, freq.data(), bins, total, moment);
    for (std::size_t k = 0; k < kMomentGroup; ++k)
        center[k] = total[k] < kTinyFloat ? moment[k] : moment[k] / total[k];
    const std::size_t count = std::min(kMomentGroup, magnitude.frames - first);
    std::copy_n(center, count, centroid.begin() + std::ptrdiff_t(first));
    if (!bandwidth)
        return;
    spreadMoments(frames, freq.data(), bins, center, spread);
    for (std::size_t k = 0; k < count; ++k)
        (*bandwidth)[first + k] = std::sqrt(total[k] < kTinyFloat ? spread[k] : spread[k] / total[k]);
}

// Rolloff of frames first.. of one group; cumulative is scratch of bins * 8 floats.
void rolloffGroup(const dsp::FrameMatrix& magnitude, const std::vector<double>& freq, double rollPercent,
                  std::size_t first, std::vector<float>& cumulative, std::vector<double>& rolloff)
{
    const std::size_t bins = magnitude.bins;
    cumulativeSums(frameGroup<kRolloffGroup>(magnitude, first), bins, cumulative.data());
    const std::size_t count = std::min(kRolloffGroup, magnitude.frames - first);
    for (std::size_t k = 0; k < count; ++k) {
        // librosa: float32 np.cumsum and a float32 threshold; the result is a bin
        // frequency, so reproducing the float arithmetic keeps the bin identical.
        const float threshold = float(rollPercent) * cumulative[(bins - 1) * kRolloffGroup + k];
        // The first bin whose cumulative sum is not below the threshold (sums never decrease).
        // A plain binary search (std::views::iota does not build with clang 15 on libstdc++ 12,
        // which the fuzz and sanitizer builds use).
        std::size_t bin = 0;
        for (std::size_t count = bins; count > 0;) {
            const std::size_t half = count / 2;
            if (cumulative[(bin + half) * kRolloffGroup + k] < threshold) {
                bin += half + 1;
                count -= half + 1;
            } else {
                count = half;
            }
        }
        rolloff[first + k] = bin < bins ? freq[bin] : freq.back();
    }
}

// numpy.pad'ed sample i of y (`before` samples added on the left), without building the copy.
float paddedSample(std::span<const float> y, std::size_t before, dsp::Pad pad, std::size_t i)
{
    const std::ptrdiff_t k = dsp::padIndex(std::ptrdiff_t(i) - std::ptrdiff_t(before), y.size(), pad);
    return k < 0 ? 0.0f : y[std::size_t(k)];
}

// sum x^2 in double over padded samples [begin, end), in index order.
double paddedSumOfSquares(std::span<const float> y, std::size_t before, dsp::Pad pad, std::size_t begin,
                          std::size_t end)
{
    double sum = 0;
    if (begin >= before && end <= before + y.size()) {
        const float* x = y.data() + (begin - before);
        for (std::size_t j = 0; j < end - begin; ++j)
            sum += double(x[j]) * x[j];
    } else {
        for (std::size_t i = begin; i < end; ++i) {
            const double x = paddedSample(y, before, pad, i);
            sum += x * x;
        }
    }
    return sum;
}

// sum x^2 in double of kSquareSumGroup blocks of `length` samples, each in index order:
// the blocks' add chains overlap.
constexpr std::size_t kSquareSumGroup = 8;
GS_SIMD_CLONES
void sumOfSquares(const float* const blocks[kSquareSumGroup], std::size_t length, double* sums)
{
    double lanes[kSquareSumGroup] = {};
    for (std::size_t j = 0; j < length; ++j)
#pragma GCC unroll 8
        for (std::size_t k = 0; k < kSquareSumGroup; ++k)
            lanes[k] += double(blocks[k][j]) * blocks[k][j];
    std::copy_n(lanes, kSquareSumGroup, sums);
}

// librosa zeroes |x| <= 1e-10 before looking at signs, so a sample counts as negative only
// below -1e-10 (in double); for a float that is: below the least float not under -1e-10.
const float kNegativeBelow = [] {
    const float nearest = float(-1e-10);
    return double(nearest) < -1e-10 ? std::nextafter(nearest, 0.0f) : nearest;
}();

// Sign changes between consecutive samples y[j-1], y[j] for j in (from, to].
GS_SIMD_CLONES
std::size_t signChanges(const float* y, std::size_t from, std::size_t to)
{
    Ints8 lanes = {};
    std::size_t j = from + 1;
    for (; j + 8 <= to + 1; j += 8) {
        Lanes8 current, previous;
        __builtin_memcpy(&current, y + j, sizeof current);
        __builtin_memcpy(&previous, y + j - 1, sizeof previous);
        lanes -= (current < kNegativeBelow) ^ (previous < kNegativeBelow); // comparisons give -1 for true
    }
    std::size_t changes = 0;
    for (std::size_t l = 0; l < 8; ++l)
        changes += std::size_t(lanes[l]);
    for (; j <= to; ++j)
        changes += (y[j] < kNegativeBelow) != (y[j - 1] < kNegativeBelow);
    return changes;
}
} // namespace

std::vector<double> spectralCentroid(const dsp::FrameMatrix& magnitude, double sampleRate, int nFft)
{
    const auto freq = dsp::fftFrequencies(sampleRate, nFft);
    std::vector<double> centroid(magnitude.frames);
    for (std::size_t t = 0; t < magnitude.frames; t += kMomentGroup)
        centroidAndBandwidth(magnitude, freq, t, centroid, nullptr);
    return centroid;
}

std::vector<double> spectralBandwidth(const dsp::FrameMatrix& magnitude, double sampleRate, int nFft,
                                      const std::vector<double>& centroid)
{
    const auto freq = dsp::fftFrequencies(sampleRate, nFft);
    const std::size_t bins = std::min(magnitude.bins, freq.size());
    std::vector<double> out(magnitude.frames);
    for (std::size_t t = 0; t < magnitude.frames; t += kMomentGroup) {
        const auto frames = frameGroup<kMomentGroup>(magnitude, t);
        double total[kMomentGroup], moment[kMomentGroup], center[kMomentGroup], spread[kMomentGroup];
        magnitudeMoments(frames, freq.data(), bins, total, moment);
        for (std::size_t k = 0; k < kMomentGroup; ++k)
            center[k] = centroid[std::min(t + k, magnitude.frames - 1)];
        spreadMoments(frames, freq.data(), bins, center, spread);
        for (std::size_t k = 0; k < kMomentGroup && t + k < magnitude.frames; ++k)
            out[t + k] = std::sqrt(total[k] < kTinyFloat ? spread[k] : spread[k] / total[k]);
    }
    return out;
}

std::vector<double> spectralRolloff(const dsp::FrameMatrix& magnitude, double sampleRate, int nFft,
                                    double rollPercent)
{
    const auto freq = dsp::fftFrequencies(sampleRate, nFft);
    std::vector<double> out(magnitude.frames);
    if (magnitude.bins == 0)
        return out;
    std::vector<float> cumulative(magnitude.bins * kRolloffGroup);
    for (std::size_t t = 0; t < magnitude.frames; t += kRolloffGroup)
        rolloffGroup(magnitude, freq, rollPercent, t, cumulative, out);
    return out;
}

SpectralShape spectralShape(const dsp::FrameMatrix& magnitude, double sampleRate, int nFft, double rollPercent)
{
    const auto freq = dsp::fftFrequencies(sampleRate, nFft);
    SpectralShape out;
    out.centroid.resize(magnitude.frames);
    out.bandwidth.resize(magnitude.frames);
    out.rolloff.resize(magnitude.frames);
    std::vector<float> cumulative(magnitude.bins * kRolloffGroup);
    // Rolloff brings a group of frames into cache; the moments then read them from there.
    for (std::size_t t = 0; t < magnitude.frames; t += kRolloffGroup) {
        if (magnitude.bins > 0)
            rolloffGroup(magnitude, freq, rollPercent, t, cumulative, out.rolloff);
        for (std::size_t g = t; g < std::min(t + kRolloffGroup, magnitude.frames); g += kMomentGroup)
            centroidAndBandwidth(magnitude, freq, g, out.centroid, &out.bandwidth);
    }
    return out;
}

std::vector<double> spectralFlatness(const dsp::FrameMatrix& magnitude)
{
    std::vector<double> out(magnitude.frames);
    const float amin = 1e-10f;
    // The geometric mean without a logarithm per bin: a float p >= amin is normal, so
    // p = m 2^e exactly with m in [1, 2). The exponents add up as integers and the mantissas
    // multiply in double (a block of 512 stays below 2^512), one log per block.
    constexpr std::size_t kBlock = 512;
    for (std::size_t t = 0; t < magnitude.frames; ++t) {
        const float* s = magnitude.frame(t);
        double logSum = 0, sum = 0;
        long exponents = 0;
        for (std::size_t first = 0; first < magnitude.bins; first += kBlock) {
            const std::size_t last = std::min(magnitude.bins, first + kBlock);
            double product = 1;
            for (std::size_t b = first; b < last; ++b) {
                const float p = std::max(amin, s[b] * s[b]);
                sum += p;
                const auto bits = std::bit_cast<std::uint32_t>(p);
                exponents += long(bits >> 23) - 127;
                product *= double(std::bit_cast<float>((bits & 0x7fffffu) | 0x3f800000u));
            }
            logSum += std::log(product);
        }
        logSum += double(exponents) * std::numbers::ln2;
        const double n = double(magnitude.bins);
        out[t] = n > 0 ? std::exp(logSum / n) / (sum / n) : 1.0;
    }
    return out;
}

namespace {
// Quantiles of at most this many bins are picked by insertion rather than a full sort.
constexpr std::size_t kSmallQuantile = 32;

// The n smallest of v[0, size) in ascending order and the n largest in descending order
// (n <= size): what the first and last n of the sorted band are, in one pass that
// rejects most values with one comparison each.
void extremes(const float* v, std::size_t size, std::size_t n, std::vector<float>& lowest, std::vector<float>& highest)
{
    lowest.assign(v, v + n);
    std::sort(lowest.begin(), lowest.end());
    highest.assign(lowest.rbegin(), lowest.rend());
    for (std::size_t i = n; i < size; ++i) {
        const float x = v[i];
        if (x < lowest[n - 1]) {
            std::size_t j = n - 1;
            for (; j > 0 && lowest[j - 1] > x; --j)
                lowest[j] = lowest[j - 1];
            lowest[j] = x;
        }
        if (x > highest[n - 1]) {
            std::size_t j = n - 1;
            for (; j > 0 && highest[j - 1] < x; --j)
                highest[j] = highest[j - 1];
            highest[j] = x;
        }
    }
}
} // namespace

Matrix spectralContrast(const dsp::FrameMatrix& magnitude, double sampleRate, int nFft, double fmin, int nBands,
                        double quantile)
{
    if (nBands < 1 || !(quantile > 0 && quantile < 1) || !(fmin > 0))
        throw Error(ErrorKind::InvalidArgument, "spectral_contrast", "n_bands >= 1, 0 < quantile < 1, fmin > 0");
    std::vector<double> edges(std::size_t(nBands) + 2, 0.0);
    for (int i = 1; i < nBands + 2; ++i)
        edges[std::size_t(i)] = fmin * std::pow(2.0, i - 1);
    for (int i = 0; i < nBands + 1; ++i)
        if (edges[std::size_t(i)] >= 0.5 * sampleRate)
            throw Error(ErrorKind::InvalidArgument, "spectral_contrast",
                        "frequency band exceeds Nyquist; reduce fmin or n_bands");
    const auto freq = dsp::fftFrequencies(sampleRate, nFft);
    const std::size_t bins = freq.size();
    const std::size_t rows = std::size_t(nBands) + 1;
    // Band k covers the bins in [edge_k, edge_k+1], plus the bin just below (k > 0) and,
    // for the top band, everything above; all bands but the top drop their last bin from
    // the statistics while counting it for the quantile size (librosa's quirk, kept).
    struct Band {
        std::size_t first = 0, end = 0; // bins used for sorting
        std::size_t count = 1;          // quantile length
    };
    std::vector<Band> bands(rows);
    for (std::size_t k = 0; k < rows; ++k) {
        std::size_t lo = bins, hi = 0;
        for (std::size_t b = 0; b < bins; ++b)
            if (freq[b] >= edges[k] && freq[b] <= edges[k + 1]) {
                lo = std::min(lo, b);
                hi = b + 1;
            }
        if (lo >= hi)
            throw Error(ErrorKind::InvalidArgument, "spectral_contrast", "empty frequency band");
        if (k > 0)
            lo -= 1;
        if (k == rows - 1)
            hi = bins;
        const std::size_t inBand = hi - lo;
        Band band;
        band.first = lo;
        band.end = k < rows - 1 ? hi - 1 : hi;
        band.count = std::max<std::size_t>(1, std::size_t(std::nearbyint(quantile * double(inBand))));
        bands[k] = band;
    }
    std::vector<double> peakD(rows * magnitude.frames), valleyD(rows * magnitude.frames);
    std::vector<float> sorted, lowest, highest;
    for (std::size_t t = 0; t < magnitude.frames; ++t) {
        const float* s = magnitude.frame(t);
        for (std::size_t k = 0; k < rows; ++k) {
            const Band& band = bands[k];
            const std::size_t size = band.end - band.first;
            const std::size_t n = std::min(band.count, size);
            if (n <= kSmallQuantile) {
                extremes(s + band.first, size, n, lowest, highest);
            } else {
                sorted.assign(s + band.first, s + band.end);
                std::sort(sorted.begin(), sorted.end());
                lowest.assign(sorted.begin(), sorted.begin() + std::ptrdiff_t(n));
                highest.assign(sorted.rbegin(), sorted.rbegin() + std::ptrdiff_t(n));
            }
            // The order of the sorted band: smallest first for the valley, largest first for the peak.
            double low = 0, high = 0;
            for (std::size_t i = 0; i < n; ++i) {
                low += lowest[i];
                high += highest[i];
            }
            valleyD[k * magnitude.frames + t] = n ? low / double(n) : 0.0;
            peakD[k * magnitude.frames + t] = n ? high / double(n) : 0.0;
        }
    }
    // power_to_db(peak) - power_to_db(valley), each clipped at its own max - 80 dB.
    auto toDb = [](std::vector<double>& v) {
        double top = -std::numeric_limits<double>::infinity();
        for (double& x : v) {
            x = 10.0 * std::log10(std::max(1e-10, x));
            top = std::max(top, x);
        }
        for (double& x : v)
            x = std::max(x, top - 80.0);
    };
    toDb(peakD);
    toDb(valleyD);
    Matrix out(rows, magnitude.frames);
    for (std::size_t i = 0; i < out.data.size(); ++i)
        out.data[i] = float(peakD[i] - valleyD[i]);
    return out;
}

std::vector<double> zeroCrossingRate(std::span<const float> y, int frameLength, int hop)
{
    const std::size_t frames = 1 + y.size() / std::size_t(hop);
    std::vector<double> out(frames);
    if (y.empty())
        return out;
    // With edge padding the padded samples repeat y's end samples, so every sign change
    // lies between two samples of y: frame t's changes are those of y[j-1], y[j] for j in
    // (first_t, last_t] (its first sample never counts, pad=False), both bounds in y's
    // indices and nondecreasing in t. One sweep counts the changes up to each bound.
    const std::size_t half = std::size_t(frameLength / 2);
    const std::size_t paddedLength = y.size() + 2 * half;
    const auto toSignal = [&](std::size_t padded) { return std::min(y.size() - 1, padded - std::min(padded, half)); };
    std::vector<std::size_t> first(frames), last(frames);
    for (std::size_t t = 0; t < frames; ++t) {
        const std::size_t start = t * std::size_t(hop);
        const std::size_t end = std::min(paddedLength - 1, start + std::size_t(frameLength) - 1);
        first[t] = toSignal(std::min(start, end));
        last[t] = toSignal(end);
    }
    std::vector<std::size_t> changesToFirst(frames), changesToLast(frames);
    std::size_t position = 0, changes = 0, a = 0, b = 0;
    while (a < frames || b < frames) {
        const bool takeFirst = b == frames || (a < frames && first[a] <= last[b]);
        const std::size_t bound = takeFirst ? first[a] : last[b];
        changes += signChanges(y.data(), position, bound);
        position = bound;
        (takeFirst ? changesToFirst[a++] : changesToLast[b++]) = changes;
    }
    for (std::size_t t = 0; t < frames; ++t)
        out[t] = double(changesToLast[t] - changesToFirst[t]) / frameLength;
    return out;
}

std::vector<double> rmsEnergy(std::span<const float> y, dsp::Pad pad, int frameLength, int hop)
{
    const std::size_t frames = 1 + y.size() / std::size_t(hop);
    const std::size_t half = std::size_t(frameLength / 2);
    const std::size_t paddedLength = y.size() + 2 * half;
    const std::size_t hopLength = std::size_t(hop);
    // Sum squares per hop-sized block once; a frame is then a few block sums (no
    // cancellation, unlike a running prefix sum, so silent frames stay exactly 0).
    const bool blocked = frameLength % hop == 0;
    const std::size_t blocksPerFrame = blocked ? std::size_t(frameLength / hop) : 0;
    std::vector<double> blockEnergy;
    if (blocked) {
        blockEnergy.resize(frames + blocksPerFrame - 1);
        const auto blockBegin = [&](std::size_t k) { return std::min(paddedLength, k * hopLength); };
        // Blocks lying wholly inside y are summed in groups; the padded ends one by one.
        const std::size_t firstInside = std::min(blockEnergy.size(), (half + hopLength - 1) / hopLength);
        const std::size_t endInside = std::max(firstInside, std::min(blockEnergy.size(), (half + y.size()) / hopLength));
        std::size_t k = firstInside;
        for (; k + kSquareSumGroup <= endInside; k += kSquareSumGroup) {
            const float* blocks[kSquareSumGroup];
            for (std::size_t i = 0; i < kSquareSumGroup; ++i)
                blocks[i] = y.data() + (blockBegin(k + i) - half);
            sumOfSquares(blocks, hopLength, blockEnergy.data() + k);
        }
        for (std::size_t j = 0; j < blockEnergy.size(); ++j)
            if (j < firstInside || j >= k) {
                const std::size_t begin = blockBegin(j);
                blockEnergy[j] = paddedSumOfSquares(y, half, pad, begin, std::min(paddedLength, begin + hopLength));
            }
    }
    std::vector<double> out(frames);
    for (std::size_t t = 0; t < frames; ++t) {
        double sum = 0;
        if (blocked) {
            for (std::size_t k = 0; k < blocksPerFrame; ++k)
                sum += blockEnergy[t + k];
        } else {
            const std::size_t begin = std::min(paddedLength, t * hopLength);
            sum = paddedSumOfSquares(y, half, pad, begin, std::min(paddedLength, begin + std::size_t(frameLength)));
        }
        // librosa squares and averages in float32; the float64 sum is closer to the truth
        // and within 1e-7 of it. Rounding to float keeps librosa's output type.
        out[t] = double(float(std::sqrt(sum / frameLength)));
    }
    return out;
}

} // namespace gs
