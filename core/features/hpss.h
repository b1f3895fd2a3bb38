#pragma once
// Harmonic/percussive separation as librosa.decompose.hpss (median filters, soft masks)
// and librosa.effects.hpss (back to waveforms).
#include "core/dsp/stft.h"

#include <span>
#include <vector>

namespace gs {

struct HpssOptions {
    int kernel = 31;     // median length along time (harmonic) and frequency (percussive)
    double power = 2.0;  // soft-mask exponent
    // false: istft(length=len(y)) as librosa 0.10. true: older librosa's istft without
    // length=, i.e. hop*(frames-1) samples zero-filled to len(y) (how the Kaggle CSV was made).
    bool legacyLength = false;
};

// effects.hpss(y): the waveforms y_harm and y_perc, both y.size() samples long; `stft`
// and `magnitude` are stft(y) and its magnitude.
//
// Only y_harm goes through an inverse STFT: the masks sum to one and a Hann STFT with hop
// n_fft/4 inverts exactly, so istft(P) = istft(D) - istft(H) = y - y_harm. This differs
// from librosa's own istft(P) only by float rounding (checked against the reference).
// scratch (optional) holds one of the two median-filtered magnitudes; a caller done with
// another spectrogram-sized buffer (the power spectrogram) can lend it to save memory.
// One frame of the harmonic part: spectrum * softmask(H, P, power) where H and P are the
// frame's time- and frequency-median-filtered magnitudes (scratch: reused buffer).
void harmonicMaskedSpectrum(const float* harmonicMedian, const float* percussiveMedian,
                            const std::complex<float>* spectrum, std::size_t bins, double power,
                            std::complex<float>* masked, std::vector<float>& scratch);

void hpssWaveforms(std::span<const float> y, const dsp::ComplexSpectrogram& stft, const dsp::FrameMatrix& magnitude,
                   const HpssOptions& options, std::vector<float>& harmonic, std::vector<float>& percussive,
                   dsp::FrameMatrix* scratch = nullptr);

} // namespace gs
