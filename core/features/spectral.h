#pragma once
// Per-frame spectral and time-domain features, as librosa.feature.* with its defaults.
// Spectral ones take the magnitude spectrogram |stft| (frame-major, see dsp/stft.h).
#include "core/dsp/matrix.h"
#include "core/dsp/signal_pad.h"
#include "core/dsp/stft.h"

#include <span>
#include <vector>

namespace gs {

// spectral_centroid: the magnitude-weighted mean frequency (0 for silent frames).
std::vector<double> spectralCentroid(const dsp::FrameMatrix& magnitude, double sampleRate, int nFft);
// spectral_bandwidth(p=2, norm=True) around the given centroid.
std::vector<double> spectralBandwidth(const dsp::FrameMatrix& magnitude, double sampleRate, int nFft,
                                      const std::vector<double>& centroid);
// spectral_rolloff: lowest bin frequency whose cumulative magnitude reaches rollPercent.
std::vector<double> spectralRolloff(const dsp::FrameMatrix& magnitude, double sampleRate, int nFft,
                                    double rollPercent = 0.85);
// The three above in one sweep over the spectrogram (the values are identical): what
// feature extraction needs, reading each frame from memory once.
struct SpectralShape {
    std::vector<double> centroid, bandwidth, rolloff;
};
SpectralShape spectralShape(const dsp::FrameMatrix& magnitude, double sampleRate, int nFft,
                            double rollPercent = 0.85);
// spectral_flatness(power=2, amin=1e-10): geometric over arithmetic mean of the power.
std::vector<double> spectralFlatness(const dsp::FrameMatrix& magnitude);
// spectral_contrast(fmin=200, n_bands=6, quantile=0.02) in dB: rows = 7 bands.
// Throws InvalidArgument when the top band edge (fmin * 2^nBands... ) passes Nyquist.
Matrix spectralContrast(const dsp::FrameMatrix& magnitude, double sampleRate, int nFft, double fmin = 200.0,
                        int nBands = 6, double quantile = 0.02);

// zero_crossing_rate(frame 2048, hop 512, center=True): always edge padding, as librosa.
std::vector<double> zeroCrossingRate(std::span<const float> y, int frameLength = 2048, int hop = 512);
// rms(y, frame 2048, hop 512, center=True, pad_mode).
std::vector<double> rmsEnergy(std::span<const float> y, dsp::Pad pad, int frameLength = 2048, int hop = 512);

} // namespace gs
