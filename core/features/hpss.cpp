#include "core/features/hpss.h"

#include "core/dsp/median_filter.h"

#include <cmath>
#include <limits>

namespace gs {

namespace {

typedef float Lanes8 __attribute__((vector_size(32)));

// h[i] <- softmask(h[i], p[i]); eight bins at a time, branch-free (where Z < tiny the
// division may produce NaN in a lane that the final select replaces by 0.5).
__attribute__((target_clones("avx2", "default")))
void softMaskSquareInPlace(float* h, const float* p, std::size_t n)
{
    const float tiny = std::numeric_limits<float>::min();
    const Lanes8 tinyV = {tiny, tiny, tiny, tiny, tiny, tiny, tiny, tiny};
    const Lanes8 one = {1, 1, 1, 1, 1, 1, 1, 1};
    const Lanes8 half = {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f};
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        Lanes8 x, r;
        __builtin_memcpy(&x, h + i, sizeof x);
        __builtin_memcpy(&r, p + i, sizeof r);
        const Lanes8 z = x > r ? x : r;
        const auto silent = z < tinyV;
        const Lanes8 safeZ = silent ? one : z;
        const Lanes8 xs = x / safeZ, rs = r / safeZ;
        const Lanes8 xp = xs * xs, rp = rs * rs;
        Lanes8 mask = xp / (xp + rp);
        mask = silent ? half : mask;
        __builtin_memcpy(h + i, &mask, sizeof mask);
    }
    for (; i < n; ++i) {
        const float x = h[i], r = p[i];
        const float z = std::max(x, r);
        if (z < tiny) {
            h[i] = 0.5f;
            continue;
        }
        const float xs = x / z, rs = r / z;
        h[i] = (xs * xs) / (xs * xs + rs * rs);
    }
}

void softMaskInPlace(float* h, const float* p, std::size_t n, double power)
{
    if (power == 2.0)
        return softMaskSquareInPlace(h, p, n);
    const float tiny = std::numeric_limits<float>::min();
    for (std::size_t i = 0; i < n; ++i) {
        const float x = h[i], r = p[i];
        const float z = std::max(x, r);
        if (z < tiny) {
            h[i] = 0.5f;
            continue;
        }
        const float xp = float(std::pow(x / z, power)), rp = float(std::pow(r / z, power));
        h[i] = xp / (xp + rp);
    }
}

} // namespace

void hpssHarmonicMask(const dsp::FrameMatrix& magnitude, int kernel, double power, dsp::FrameMatrix& harmonicMask)
{
    const std::size_t frames = magnitude.frames, bins = magnitude.bins;
    // Frame-major storage: "along time" slides across rows, "along frequency" along a row.
    thread_local dsp::FrameMatrix percussive;
    dsp::FrameMatrix& harmonic = harmonicMask;
    harmonic.resize(frames, bins);
    percussive.resize(frames, bins);
    dsp::medianFilterAlongColumns(magnitude.data.data(), frames, bins, kernel, harmonic.data.data());
    dsp::medianFilterAlongRows(magnitude.data.data(), frames, bins, kernel, percussive.data.data());

    // util.softmask(X, X_ref, power, split_zeros=True) in float32:
    // mask = (X/Z)^p / ((X/Z)^p + (R/Z)^p) with Z = max(X, R), 0.5 where Z < tiny.
    softMaskInPlace(harmonic.data.data(), percussive.data.data(), frames * bins, power);
}

void hpssWaveforms(std::span<const float> y, const dsp::ComplexSpectrogram& stft, const dsp::FrameMatrix& magnitude,
                   const HpssOptions& options, std::vector<float>& harmonic, std::vector<float>& percussive,
                   dsp::FrameMatrix* maskScratch)
{
    thread_local dsp::FrameMatrix ownMask;
    dsp::FrameMatrix& mask = maskScratch ? *maskScratch : ownMask;
    hpssHarmonicMask(magnitude, options.kernel, options.power, mask);
    dsp::istftMasked(stft, mask, options.legacyLength ? 0 : y.size(), harmonic);
    const std::size_t reconstructed = std::min(harmonic.size(), y.size());
    percussive.assign(y.size(), 0.0f);
    for (std::size_t i = 0; i < reconstructed; ++i)
        percussive[i] = y[i] - harmonic[i];
    harmonic.resize(y.size(), 0.0f); // util.fix_length: the legacy output is zero-filled
}

} // namespace gs
