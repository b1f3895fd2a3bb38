#include "core/features/chroma.h"

#include "core/dsp/filterbank.h"
#include "core/dsp/vector_ops.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>

namespace gs {

double estimateTuning(const dsp::FrameMatrix& power, double sampleRate, int nFft, int binsPerOctave)
{
    // piptrack(S=power, fmin=150, fmax=4000, threshold=0.1): in every frame, local maxima
    // (along frequency) of the bins above 0.1 * the frame's maximum, restricted to
    // [fmin, fmax), refined by parabolic interpolation. librosa runs this in float32; the
    // same float operations are kept so that peaks on the threshold fall the same way.
    const std::size_t bins = power.bins;
    const double fmax = std::min(4000.0, sampleRate / 2);
    const auto freq = dsp::fftFrequencies(sampleRate, nFft);
    std::size_t lo = bins, hi = 0;
    for (std::size_t b = 0; b < bins; ++b)
        if (150.0 <= freq[b] && freq[b] < fmax) {
            lo = std::min(lo, b);
            hi = b + 1;
        }
    struct Peak {
        float pitch, magnitude;
    };
    std::vector<Peak> peaks;
    if (bins >= 3 && lo < hi) {
        lo = std::max<std::size_t>(lo, 1); // the first bin is never a local maximum
        for (std::size_t t = 0; t < power.frames; ++t) {
            const float* s = power.frame(t);
            const float ref = 0.1f * dsp::maxValue(s, bins);
            auto gated = [&](std::size_t b) { return s[b] > ref ? s[b] : 0.0f; };
            for (std::size_t b = lo; b < hi; ++b) {
                const float x = gated(b);
                const bool isMax = b + 1 < bins ? (x > gated(b - 1) && x >= gated(b + 1)) : x > gated(b - 1);
                if (!isMax)
                    continue;
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
                const float pitch = float((double(b) + double(shift)) * sampleRate / nFft);
                peaks.push_back({pitch, s[b] + skew});
            }
        }
    }
    // Keep peaks at least as strong as the median peak (and with a positive pitch).
    std::vector<float> mags;
    mags.reserve(peaks.size());
    for (const Peak& p : peaks)
        if (p.pitch > 0)
            mags.push_back(p.magnitude);
    if (mags.empty())
        return 0.0; // librosa warns "empty frequency set" and returns 0
    const float threshold = dsp::medianInPlace(mags.data(), mags.size());

    // pitch_tuning(resolution=0.01): histogram of the deviation from the nearest
    // equal-tempered pitch, bins np.linspace(-0.5, 0.5, 101), left edge of the fullest bin.
    constexpr int nBins = 100;
    std::vector<double> edges(nBins + 1);
    for (int i = 0; i <= nBins; ++i)
        edges[std::size_t(i)] = i == nBins ? 0.5 : i * 0.01 + -0.5;
    std::vector<long> counts(nBins, 0);
    bool any = false;
    for (const Peak& p : peaks) {
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

namespace {

typedef float Lanes8 __attribute__((vector_size(32)));
constexpr std::size_t kPitchClasses = 12;

// raw[c] = bank row c . power for the twelve pitch classes in one pass over the frame: each
// power value is loaded once for all rows, and no per-row horizontal sums until the end.
__attribute__((target_clones("avx2", "default")))
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
    std::vector<float> raw(rows);
    for (std::size_t t = 0; t < power.frames; ++t) {
        const float* p = power.frame(t);
        const std::size_t n = std::min(bank.cols, power.bins);
        if (rows == kPitchClasses)
            projectTwelve(bank.data.data(), bank.cols, p, n, raw.data());
        else
            for (std::size_t c = 0; c < rows; ++c)
                raw[c] = dsp::dot(bank.row(c).data(), p, n);
        float top = 0;
        for (std::size_t c = 0; c < rows; ++c)
            top = std::max(top, std::fabs(raw[c]));
        // normalize(norm=inf): frames whose maximum is below tiny(float32) stay as they are.
        const double scale = top < std::numeric_limits<float>::min() ? 1.0 : double(top);
        for (std::size_t c = 0; c < rows; ++c)
            out(c, t) = float(double(raw[c]) / scale);
    }
    return out;
}

} // namespace gs
