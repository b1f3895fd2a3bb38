#include "core/features/hpss.h"

#include "core/dsp/median_filter.h"

#include <cmath>
#include <limits>

namespace gs {

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
    const float tiny = std::numeric_limits<float>::min();
    const bool square = power == 2.0;
    const std::size_t total = frames * bins;
    float* h = harmonic.data.data();
    const float* p = percussive.data.data();
    for (std::size_t i = 0; i < total; ++i) {
        const float x = h[i], r = p[i];
        const float z = std::max(x, r);
        if (z < tiny) {
            h[i] = 0.5f;
            continue;
        }
        const float xs = x / z, rs = r / z;
        const float xp = square ? xs * xs : float(std::pow(xs, power));
        const float rp = square ? rs * rs : float(std::pow(rs, power));
        h[i] = xp / (xp + rp);
    }
}

void hpssWaveforms(std::span<const float> y, const dsp::ComplexSpectrogram& stft, const dsp::FrameMatrix& magnitude,
                   const HpssOptions& options, std::vector<float>& harmonic, std::vector<float>& percussive)
{
    thread_local dsp::FrameMatrix mask;
    hpssHarmonicMask(magnitude, options.kernel, options.power, mask);
    dsp::istftMasked(stft, mask, options.legacyLength ? 0 : y.size(), harmonic);
    const std::size_t reconstructed = std::min(harmonic.size(), y.size());
    percussive.assign(y.size(), 0.0f);
    for (std::size_t i = 0; i < reconstructed; ++i)
        percussive[i] = y[i] - harmonic[i];
    harmonic.resize(y.size(), 0.0f); // util.fix_length: the legacy output is zero-filled
}

} // namespace gs
