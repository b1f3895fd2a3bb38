#include "core/features/hpss.h"

#include "core/dsp/median_filter.h"

#include <cmath>
#include <limits>

namespace gs {

void hpssMasks(const dsp::FrameMatrix& magnitude, int kernel, double power, dsp::FrameMatrix& harmonicMask,
               dsp::FrameMatrix& percussiveMask)
{
    const std::size_t frames = magnitude.frames, bins = magnitude.bins;
    // Frame-major storage: "along time" slides across rows, "along frequency" along a row.
    dsp::FrameMatrix& harmonic = harmonicMask;
    dsp::FrameMatrix& percussive = percussiveMask;
    harmonic.resize(frames, bins);
    percussive.resize(frames, bins);
    dsp::medianFilterAlongColumns(magnitude.data.data(), frames, bins, kernel, harmonic.data.data());
    dsp::medianFilterAlongRows(magnitude.data.data(), frames, bins, kernel, percussive.data.data());

    // util.softmask(X, X_ref, power, split_zeros=True) in float32, both masks at once:
    // mask = (X/Z)^p / ((X/Z)^p + (R/Z)^p) with Z = max(X, R), 0.5 where Z < tiny.
    const float tiny = std::numeric_limits<float>::min();
    const bool square = power == 2.0;
    const std::size_t total = frames * bins;
    float* h = harmonic.data.data();
    float* p = percussive.data.data();
    for (std::size_t i = 0; i < total; ++i) {
        const float x = h[i], r = p[i];
        const float z = std::max(x, r);
        if (z < tiny) {
            h[i] = 0.5f;
            p[i] = 0.5f;
            continue;
        }
        const float xs = x / z, rs = r / z;
        const float xp = square ? xs * xs : float(std::pow(xs, power));
        const float rp = square ? rs * rs : float(std::pow(rs, power));
        h[i] = xp / (xp + rp);
        p[i] = rp / (rp + xp);
    }
}

void hpssWaveforms(const dsp::ComplexSpectrogram& stft, const dsp::FrameMatrix& magnitude, std::size_t length,
                   const HpssOptions& options, std::vector<float>& harmonic, std::vector<float>& percussive)
{
    thread_local dsp::FrameMatrix harmonicMask, percussiveMask;
    hpssMasks(magnitude, options.kernel, options.power, harmonicMask, percussiveMask);
    thread_local dsp::ComplexSpectrogram part;
    part.shape = stft.shape;
    part.frames = stft.frames;
    part.values.resize(stft.values.size());
    const std::size_t istftLength = options.legacyLength ? 0 : length;
    auto reconstruct = [&](const dsp::FrameMatrix& mask, std::vector<float>& out) {
        // (S * mask) * phase with S * phase == the STFT value itself.
        for (std::size_t i = 0; i < part.values.size(); ++i)
            part.values[i] = stft.values[i] * mask.data[i];
        dsp::istft(part, istftLength, out);
        out.resize(length, 0.0f); // util.fix_length: zero-fill (legacy) or no-op
    };
    reconstruct(harmonicMask, harmonic);
    reconstruct(percussiveMask, percussive);
}

} // namespace gs
