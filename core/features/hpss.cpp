#include "core/features/hpss.h"

#include "core/common/simd.h"
#include "core/dsp/median_filter.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gs {

namespace {

typedef float Lanes8 __attribute__((vector_size(32)));

// util.softmask(X, R, power=2, split_zeros=True) of eight bins, branch-free. With Z = max(X, R)
// one of X/Z and R/Z is exactly 1, so librosa's (X/Z)^2 / ((X/Z)^2 + (R/Z)^2) is 1/(1+q^2)
// or q^2/(q^2+1) with q = min/max: the same float operations in two divisions, not three.
// Where Z < tiny the mask is 0.5 (the lane's division result is discarded).
__attribute__((always_inline)) inline void softMaskSquareLanes(const Lanes8& x, const Lanes8& r, Lanes8& mask)
{
    const float tiny = std::numeric_limits<float>::min();
    const Lanes8 tinyV = {tiny, tiny, tiny, tiny, tiny, tiny, tiny, tiny};
    const Lanes8 one = {1, 1, 1, 1, 1, 1, 1, 1};
    const Lanes8 half = {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f};
    const auto harmonicLarger = x > r;
    const Lanes8 larger = harmonicLarger ? x : r;
    const Lanes8 smaller = harmonicLarger ? r : x;
    const auto silent = larger < tinyV;
    const Lanes8 q = smaller / (silent ? one : larger);
    const Lanes8 qq = q * q;
    const Lanes8 m = (harmonicLarger ? one : qq) / (qq + one);
    mask = silent ? half : m;
}

float softMaskSquareOne(float x, float r)
{
    const float larger = std::max(x, r);
    if (larger < std::numeric_limits<float>::min())
        return 0.5f;
    const float xs = x / larger, rs = r / larger;
    return (xs * xs) / (xs * xs + rs * rs);
}

// masked[b] = spectrum[b] * softmask(h[b], p[b]) for interleaved complex bins, the mask
// applied while still in registers.
GS_SIMD_CLONES
void maskSpectrumSquare(const float* h, const float* p, const float* spectrum, float* masked, std::size_t n)
{
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        Lanes8 x, r, m, low, high;
        __builtin_memcpy(&x, h + i, sizeof x);
        __builtin_memcpy(&r, p + i, sizeof r);
        softMaskSquareLanes(x, r, m);
        __builtin_memcpy(&low, spectrum + 2 * i, sizeof low);
        __builtin_memcpy(&high, spectrum + 2 * i + 8, sizeof high);
        low *= __builtin_shufflevector(m, m, 0, 0, 1, 1, 2, 2, 3, 3);
        high *= __builtin_shufflevector(m, m, 4, 4, 5, 5, 6, 6, 7, 7);
        __builtin_memcpy(masked + 2 * i, &low, sizeof low);
        __builtin_memcpy(masked + 2 * i + 8, &high, sizeof high);
    }
    for (; i < n; ++i) {
        const float m = softMaskSquareOne(h[i], p[i]);
        masked[2 * i] = spectrum[2 * i] * m;
        masked[2 * i + 1] = spectrum[2 * i + 1] * m;
    }
}

// util.softmask(X, X_ref, power, split_zeros=True) in float32 for any power:
// mask = (X/Z)^p / ((X/Z)^p + (R/Z)^p) with Z = max(X, R), 0.5 where Z < tiny.
void softMask(const float* h, const float* p, float* mask, std::size_t n, double power)
{
    const float tiny = std::numeric_limits<float>::min();
    for (std::size_t i = 0; i < n; ++i) {
        const float x = h[i], r = p[i];
        const float z = std::max(x, r);
        if (z < tiny) {
            mask[i] = 0.5f;
            continue;
        }
        const float xp = float(std::pow(x / z, power)), rp = float(std::pow(r / z, power));
        mask[i] = xp / (xp + rp);
    }
}

} // namespace

void harmonicMaskedSpectrum(const float* harmonicMedian, const float* percussiveMedian,
                            const std::complex<float>* spectrum, std::size_t bins, double power,
                            std::complex<float>* masked, std::vector<float>& scratch)
{
    const auto* source = reinterpret_cast<const float*>(spectrum);
    auto* out = reinterpret_cast<float*>(masked);
    if (power == 2.0)
        return maskSpectrumSquare(harmonicMedian, percussiveMedian, source, out, bins);
    scratch.resize(bins);
    softMask(harmonicMedian, percussiveMedian, scratch.data(), bins, power);
    for (std::size_t b = 0; b < bins; ++b) {
        out[2 * b] = source[2 * b] * scratch[b];
        out[2 * b + 1] = source[2 * b + 1] * scratch[b];
    }
}

void hpssWaveforms(std::span<const float> y, const dsp::ComplexSpectrogram& stft, const dsp::FrameMatrix& magnitude,
                   const HpssOptions& options, std::vector<float>& harmonic, std::vector<float>& percussive,
                   dsp::FrameMatrix* scratch)
{
    const std::size_t frames = magnitude.frames, bins = magnitude.bins;
    // Frame-major storage: the harmonic median runs along time, across rows; the
    // percussive one along frequency, within a row.
    thread_local dsp::FrameMatrix ownScratch;
    dsp::FrameMatrix& filteredHarmonic = scratch ? *scratch : ownScratch;
    filteredHarmonic.resize(frames, bins);
    dsp::medianFilterAlongColumns(magnitude.data.data(), frames, bins, options.kernel, filteredHarmonic.data.data());
    // Each frame's percussive median only needs that frame, so it is made a block of eight
    // frames at a time just before their inverse FFTs (the filter's own group size), and
    // the mask right before each one: neither exists as a spectrogram-sized matrix.
    constexpr std::size_t kBlock = 8;
    thread_local dsp::FrameMatrix percussiveBlock;
    percussiveBlock.resize(kBlock, bins);
    std::vector<float> mask;
    dsp::istftFromFrames(stft.shape, stft.frames, options.legacyLength ? 0 : y.size(),
                         [&](std::size_t t, std::complex<float>* spectrum) {
                             if (t % kBlock == 0)
                                 dsp::medianFilterAlongRows(magnitude.frame(t), std::min(kBlock, frames - t), bins,
                                                            options.kernel, percussiveBlock.data.data());
                             harmonicMaskedSpectrum(filteredHarmonic.frame(t), percussiveBlock.frame(t % kBlock),
                                                    stft.frame(t), bins, options.power, spectrum, mask);
                         },
                         harmonic);
    const std::size_t reconstructed = std::min(harmonic.size(), y.size());
    percussive.resize(y.size());
    for (std::size_t i = 0; i < reconstructed; ++i)
        percussive[i] = y[i] - harmonic[i];
    std::fill(percussive.begin() + std::ptrdiff_t(reconstructed), percussive.end(), 0.0f);
    harmonic.resize(y.size(), 0.0f); // util.fix_length: the legacy output is zero-filled
}

} // namespace gs
