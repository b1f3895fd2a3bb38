#pragma once
// Harmonic/percussive separation as librosa.decompose.hpss (median filters, soft masks)
// and librosa.effects.hpss (back to waveforms).
#include "core/dsp/stft.h"

#include <vector>

namespace gs {

struct HpssOptions {
    int kernel = 31;     // median length along time (harmonic) and frequency (percussive)
    double power = 2.0;  // soft-mask exponent
    // false: istft(length=len(y)) as librosa 0.10. true: older librosa's istft without
    // length=, i.e. hop*(frames-1) samples zero-filled to len(y) (how the Kaggle CSV was made).
    bool legacyLength = false;
};

// Soft masks of decompose.hpss(margin=1): harmonicMask + percussiveMask = 1 everywhere
// (0.5 each where both filtered magnitudes are below tiny(float32)). Frame-major.
void hpssMasks(const dsp::FrameMatrix& magnitude, int kernel, double power, dsp::FrameMatrix& harmonicMask,
               dsp::FrameMatrix& percussiveMask);

// effects.hpss: the waveforms y_harm and y_perc, both `length` samples long.
void hpssWaveforms(const dsp::ComplexSpectrogram& stft, const dsp::FrameMatrix& magnitude, std::size_t length,
                   const HpssOptions& options, std::vector<float>& harmonic, std::vector<float>& percussive);

} // namespace gs
