#include "core/features/chroma.h"

#include "core/common/simd.h"
#include "core/dsp/filterbank.h"
#include "core/dsp/vector_ops.h"

#include <algorithm>
#if defined(__x86_64__)
#include <immintrin.h>
#endif
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>

namespace gs {

namespace {

typedef float Lanes8 __attribute__((vector_size(32)));
constexpr std::size_t kPitchClasses = 12;

// Bins b in [lo, hi) (lo >= 1) where the spectrum gated at `ref` (values not above it count
// as 0) has a local maximum: above the bin below, not below the bin above (the last bin
// has none above). Written to `out`; returns how many. Comparisons are made eight bins at
// a time, so the rare maxima cost a branch and the many non-maxima do not.
std::size_t gatedLocalMaximaScalar(const float* s, std::size_t bins, std::size_t b, std::size_t hi, float ref,
                                   std::uint32_t* out, std::size_t count)
{
    auto gated = [&](std::size_t i) { return s[i] > ref ? s[i] : 0.0f; };
    for (; b < hi; ++b) {
        const float x = gated(b);
        if (b + 1 < bins ? (x > gated(b - 1) && x >= gated(b + 1)) : x > gated(b - 1))
            out[count++] = std::uint32_t(b);
    }
    return count;
}

GS_SIMD_CLONES
std::size_t gatedLocalMaxima(const float* s, std::size_t bins, std::size_t lo, std::size_t hi, float ref,
                             std::uint32_t* out)
{
    typedef int Ints8 __attribute__((vector_size(32)));
    const Lanes8 refV = {ref, ref, ref, ref, ref, ref, ref, ref};
    const Lanes8 zero = {};
    std::size_t count = 0, b = lo;
    for (; b + 9 <= std::min(hi + 1, bins); b += 8) { // b + 8 must be a bin
        Lanes8 below, here, above;
        __builtin_memcpy(&below, s + b - 1, sizeof below);
        __builtin_memcpy(&here, s + b, sizeof here);
        __builtin_memcpy(&above, s + b + 1, sizeof above);
        // Gated at ref, as librosa's S * (S > threshold * max).
        const Lanes8 x = here > refV ? here : zero;
        const Lanes8 left = below > refV ? below : zero;
        const Lanes8 right = above > refV ? above : zero;
        const Ints8 isMax = (x > left) & (x >= right);
        Ints8 none = {};
        if (__builtin_memcmp(&isMax, &none, sizeof isMax) == 0)
            continue;
        for (int l = 0; l < 8; ++l)
            if (isMax[l])
                out[count++] = std::uint32_t(b + std::size_t(l));
    }
    return gatedLocalMaximaScalar(s, bins, b, hi, ref, out, count);
}

} // namespace

TuningPeakFinder::TuningPeakFinder(double sampleRate, int nFft, std::size_t bins)
    : sampleRate_(sampleRate), nFft_(nFft), bins_(bins), lo_(bins), hi_(0)
{
    // piptrack(S=power, fmin=150, fmax=4000, threshold=0.1): in every frame, local maxima
    // (along frequency) of the bins above 0.1 * the frame's maximum, restricted to
    // [fmin, fmax), refined by parabolic interpolation. librosa runs this in float32; the
    // same float operations are kept so that peaks on the threshold fall the same way.
    const double fmax = std::min(4000.0, sampleRate / 2);
    const auto freq = dsp::fftFrequencies(sampleRate, nFft);
    for (std::size_t b = 0; b < bins; ++b)
        if (150.0 <= freq[b] && freq[b] < fmax) {
            lo_ = std::min(lo_, b);
            hi_ = b + 1;
        }
    lo_ = std::max<std::size_t>(lo_, 1); // the first bin is never a local maximum
    if (bins >= 3 && lo_ < hi_)
        maxima_.resize(hi_ - lo_);
}

void TuningPeakFinder::addFrame(const float* s, std::vector<TuningPeak>& peaks)
{
    if (maxima_.empty())
        return;
    const std::size_t bins = bins_;
    const float ref = 0.1f * dsp::maxValue(s, bins);
    const std::size_t found = gatedLocalMaxima(s, bins, lo_, hi_, ref, maxima_.data());
    for (std::size_t i = 0; i < found; ++i) {
        const std::size_t b = maxima_[i];
        float shift = 0.0f;
        float gradient;
        if (b + 1 < bins) {
            const float a = s[b + 1] + s[b - 1] - 2 * s[b];
            const float half = (s[b + 1] - s[b - 1]) / 2;
            shift = std::fabs(half) >= std::fabs(a) ? 0.0f : -half / a;
            gradient = (s[b + 1] - s[b - 1]) / 2.0f;
        } else {
            gradient = s[b] - s[b - 1];
        }
        const float skew = 0.5f * gradient * shift;
        const float pitch = float((double(b) + double(shift)) * sampleRate_ / nFft_);
        peaks.push_back({pitch, s[b] + skew});
    }
}

double tuningFromPeaks(std::span<const TuningPeak> peaks, int binsPerOctave)
{
    // Keep peaks at least as strong as the median peak (and with a positive pitch).
    std::vector<float> mags;
    mags.reserve(peaks.size());
    for (const TuningPeak& p : peaks)
        if (p.pitch > 0)
            mags.push_back(p.magnitude);
    if (mags.empty())
        return 0.0; // librosa warns "empty frequency set" and returns 0
    const float threshold = dsp::medianInPlace(mags.data(), mags.size());
    mags = {};

    // pitch_tuning(resolution=0.01): histogram of the deviation from the nearest
    // equal-tempered pitch, bins np.linspace(-0.5, 0.5, 101), left edge of the fullest bin.
    constexpr int nBins = 100;
    std::vector<double> edges(nBins + 1);
    for (int i = 0; i <= nBins; ++i)
        edges[std::size_t(i)] = i == nBins ? 0.5 : i * 0.01 + -0.5;
    std::vector<long> counts(nBins, 0);
    bool any = false;
    for (const TuningPeak& p : peaks) {
        if (!(p.pitch > 0) || !(p.magnitude >= threshold))
            continue;
        const float octs = std::log2(p.pitch / 27.5f); // hz_to_octs: log2(f / (440/16)), float32
        const float scaled = float(binsPerOctave) * octs;
        float residual = std::fmod(scaled, 1.0f);
        if (residual < 0)
            residual += 1.0f;
        if (residual >= 0.5f)
            residual -= 1.0f;
        const double r = residual;
        // Bin i holds [edge_i, edge_i+1); the last bin also holds 0.5.
        auto it = std::upper_bound(edges.begin(), edges.end(), r);
        int bin = int(it - edges.begin()) - 1;
        if (r == edges.back())
            bin = nBins - 1;
        if (bin < 0 || bin >= nBins)
            continue;
        ++counts[std::size_t(bin)];
        any = true;
    }
    if (!any)
        return 0.0;
    const auto best = std::max_element(counts.begin(), counts.end()) - counts.begin();
    return edges[std::size_t(best)];
}

double estimateTuning(const dsp::FrameMatrix& power, double sampleRate, int nFft, int binsPerOctave)
{
    TuningPeakFinder finder(sampleRate, nFft, power.bins);
    std::vector<TuningPeak> peaks;
    for (std::size_t t = 0; t < power.frames; ++t)
        finder.addFrame(power.frame(t), peaks);
    return tuningFromPeaks(peaks, binsPerOctave);
}

namespace {

// raw[c] = bank row c . power for the twelve pitch classes in one pass over the frame: each
// power value is loaded once for all rows, and no per-row horizontal sums until the end.
GS_SIMD_CLONES
void projectTwelve(const float* bank, std::size_t stride, const float* power, std::size_t n, float* raw)
{
    Lanes8 acc[kPitchClasses] = {};
    std::size_t b = 0;
    for (; b + 8 <= n; b += 8) {
        Lanes8 x;
        __builtin_memcpy(&x, power + b, sizeof x);
#pragma GCC unroll 12
        for (std::size_t c = 0; c < kPitchClasses; ++c) {
            Lanes8 w;
            __builtin_memcpy(&w, bank + c * stride + b, sizeof w);
            acc[c] += w * x;
        }
    }
    for (std::size_t c = 0; c < kPitchClasses; ++c) {
        const Lanes8& a = acc[c];
        float sum = ((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7]));
        for (std::size_t i = b; i < n; ++i)
            sum += bank[c * stride + i] * power[i];
        raw[c] = sum;
    }
}

#if defined(__x86_64__)
// projectTwelve for two frames at once with FMA: each bank value loaded feeds both frames,
// which halves the bank traffic (48 KB, read from L2 for every frame otherwise). Six
// pitch classes per pass keep the twelve accumulators in registers.
__attribute__((target("avx2,fma")))
void projectTwelvePairAvx2(const float* bank, std::size_t stride, const float* first, const float* second,
                           std::size_t n, float* rawFirst, float* rawSecond)
{
    constexpr std::size_t kPerPass = 6;
    for (std::size_t base = 0; base < kPitchClasses; base += kPerPass) {
        __m256 accFirst[kPerPass], accSecond[kPerPass];
        for (std::size_t c = 0; c < kPerPass; ++c)
            accFirst[c] = accSecond[c] = _mm256_setzero_ps();
        std::size_t b = 0;
        for (; b + 8 <= n; b += 8) {
            const __m256 x = _mm256_loadu_ps(first + b);
            const __m256 y = _mm256_loadu_ps(second + b);
            for (std::size_t c = 0; c < kPerPass; ++c) {
                const __m256 w = _mm256_loadu_ps(bank + (base + c) * stride + b);
                accFirst[c] = _mm256_fmadd_ps(w, x, accFirst[c]);
                accSecond[c] = _mm256_fmadd_ps(w, y, accSecond[c]);
            }
        }
        for (std::size_t c = 0; c < kPerPass; ++c) {
            const float* w = bank + (base + c) * stride;
            alignas(32) float lanesFirst[8], lanesSecond[8];
            _mm256_store_ps(lanesFirst, accFirst[c]);
            _mm256_store_ps(lanesSecond, accSecond[c]);
            const auto sum = [](const float* l) { return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7])); };
            float sumFirst = sum(lanesFirst), sumSecond = sum(lanesSecond);
            for (std::size_t i = b; i < n; ++i) {
                sumFirst += w[i] * first[i];
                sumSecond += w[i] * second[i];
            }
            rawFirst[base + c] = sumFirst;
            rawSecond[base + c] = sumSecond;
        }
    }
}

bool haveAvx2Fma()
{
    static const bool yes = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return yes;
}
#endif

const Matrix& cachedChromaBank(double sampleRate, int nFft, int nChroma, double tuning)
{
    using Key = std::tuple<double, int, int, double>;
    static std::mutex mutex;
    static std::map<Key, std::unique_ptr<Matrix>> cache;
    std::lock_guard lock(mutex);
    auto& slot = cache[Key{sampleRate, nFft, nChroma, tuning}];
    if (!slot)
        slot = std::make_unique<Matrix>(dsp::chromaFilterBank(sampleRate, nFft, nChroma, tuning));
    return *slot;
}
} // namespace

Matrix chromaFromPower(const dsp::FrameMatrix& power, double sampleRate, int nFft, double tuning, int nChroma)
{
    const Matrix& bank = cachedChromaBank(sampleRate, nFft, nChroma, tuning);
    const std::size_t rows = std::size_t(nChroma);
    Matrix out(rows, power.frames);
    const std::size_t n = std::min(bank.cols, power.bins);
    std::vector<float> raw(2 * rows);
    // normalize(norm=inf): frames whose maximum is below tiny(float32) stay as they are.
    const auto store = [&](std::size_t t, const float* values) {
        float top = 0;
        for (std::size_t c = 0; c < rows; ++c)
            top = std::max(top, std::fabs(values[c]));
        const double scale = top < std::numeric_limits<float>::min() ? 1.0 : double(top);
        for (std::size_t c = 0; c < rows; ++c)
            out(c, t) = float(double(values[c]) / scale);
    };
    std::size_t t = 0;
#if defined(__x86_64__)
    if (rows == kPitchClasses && haveAvx2Fma())
        for (; t + 2 <= power.frames; t += 2) {
            projectTwelvePairAvx2(bank.data.data(), bank.cols, power.frame(t), power.frame(t + 1), n, raw.data(),
                                  raw.data() + rows);
            store(t, raw.data());
            store(t + 1, raw.data() + rows);
        }
#endif
    for (; t < power.frames; ++t) {
        const float* p = power.frame(t);
        if (rows == kPitchClasses)
            projectTwelve(bank.data.data(), bank.cols, p, n, raw.data());
        else
            for (std::size_t c = 0; c < rows; ++c)
                raw[c] = dsp::dot(bank.row(c).data(), p, n);
        store(t, raw.data());
    }
    return out;
}

} // namespace gs
